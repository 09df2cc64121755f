"""Counts coordinated before one place (issue 23, whose count), invented sentences, false readings included: the
place `in` locates after the last member of `3,099 cases and 82 deaths ... in Henan` is every member's, unless a
member has a place of its own or the count is the country's."""
import pytest


def counts(facts_of, text):
    return [(f["value"], f["region"], f["status"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("A total of 82 deaths and 3,099 infections were reported in Henan as of Wednesday.",
     [(82, "Henan", "death"), (3099, "Henan", "confirmed")]),
    ("There were 3,099 cases and 82 deaths in Henan.", [(3099, "Henan", "confirmed"), (82, "Henan", "death")]),
    ("By Sunday, 3,099 cases, 1,200 recoveries and 82 deaths had been recorded in Henan.",
     [(3099, "Henan", "confirmed"), (1200, "Henan", "recovered"), (82, "Henan", "death")]),
    ("3,099 cases and 82 deaths in Henan have been reported.",
     [(3099, "Henan", "confirmed"), (82, "Henan", "death")]),
    # a member with a place of its own keeps it; the country's counts take none
    ("Hubei reported 100 cases and 20 deaths in Wuhan.", [(100, "Hubei", "confirmed"), (20, "Wuhan", "death")]),
    ("Nationwide, 80,000 cases and 3,000 deaths were reported in the mainland.",
     [(80000, None, "confirmed"), (3000, None, "death")]),
    ("The country reported 3,000 cases, and 82 deaths were in Henan.",
     [(3000, None, "confirmed"), (82, "Henan", "death")]),
    ("There were 3,099 cases and 82 deaths, including 40 in Henan.",
     [(3099, None, "confirmed"), (82, None, "death"), (40, "Henan", "death")]),
    ("There were 3,099 cases in Hubei and 82 deaths in Henan.", [(3099, "Hubei", "confirmed"), (82, "Henan", "death")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_coordinated_counts(facts_of, text, expected):
    assert counts(facts_of, text) == expected
