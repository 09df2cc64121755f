"""Shapes of daily reports (issue 23), invented sentences, false readings included: places that each have the
count, a place that `has` cases, a toll beside another count, `respectively` with the places after the numbers,
counts within one day, perfect verbs of counting, a toll's place, lettered lists glued to their numbers, glued
function words, and a hyphenated lead-in."""
import pytest


def counts(facts_of, text, published="2020-02-26"):
    return sorted((f["value"], f["region"], f["status"], f["period"])
                  for f in facts_of(text, published=published, kind="case_count"))


EACH = [
    ("Provincial-level regions of Tianjin, Liaoning and Gansu each reported one case.",
     [(1, "Gansu"), (1, "Liaoning"), (1, "Tianjin")]),
    ("The cities of Hefei and Bengbu each reported 3 new cases.", [(3, "Bengbu"), (3, "Hefei")]),
    ("Two patients died on Monday. Among the dead, there is one in Shaoyang and Yueyang each.",
     [(1, "Shaoyang"), (1, "Yueyang"), (2, None)]),
    ("Hunan reported 10 new cases on Monday, one in Shaoyang and Yueyang each.",
     [(1, "Shaoyang"), (1, "Yueyang"), (10, "Hunan")]),
    # false readings: `each day` is no distributive; a list under a preposition is no subject
    ("Hunan reported 10 new cases on Monday, one in Shaoyang and Yueyang each day.", [(1, "Shaoyang"), (10, "Hunan")]),
    ("Cases were found in the cities of Hefei and Bengbu, which each reported 3 new cases.", [(3, None)]),
]


@pytest.mark.parametrize("text, expected", EACH)
def test_each_of_several_places(facts_of, text, expected):
    assert [(v, r) for v, r, _, _ in counts(facts_of, text)] == expected


PERIODS = [
    ("Hong Kong has 682 cases, Taiwan has 306 cases, and Macau has 39 cases.", 39, "total"),
    ("Hong Kong has 682 cases and four deaths so far.", 682, "total"),
    ("Shanghai has 5 new cases.", 5, "new"),
    ("The commission said 282 patients were discharged from hospitals over the past 24 hours.", 282, "new"),
    ("In the past 24 hours, Hubei reported 30 deaths.", 30, "new"),
    ("The local health commission has counted 155 imported cases.", 155, "total"),
    # false readings: patients a place has may be those held now; `has` with no place before it
    ("Hubei has 3,000 patients.", 3000, None),
    ("The hospital has 20 cases.", 20, None),
]


@pytest.mark.parametrize("text, value, period", PERIODS)
def test_period_of_a_standing_or_one_day_count(facts_of, text, value, period):
    assert [p for v, _, _, p in counts(facts_of, text) if v == value] == [period]


def test_a_toll_beside_another_count_is_deaths(facts_of):
    text = "The total number of cases on the mainland stands at 81,518, with the death toll at 3,305 and a " \
           "total of 76,052 recoveries."
    assert counts(facts_of, text) == [(3305, None, "death", "total"), (76052, None, "recovered", "total"),
                                      (81518, None, "confirmed", "total")]


RESPECTIVELY = [
    ("20, 30 and 40 new cases were reported in Wuhan, Xiaogan and Huanggang respectively.",
     [(20, "Wuhan"), (30, "Xiaogan"), (40, "Huanggang")]),
    ("Wuhan, Xiaogan and Huanggang reported 20, 30 and 40 new cases, respectively.",
     [(20, "Wuhan"), (30, "Xiaogan"), (40, "Huanggang")]),
    ("Hubei reported 20 and 30 new cases in Wuhan and Xiaogan, respectively.", [(20, "Wuhan"), (30, "Xiaogan")]),
]


@pytest.mark.parametrize("text, expected", RESPECTIVELY)
def test_respectively_with_the_places_on_either_side(facts_of, text, expected):
    assert [(v, r) for v, r, _, _ in counts(facts_of, text)] == sorted(expected)


