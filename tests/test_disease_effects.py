"""Counts told by what the disease did, the day a source spoke, and a total's status from the count that brought
it up (issue 23, shapes of wire stories read blind). Invented sentences, false readings included."""
import pytest


def cases(facts_of, text):
    return [(f["value"], f["region"], f["status"], f["period"], f["date"])
            for f in facts_of(text, published="2020-02-12", kind="case_count")]


EFFECTS = [
    # a bare number after a verb of the disease: its toll or its infections, a running total in the perfect
    ("The virus has killed 132.", [(132, None, "death", "total", None)]),
    ("The outbreak has killed 132 and infected 6,000.",
     [(132, None, "death", "total", None), (6000, None, "confirmed", "total", None)]),
    ("The virus has now killed 132 people, infected at least 6,000 and spread to 15 countries.",
     [(132, None, "death", "total", None), (6000, None, "confirmed", "total", None)]),
    ("The outbreak in Hubei has killed 100.", [(100, "Hubei", "death", "total", None)]),
    ("The virus killed 12 people in Hubei on Monday.", [(12, "Hubei", "death", None, "2020-02-10")]),
    # lives taken are deaths
    ("The virus has claimed the lives of 400 people.", [(400, None, "death", "total", None)]),
    ("The epidemic has taken the lives of more than 400 people.", [(400, None, "death", "total", None)]),
    ("The virus has claimed 12 lives.", [(12, None, "death", "total", None)]),
    # the toll of the disease in a relative clause is not the place the sentence is about
    ("Huanggang is one of a dozen cities under lockdown to curb the virus that has killed 132.",
     [(132, None, "death", "total", None)]),
    # not the disease's verb, not its subject, or a noun of its own
    ("The earthquake killed 300.", []),
    ("The attack has killed 12 and injured 40.", []),
    ("MERS has killed 858.", []),
    ("The virus has infected 3 of the 12 nurses.", []),
    ("Hubei has 3,000 beds; the virus has infected hospitals.", []),
]


@pytest.mark.parametrize("text,expected", EFFECTS, ids=[s[0][:50] for s in EFFECTS])
def test_disease_effects(facts_of, text, expected):
    assert cases(facts_of, text) == expected


DAYS = [
    # the day a source gave the figures is not the figures' day where the count has one of its own
    ("The mainland reported 54 new imported cases Friday, bringing the total number of imported cases to 649, "
     "according to the National Health Commission Saturday.",
     [(54, None, "confirmed", "new", "2020-02-07"), (649, None, "confirmed", "total", "2020-02-07")]),
    ("Hubei reported 2,000 new cases on Saturday, according to the health commission.",
     [(2000, "Hubei", "confirmed", "new", "2020-02-08")]),
    # the day something was announced in a relative clause dates no count
    ("The virus that China announced in late December has killed 132.", [(132, None, "death", "total", None)]),
    ("The commission said on Tuesday that 40 patients had died.", [(40, None, "death", "total", None)]),
    # a day that is the count's own stays
    ("By Tuesday, according to officials, 300 patients had died in Hubei.",
     [(300, "Hubei", "death", "total", "2020-02-11")]),
]


@pytest.mark.parametrize("text,expected", DAYS, ids=[s[0][:50] for s in DAYS])
def test_source_days(facts_of, text, expected):
    assert cases(facts_of, text) == expected


INCREMENTS = [
    # a total brought up by a count is of that count's status, whatever noun it has
    ("Hubei saw 417 patients discharged after recovery on Tuesday, bringing the total to 2,639 patients.",
     [(417, "Hubei", "recovered", "new", "2020-02-11"), (2639, "Hubei", "recovered", "total", "2020-02-11")]),
    ("Henan confirmed 12 cases on Monday, taking the total to 1,200 patients.",
     [(12, "Henan", "confirmed", "new", "2020-02-10"), (1200, "Henan", "confirmed", "total", "2020-02-10")]),
    # another number between the two: no increment
    ("Hubei discharged 417 patients and opened 3 hospitals, bringing the total to 2,639 patients.",
     [(417, "Hubei", "recovered", None, None), (2639, "Hubei", "unspecified", "total", None)]),
]


@pytest.mark.parametrize("text,expected", INCREMENTS, ids=[s[0][:50] for s in INCREMENTS])
def test_increment_status(facts_of, text, expected):
    assert cases(facts_of, text) == expected


PEOPLE_PARTS = [
    # part of a place's people, made cases by their status; the possessive place owns the part
    ("A total of 2,662 of Huanggang's residents have been infected with the virus.",
     [(2662, "Huanggang", "confirmed", "total", None)]),
    ("Three of the people have died.", [(3, None, "death", "total", None)]),
    ("12 of Wuhan's 30 patients have recovered.",
     [(12, "Wuhan", "recovered", "total", None), (30, "Wuhan", "unspecified", "total", None)]),
    # people with no case status are no cases, and staff are no cases
    ("So far 200 of Wuhan's residents were evacuated.", []),
    ("Five of the people were doctors.", []),
    ("Two of the city's 40 hospitals have closed.", []),
]


@pytest.mark.parametrize("text,expected", PEOPLE_PARTS, ids=[s[0][:50] for s in PEOPLE_PARTS])
def test_parts_of_a_places_people(facts_of, text, expected):
    assert cases(facts_of, text) == expected
