"""Shapes of lists and places met on unseen articles (blind sets 19 and 20, their odd halves), one table per
phenomenon, of our own sentences, false readings included (a wrong value is worse than none). A case-count row
lists every case count the text must give as (value, status, region); a staff row (value, origin, destination)."""
import pytest


def case_rows(facts_of, text):
    return sorted((f["value"], f["status"], f["region"]) for f in facts_of(text, kind="case_count"))


def staff_rows(facts_of, text):
    return sorted((f["value"], f["origin"], f["destination"]) for f in facts_of(text, kind="personnel_count"))


NUMBERED_LISTS = [
    # a short heading line counting one status, then numbered items of plain `cases`: the items are its parts
    ("46 cases were discharged from hospital\n\n1. 9 cases in Ordos City\n\n2. 8 cases in Chifeng City\n",
     [(8, "recovered", "Chifeng"), (9, "recovered", "Ordos"), (46, "recovered", None)]),
    ("There are 12 severe cases so far:\n1) 9 cases in Ordos\n2) 3 cases in Chifeng\n",
     [(3, "severe", "Chifeng"), (9, "severe", "Ordos"), (12, "severe", None)]),
    ("12 patients died of the disease:\n(1) 9 cases in Ordos\n(2) 3 cases in Chifeng\n",
     [(3, "death", "Chifeng"), (9, "death", "Ordos"), (12, "death", None)]),
    # an item's own status wins
    ("46 cases were discharged from hospital\n1. 9 severe cases in Ordos City\n2. 8 cases in Chifeng City\n",
     [(8, "recovered", "Chifeng"), (9, "severe", "Ordos"), (46, "recovered", None)]),
    # a paragraph that ends with a full stop heads no list; nor does a line with two counts
    ("The province has 12 severe cases and many more under observation in hospital.\n\n1. 9 cases in Ordos\n\n"
     "2. 3 cases in Chifeng\n",
     [(3, "confirmed", "Chifeng"), (9, "confirmed", "Ordos"), (12, "severe", None)]),
    ("There are 46 discharged cases and 3 deaths\n1. 9 cases in Ordos\n2. 3 cases in Chifeng\n",
     [(3, "confirmed", "Chifeng"), (3, "death", None), (9, "confirmed", "Ordos"), (46, "recovered", None)]),
    # a count that does not open its item is no item (its place opens the sentence: `In Ordos City there were`)
    ("46 cases were discharged from hospital\n1. In Ordos City there were 9 cases\n",
     [(9, "confirmed", "Ordos"), (46, "recovered", None)]),
    ("In Wuhan alone, 500 new cases were reported.", [(500, "confirmed", "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", NUMBERED_LISTS, ids=[t[:50] for t, _ in NUMBERED_LISTS])
def test_numbered_items_take_their_heading_count_s_status(facts_of, text, expected):
    assert case_rows(facts_of, text) == sorted(expected)


STATUS_LISTS = [
    # numbers each with their own status, sharing the last one's noun
    ("By Monday the city had 12 confirmed and 16 suspected cases.",
     [(12, "confirmed", None), (16, "suspected", None)]),
    ("Hubei reported 120 new confirmed and 16 new suspected cases on Monday.",
     [(16, "suspected", "Hubei"), (120, "confirmed", "Hubei")]),
    ("The city now has 12 confirmed, 16 suspected and 3 severe cases.",
     [(3, "severe", None), (12, "confirmed", None), (16, "suspected", None)]),
    ("There were 5 severe and 2 critical cases in Chifeng City.", [(2, "critical", "Chifeng"), (5, "severe", "Chifeng")]),
    # not a list of statuses: a number without a status word, or a noun that is no case's
    ("Of them, 12 are new and 16 are suspected cases.", [(16, "suspected", None)]),
    ("The team has 12 confirmed and 16 suspected medical workers.", [(16, "suspected", None)]),
    ("The hospital has 30 beds and 12 suspected cases.", [(12, "suspected", None)]),
]


@pytest.mark.parametrize("text, expected", STATUS_LISTS, ids=[t[:50] for t, _ in STATUS_LISTS])
def test_statuses_sharing_one_noun(facts_of, text, expected):
    rows = case_rows(facts_of, text)
    assert [r for r in rows if r[0] != 12 or "are new" not in text] == sorted(expected)


PLACES_WITHIN_REGIONS = [
    # an unknown place named with the region it lies in
    ("Two cases in Haibowan District, Wuhai City.", [(2, "confirmed", "Wuhai")]),
    ("Two cases were reported in Haibowan District of Wuhai City.", [(2, "confirmed", "Wuhai")]),
    ("Two new cases were found in Yiwu, Jinhua City.", [(2, "confirmed", "Jinhua")]),
    # an unknown place alone stays no region's; a region after a comma that is no place's container either
    ("Hubei reported 20 cases. Five cases were in Huimin District, and 3 in Wuhan.",
     [(3, "confirmed", "Wuhan"), (5, "confirmed", None), (20, "confirmed", "Hubei")]),
    ("Five cases were reported by Huoshenshan Hospital, Wuhan.", [(5, "confirmed", None)]),
]


@pytest.mark.parametrize("text, expected", PLACES_WITHIN_REGIONS, ids=[t[:50] for t, _ in PLACES_WITHIN_REGIONS])
def test_an_unknown_place_takes_the_region_it_lies_in(facts_of, text, expected):
    assert case_rows(facts_of, text) == sorted(expected)


DISEASE_NAMES = [
    # a place in the disease's name is not where the cases are
    ("Huanggang is a city near Wuhan.\n\nTen cases of the Wuhan coronavirus had been reported by Monday.",
     [(10, "confirmed", None)]),
    ("Huanggang reported its first case on Monday. There are now 12 cases of the Wuhan virus in the city.",
     [(12, "confirmed", "Huanggang")]),
    ("The city of Huanggang has 12 cases of Wuhan pneumonia.", [(12, "confirmed", "Huanggang")]),
    # ... but a place the cases are in is
    ("Ten cases of the coronavirus in Wuhan had been reported by Monday.", [(10, "confirmed", "Wuhan")]),
    ("Wuhan reported 100 new coronavirus cases on Monday.", [(100, "confirmed", "Wuhan")]),
    ("Dongguan coronavirus cases show improvements with only one new case on Monday.", [(1, "confirmed", "Dongguan")]),
]


@pytest.mark.parametrize("text, expected", DISEASE_NAMES, ids=[t[:50] for t, _ in DISEASE_NAMES])
def test_a_place_in_the_disease_s_name_is_no_count_s_place(facts_of, text, expected):
    assert case_rows(facts_of, text) == sorted(expected)


STAFF_PLACES = [
    # a hyphenated institution's name still places the institution the staff come from
    ("By Sunday, 155 doctors and nurses from the China-Japan Friendship Hospital in Beijing had been sent to "
     "frontline hospitals in Wuhan.", [(155, "Beijing", "Wuhan")]),
    # a province's capital told by its possessive is the capital
    ("More than 11,000 medics have been sent to Hubei's capital since the start of the outbreak.",
     [(11000, None, "Wuhan")]),
    ("Hubei's capital, Wuhan, has received 1,200 medical workers from Jiangsu.", [(1200, "Jiangsu", "Wuhan")]),
    # a lost apostrophe (`Chinas`) does not hide where they went
    ("2,497 doctors and nurses from east China's Jiangsu Province have been working in central Chinas Hubei "
     "Province.", [(2497, "Jiangsu", "Hubei")]),
]


@pytest.mark.parametrize("text, expected", STAFF_PLACES, ids=[t[:50] for t, _ in STAFF_PLACES])
def test_where_staff_come_from_and_go(facts_of, text, expected):
    assert staff_rows(facts_of, text) == sorted(expected)


def test_a_possessed_capital_is_a_mention_of_the_capital_only_when_unnamed(facts_of):
    regions = [(f["value"], f["text"]) for f in facts_of("Hubei's capital reported 100 new cases.", kind="region")]
    assert regions == [("Hubei", "Hubei"), ("Wuhan", "capital")]
    named = [f["value"] for f in facts_of("Hubei's capital, Wuhan, reported 100 new cases.", kind="region")]
    assert named == ["Hubei", "Wuhan"]
    cases = facts_of("Guangdong's provincial capital reported 30 new cases.", kind="case_count")
    assert [(f["value"], f["region"]) for f in cases] == [(30, "Guangzhou")]