def test_a_revised_toll_is_its_place_s(facts_of):
    text = "BEIJING, April 17. China has revised the death toll from COVID-19 in Wuhan by nearly 1,300, from " \
           "2,579 to 3,869 deaths, the city's task force said. The number of people infected has risen by 325, " \
           "reaching 50,333."
    found = counts(facts_of, text, published="2020-04-17")
    assert (3869, "Wuhan", "death", "total") in found and (2579, "Wuhan", "death", "total") in found
    assert [r for v, r, _, _ in found if v == 50333] == ["Wuhan"]


def test_reaching_a_share_is_no_count(facts_of):
    assert counts(facts_of, "The team treated 300 patients, reaching 50 percent of its capacity.") == \
        [(300, None, "unspecified", None)]


def test_a_lettered_list_glued_to_its_numbers(facts_of):
    text = "By 24:00, February 8, the following had been reported in Anhui Province:\na)779 confirmed cases;\n" \
           "b)59 cured and discharged cases;\nc) 1 fatal case; and\nd) 16,532 close contacts\n" \
           "Of all the confirmed cases, 136 are in Hefei, 23 in Huaibei."
    assert counts(facts_of, text, published="2020-02-09") == [
        (1, "Anhui", "death", "total"), (23, "Huaibei", "confirmed", "total"), (59, "Anhui", "recovered", "total"),
        (136, "Hefei", "confirmed", "total"), (779, "Anhui", "confirmed", "total")]


def test_glued_function_words(facts_of):
    text = "As of 24:00, February 28, 631 cases have been reported in Jiangsu, 93 ofwhich were in Nanjing, " \
           "55 in Wuxi. 519 cases havebeen cured and discharged from hospital."
    found = counts(facts_of, text, published="2020-02-29")
    assert (93, "Nanjing", "confirmed", "total") in found and (55, "Wuxi", "confirmed", "total") in found
    assert [p for v, _, s, p in found if v == 519] == ["total"]


@pytest.mark.parametrize("lead, status", [("newly-confirmed", "confirmed"), ("newly-recovered", "recovered")])
def test_a_hyphenated_lead_in(facts_of, lead, status):
    text = f"Hunan reported 22 new cases and discharged 49 patients on Monday. Among the {lead} cases, 5 are in " \
           "Changsha, 4 in Zhuzhou."
    assert [(v, r, s, p) for v, r, s, p in counts(facts_of, text) if v in (4, 5)] == \
        [(4, "Zhuzhou", status, "new"), (5, "Changsha", status, "new")]


def test_a_change_is_no_range(facts_of):
    text = "China has revised the death toll in Wuhan by nearly 1,300, from 2,579 to 3,869 deaths."
    found = [(f["value"], f["qualifier"], f["region"], f["date"])
             for f in facts_of(text, published="2020-04-17", kind="case_count")]
    assert sorted(found) == [(2579, "exact", "Wuhan", None), (3869, "exact", "Wuhan", None)]


def test_a_range_stays_a_range(facts_of):
    found = [(f["value"], f["qualifier"]) for f in facts_of("Hubei expects from 10 to 13 suspected cases.",
                                                             kind="case_count")]
    assert sorted(found) == [(10, "over"), (13, "under")]


@pytest.mark.parametrize("headline, place", [
    ("106 coronavirus patients discharged from hospital in Wenzhou", "Wenzhou"),
    ("Patients in hospital in Wenzhou fall to 30", "Wenzhou"),
    # a hospital's story: the patients it counts are where it works
    ("Wenzhou hospital sends 20 doctors to Wuhan", None),
])
def test_leaving_hospital_is_no_hospital_s_story(facts_of, headline, place):
    text = f"{headline}\n\nThe commission had reported 474 confirmed cases as of Monday."
    assert [f["region"] for f in facts_of(text, kind="case_count") if f["value"] == 474] == [place]


