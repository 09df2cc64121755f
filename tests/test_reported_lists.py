"""Bare members of a list that goes on from a count of plain reported cases are confirmed as their head is (issue
23: they were left `unspecified`), invented sentences, lists of other statuses included."""
import pytest


def counts(facts_of, text):
    return [(f["value"], f["region"], f["status"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("631 cases have been reported in Jiangsu, 93 in Nanjing, 55 in Wuxi and 13 in Suqian.",
     [(631, "Jiangsu", "confirmed"), (93, "Nanjing", "confirmed"), (55, "Wuxi", "confirmed"),
      (13, "Suqian", "confirmed")]),
    ("631 cases have been reported in Jiangsu, 93 of which were in Nanjing, 55 in Wuxi and 13 in Suqian.",
     [(631, "Jiangsu", "confirmed"), (93, "Nanjing", "confirmed"), (55, "Wuxi", "confirmed"),
      (13, "Suqian", "confirmed")]),
    ("As of 24:00, March 5, 631 cases have been reportedin Jiangsu accumulatively, 93 of which were in Nanjing, 55 "
     "in Wuxi, 79 inXuzhou, and 13in Suqian.",
     [(631, "Jiangsu", "confirmed"), (93, "Nanjing", "confirmed"), (55, "Wuxi", "confirmed"),
      (79, "Xuzhou", "confirmed"), (13, "Suqian", "confirmed")]),
    # other statuses stay theirs
    ("631 cases have been reported in Jiangsu, and 93 patients died, 5 in Nanjing.",
     [(631, "Jiangsu", "confirmed"), (93, None, "death"), (5, "Nanjing", "death")]),
    ("Jiangsu has 600 cured patients, 93 in Nanjing and 55 in Wuxi.",
     [(600, "Jiangsu", "recovered"), (93, "Nanjing", "recovered"), (55, "Wuxi", "recovered")]),
    ("30 suspected cases have been reported in Jiangsu, 3 in Nanjing.",
     [(30, "Jiangsu", "suspected"), (3, "Nanjing", "suspected")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_reported_lists(facts_of, text, expected):
    assert counts(facts_of, text) == expected
