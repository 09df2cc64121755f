"""Case-count shapes met on unseen provincial bulletins, one table per phenomenon, of our own sentences (false
positives included: a wrong value is worse than none). A case-count row lists every case count the text must give
as (value, status, period, region); any other count or attribute fails."""
import pytest

ALIASES = [
    # a region's other names (data/regions.csv), acronyms only in capitals
    ("The TAR reported its first case.", ["Tibet"]),
    ("Officials of the Tibet Autonomous Region said on Monday.", ["Tibet"]),
    ("The Tibetan Autonomous Region said on Monday.", ["Tibet"]),
    ("Xizang reported its first case.", ["Tibet"]),
    ("The XUAR said on Monday.", ["Xinjiang"]),
    ("IMAR said on Monday.", ["Inner Mongolia"]),
    ("The Guangxi Zhuang Autonomous Region said on Monday.", ["Guangxi"]),
    ("Tar roads were cleaned in Lhasa.", ["Lhasa"]),
    ("Workers spread tar on the roads.", []),
    ("The imar and xuar of the text.", []),
]


@pytest.mark.parametrize("text, expected", ALIASES, ids=[t[:50] for t, _ in ALIASES])
def test_region_aliases(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, kind="region")] == expected


def case_rows(facts_of, text):
    return [(f["value"], f["status"], f["period"], f["region"])
            for f in facts_of(text, published="2020-03-20", kind="case_count")]


PLACE_TALLIES = [
    # a place's own bare tally or total: its running total of (confirmed) cases, its place from the possessive
    ("Beijing's tally rose to 436.", [(436, "confirmed", "total", "Beijing")]),
    ("On Monday, Shanghai's total stands at 339.", [(339, "confirmed", "total", "Shanghai")]),
    ("Shanghai's cumulative tally has now risen to 339.", [(339, "confirmed", "total", "Shanghai")]),
    ("Zhejiang's total climbed to 1,205 cases.", [(1205, "confirmed", "total", "Zhejiang")]),
    ("Shandong reported 3 new cases. The province's count of recoveries reached 300.",
     [(3, "confirmed", "new", "Shandong"), (300, "recovered", "total", "Shandong")]),
    ("Henan reported 3 new cases. The province's tally now stands at 1,272.",
     [(3, "confirmed", "new", "Henan"), (1272, "confirmed", "total", "Henan")]),
    # the owner's place, not the count's before it; that count's status when it is one place's
    ("Wuhan reported 50 new cases. The province's tally rose to 2,000.",
     [(50, "confirmed", "new", "Wuhan"), (2000, "confirmed", "total", "Hubei")]),
    ("Wuhan reported 50 new cases. Hubei's tally rose to 2,000.",
     [(50, "confirmed", "new", "Wuhan"), (2000, "confirmed", "total", "Hubei")]),
    ("Hubei reported 50 new deaths, and the province's tally rose to 2,000.",
     [(50, "death", "new", "Hubei"), (2000, "death", "total", "Hubei")]),
    ("Hunan's total rose to 1,018 with 2 new infections.",
     [(1018, "confirmed", "total", "Hunan"), (2, "confirmed", "new", "Hunan")]),
    # no case tally: another noun, staff, a unit, a whole country, no place owning it
    ("Zhejiang's total of donated masks reached 10,000.", []),
    ("Jiangsu sent 300 medics to Wuhan on Monday. The province's total rose to 2,800.", []),
    ("Beijing's tally of medals rose to 30.", []),
    ("Beijing's total rose to 436 tons.", []),
    ("Beijing's total rose to 30 percent.", []),
    ("The national tally rose to 80,000.", []),
    ("Beijing's team tally rose to 400.", []),
]