@pytest.mark.parametrize("text", [
    "Jiangsu reported 5 new cases on Monday. 13 more were cured and discharged from hospital.",
    "Jiangsu reported 5 new cases on Monday, and 13 more were discharged.",
])
def test_n_more_with_a_status_verb_are_new(facts_of, text):
    assert [(r, s, p) for v, r, s, p in counts(facts_of, text) if v == 13] == [("Jiangsu", "recovered", "new")]


def test_more_than_is_no_addition(facts_of):
    assert counts(facts_of, "Jiangsu reported 5 new cases on Monday. 13 more are expected to recover.") == \
        [(5, "Jiangsu", "confirmed", "new")]


def test_a_member_with_none_ends_a_roll_call(facts_of):
    text = "Guangdong reported three new cases yesterday, while Hong Kong had two and Macau had none."
    assert counts(facts_of, text) == [(2, "Hong Kong", "confirmed", "new"), (3, "Guangdong", "confirmed", "new")]


@pytest.mark.parametrize("text, region", [
    ("Guangdong reported no new cases on Tuesday. The three newly added cases were all reported from Huizhou.",
     "Huizhou"),
    # false reading: where imported cases came from
    ("Guangdong reported 5 new cases on Tuesday. The three imported cases came from Hubei.", "Guangdong"),
])
def test_reported_from_a_place(facts_of, text, region):
    assert [r for v, r, _, _ in counts(facts_of, text) if v == 3] == [region]


def test_with_a_count_of_its_own_day(facts_of):
    text = "Guangzhou reported no new cases.\n\nThe total number in the province is 1,331, of which 571 have " \
           "left hospital, with 41 cases discharged on Tuesday alone."
    assert [(v, s, p) for v, _, s, p in counts(facts_of, text)] == \
        [(41, "recovered", "new"), (571, "recovered", "total"), (1331, "unspecified", "total")]


@pytest.mark.parametrize("text", [
    "The Hong Kong government reported 30 newly confirmed cases on Tuesday.\n\nOf the new patients, 19 are men.",
    "HONG KONG, March 24 (Xinhua) -- The government reported 30 newly confirmed cases on Tuesday.\n\n"
    "Of the newly diagnosed patients, 19 are men.",
])
def test_a_lead_in_part_across_a_paragraph_is_its_whole_s(facts_of, text):
    assert [r for v, r, _, _ in counts(facts_of, text) if v == 19] == ["Hong Kong"]


@pytest.mark.parametrize("text, expected", [
    ("Hunan reported 968 cases. There are now 60 in critical condition.", [(60, "critical")]),
    ("Hunan reported 968 cases. There are 60 critically ill.", [(60, "critical")]),
    # false readings: people in a place that is no state of the disease; no count of cases nearby
    ("Hunan reported 968 cases. There were 3 in the room.", []),
    ("There are now 60 in critical condition after the crash.", []),
])
def test_there_are_n_in_a_state(facts_of, text, expected):
    assert [(v, s) for v, _, s, _ in counts(facts_of, text) if v != 968] == expected


@pytest.mark.parametrize("text, expected", [
    ("Another two patients of the novel coronavirus disease (COVID-19) were discharged from hospital Monday in "
     "Shennongjia in central China's Hubei Province.", [(2, "Shennongjia")]),
    # false reading: a place inside a bracket still open is a part's
    ("China reported 35 deaths (34 in Hubei and 1 in Henan).", [(1, "Henan"), (34, "Hubei"), (35, None)]),
])
def test_a_closed_bracket_is_an_aside(facts_of, text, expected):
    assert [(v, r) for v, r, _, _ in counts(facts_of, text)] == expected


def test_a_group_of_its_own_sentence_is_nearer_than_a_count_before(facts_of):
    text = "The death toll in China had reached 3,189 as of Friday. All of the latest deaths were in Hubei and 10 " \
           "of them were in Wuhan."
    assert [(r, s) for v, r, s, _ in counts(facts_of, text) if v == 10] == [("Wuhan", "death")]
