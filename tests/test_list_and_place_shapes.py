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
    # a place before the disease's words and another noun names its own body or epidemic, not the disease
    ("The Hunan novel coronavirus pneumonia prevention and control headquarters said 20 new cases were reported.",
     [(20, "confirmed", "Hunan")]),
    ("Anhui novel coronavirus pneumonia epidemic report\n\nThere were 20 new cases and 3 deaths on Monday, the "
     "commission said.",
     [(3, "death", "Anhui"), (20, "confirmed", "Anhui")]),
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


BULLETIN_DETAILS = [
    # `the 26th of January`: a day before `of` and its month
    ("On the 26th of January, 2020, Hainan reported 3 new cases.", [(3, "confirmed", "Hainan")], "2020-01-26"),
    ("Hainan reported 3 new cases on the 3rd of February.", [(3, "confirmed", "Hainan")], "2020-02-03"),
    # a title-case dateline dates the article, not the counts (`on Wednesday` does)
    ("Wuhan, Feb 6 (IANS) Hubei reported 2,987 new cases and 70 new deaths on Wednesday.",
     [(70, "death", "Hubei"), (2987, "confirmed", "Hubei")], "2020-02-12"),
    # a disease's name with its gloss between a count's noun and its place
    ("The total number of confirmed cases of new coronavirus pneumonia disease (2019-nCoV) in Hainan has reached "
     "22.", [(22, "confirmed", "Hainan")], None),
    # a roll call in brackets, each place set off by a colon or a dash
    ("Hubei reported 100 new cases (Wuhan: 80, Xiaogan: 20).",
     [(20, "confirmed", "Xiaogan"), (80, "confirmed", "Wuhan"), (100, "confirmed", "Hubei")], None),
    ("There are 3 new cases in Hainan (Sanya – 2, Haikou - 1) and no deaths.",
     [(1, "confirmed", "Haikou"), (2, "confirmed", "Sanya"), (3, "confirmed", "Hainan")], None),
    ("The hospital (Wuhan: 80 beds) has 20 patients.", [(20, "unspecified", None)], None),
    # a status item that ends with `upon`
    ("Shanghai has 90 patients: three are critical and five have been discharged upon recovery.",
     [(3, "critical", "Shanghai"), (5, "recovered", "Shanghai"), (90, "unspecified", "Shanghai")], None),
]


@pytest.mark.parametrize("text, expected, day", BULLETIN_DETAILS, ids=[t[:50] for t, _, _ in BULLETIN_DETAILS])
def test_bulletin_details(facts_of, text, expected, day):
    assert case_rows(facts_of, text) == sorted(expected)
    if day:
        assert {f["date"] for f in facts_of(text, kind="case_count")} == {day}


def test_new_in_the_disease_s_name_is_no_period(facts_of):
    total = facts_of("The total number of confirmed cases of new coronavirus pneumonia in Hainan has reached 22.",
                     kind="case_count")
    assert [(f["value"], f["period"]) for f in total] == [(22, "total")]
    new = facts_of("The number of new coronavirus cases in Hainan has reached 22.", kind="case_count")
    assert [(f["value"], f["period"]) for f in new] == [(22, "new")]


def status_rows(facts_of, text):
    return sorted((f["value"], f["status"], f["period"], f["region"]) for f in facts_of(text, kind="case_count"))


COUNT_WORDS = [
    # a member's rate between the members of a list of deaths
    ("780 cases died in Hubei, including 10 cases in Tianmen, 5.08%, 608 cases in Wuhan, 4.06%.",
     [(10, "death", None, "Tianmen"), (608, "death", None, "Wuhan"), (780, "death", None, "Hubei")]),
    # `new coronavirus pneumonia` is the disease's name in a machine translation; `new coronavirus cases` are new
    ("As of 24:00 on February 8, 2020, 27100 new coronavirus pneumonia cases have been reported in Hubei Province.",
     [(27100, "confirmed", "total", "Hubei")]),
    ("Hubei reported 2,000 new coronavirus cases on Monday.", [(2000, "confirmed", "new", "Hubei")]),
    # a machine's singular after a number, then `as`
    ("Hubei has 549 cases, with 24 death as of Jan 23.",
     [(24, "death", "total", "Hubei"), (549, "confirmed", "total", "Hubei")]),
    ("The province printed 30 death certificates.", []),
    # the disease's verb right before its count, not the next one's
    ("The virus has since infected more than 800 people and killed 25.",
     [(25, "death", "total", None), (800, "confirmed", "total", None)]),
    ("Dongguan has 66 cases. Of those infected 5 are in critical condition.",
     [(5, "critical", None, "Dongguan"), (66, "confirmed", "total", "Dongguan")]),
    # kinds of patients listed after `including` name no status of the count
    ("The team has treated a total of 828 patients in Shiyan, including diagnosed cases, suspected cases and "
     "fever cases.", [(828, "unspecified", "total", "Shiyan")]),
    ("28 patients, including Cheng, were discharged in Wuhan.", [(28, "recovered", None, "Wuhan")]),
    # a team's home is no reporter of the patients it treats
    ("As of March 20, the Guangxi medical team supporting Shiyan have treated a total of 828 patients.",
     [(828, "unspecified", "total", "Shiyan")]),
]


@pytest.mark.parametrize("text, expected", COUNT_WORDS, ids=[t[:50] for t, _ in COUNT_WORDS])
def test_count_words(facts_of, text, expected):
    assert status_rows(facts_of, text) == sorted(expected)


def placed(facts_of, text):
    return sorted((f["value"], f["region"]) for f in facts_of(text, kind="case_count"))


PLACE_DESCRIPTIONS = [
    # a member's place told with its description
    ("China reported 11 new cases. There were seven local cases, including six in the northeastern border "
     "province of Heilongjiang and one in the southern province of Guangdong.",
     [(1, "Guangdong"), (6, "Heilongjiang"), (7, None), (11, None)]),
    ("China had 16 new infections on Sunday. Beijing accounted for four infections, the southern province of "
     "Guangdong for four, while the commercial hub of Shanghai had two, with one each in southwest Yunnan and "
     "northwest Gansu.",
     [(1, "Gansu"), (1, "Yunnan"), (2, "Shanghai"), (4, "Beijing"), (4, "Guangdong"), (16, None)]),
    ("Two cases were reported in each of northern Hebei and southern Guangdong.", [(2, "Guangdong"), (2, "Hebei")]),
    # a description that names no place of the list leaves its member without one
    ("China reported 11 new cases, including six in the northeastern border region and one in Guangdong.",
     [(1, "Guangdong"), (6, None), (11, None)]),
]


@pytest.mark.parametrize("text, expected", PLACE_DESCRIPTIONS, ids=[t[:50] for t, _ in PLACE_DESCRIPTIONS])
def test_a_place_told_with_its_description(facts_of, text, expected):
    assert placed(facts_of, text) == sorted(expected)