@pytest.mark.parametrize("text, expected", PLACE_TALLIES, ids=[t[:50] for t, _ in PLACE_TALLIES])
def test_place_tallies(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


ROLL_CALLS = [
    # later members of a roll call leave out the verb (and the noun): each value its own place's
    ("Hong Kong has reported 150 confirmed cases, Macao has 10 and Taiwan 59.",
     [(150, "confirmed", "total", "Hong Kong"), (10, "confirmed", "total", "Macao"),
      (59, "confirmed", "total", "Taiwan")]),
    ("Hong Kong has 150 cases; Macao has 10 and Taiwan 59.",
     [(150, "confirmed", "total", "Hong Kong"), (10, "confirmed", "total", "Macao"),
      (59, "confirmed", "total", "Taiwan")]),   # (a place that has cases holds a running total)
    ("Guangdong reported 5 new cases, Zhejiang 3 and Henan 2.",
     [(5, "confirmed", "new", "Guangdong"), (3, "confirmed", "new", "Zhejiang"), (2, "confirmed", "new", "Henan")]),
    ("Guangdong reported 5 new cases on Monday, while Zhejiang reported 3 and Henan 2.",
     [(5, "confirmed", "new", "Guangdong"), (3, "confirmed", "new", "Zhejiang"), (2, "confirmed", "new", "Henan")]),
    ("Guangdong reported 5 new deaths, Zhejiang 3 and Henan 2.",
     [(5, "death", "new", "Guangdong"), (3, "death", "new", "Zhejiang"), (2, "death", "new", "Henan")]),
    ("The mainland reported 40 new imported cases. Beijing had 10 and Shanghai 7.",
     [(40, "confirmed", "new", None), (10, "confirmed", "new", "Beijing"), (7, "confirmed", "new", "Shanghai")]),
    ("Hubei reported 30 deaths and Hunan 4.", [(30, "death", None, "Hubei"), (4, "death", None, "Hunan")]),
    # no roll call of cases: another noun, staff, a year, no count to go on from
    ("Guangdong reported 5 new cases while Zhejiang reported 3 and Henan 2 hospitals.",
     [(5, "confirmed", "new", "Guangdong")]),
    ("Guangdong reported 5 new cases while Zhejiang reported 3 and Henan 2020.",
     [(5, "confirmed", "new", "Guangdong")]),
    ("Guangdong reported 5 new cases, Zhejiang 3 and Henan 2020.",
     [(5, "confirmed", "new", "Guangdong"), (3, "confirmed", "new", "Zhejiang")]),
    ("Guangdong reported 5 new cases, while Zhejiang sent 3 and Henan 2.", [(5, "confirmed", "new", "Guangdong")]),
    ("Guangdong sent 50 doctors. Macao has 10 and Taiwan 59.", []),
    ("Guangdong sent 50 doctors, Zhejiang 30 and Henan 20.", []),
    ("Macao has 10 and Taiwan 59.", []),
]


@pytest.mark.parametrize("text, expected", ROLL_CALLS, ids=[t[:50] for t, _ in ROLL_CALLS])
def test_roll_calls_without_verbs(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


EACH = [
    # one value for each of several places: one fact per place, with what the count before or the noun counts
    ("New cases were found in Guangzhou and Shenzhen with 8 each.",
     [(8, "confirmed", "new", "Guangzhou"), (8, "confirmed", "new", "Shenzhen")]),
    ("Guangdong reported 20 new cases, Guangzhou and Shenzhen with 8 each.",
     [(20, "confirmed", "new", "Guangdong"), (8, "confirmed", "new", "Guangzhou"),
      (8, "confirmed", "new", "Shenzhen")]),
    ("Guangdong reported 20 new cases: Guangzhou and Shenzhen 8 each, and Zhuhai 4.",
     [(20, "confirmed", "new", "Guangdong"), (8, "confirmed", "new", "Guangzhou"),
      (8, "confirmed", "new", "Shenzhen"), (4, "confirmed", "new", "Zhuhai")]),
    ("Jiangxi and Anhui each reported 2 deaths.", [(2, "death", None, "Anhui"), (2, "death", None, "Jiangxi")]),
    ("Five new deaths were reported outside Hubei on Monday. Jiangxi and Anhui each reported 2.",
     [(5, "death", "new", None), (2, "death", "new", "Anhui"), (2, "death", "new", "Jiangxi")]),
    # no count of cases each place has: staff, beds, a day, no case noun or count
    ("Guangdong sent 50 doctors. Jiangxi and Anhui each had 2.", []),
    ("Guangzhou and Shenzhen sent 8 doctors each.", []),
    ("New cases were found in Guangzhou and Shenzhen with 8 beds each.", []),
    ("New cases were found in Guangzhou and Shenzhen with 8 each day.", []),
    ("Patients were sent to Guangzhou and Shenzhen, 8 each.", []),
    ("Jiangxi and Anhui each reported 2.", []),
]


@pytest.mark.parametrize("text, expected", EACH, ids=[t[:50] for t, _ in EACH])
def test_each_place_shares_a_bare_value(facts_of, text, expected):
    assert sorted(case_rows(facts_of, text), key=repr) == sorted(expected, key=repr)


OWN_CLAUSES = [
    # a clause that names its own place and status: its count is that place's and status's, not the clause's before
    ("Hubei reported 100 new cases and 20 were cured in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Wuhan")]),
    ("Hubei reported 100 new cases, while 20 were cured in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Wuhan")]),
    ("Hubei reported 100 new cases while 20 recovered in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", None, "Wuhan")]),
    ("Hubei reported 100 new cases and 20 were discharged from hospitals in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Wuhan")]),
    ("Hubei reported 100 new cases on Monday and 20 died in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "death", "new", "Wuhan")]),
    ("Hubei reported 100 new cases and 20 were cured.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Hubei")]),
    ("Hubei reported 100 new cases and 20 more were cured in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Wuhan")]),
    ("Hubei reported 100 new cases and 20 have been cured in Wuhan.",
     [(100, "confirmed", "new", "Hubei"), (20, "recovered", "new", "Wuhan")]),
    # no count in the second clause: staff, something else
    ("Hubei sent 100 doctors while 20 recovered in Wuhan.", []),
    ("Hubei reported 100 new cases and 20 more hospitals were built.", [(100, "confirmed", "new", "Hubei")]),
    ("Hubei reported 100 new cases while 20 severe shortages remained.", [(100, "confirmed", "new", "Hubei")]),
]


