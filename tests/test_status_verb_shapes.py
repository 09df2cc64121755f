"""Case-count shapes with no case noun on the number (issue 23), invented sentences: a status told by a verb or a
trailing phrase, a level of people named by their status alone, parts of a count told by origin; and people who
are neither staff nor cases. Each false positive must give no count (a wrong value is worse than none)."""
import pytest


def counts(facts_of, text, kind="case_count"):
    return [(f["value"], f["region"], f["status"], f["period"]) for f in facts_of(text, kind=kind)]


STATUS_SHAPES = [
    # a lead naming only the whole of the count before: its parts are that count's
    ("By Monday, a total of 500 confirmed cases had been reported in Jiangsu. Of all, 326 have been discharged "
     "from hospital after recovery and eight have died.",
     [(500, "Jiangsu", "confirmed", "total"), (326, "Jiangsu", "recovered", "total"),
      (8, "Jiangsu", "death", "total")]),
    ("Hunan has 900 confirmed cases. Of the total, 40 have recovered.",
     [(900, "Hunan", "confirmed", "total"), (40, "Hunan", "recovered", "total")]),
    # a level of people named by their status alone
    ("Five patients left hospital on Monday, bringing the number of recovered to 120.",
     [(5, None, "recovered", "new"), (120, None, "recovered", "total")]),   # discharged; added to the level
    ("Jiangsu has 500 confirmed cases. The number of the dead rose to 30.",
     [(500, "Jiangsu", "confirmed", "total"), (30, "Jiangsu", "death", "total")]),
    ("Jiangsu has 500 confirmed cases. The total number of the dead is 30.",
     [(500, "Jiangsu", "confirmed", "total"), (30, "Jiangsu", "death", "total")]),
    # a trailing state after a case count of the clause
    ("Jiangsu has 500 confirmed cases, and 40 are severely ill.",
     [(500, "Jiangsu", "confirmed", "total"), (40, "Jiangsu", "severe", None)]),
    # false positives: the whole is not cases, the state is of things
    ("The club signed 20 players. Of all, eight have left the team.", []),
    ("The company made 500 ventilators. Of all, 326 have been delivered.", []),
    ("The storm hit 300 homes, and 40 are severely damaged buildings.", []),
    ("The number of the injured rose to 30 after the quake.", []),
    ("The firm sent 400 masks, bringing the total number of the delivered to 900.", []),
    ("The total number of beds we had was one hundred.", []),
    ("The number of rooms available is 40.", []),
]


@pytest.mark.parametrize("text, expected", STATUS_SHAPES, ids=[t[:50] for t, _ in STATUS_SHAPES])
def test_status_without_a_case_noun(facts_of, text, expected):
    assert counts(facts_of, text) == expected


def test_a_level_named_by_status_takes_that_status(facts_of):
    """`the total number of the cured and discharged to 459` is recovered, never the status of the case count
    earlier in its sentence."""
    text = ("Among the 600 confirmed cases in Hunan, 4 new people were cured and discharged, bringing the total "
            "number of the cured and discharged to 459.")
    assert (459, "Hunan", "recovered", "total") in counts(facts_of, text)


ORIGIN_SHAPES = [
    # a place's report keeps its parts by origin
    ("Shanghai reported 12 new imported cases, 7 from the United Kingdom and 5 from Italy.",
     [(12, "Shanghai", "confirmed", "new"), (7, "Shanghai", "confirmed", "new"), (5, "Shanghai", "confirmed", "new")]),
    ("Jiangsu reported 500 confirmed cases, 200 from Jiangsu and 300 from Wuhan.",
     [(500, "Jiangsu", "confirmed", None), (200, "Jiangsu", "confirmed", None), (300, "Jiangsu", "confirmed", None)]),
    # the whole country's report gives a part to the Chinese place it comes from, to none abroad
    ("The country reported 24 new cases, including 13 from Hubei.",
     [(24, None, "confirmed", "new"), (13, "Hubei", "confirmed", "new")]),
    ("The mainland reported 40 new imported cases, 7 from the United Kingdom and 5 from Italy.",
     [(40, None, "confirmed", "new"), (7, None, "confirmed", "new"), (5, None, "confirmed", "new")]),
    # a count of provinces between the whole and its part lends it nothing
    ("The commission received reports of 24 new confirmed cases on Tuesday from 31 provincial-level regions, "
     "including 13 from Hubei.",
     [(24, None, "confirmed", "new"), (13, "Hubei", "confirmed", "new")]),
    # false positives: a time is no origin, a part of a count of places or goods is no case
    ("Jiangsu reported 12 new cases on Monday, 7 from Tuesday onwards.", [(12, "Jiangsu", "confirmed", "new")]),
    ("Jiangsu sent teams to 16 cities, including 3 from Hubei.", []),
    ("The firm shipped 3,000 masks to 12 provinces, including 5 from Hubei.", []),
]


@pytest.mark.parametrize("text, expected", ORIGIN_SHAPES, ids=[t[:50] for t, _ in ORIGIN_SHAPES])
def test_parts_by_origin(facts_of, text, expected):
    assert counts(facts_of, text) == expected


def test_a_count_of_provinces_is_kept_beside_the_part(facts_of):
    text = "The commission received reports of 24 new confirmed cases from 31 provincial-level regions, including 13 " \
           "from Hubei."
    assert [(f["value"], f["unit"]) for f in facts_of(text, kind="region_count")] == [(31, "province")]


PEOPLE_SHAPES = [
    # people carried, served or named as not staff: no staff count, no case count
    ("Chartered trains for migrant workers ran on Monday, transporting a total of 4,004 people.", []),
    ("Jiangsu sent trains home on Monday, transporting a total of 4,004 people.", []),
    ("The station sent 4,004 migrant workers back to their factories.", []),
    # staff stay staff
    ("Jiangsu sent a team of 150 people to Wuhan.", [150]),
    ("A flight carrying 130 people of the Shanxi medical team landed in Taiyuan.", [130]),
    ("A flight carrying 142 medical workers landed in Shanghai.", [142]),
]


@pytest.mark.parametrize("text, expected", PEOPLE_SHAPES, ids=[t[:50] for t, _ in PEOPLE_SHAPES])
def test_people_moved_are_not_staff(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, kind="personnel_count")] == expected
    assert facts_of(text, kind="case_count") == []
