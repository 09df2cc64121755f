"""A level reached and a count after `, and` are two clauses, not one list sharing the last noun (issue 23: the
level was given the later count's status, a wrong value), invented sentences, lists that are lists included."""
import pytest


def counts(facts_of, text):
    return [(f["value"], f["status"], f["period"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("The cumulative number of discharged patients reached 292, and 3 deaths were reported.",
     [(292, "recovered", "total"), (3, "death", None)]),
    ("The number of confirmed cases rose to 950, and 12 patients were discharged.",
     [(950, "confirmed", "total"), (12, "recovered", None)]),
    # lists stay lists
    ("New cases fell to 12, 10, and 8 cases on the three days.",
     [(12, "confirmed", None), (10, "confirmed", None), (8, "confirmed", None)]),
    ("Hubei reported 202, 183 and 176 new deaths on the three days.",
     [(202, "death", "new"), (183, "death", "new"), (176, "death", "new")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_level_clauses(facts_of, text, expected):
    assert counts(facts_of, text) == expected
