"""Places listed each with its own number (issue 23, "whose count"): a place then its number in brackets
(`Huanggang (2,907) and Xiaogan (2,874) have the most cases`), a bracket of places and numbers after a count
(`2,000 new cases (Wuhan 1,500, Xiaogan 300)`), and a list member whose place is carried across its own aside in
brackets (`3 in Hefei (two imported), 2 in Bengbu`). Our own sentences, several shapes each; brackets that hold
years, shares, codes, ages or translations, and lists that name no case noun or are no subject, count nothing.
A row lists every case count the text must give, as (value, region, status, period)."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-02-12"):
    return sorted((f["value"], f["region"] or "", f["status"], f["period"] or "")
                  for f in facts_of(text, published=published, kind="case_count"))


BRACKETED = [
    # the list is the subject of a clause that names the case noun after it
    ("Huanggang (2,907) and Xiaogan (2,874) have the most cases outside Wuhan.",
     [(2874, "Xiaogan", "confirmed", "total"), (2907, "Huanggang", "confirmed", "total")]),
    ("Outside Wuhan, Huanggang (2,907) and Xiaogan (2,874) had the most confirmed cases.",
     [(2874, "Xiaogan", "confirmed", "total"), (2907, "Huanggang", "confirmed", "total")]),
    ("Wuhan (1,500), Xiaogan (300) and Huanggang (250) reported the most new confirmed cases on Monday.",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1500, "Wuhan", "confirmed", "new")]),
    ("Xiaogan (45) has the most deaths outside Wuhan.", [(45, "Xiaogan", "death", "total")]),
    # the list after the case noun of its clause
    ("The cities with the most cases are Wuhan (1,500), Xiaogan (300) and Huanggang (250).",
     [(250, "Huanggang", "confirmed", ""), (300, "Xiaogan", "confirmed", ""), (1500, "Wuhan", "confirmed", "")]),
    ("The cities with the most deaths are Wuhan (1,500) and Xiaogan (300).",
     [(300, "Xiaogan", "death", ""), (1500, "Wuhan", "death", "")]),
    ("New cases on Monday: Wuhan (1,500), Xiaogan (300) and Huanggang (250).",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1500, "Wuhan", "confirmed", "new")]),
    # inside a larger count's sentence
    ("Hubei reported 2,000 new cases on Monday, most of them in Wuhan (1,500) and Xiaogan (300).",
     [(300, "Xiaogan", "confirmed", "new"), (1500, "Wuhan", "confirmed", "new"),
      (2000, "Hubei", "confirmed", "new")]),
    ("Hubei reported 2,000 new cases on Monday (Wuhan 1,500, Xiaogan 300).",
     [(300, "Xiaogan", "confirmed", "new"), (1500, "Wuhan", "confirmed", "new"),
      (2000, "Hubei", "confirmed", "new")]),
    ("Hubei reported 35 deaths (Wuhan 30).", [(30, "Wuhan", "death", ""), (35, "Hubei", "death", "")]),
    # not counts: an age, a year, a code, a share, a translation, staff, beds, a list that is no subject
    ("Zhang Wei, a doctor from Wuhan (45), was cured.", []),
    ("Hubei reported 20 new cases, and a doctor from Wuhan (45) was among them.",
     [(20, "Hubei", "confirmed", "new")]),
    ("The outbreak began in Wuhan (2019) and spread to cases abroad.", []),
    ("Wuhan (2019) has cases.", []),
    ("Hubei reported 35 deaths (Wuhan 2019, Xiaogan 3).", [(3, "Xiaogan", "death", ""), (35, "Hubei", "death", "")]),
    ("Call the Wuhan (027) hotline to report cases.", []),
    ("Cases rose sharply in Wuhan (45 percent) and Xiaogan (12 percent).", []),
    ("Wuhan (武汉) and Xiaogan (孝感) have the most cases.", []),
    ("Teams from Jiangsu (300) and Zhejiang (200) treat cases in Hubei.", []),
    ("Jiangsu (300) and Zhejiang (200) sent doctors to treat cases.", []),
    ("Wuhan (1,500) and Xiaogan (300) have the most hospital beds for cases.", []),
    ("Hubei sent 300 doctors (Wuhan 200, Xiaogan 100).", []),
    ("Hubei reported 35 deaths (Wuhan 30, mostly elderly).", [(35, "Hubei", "death", "")]),
]


@pytest.mark.parametrize("text, expected", BRACKETED, ids=[t[:50] for t, _ in BRACKETED])
def test_places_with_bracketed_numbers(facts_of, text, expected):
    assert cases(facts_of, text) == expected


ACROSS_A_BRACKET = [
    ("Anhui reported 20 new cases on Monday, including 3 in Hefei (two imported from Hubei), 2 in Bengbu and 4 in "
     "Fuyang.",
     [(2, "Bengbu", "confirmed", "new"), (3, "Hefei", "confirmed", "new"), (4, "Fuyang", "confirmed", "new"),
      (20, "Anhui", "confirmed", "new")]),
    ("Anhui reported 20 new cases on Monday, including 3 in Hefei (two of them imported) and 2 in Bengbu.",
     [(2, "Bengbu", "confirmed", "new"), (2, "Hefei", "confirmed", "new"), (3, "Hefei", "confirmed", "new"),
      (20, "Anhui", "confirmed", "new")]),
    ("Among the new cases, 3 were in Hefei (including one imported case), 2 in Bengbu.",
     [(1, "Hefei", "confirmed", "new"), (2, "Bengbu", "confirmed", "new"), (3, "Hefei", "confirmed", "new")]),
    ("Anhui reported 20 new cases, including 3 in Hefei (the provincial capital) and 2 in Bengbu.",
     [(2, "Bengbu", "confirmed", "new"), (3, "Hefei", "confirmed", "new"), (20, "Anhui", "confirmed", "new")]),
    # places each set off with its number (works before issue 23: kept)
    ("Hubei has two cities with more than 3,000 cases: Xiaogan, 3,279, and Huanggang, 3,014.",
     [(3000, "Hubei", "confirmed", "total"), (3014, "Huanggang", "confirmed", "total"),
      (3279, "Xiaogan", "confirmed", "total")]),
    # a number outside brackets still breaks the list: `16 makeshift hospitals` has its own members
    ("Anhui reported 3,000 cases, and 16 makeshift hospitals (12 new), 3 in Wuchang.",
     [(3000, "Anhui", "confirmed", "")]),
]


@pytest.mark.parametrize("text, expected", ACROSS_A_BRACKET, ids=[t[:50] for t, _ in ACROSS_A_BRACKET])
def test_list_member_place_across_a_bracket(facts_of, text, expected):
    assert cases(facts_of, text) == expected


# A member of a list of `N in X` members that lost its `in` (issue 23, bulletins): `24 in Suzhou, 48 Bengbu, 84 in
# Fuyang` is still Bengbu's, and the list goes on; a place after a number that is no list member gives nothing.
LOST_IN = [
    ("By March 1 there were 600 confirmed cases, 93 are in Hefei, 24 in Suzhou, 48 Bengbu, 84 in Fuyang.",
     [(600, None), (93, "Hefei"), (24, "Suzhou"), (48, "Bengbu"), (84, "Fuyang")]),
    ("Of the new cases, 5 are in Hefei, 3 Wuhu and 2 in Anqing.", [(5, "Hefei"), (3, "Wuhu"), (2, "Anqing")]),
    # false readings: a place that modifies a noun, a first member, no list of `N in X` before
    ("There were 5 new cases in Hefei, 3 Hefei hospitals were closed.", [(5, "Hefei")]),
    ("Wuhan had 48 cases, 12 Wuhan residents were cured.", [(48, "Wuhan"), (12, "Wuhan")]),
    ("There were 5 cases in Hefei, 3 Bengbu and Wuhu each.", [(5, "Hefei")]),
]


@pytest.mark.parametrize("text, expected", LOST_IN, ids=[t[:40] for t, _ in LOST_IN])
def test_lost_preposition_members(facts_of, text, expected):
    assert [(f["value"], f["region"]) for f in facts_of(text, kind="case_count")] == expected
