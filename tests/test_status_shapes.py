"""Severe and critical counts (issue 23), invented sentences: a count of the severe and the critical together is
the wider group (severe), never the critical alone; a bulletin's critical-condition sentences count critical
cases of the bulletin's place; `critical` and `severe` of other things count nothing."""
import pytest


def cases(facts_of, text):
    return [(f["value"], f["status"], f["region"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    # severe and critical together: the wider group
    ("Henan reported 1,200 confirmed cases, including 42 severe or critical cases.",
     [(1200, "confirmed", "Henan"), (42, "severe", "Henan")]),
    ("Henan has 42 severe and critical cases.", [(42, "severe", "Henan")]),
    ("Anhui has 900 confirmed cases, 52 of them in severe or critical condition.",
     [(900, "confirmed", "Anhui"), (52, "severe", "Anhui")]),
    ("Anhui has 900 confirmed cases. Among the patients, 52 are severely or critically ill.",
     [(900, "confirmed", "Anhui"), (52, "severe", "Anhui")]),
    # critical alone, in a bulletin's shapes
    ("Henan reported 1,200 confirmed cases. Of the patients, 12 are in critical condition.",
     [(1200, "confirmed", "Henan"), (12, "critical", "Henan")]),
    ("Henan reported 1,200 confirmed cases on Monday. 12 patients remain in critical condition.",
     [(1200, "confirmed", "Henan"), (12, "critical", "Henan")]),
    ("As of Monday, Anhui had 900 confirmed cases, with 12 in critical condition.",
     [(900, "confirmed", "Anhui"), (12, "critical", "Anhui")]),
    ("Anhui reported 900 confirmed cases, of whom 12 remain in critical condition and 40 in severe condition.",
     [(900, "confirmed", "Anhui"), (12, "critical", "Anhui"), (40, "severe", "Anhui")]),
    ("Henan reported 1,200 confirmed cases. Of the 42 severe cases, 12 are in critical condition.",
     [(1200, "confirmed", "Henan"), (42, "severe", "Henan"), (12, "critical", "Henan")]),
    ("Anhui has 900 confirmed cases. Critical cases: 12.", [(900, "confirmed", "Anhui"), (12, "critical", "Anhui")]),
    # not counts of patients
    ("Anhui reported 900 confirmed cases. The next 14 days are critical for the province.",
     [(900, "confirmed", "Anhui")]),
    ("Anhui reported 900 confirmed cases. Some 12 hospitals are in critical need of masks.",
     [(900, "confirmed", "Anhui")]),
    ("Anhui reported 900 confirmed cases. The province faces a severe shortage of 300 ventilators.",
     [(900, "confirmed", "Anhui")]),
    ("Anhui reported 900 confirmed cases. 12 critical supplies were delivered.", [(900, "confirmed", "Anhui")]),
    ("Henan reported 1,200 confirmed cases. A 45-year-old patient is in critical condition.",
     [(1200, "confirmed", "Henan")]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:50] for t, _ in SHAPES])
def test_status_shapes(facts_of, text, expected):
    assert cases(facts_of, text) == expected
