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
    ("The number of confirmed cases rose to 500 and 3 patients died on Monday.",
     [(500, "confirmed", "total"), (3, "death", "total")]),   # (the 3's period: the clause's `number of`)
    ("The number of new infections was 394 and the number of deaths was 114, taking the totals to 74,576 and 2,118 "
     "respectively.", [(394, "confirmed", "new"), (114, "death", "total"), (74576, "confirmed", "total"),
                       (2118, "death", "total")]),
    ("Hubei reported 349 new cases and 108 new deaths, bringing the totals to 62,031 and 2,029 respectively.",
     [(349, "confirmed", "new"), (108, "death", "new"), (62031, "confirmed", "total"), (2029, "death", "total")]),
    ("Wuhan reported 131 new cases, and the cities of Ezhou and Huangshi added two and one respectively.",
     [(131, "confirmed", "new"), (2, "confirmed", "new"), (1, "confirmed", "new")]),
    # lists stay lists
    ("New cases fell to 12, 10, and 8 cases on the three days.",
     [(12, "confirmed", None), (10, "confirmed", None), (8, "confirmed", None)]),
    ("Hubei reported 202, 183 and 176 new deaths on the three days.",
     [(202, "death", "new"), (183, "death", "new"), (176, "death", "new")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_level_clauses(facts_of, text, expected):
    assert counts(facts_of, text) == expected
