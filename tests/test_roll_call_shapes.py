"""Case counts given per place in list shapes (issue 23, "whose count"; rules/roll_calls.py, rules/list_shapes.py):
a roll call whose members after the first name no count noun (`Of the total, Wuhan reported 1,200, Xiaogan 300`,
`Shenzhen has 416, Guangzhou 339, Zhuhai 98`, `followed by Guangzhou at 339`), a list enclosed in a sentence by
dashes or brackets (`The other seven — four in Shanghai, one in Beijing — were imported`), and `N in X, M in Y`
after a count. Our own sentences, several shapes each, and the false readings: a member that is no place ends the
list with no wrong fact, a roll call after staff or with a noun of something else counts nothing, a dash between two
numbers that opens no list is still a range. A row lists every case count the text must give, as (value, region,
status, period)."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-02-12"):
    return sorted((f["value"], f["region"] or "", f["status"], f["period"] or "")
                  for f in facts_of(text, published=published, kind="case_count"))


ROLL_CALLS = [
    # after a lead-in naming the whole of the count before: each member is its part, with its status and period
    ("Hubei reported 2,000 new cases on Monday. Of the total, Wuhan reported 1,200, Xiaogan 300 and Huanggang 250.",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1200, "Wuhan", "confirmed", "new"), (2000, "Hubei", "confirmed", "new")]),
    ("Zhejiang reported 1,205 confirmed cases as of Monday. Of them, Wenzhou had 504, Hangzhou 169 and Ningbo 157.",
     [(157, "Ningbo", "confirmed", "total"), (169, "Hangzhou", "confirmed", "total"),
      (504, "Wenzhou", "confirmed", "total"), (1205, "Zhejiang", "confirmed", "total")]),
    ("Henan reported 30 new deaths on Friday. Among them, Xinyang reported 12, Nanyang 8 and Zhumadian 5.",
     [(5, "Zhumadian", "death", "new"), (8, "Nanyang", "death", "new"), (12, "Xinyang", "death", "new"),
      (30, "Henan", "death", "new")]),
    # after a count of the same sentence: a participle or `at` before the first member's number
    ("Jiangxi reported 40 new cases on Sunday, with Nanchang reporting 15, Jiujiang 10 and Shangrao 6.",
     [(6, "Shangrao", "confirmed", "new"), (10, "Jiujiang", "confirmed", "new"), (15, "Nanchang", "confirmed", "new"),
      (40, "Jiangxi", "confirmed", "new")]),
    ("Shenzhen reported 416 confirmed cases, followed by Guangzhou at 339 and Zhuhai at 98.",
     [(98, "Zhuhai", "confirmed", ""), (339, "Guangzhou", "confirmed", ""), (416, "Shenzhen", "confirmed", "")]),
    # the count noun after the first member only (works before: kept)
    ("Shenzhen has 416 confirmed cases, Guangzhou 339, Zhuhai 98 and Foshan 84.",   # (a place has a running total)
     [(84, "Foshan", "confirmed", "total"), (98, "Zhuhai", "confirmed", "total"),
      (339, "Guangzhou", "confirmed", "total"), (416, "Shenzhen", "confirmed", "total")]),
    ("Wuhan reported 1,200 new confirmed cases on Monday, Xiaogan 300, and Huanggang 250.",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1200, "Wuhan", "confirmed", "new")]),
    ("Wuhan reported 1,500 new cases, followed by Guangzhou (339) and Zhuhai (98).",
     [(98, "Zhuhai", "confirmed", "new"), (339, "Guangzhou", "confirmed", "new"), (1500, "Wuhan", "confirmed", "new")]),
    # a place's number after `with`, the case noun before it in the sentence saying its status
    ("Shenzhen has the most cases with 416, followed by Guangzhou (339) and Zhuhai (98).",
     [(98, "Zhuhai", "confirmed", "total"), (339, "Guangzhou", "confirmed", "total"),
      (416, "Shenzhen", "confirmed", "total")]),
    ("Shenzhen has the most cases with 416, followed by Guangzhou with 339 and Zhuhai with 98.",
     [(98, "Zhuhai", "confirmed", "total"), (339, "Guangzhou", "confirmed", "total"),
      (416, "Shenzhen", "confirmed", "total")]),
    ("The cities with the most cases were Wuhan, with 1,200, and Xiaogan, with 300.",
     [(300, "Xiaogan", "confirmed", "total"), (1200, "Wuhan", "confirmed", "total")]),
    ("Xiaogan had the most deaths with 236, followed by Huanggang with 90.",
     [(90, "Huanggang", "death", "total"), (236, "Xiaogan", "death", "total")]),
    ("The hospital treats cases with 3 doctors.", []),
    ("Wuhan, with 11 million people, has the most cases.", []),
    ("Zhang, with 20 years of experience, treats cases in Wuhan.", []),
    # no lead-in and no noun, after a case count: three places or more, each its standing tally of confirmed cases
    ("Hunan has 1,000 confirmed cases so far. As of noon, Changsha has 240, Yueyang 150, Shaoyang 100 and Changde 80.",
     [(80, "Changde", "confirmed", "total"), (100, "Shaoyang", "confirmed", "total"),
      (150, "Yueyang", "confirmed", "total"), (240, "Changsha", "confirmed", "total"),
      (1000, "Hunan", "confirmed", "total")]),
    ("Hunan has 1,000 confirmed cases so far. Changsha has 240, Yueyang 150 and Shaoyang 100.",
     [(100, "Shaoyang", "confirmed", "total"), (150, "Yueyang", "confirmed", "total"),
      (240, "Changsha", "confirmed", "total"), (1000, "Hunan", "confirmed", "total")]),
    # each member's share under a status lead-in, or after a count of the sentence
    ("Hubei reported 2,000 new cases. Of the new cases, Wuhan accounted for 1,200, Xiaogan for 300 and Huanggang "
     "for 250.",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1200, "Wuhan", "confirmed", "new"), (2000, "Hubei", "confirmed", "new")]),
    ("Hubei reported 2,000 new cases, Wuhan accounting for 1,200 and Xiaogan for 300.",
     [(300, "Xiaogan", "confirmed", "new"), (1200, "Wuhan", "confirmed", "new"), (2000, "Hubei", "confirmed", "new")]),
    # the last member's noun counts them all
    ("Wuhan had 1,200, Xiaogan had 300 and Huanggang had 250 new cases.",
     [(250, "Huanggang", "confirmed", "new"), (300, "Xiaogan", "confirmed", "new"),
      (1200, "Wuhan", "confirmed", "new")]),
    ("Wuhan reported 1,200, Xiaogan 300 and Huanggang 250 new deaths on Monday.",
     [(250, "Huanggang", "death", "new"), (300, "Xiaogan", "death", "new"), (1200, "Wuhan", "death", "new")]),
    ("Wuhan had 1,200, Xiaogan had 300 and Huanggang had 250 hospital beds.", []),
    ("Jiangsu sent 300, Zhejiang 200 and Fujian 100 doctors to Hubei.", []),
    # a member that is no place ends the list, with no fact for it
    ("Shenzhen reported 416 confirmed cases, Guangzhou 339 and the rest 12.",
     [(339, "Guangzhou", "confirmed", ""), (416, "Shenzhen", "confirmed", "")]),
    ("Zhejiang reported 1,205 confirmed cases as of Monday. Of them, Wenzhou had 504, Hangzhou 169 and the rest 532.",
     [(169, "Hangzhou", "confirmed", "total"), (504, "Wenzhou", "confirmed", "total"),
      (1205, "Zhejiang", "confirmed", "total")]),
    # false readings: too few bare members, staff before, another noun, a year, a share, a clock time
    # the sentence after a count, its members adding up to no more than it: its parts, with its status and period
    ("China reported 20 new imported cases on Monday. Beijing reported 5, Shanghai 3, Guangdong 8 and Tianjin 4.",
     [(3, "Shanghai", "confirmed", "new"), (4, "Tianjin", "confirmed", "new"), (5, "Beijing", "confirmed", "new"),
      (8, "Guangdong", "confirmed", "new"), (20, "", "confirmed", "new")]),
    ("China reported 20 new imported cases on Monday. Beijing had 5, Shanghai 3, Guangdong 8 and Tianjin 4.",
     [(3, "Shanghai", "confirmed", "new"), (4, "Tianjin", "confirmed", "new"), (5, "Beijing", "confirmed", "new"),
      (8, "Guangdong", "confirmed", "new"), (20, "", "confirmed", "new")]),
    ("Hunan has 1,000 confirmed cases so far. Changsha has 240 and Yueyang 150.",
     [(150, "Yueyang", "confirmed", "total"), (240, "Changsha", "confirmed", "total"),
      (1000, "Hunan", "confirmed", "total")]),
    # more than the count before: no parts of it, and too few for a bare roll call
    ("China reported 20 new imported cases on Monday. Beijing reported 15, Shanghai 3, Guangdong 8 and Tianjin 4.",
     [(20, "", "confirmed", "new")]),
    ("Hunan has 100 confirmed cases so far. Changsha has 240 and Yueyang 150.",
     [(100, "Hunan", "confirmed", "total")]),
    ("Hunan has 1,000 confirmed cases so far. Changsha has 240, Yueyang 150 and the rest 12.",
     [(150, "Yueyang", "confirmed", "total"), (240, "Changsha", "confirmed", "total"),
      (1000, "Hunan", "confirmed", "total")]),
    ("Hunan sent 1,000 medical workers to Hubei. Changsha has 240, Yueyang 150 and Shaoyang 100.", []),
    ("Zhejiang sent 1,205 medical workers. Of them, Wenzhou sent 504, Hangzhou 169 and Ningbo 157.", []),
    ("Hunan has 1,000 confirmed cases so far. Changsha has 240 hospitals, Yueyang 150 and Shaoyang 100.",
     [(1000, "Hunan", "confirmed", "total")]),
    ("Hunan has 1,000 confirmed cases so far. In 2019, Changsha had 2020, Yueyang 150 and Shaoyang 100.",
     [(1000, "Hunan", "confirmed", "total")]),
    ("Hubei reported 2,000 new cases on Monday, followed by Guangdong at 20 percent.",
     [(2000, "Hubei", "confirmed", "new")]),
    ("Wuhan reported 1,500 new cases, followed by Guangzhou at 9 am.", [(1500, "Wuhan", "confirmed", "new")]),
    ("Shenzhen sent 416 doctors, Guangzhou 339 and Zhuhai 98.", []),
    ("Hunan has 1,000 confirmed cases so far. Changsha has 240, Yueyang 150, Shaoyang 100 and Changde 80 districts.",
     [(1000, "Hunan", "confirmed", "total")]),
    ("Hunan has 1,000 confirmed cases so far. Wuhan has 13 districts, Xiaogan 7, Huanggang 10 and Jingzhou 8.",
     [(1000, "Hunan", "confirmed", "total")]),
    ("Hubei has 1,000 confirmed cases so far. Wuhan has 11 million, Xiaogan 4.9 million and Huanggang 6 million.",
     [(1000, "Hubei", "confirmed", "total")]),
]


@pytest.mark.parametrize("text, expected", ROLL_CALLS, ids=[t[:60] for t, _ in ROLL_CALLS])
def test_roll_calls_without_nouns(facts_of, text, expected):
    assert cases(facts_of, text) == expected


ENCLOSED = [
    # the rest of the count before, parted by a list set apart by dashes or brackets
    ("China had 11 new confirmed cases on Friday, but only four of those were local. The other seven — four in "
     "Shanghai, one in Beijing and two in Tianjin — were imported.",
     [(1, "Beijing", "confirmed", "new"), (2, "Tianjin", "confirmed", "new"), (4, "", "confirmed", "new"),
      (4, "Shanghai", "confirmed", "new"), (7, "", "confirmed", "new"), (11, "", "confirmed", "new")]),
    # the whole that a part named before makes up with the rest, not a count of the day before
    ("China logged 9 new confirmed cases, up from eight cases a day earlier, but only two of those were local. The "
     "other seven — four in Tianjin and three in Dalian — were all found in travelers.",
     [(2, "", "confirmed", "new"), (3, "Dalian", "confirmed", "new"), (4, "Tianjin", "confirmed", "new"),
      (7, "", "confirmed", "new"), (8, "", "confirmed", "new"), (9, "", "confirmed", "new")]),
    ("China logged 9 new confirmed cases on Tuesday. The other six (two in Tianjin and four in Dalian) were found in "
     "travelers.",
     [(2, "Tianjin", "confirmed", "new"), (4, "Dalian", "confirmed", "new"), (6, "", "confirmed", "new"),
      (9, "", "confirmed", "new")]),
    # a member's place past a descriptive noun or an adjective
    ("China had 11 new cases — four in Shanghai, one in the capital, Beijing, and two in northwestern Gansu "
     "Province.",
     [(1, "Beijing", "confirmed", "new"), (2, "Gansu", "confirmed", "new"), (4, "Shanghai", "confirmed", "new"),
      (11, "", "confirmed", "new")]),
    ("Anhui reported 6 new cases, including four in the provincial capital, Hefei, and two in northern Bengbu.",
     [(2, "Bengbu", "confirmed", "new"), (4, "Hefei", "confirmed", "new"), (6, "Anhui", "confirmed", "new")]),
    # the enclosing count's own reading: its words go on after the closing dash
    ("Five patients — three in Hefei, two in Bengbu — were discharged on Monday.",
     [(2, "Bengbu", "recovered", ""), (3, "Hefei", "recovered", ""), (5, "", "recovered", "")]),
    ("Five patients (three in Hefei, two in Bengbu) were discharged on Monday.",
     [(2, "Bengbu", "recovered", ""), (3, "Hefei", "recovered", ""), (5, "", "recovered", "")]),
    ("Anhui's seven new patients — four in Hefei, three in Bengbu — have been discharged.",
     [(3, "Bengbu", "recovered", "new"), (4, "Hefei", "recovered", "new"), (7, "Anhui", "recovered", "new")]),
    ("The 20 new cases in Anhui - 12 in Hefei and 8 in Fuyang - were all imported.",
     [(8, "Fuyang", "confirmed", "new"), (12, "Hefei", "confirmed", "new"), (20, "Anhui", "confirmed", "new")]),
    ("China had 11 new confirmed cases on Friday. Of these, seven — four in Shanghai, one in Beijing and two in "
     "Gansu — were imported.",
     [(1, "Beijing", "confirmed", "new"), (2, "Gansu", "confirmed", "new"), (4, "Shanghai", "confirmed", "new"),
      (7, "", "confirmed", "new"), (11, "", "confirmed", "new")]),
    # a group that says where all of the count's people are gives the count its place
    ("China had 9 new cases, but only three of those — all in Hubei Province — were local.",
     [(3, "Hubei", "confirmed", "new"), (9, "", "confirmed", "new")]),
    ("China had 9 new cases on Monday, three of them (all in Hubei) local.",
     [(3, "Hubei", "confirmed", "new"), (9, "", "confirmed", "new")]),
    ("The 12 new cases — all of them in Wuhan — were reported on Monday.", [(12, "Wuhan", "confirmed", "new")]),
    ("China had 9 new cases, but only three of those — all in the hard-hit central province of Hubei — were local.",
     [(3, "Hubei", "confirmed", "new"), (9, "", "confirmed", "new")]),
    ("The 12 new cases — all in Wuhan and Xiaogan — were reported on Monday.", [(12, "", "confirmed", "new")]),
    # a place with its own number in brackets is a member's, not the enclosing count's
    ("China reported 20 new imported cases on Monday, in Beijing (5), Shanghai (3), Guangdong (8) and Tianjin (4).",
     [(3, "Shanghai", "confirmed", "new"), (4, "Tianjin", "confirmed", "new"), (5, "Beijing", "confirmed", "new"),
      (8, "Guangdong", "confirmed", "new"), (20, "", "confirmed", "new")]),
    # false readings: no places in the group, staff, a range written with dashes, a hyphen inside a word
    ("The five new cases — three men and two women — were all imported.", [(5, "", "confirmed", "new")]),
    ("China sent 11 medical teams on Friday. The other seven — four in Shanghai and three in Gansu — left later.", []),
    ("There were 10 — 13 suspected cases.", [(10, "", "suspected", ""), (13, "", "suspected", "")]),
    ("The ward holds 10 - 13 patients - all of them elderly - on Monday.",
     [(10, "", "unspecified", ""), (13, "", "unspecified", "")]),
    ("Anhui reported five new cases (three in 2019, two in 2020).", [(5, "Anhui", "confirmed", "new")]),
    ("Anhui reported five new cases — three on Monday, two on Tuesday.", [(5, "Anhui", "confirmed", "new")]),
]


@pytest.mark.parametrize("text, expected", ENCLOSED, ids=[t[:60] for t, _ in ENCLOSED])
def test_enclosed_lists(facts_of, text, expected):
    assert cases(facts_of, text) == expected


def test_a_range_with_dashes_keeps_its_ends(facts_of):
    """`10 — 13`: the low end `over`, the high end `under`; a dash opens a list only before `N in Place`."""
    facts = facts_of("There were 10 — 13 suspected cases.", kind="case_count")
    assert sorted((f["value"], f["qualifier"]) for f in facts) == [(10, "over"), (13, "under")]


DISTRIBUTIONS = [
    # `N in X, M in Y` after a count (works before issue 23's round: kept)
    ("Of the 23 new cases, 12 were in Wuhan, 6 in Xiaogan and 5 in Huanggang.",
     [(5, "Huanggang", "confirmed", "new"), (6, "Xiaogan", "confirmed", "new"), (12, "Wuhan", "confirmed", "new"),
      (23, "", "confirmed", "new")]),
    ("Zhejiang reported 1,205 confirmed cases. Of them, 504 were in Wenzhou, 169 in Hangzhou and 157 in Ningbo.",
     [(157, "Ningbo", "confirmed", ""), (169, "Hangzhou", "confirmed", ""), (504, "Wenzhou", "confirmed", ""),
      (1205, "Zhejiang", "confirmed", "")]),
    ("Of the 12 new deaths, 10 were in Wuhan and 2 in Xiaogan.",
     [(2, "Xiaogan", "death", "new"), (10, "Wuhan", "death", "new"), (12, "", "death", "new")]),
    ("Anhui reported five new cases: three in Hefei, two in Bengbu.",
     [(2, "Bengbu", "confirmed", "new"), (3, "Hefei", "confirmed", "new"), (5, "Anhui", "confirmed", "new")]),
    ("The donations included 5 in Beijing and 3 in Shanghai.", []),
]


@pytest.mark.parametrize("text, expected", DISTRIBUTIONS, ids=[t[:60] for t, _ in DISTRIBUTIONS])
def test_distributions_after_a_count(facts_of, text, expected):
    assert cases(facts_of, text) == expected


LEAD_WHOLES = [
    # a number that closes a lead-in is the whole the count after it parts, never a member of a list with it
    ("In Macao, three new cases were confirmed on Monday. Among the confirmed total of 40, 12 patients have been "
     "discharged.",
     [(3, "Macao", "confirmed", "new"), (12, "Macao", "recovered", "total"), (40, "Macao", "confirmed", "total")]),
    ("In Macao, three new cases were confirmed on Monday. Of the total of 40, 12 have been discharged.",
     [(3, "Macao", "confirmed", "new"), (12, "Macao", "recovered", "total"), (40, "Macao", "unspecified", "total")]),
    # a list of numbers after a lead-in still is one
    ("Of the three cities, 202, 183 and 176 new cases were reported on Monday.",
     [(176, "", "confirmed", "new"), (183, "", "confirmed", "new"), (202, "", "confirmed", "new")]),
    # false readings: staff before, or nothing before
    ("Hunan sent 300 doctors on Monday. Of the total of 40, 12 have been discharged.", []),
    ("Of the total of 40, 12 have been discharged.", []),
]


@pytest.mark.parametrize("text, expected", LEAD_WHOLES, ids=[t[:60] for t, _ in LEAD_WHOLES])
def test_a_lead_ins_whole(facts_of, text, expected):
    assert cases(facts_of, text) == expected
