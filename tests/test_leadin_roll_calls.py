"""A province's bulletin breaks its figure down by city under a lead-in that names the status (and maybe the
period), in members that name no case noun: `Among the new confirmed cases, Nanchang reported 14. Others include
13 in Shangrao city`, `Of those who were discharged after recovery, 2 are in Huainan`. Each member is a count of
the lead-in's status in its own place. Our own sentences, several shapes each; lead-ins of other things (teams,
tests, staff) count no cases, and a member whose place is no single city gives nothing rather than a wrong one."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-02-12"):
    return sorted((f["region"] or "", f["value"], f["status"], f["period"] or "")
                  for f in facts_of(text, published=published, kind="case_count"))


LEADIN_MEMBERS = [
    # `<place> reported N` under a lead-in, then `Others include N in <place>` in the next sentence
    ("Among the new confirmed cases, the provincial capital Nanchang reported 14. Others include 13 in Shangrao "
     "city, nine in Jiujiang city and one in Ji'an city.",
     [("Jiujiang", 9, "confirmed", "new"), ("Ji'an", 1, "confirmed", "new"), ("Nanchang", 14, "confirmed", "new"),
      ("Shangrao", 13, "confirmed", "new")]),
    # `<place> saw N`, `<place> recorded N`, `N were in <place>`
    ("Among the newly confirmed cases, Hefei saw 12, Bengbu recorded 5 and 3 were in Fuyang.",
     [("Bengbu", 5, "confirmed", "new"), ("Fuyang", 3, "confirmed", "new"), ("Hefei", 12, "confirmed", "new")]),
    ("Of the new deaths, Xiaogan reported 4, and 2 were in Huanggang.",
     [("Huanggang", 2, "death", "new"), ("Xiaogan", 4, "death", "new")]),
    ("Among the new suspected cases, Zhengzhou added 7. The others were 3 in Luoyang and 2 in Nanyang.",
     [("Luoyang", 3, "suspected", "new"), ("Nanyang", 2, "suspected", "new"), ("Zhengzhou", 7, "suspected", "new")]),
    # a member whose number holds for each of two places is each place's count (tests/test_each_place.py)
    ("Among the new confirmed cases, Nanchang reported 14. Others include five in each of Yichun and Ganzhou city "
     "and three in Pingxiang city.",
     [("Ganzhou", 5, "confirmed", "new"), ("Nanchang", 14, "confirmed", "new"), ("Pingxiang", 3, "confirmed", "new"),
      ("Yichun", 5, "confirmed", "new")]),
    ("Of the newly cured patients, Wuhu reported 9, 4 were in Bozhou, two in each of Huainan and Anqing, and 1 "
     "in Chuzhou.",
     [("Anqing", 2, "recovered", "new"), ("Bozhou", 4, "recovered", "new"), ("Chuzhou", 1, "recovered", "new"),
      ("Huainan", 2, "recovered", "new"), ("Wuhu", 9, "recovered", "new")]),
    # one of the places unknown to the gazetteer: no member for any
    ("Among the new confirmed cases, Nanchang reported 14. Others include five in each of Yichun and Gaoan "
     "county.", [("Nanchang", 14, "confirmed", "new")]),
]


@pytest.mark.parametrize("text, expected", LEADIN_MEMBERS, ids=[t[:50] for t, _ in LEADIN_MEMBERS])
def test_members_under_a_status_leadin_count_its_status(facts_of, text, expected):
    assert cases(facts_of, text) == sorted(expected)


RELATIVE_LEADINS = [
    ("Of those who were discharged from the hospital after recovery, 2 are in Huainan, and 1 in Wuhu.",
     [("Huainan", 2, "recovered", ""), ("Wuhu", 1, "recovered", "")]),
    ("Of those who died, 3 were in Xiaogan and 1 in Jingzhou.",
     [("Jingzhou", 1, "death", ""), ("Xiaogan", 3, "death", "")]),
    ("Among those who recovered on Monday, Changsha reported 6 and 4 were in Yueyang.",
     [("Changsha", 6, "recovered", ""), ("Yueyang", 4, "recovered", "")]),
    ("Of the people who were newly diagnosed, 8 are in Jinan and 2 in Qingdao.",
     [("Jinan", 8, "confirmed", "new"), ("Qingdao", 2, "confirmed", "new")]),
    # `As for ...,` leads in too; a number both places saw is neither's alone, what the other got is its own
    ("As for the newly cured patients on Sunday, both Nanchang and Shangrao saw three people walk out of hospital "
     "after recovery, and Jiujiang got two.",
     [("Jiujiang", 2, "recovered", "new")]),
    ("As for the new confirmed cases, Hefei reported 12 and 3 were in Fuyang.",
     [("Fuyang", 3, "confirmed", "new"), ("Hefei", 12, "confirmed", "new")]),
]


@pytest.mark.parametrize("text, expected", RELATIVE_LEADINS, ids=[t[:50] for t, _ in RELATIVE_LEADINS])
def test_a_relative_clause_of_a_status_leads_in(facts_of, text, expected):
    assert cases(facts_of, text) == sorted(expected)


NOT_CASES = [
    ("Among the new medical teams, Jiangsu sent 14, and 3 were from Nanjing.", []),
    ("Of those who were tested, 2 are in Hefei and 4 in Wuhu.", []),
    ("Of those who were quarantined, Hefei reported 20 and 4 were in Wuhu.", []),
    ("Of the people who were quarantined, 20 are in Hefei and 4 in Wuhu.", []),
    ("Among the people under medical observation, 20 are in Hefei and 4 in Wuhu.", []),
    ("Others include 13 in the second batch of doctors.", []),
    ("Among the staff, 30 are from Nanjing and 20 from Suzhou.", []),
    ("As the number of confirmed cases rose, Hefei reported 12 and 3 were in Fuyang.", []),
    ("As for the medical teams, Hefei sent 12 and 3 were from Fuyang.", []),
    ("Of those who went to Wuhan, 30 are from Nanjing and 20 from Suzhou.", []),
    ("Among the new medical teams, Nanchang sent 14. Others include 13 in Shangrao city.", []),
    # the lead-in goes on only into the sentence right after its own
    ("Among the new confirmed cases, Nanchang reported 14. The medical team has 20 members. Others include 13 in "
     "Shangrao city.", [("Nanchang", 14, "confirmed", "new")]),
    # a place reporting a number of something else
    ("Among the new confirmed cases, Nanchang reported 14 on Monday, while Jiujiang built 2 hospitals.",
     [("Nanchang", 14, "confirmed", "new")]),
]


@pytest.mark.parametrize("text, expected", NOT_CASES, ids=[t[:50] for t, _ in NOT_CASES])
def test_leadins_of_other_things_count_no_cases(facts_of, text, expected):
    assert cases(facts_of, text) == sorted(expected)


DATED_LEADINS = [
    ("As for the newly cured patients on Sunday, Nanchang saw 3, and Jiujiang got two.",
     {("Nanchang", 3): "2020-02-09", ("Jiujiang", 2): "2020-02-09"}),
    ("Among the new confirmed cases on Monday, Hefei reported 12. Others include 3 in Fuyang.",
     {("Hefei", 12): "2020-02-10", ("Fuyang", 3): "2020-02-10"}),
    # a member's own day wins over its lead-in's
    ("Among the new deaths on Monday, 2 were in Xiaogan, and Huanggang reported 1 on Tuesday.",
     {("Xiaogan", 2): "2020-02-10", ("Huanggang", 1): "2020-02-11"}),
]


@pytest.mark.parametrize("text, expected", DATED_LEADINS, ids=[t[:50] for t, _ in DATED_LEADINS])
def test_a_leadin_s_day_dates_its_members(facts_of, text, expected):
    found = {(f["region"], f["value"]): f["date"] for f in facts_of(text, published="2020-02-12", kind="case_count")}
    assert found == expected
