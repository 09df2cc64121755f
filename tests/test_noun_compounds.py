"""A singular case noun that modifies the noun after it counts no cases (issue 23, a wrong value is worse than
none), invented sentences: `30 death certificates`, `12 recovery centres`; but `one recovery`, `1 new recovery`,
`3 death cases` (machine translation) and a singular noun before a verb stay counts."""
import pytest


def counts(facts_of, text):
    return [(f["value"], f["status"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("Dongguan reported one recovery and one new case on February 21.", [(1, "recovered"), (1, "confirmed")]),
    ("Hunan reported 1 new recovery on Monday.", [(1, "recovered")]),
    ("Hubei reported 3 death cases on Monday.", [(3, "death")]),
    ("Hubei reported 30 recoveries on Monday.", [(30, "recovered")]),
    ("Hubei issued 30 death certificates.", []),
    ("Wuhan opened 30 patient wards.", []),
    ("Hubei's 12 recovery centres were closed.", []),
    ("Hubei has 30 case reports on file.", []),
    ("Patients need a 14-day recovery period.", []),
    ("Full recovery takes 2 weeks.", []),
    ("Hubei reported 2 new case on Monday.", [(2, "confirmed")]),
    ("In Hubei, 2 new case was reported.", [(2, "confirmed")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_noun_compounds(facts_of, text, expected):
    assert counts(facts_of, text) == expected