@pytest.mark.parametrize("text, expected", OWN_CLAUSES, ids=[t[:50] for t, _ in OWN_CLAUSES])
def test_a_clause_s_own_place_and_status(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


ORIGIN_PARTS = [
    # parts told by where the patients were infected: the whole's status and period, the reporting place's (the
    # devset's gold counts imported cases as confirmed cases of the place that reports them)
    ("Of the new cases, 20 were imported and 5 were local.",
     [(20, "confirmed", "new", None), (5, "confirmed", "new", None)]),
    ("Beijing reported 25 new cases on Monday, 20 were imported from abroad.",
     [(25, "confirmed", "new", "Beijing"), (20, "confirmed", "new", "Beijing")]),
    ("Beijing reported 25 new cases on Monday. Of them, 20 were imported from abroad and 5 were locally "
     "transmitted.",
     [(25, "confirmed", "new", "Beijing"), (20, "confirmed", "new", "Beijing"), (5, "confirmed", "new", "Beijing")]),
    ("Beijing reported 25 new cases on Monday, 20 imported and 5 local.",
     [(25, "confirmed", "new", "Beijing"), (20, "confirmed", "new", "Beijing"), (5, "confirmed", "new", "Beijing")]),
    ("Beijing reported 25 new cases on Monday, with 20 imported from abroad.",
     [(25, "confirmed", "new", "Beijing"), (20, "confirmed", "new", "Beijing")]),
    ("Beijing reported 25 new cases on Monday. 20 were imported from abroad.",
     [(25, "confirmed", "new", "Beijing"), (20, "confirmed", "new", "Beijing")]),
    ("Jiangsu reported 5 new cases, 3 were imported from Hubei.",
     [(5, "confirmed", "new", "Jiangsu"), (3, "confirmed", "new", "Jiangsu")]),
    # no part of a case count: goods, supplies, staff, another paragraph
    ("Beijing reported 25 new cases on Monday, 20 were imported goods.", [(25, "confirmed", "new", "Beijing")]),
    ("Beijing reported 25 new cases on Monday, and 20 tons of supplies were imported.",
     [(25, "confirmed", "new", "Beijing")]),
    ("Beijing sent 25 doctors on Monday, 20 were local.", []),
    ("Beijing reported 25 new cases on Monday.\n\n20 were imported from abroad.", [(25, "confirmed", "new", "Beijing")]),
]


@pytest.mark.parametrize("text, expected", ORIGIN_PARTS, ids=[t[:50] for t, _ in ORIGIN_PARTS])
def test_parts_by_origin(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


BODY = "\n\nTwo new imported cases were confirmed on Monday, health authorities said. In total, 135 cases have been reported."
TITLES = [
    # the text's first line is its title, a full stop or none: a count that names no place is the title's place's
    ("Shanxi reports 2 new imported cases." + BODY, {135: "Shanxi"}),
    ("Shanxi reports 2 new imported cases" + BODY, {135: "Shanxi"}),
    ("Shanxi reports 2 new imported cases。" + BODY, {135: "Shanxi"}),
    # no title: a long lead sentence, two sentences, a title naming two places
    ("Shanxi reported 2 new imported cases on Monday, health authorities said, while more patients left "
     "hospitals across the province." + BODY, {135: None}),
    ("Shanxi reports 2 new cases. Officials gave figures." + BODY, {135: None}),
    ("Shanxi and Hebei report 2 new imported cases." + BODY, {135: None}),
    ("The number of new cases in Shanxi was small." + BODY, {135: None}),
    ("Shanxi had 2 new imported cases." + BODY, {135: None}),
]


@pytest.mark.parametrize("text, expected", TITLES, ids=[t.split("\n")[0][:50] for t, _ in TITLES])
def test_a_first_line_with_a_full_stop_is_a_title(facts_of, text, expected):
    found = {f["value"]: f["region"] for f in facts_of(text, published="2020-03-20", kind="case_count")}
    assert {value: found.get(value, "missing") for value in expected} == expected


EVENTS = [
    # a count after a noun of discharge or death with `of`: the event's status
    ("Xinjiang celebrated the discharge of the last two patients on Monday.", [(2, "recovered", None, "Xinjiang")]),
    ("The discharge of the last 2 severe patients in Hunan was announced.", [(2, "recovered", None, "Hunan")]),
    ("The recovery of 20 patients in Hunan was announced.", [(20, "recovered", None, "Hunan")]),
    ("The deaths of 2 patients in Hubei were reported.", [(2, "death", None, "Hubei")]),
    ("Yunnan has no patients left after the last 3 patients were discharged.", [(3, "recovered", None, "Yunnan")]),
    # another event, or no patients
    ("The admission of 30 patients in Wuhan hospitals strained staff.", [(30, "unspecified", None, "Wuhan")]),
    ("The discharge of 5 tons of waste was banned.", []),
    ("The discharge of 30 medical teams from duty began.", []),
]


@pytest.mark.parametrize("text, expected", EVENTS, ids=[t[:50] for t, _ in EVENTS])
def test_events_of_counts(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


BULLETIN_ASIDES = [
    # a bulletin's bracketed asides: a sub-count naming its own place keeps it; an aside with no place carries none
    ("On Monday, 3 new cases and 5 deaths were added in Henan Province (2 cases in Zhengzhou, 1 case in Luoyang).",
     [(3, "Henan"), (5, "Henan"), (2, "Zhengzhou"), (1, "Luoyang")]),
    ("Henan Province reported 5 new cases (4 cases in Zhengzhou, 1 case in Luoyang).",
     [(5, "Henan"), (4, "Zhengzhou"), (1, "Luoyang")]),
    ("On Monday, 8 new cases were confirmed in Henan Province (asymptomatic infections were converted to 2 cases). "
     "As of Monday, a total of 501 cases were reported.", [(8, "Henan"), (2, None), (501, "Henan")]),
    ("On April 14, 8 new cases were confirmed in Heilongjiang Province. As of April 14, a total of 501 cases were "
     "reported, 19 of which are in hospital (Harbin City).", [(8, "Heilongjiang"), (501, "Heilongjiang"),
                                                             (19, "Heilongjiang")]),
    ("On April 14, 8 new cases were confirmed in Heilongjiang Province. As of April 14, a total of 501 cases were "
     "reported in Harbin.", [(8, "Heilongjiang"), (501, "Harbin")]),
    # `were added`, `were reported`: a passive, no saying verb; a saying verb's place is no count's
    ("On Monday, 3 new cases were added in Henan Province.", [(3, "Henan")]),
    ("3 new cases were reported, the commission added in Beijing.", [(3, None)]),
    ("Henan Province (population 96 million) reported 5 new cases.", [(5, "Henan")]),
    ("On Monday, 8 new cases were confirmed (2 cases in Luoyang). A total of 501 cases were reported.",
     [(8, None), (2, "Luoyang"), (501, None)]),
]


@pytest.mark.parametrize("text, expected", BULLETIN_ASIDES, ids=[t[:50] for t, _ in BULLETIN_ASIDES])
def test_bulletin_asides(facts_of, text, expected):
    assert [(v, r) for v, _, _, r in case_rows(facts_of, text)] == expected


ACCUMULATED = [
    # machine-translated bulletins say `accumulatively` for a running total
    ("Guangdong reported 1 new case. The province has accumulatively reported 190 confirmed cases imported from "
     "abroad.", [(1, "confirmed", "new", "Guangdong"), (190, "confirmed", "total", "Guangdong")]),
    ("An accumulated 1,577 cases have been reported in Guangdong.", [(1577, "confirmed", "total", "Guangdong")]),
    ("Guangdong reported 12 new cases, while accumulated waste reached 30 tons.", [(12, "confirmed", "new", "Guangdong")]),
]


@pytest.mark.parametrize("text, expected", ACCUMULATED, ids=[t[:50] for t, _ in ACCUMULATED])
def test_accumulated_totals(facts_of, text, expected):
    assert case_rows(facts_of, text) == expected


LISTED_PLACES = [
    # a count followed by a list of places each with its own count: the first is their whole, none of theirs
    ("There were 5 new cases, 4 cases reported in Guangzhou and 1 case reported in Shenzhen.",
     [(5, None), (4, "Guangzhou"), (1, "Shenzhen")]),
    ("Guangdong reported 5 new cases, 4 cases in Guangzhou and 1 case in Shenzhen.",
     [(5, "Guangdong"), (4, "Guangzhou"), (1, "Shenzhen")]),
    # a coordination before one place gives it to every member
    ("There were 3,099 cases and 82 deaths in Henan, and 12 deaths in Hebei.",
     [(3099, "Henan"), (82, "Henan"), (12, "Hebei")]),
    ("There were 3,099 cases, 82 deaths and 20 recoveries in Henan.", [(3099, "Henan"), (82, "Henan"), (20, "Henan")]),
]


@pytest.mark.parametrize("text, expected", LISTED_PLACES, ids=[t[:50] for t, _ in LISTED_PLACES])
def test_a_count_before_a_list_of_places(facts_of, text, expected):
    assert [(v, r) for v, _, _, r in case_rows(facts_of, text)] == expected


OUTLETS = [
    # `China` in an outlet's name opening a bulletin speaks for no country: the title's place stands
    ("8 new cases in Henan Province, 14 new cases imported abroad\n\nChina News Service, April 15 (Xinhua) According "
     "to the Henan Health Commission, on April 14, 8 new cases were confirmed in Henan Province.\n\nOn April 14, 14 "
     "new cases imported from abroad were added.", [(8, "Henan"), (14, "Henan"), (8, "Henan"), (14, "Henan")]),
    ("Henan reports 14 imported cases\n\nAccording to China Daily, 14 new cases imported from abroad were added on "
     "Tuesday in the province of Henan.\n\nIn total, 300 cases have been confirmed.",
     [(14, "Henan"), (14, "Henan"), (300, "Henan")]),
    # the country itself
    ("Henan reports 14 imported cases\n\nChina reported 30 new imported cases on Tuesday, China Daily said.\n\n"
     "In total, 300 cases have been confirmed.", [(14, "Henan"), (30, None), (300, None)]),
]


@pytest.mark.parametrize("text, expected", OUTLETS, ids=[t[:50] for t, _ in OUTLETS])
def test_an_outlet_is_no_country(facts_of, text, expected):
    assert [(v, r) for v, _, _, r in case_rows(facts_of, text)] == expected
