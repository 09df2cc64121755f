"""Numbers that are no staff and no count (our own sentences, several shapes each, false positives included):
people infected by someone are not a team (`infecting 3 people`); a clock range (`at 0-24 hours on April 6`) counts nothing."""
from __future__ import annotations

import pytest


def staff(facts_of, text):
    return sorted(f["value"] for f in facts_of(text, published="2020-03-07", kind="personnel_count"))


@pytest.mark.parametrize("text, expected", [
    ("A man concealed his illness, infecting 3 people in Fuzhou.", []),
    # staff stay staff
    ("Fujian sent 138 medical workers to Wuhan on Friday.", [138]),
    ("A team of 120 people from Fujian left for Wuhan on Friday.", [120]),
    ("Fujian sent nine medical teams to Hubei, including 1,385 people.", [1385]),
])
def test_people_carried_or_infected_are_no_staff(facts_of, text, expected):
    assert staff(facts_of, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fujian reported 1 new imported case at 0-24 hours on April 6.", [1]),
    ("From 0-24 o'clock on April 6, Fujian reported 2 new cases.", [2]),
    ("Fujian reported 0 new cases on April 6.", [0]),
])
def test_a_clock_range_is_no_count(facts_of, text, expected):
    found = sorted(f["value"] for f in facts_of(text, published="2020-04-07", kind="case_count"))
    assert found == expected


def test_infecting_people_makes_cases_not_staff(facts_of):
    text = ("Concealing the disease and infecting 3 people 114 quarantined men are transferred for prosecution\n\n"
            "The man was transferred for prosecution.")
    assert facts_of(text, published="2020-04-10", kind="personnel_count") == []
