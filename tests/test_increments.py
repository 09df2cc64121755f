"""A count that brings a total to a number is new (issue 23, periods), invented sentences, false readings included:
`838 patients were discharged, bringing the total to 67,749` says 838 were added; a count with another number or
no such clause after it keeps the period its own words give."""
import pytest


def periods(facts_of, text):
    return [(f["value"], f["period"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("On the same day, 838 patients were discharged from hospitals, bringing the total number of recovered cases "
     "to 67,749.", [(838, "new"), (67749, "total")]),
    ("Hubei reported 40 deaths, raising its toll to 3,000.", [(40, "new"), (3000, "total")]),
    ("Guangdong confirmed 12 cases, taking the total to 1,350.", [(12, "new"), (1350, "total")]),
    ("Jiangxi discharged 30 patients and pushing the number of recoveries to 600.", [(30, "new"), (600, "total")]),
    # `newly` in the count's own verb
    ("In Sichuan, 14 patients have been newly cured and discharged from hospital.", [(14, "new")]),
    ("Five cases were newly confirmed in Hunan.", [(5, "new")]),
    ("In Sichuan, 14 patients have been cured and discharged from hospital.", [(14, "total")]),
    ("In Sichuan, 14 patients have been cured, and 3 were newly confirmed.", [(14, "total")]),
    # no clause that brings a total, or another number first: the count's own words decide
    ("Guangdong confirmed 12 cases.", [(12, None)]),
    ("Guangdong has 1,350 cases in 21 cities, bringing the total to 2,000.", [(1350, "total")]),   # a place has
    ("Guangdong confirmed 12 cases, and the total is now 1,350.", [(12, None)]),
    ("Guangdong confirmed 12 cases; the province's total is 1,350.", [(12, None)]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_increments(facts_of, text, expected):
    assert periods(facts_of, text) == expected
