"""Scopes: frames, status lead-ins and lists distribute who, what, new-or-total and when over many counts.
Sentences are our own, in the shapes bulletins use; false positives included."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-03-02"):
    return {(f["value"], f["region"]): (f["status"], f["period"], f["date"])
            for f in facts_of(text, published=published, kind="case_count")}


FRAMED = [
    # a window frame with a colon, list items a) b), then a status lead-in over a list of bare numbers
    ("Between 00:00 and 24:00 on March 1, the following were newly reported in Jiangxi Province:\n\n"
     "a) 3 confirmed cases;\n\nb) 5 discharged patients.\n\n"
     "Of the discharged patients, 2 in Nanchang, 2 in Jiujiang and 1 in Ganzhou.",
     {(3, "Jiangxi"): ("confirmed", "new", "2020-03-01"), (5, "Jiangxi"): ("recovered", "new", "2020-03-01"),
      (2, "Nanchang"): ("recovered", "new", "2020-03-01"), (2, "Jiujiang"): ("recovered", "new", "2020-03-01"),
      (1, "Ganzhou"): ("recovered", "new", "2020-03-01")}),
    # a cumulative frame and a lead-in with copulas
    ("As of 24:00 on Feb 20, Hunan had reported 1,010 confirmed cases. Of the confirmed cases, 240 are in "
     "Changsha, 160 were in Yueyang.",
     {(1010, "Hunan"): ("confirmed", "total", "2020-02-20"), (240, "Changsha"): ("confirmed", "total", "2020-02-20"),
      (160, "Yueyang"): ("confirmed", "total", "2020-02-20")}),
    # the frame's region goes to a later sentence of its paragraph; a sub-count keeps its own region
    ("On Feb 29, Hubei reported 570 new confirmed cases. 2,292 patients were discharged after being cured, "
     "including 1,675 in Wuhan.",
     {(570, "Hubei"): ("confirmed", "new", "2020-02-29"), (2292, "Hubei"): ("recovered", "new", "2020-02-29"),
      (1675, "Wuhan"): ("recovered", "new", "2020-02-29")}),
    # a list continuing a head count, items with `in`
    ("Between 00:00 and 24:00 on February 3, 37 new cases were confirmed in Jiangsu, 4 in Nanjing, "
     "2 in Wuxi and 3 in Xuzhou.",
     {(37, "Jiangsu"): ("confirmed", "new", "2020-02-03"), (4, "Nanjing"): ("confirmed", "new", "2020-02-03"),
      (2, "Wuxi"): ("confirmed", "new", "2020-02-03"), (3, "Xuzhou"): ("confirmed", "new", "2020-02-03")}),
    # a lead-in with the status after the noun, items written region first
    ("Of the cases cured and discharged, Hefei 12, Bengbu 3.",
     {(12, "Hefei"): ("recovered", None, None), (3, "Bengbu"): ("recovered", None, None)}),
    # a national frame: no region, and sub-counts in parentheses keep theirs
    ("As of 24:00 on Feb 29, the National Health Commission had received 79,824 reports of confirmed cases "
     "and 2,870 deaths (2,761 in Hubei) on the Chinese mainland.",
     {(79824, None): ("confirmed", "total", "2020-02-29"), (2870, None): ("death", "total", "2020-02-29"),
      (2761, "Hubei"): ("death", "total", "2020-02-29")}),
]


@pytest.mark.parametrize("text, expected", FRAMED, ids=[t[:40] for t, _ in FRAMED])
def test_counts_inherit_their_scope(facts_of, text, expected):
    assert cases(facts_of, text) == expected


NOT_LIST_ITEMS = [
    # a lead-in that counts something else, with numbers of its own
    "Of the 5,287 close contacts, 4,804 are still in quarantine in Wuhan.",
    # a number followed by `in` a region, with no case in sight
    "The province sent 30 in Wuhan's first wave of volunteers, and 12 in Xiaogan.",
    # region then number, with no case list
    "Jiangsu 2020 was a year of change.",
]


@pytest.mark.parametrize("text", NOT_LIST_ITEMS, ids=[t[:40] for t in NOT_LIST_ITEMS])
def test_bare_numbers_outside_a_case_list_are_not_cases(facts_of, text):
    assert cases(facts_of, text) == {}


def test_an_opening_that_is_not_a_frame_sets_nothing(facts_of):
    text = ("For example, Henan Province recorded 1,033 cases on Sunday. Xinyang, a city with 200 confirmed cases, "
            "was hit hard.")
    found = cases(facts_of, text, published="2020-02-10")
    assert found[(1033, "Henan")][2] == "2020-02-09"
    # no frame; the day is the report's (a city of the province it reported on: case_dates.py)
    assert found[(200, "Xinyang")][2] == "2020-02-09"


def test_a_frame_ends_with_its_paragraph_unless_it_opens_a_list(facts_of):
    text = ("As of 24:00 on Feb 20, Hunan had reported 1,010 confirmed cases.\n\n"
            "Doctors said 30 patients were in a stable condition.")
    found = cases(facts_of, text)
    # the frame's period stays in its paragraph; the report's day holds for its later figures (case_dates.py)
    assert found[(30, None)][1] is None and found[(30, None)][2] == "2020-02-20"


JOINED = [
    # counts joined by `with` / `and` to a count with a region share it
    ("By Sunday, a total of 1,500 confirmed cases had been reported in Hunan, with 12 deaths and 40 cases in "
     "severe condition.",
     {(1500, "Hunan"): ("confirmed", "total"), (12, "Hunan"): ("death", "total"), (40, "Hunan"): ("severe", None)}),   # held now
    # a sub-count's own status words win over the borrowed noun's
    ("There still remained 35,000 confirmed cases (including 7,000 in serious condition) nationwide.",
     {(35000, None): ("confirmed", None), (7000, None): ("severe", None)}),   # held now
    # an event verb and one day make a count new
    ("Authorities discharged 101 patients from hospitals in Henan on Monday.",
     {(101, "Henan"): ("recovered", "new")}),
    # a reported count on a day stays open: it may be a running total
    ("Henan Province recorded 1,033 cases on Sunday.", {(1033, "Henan"): ("confirmed", None)}),
]


@pytest.mark.parametrize("text, expected", JOINED, ids=[t[:40] for t, _ in JOINED])
def test_joined_counts_and_events(facts_of, text, expected):
    found = {key: value[:2] for key, value in cases(facts_of, text, published="2020-02-10").items()}
    assert found == expected


def test_a_joined_count_in_a_place_of_its_own_keeps_no_region(facts_of):
    text = "Beijing reported 20 cases in all, and 3 cases in Daxing District."
    assert (3, "Beijing") not in cases(facts_of, text)


def test_glued_commas_split_a_list_with_exact_offsets(facts_of):
    text = "Of the discharged patients, 5 in Fuyang,4 in Hefei,2 in Bozhou."
    found = facts_of(text, kind="case_count")
    assert {(f["value"], f["region"], f["status"]) for f in found} == {
        (5, "Fuyang", "recovered"), (4, "Hefei", "recovered"), (2, "Bozhou", "recovered")}
    assert all(text[f["start"]:f["end"]] == f["text"] for f in found)


def test_thousands_separators_stay_whole(facts_of):
    assert [f["value"] for f in facts_of("Hubei reported 1,234 new cases.", kind="case_count")] == [1234]


@pytest.mark.parametrize("text", [
    "Of the confirmed cases, 174 are in Hefei, 36 in Shilifeng Prison.",
    "As of 24:00 on March 5, Beijing had 400 cases. 53 cases in Xicheng District were cured.",
    "Among the new cases, 12 are in Pinggu District.",
])
def test_a_count_in_a_place_unknown_to_the_gazetteer_gets_no_borrowed_region(facts_of, text):
    unknown = [f for f in facts_of(text, kind="case_count") if f["value"] in (36, 53, 12)]
    assert unknown and all(f["region"] is None for f in unknown)


def test_a_negated_status_is_not_the_count_s(facts_of):
    found = facts_of("A total of 96 confirmed cases are in hospital without severe cases.", kind="case_count")
    assert [(f["value"], f["status"]) for f in found] == [(96, "confirmed")]


CARRIED = [
    # a sub-count opened by `including` takes the place named after it, the head keeps the subject's
    ("Henan Province has reported a total of 1,200 cases, including 300 cases in Xinyang.",
     {(1200, "Henan"), (300, "Xinyang")}),
    # the next sentence of a paragraph goes on about the same place
    ("Since the outbreak, the city of Xiaogan has registered 3,500 infected. 3,000 patients were discharged, "
     "100 died.", {(3500, "Xiaogan"), (3000, "Xiaogan"), (100, "Xiaogan")}),
    # ... the head count's place, not its sub-counts', but not after a sentence about several places, nor into
    # another paragraph
    ("Hubei reported 30 deaths (25 in Wuhan and 5 in Xiaogan). 500 patients were discharged.",
     {(30, "Hubei"), (25, "Wuhan"), (5, "Xiaogan"), (500, "Hubei")}),
    ("Hubei reported 30 deaths, and Henan reported 5 deaths. 500 patients were discharged.",
     {(30, "Hubei"), (5, "Henan"), (500, None)}),
    ("The city of Xiaogan has registered 3,500 infected.\n\n3,000 patients were discharged.",
     {(3500, "Xiaogan"), (3000, None)}),
    # `others` counts what the count before counted
    ("In Hunan, 171 patients were in severe condition and 96 others in critical condition.",
     {(171, "Hunan"), (96, "Hunan")}),
    # a quoted bulletin still opens a frame
    ("\u201cAs of 24:00 on 18 February 2020, Anhui Province has reported a total of 950 cases. A total of 300 "
     "patients were discharged.\u201d", {(950, "Anhui"), (300, "Anhui")}),
]


@pytest.mark.parametrize("text, expected", CARRIED, ids=[t[:40] for t, _ in CARRIED])
def test_regions_carried_by_scope(facts_of, text, expected):
    assert set(cases(facts_of, text)) == expected


def test_others_and_undated_openers_keep_status_and_period(facts_of):
    found = cases(facts_of, "In Hunan, 171 patients were in severe condition and 96 others in critical condition.")
    assert found[(96, "Hunan")][0] == "critical"
    found = cases(facts_of, "Since the outbreak, the city of Xiaogan has registered 3,500 infected. 3,000 patients "
                            "were discharged, 100 died.")
    assert found[(3000, "Xiaogan")][:2] == ("recovered", "total") and found[(100, "Xiaogan")][:2] == ("death", "total")


def test_bare_numbers_listed_respectively_take_their_places(facts_of):
    text = "On Wednesday, Wuhan reported 131 new confirmed cases, and the cities of Ezhou and Huangshi added two and one respectively."
    assert set(cases(facts_of, text, published="2020-03-05")) == {(131, "Wuhan"), (2, "Ezhou"), (1, "Huangshi")}
    assert cases(facts_of, text, published="2020-03-05")[(2, "Ezhou")][:2] == ("confirmed", "new")


@pytest.mark.parametrize("text, status", [
    ("Two new cases have been reported in Guangzhou.", "confirmed"),
    ("Guangzhou reported 12 new infections on Monday.", "confirmed"),
    ("Guangzhou has 12 new patients in its hospitals.", "unspecified"),   # patients: maybe not newly confirmed
    ("Guangzhou has 120 cases in all.", "confirmed"),                     # not new, but cases of the disease
])
def test_a_new_case_is_a_confirmed_one(facts_of, text, status):
    assert [f["status"] for f in facts_of(text, kind="case_count")] == [status]


@pytest.mark.parametrize("text, kind", [
    ("A total of 1,716 medical workers had been infected with the virus by Feb. 11.", "case_count"),
    ("The number of infected medics in Hubei reached 1,502.", "case_count"),
    ("Twenty doctors died of the disease.", "case_count"),
    ("Hunan sent 1,716 medical workers to Hubei.", "personnel_count"),
    ("The 120 nurses have treated infected patients.", "personnel_count"),
    ("Over 3,000 medical workers in Hubei have been infected.", "case_count"),
    ("A total of 1,000 medical workers from Jiangsu have been sent to Hubei.", "personnel_count"),
])
def test_staff_who_are_infected_are_cases(facts_of, text, kind):
    found = [f for f in facts_of(text) if f["kind"] in ("case_count", "personnel_count")]
    assert [f["kind"] for f in found] == [kind]


@pytest.mark.parametrize("text, region", [
    ("Between 00:00 and 24:00 on March 3, Hainan reported 4 new cases (2 in Haikou and 1 in Sanya) discharged "
     "from hospital.", None),
    ("According to the provincial health commission, between 00:00 and 24:00 on March 3, Hainan reported "
     "4 new cases. Among the confirmed cases, 39 were reported in Haikou.", "Haikou"),
])
def test_statuses_past_parentheses_and_attributed_frames(facts_of, text, region):
    found = facts_of(text, published="2020-03-04", kind="case_count")
    four = next(f for f in found if f["value"] == 4)
    assert four["date"] == "2020-03-03" and four["period"] == "new"
    if region is None:
        assert four["status"] == "recovered"
    else:
        assert any(f["value"] == 39 and f["region"] == region and f["status"] == "confirmed" for f in found)


def test_a_place_travelled_to_owns_no_count(facts_of):
    found = cases(facts_of, "Seven of the nine newly confirmed patients in Guangzhou had lived or travelled in Hubei.")
    assert (9, "Hubei") not in found


def test_the_next_sentence_goes_on_about_the_head_count_s_place_not_its_sub_counts(facts_of):
    text = "By Tuesday, 26 cases had been confirmed in Guangdong, including 14 in Shenzhen. One suspected case is isolated."
    assert cases(facts_of, text)[(1, "Guangdong")][0] == "suspected"


# sentences a reviewer found to misfire: each must give no wrong value
def test_a_total_of_something_else_is_no_case_count(facts_of):
    text = "Hubei reported 2,641 new cases on Monday, and the total of donations reached 30,000."
    assert [f["value"] for f in facts_of(text, kind="case_count")] == [2641]


def test_cases_from_a_place_after_a_head_count_are_not_that_place_s(facts_of):
    found = cases(facts_of, "Guangdong confirmed 10 new cases on Monday, 6 from Wuhan.")
    assert (6, "Wuhan") not in found


def test_people_sent_to_treat_patients_are_not_cases(facts_of):
    text = "Shanghai sent 136 people to treat severe patients in Wuhan on Feb 3."
    assert facts_of(text, kind="case_count") == []


def test_a_hotline_is_not_a_statistics_line(facts_of):
    assert facts_of("The hotline for suspected cases: 12320.", kind="case_count") == []


def test_deaths_with_new_cases_are_new_too(facts_of):
    found = cases(facts_of, "Hubei reported 2,345 new confirmed cases on Monday, with 97 deaths.")
    assert found[(97, "Hubei")][:2] == ("death", "new")


def test_a_month_after_in_is_not_a_place(facts_of):
    assert (5, "Hubei") in cases(facts_of, "Hubei reported 5 cases in February.")


def test_a_team_s_patients_do_not_take_a_city_paragraphs_back(facts_of):
    text = ("Shandong sent 100 doctors to Huanggang.\n\nGuangdong sent 50 nurses to Xiaogan.\n\nThe Beijing team "
            "had earlier treated 40 patients.\n\nIt was a long month.\n\nThe Beijing medical team has treated 40 patients.")
    assert all(region != "Xiaogan" for value, region in cases(facts_of, text) if value == 40)


UNKNOWN_PLACE_ITEMS = [
    # county-level places under a lead-in: counted, with no region rather than a wrong one
    ("Among the confirmed cases, 39 were reported in Haikou, 3 in Dongfang, 6 in Lingao and 1 in Qiongzhong.",
     {(39, "Haikou"), (3, None), (6, None), (1, None)}),
    # districts with their unit word, after a head count
    ("There were 13 confirmed cases in Dongcheng District, 53 in Xicheng District and 10 in Shunyi District.",
     {(13, None), (53, None), (10, None)}),
    # a unit word the list does not have: still a place of its own
    ("Of the discharged patients, 4 in Wenchang City and 2 in Ledong County.", {(4, None), (2, None)}),
]


@pytest.mark.parametrize("text, expected", UNKNOWN_PLACE_ITEMS, ids=[t[:40] for t, _ in UNKNOWN_PLACE_ITEMS])
def test_list_items_in_places_the_gazetteer_does_not_know(facts_of, text, expected):
    assert set(cases(facts_of, text)) == expected


@pytest.mark.parametrize("text", [
    "Hubei reported 20 new cases, 5 in Wuhan and 2 in Room 5.",          # a room is no list place
    "Hubei reported 20 new cases, 5 in Wuhan, 2 in March.",              # a month is a time
    "Officials said 5 in Beijing Normal University were tested.",        # no case list before it
    "Jiangsu reported 10 cases. 3 in Yancheng Hospital were discharged.",  # not a list item: a clause goes on
])
def test_numbers_in_unknown_places_outside_lists_are_not_items(facts_of, text):
    assert all(region is not None for _, region in cases(facts_of, text))


@pytest.mark.parametrize("text", [
    "Death toll from coronavirus in China's Hubei province has reached 1,921, the committee said.",
    "The death toll from the virus in Hubei rose to 1,921.",
    "The death toll in Hubei has reached 1,921.",
    "Hubei's death toll rose to 1,921 on Monday.",
    "The death toll rose to 1,921 in Hubei.",
])
def test_a_death_toll_takes_the_place_it_is_counted_in(facts_of, text):
    assert cases(facts_of, text)[(1921, "Hubei")][0] == "death"


def test_a_toll_from_a_place_is_not_that_place_s(facts_of):
    found = cases(facts_of, "The death toll of patients from Wuhan rose to 1,921.")
    assert (1921, "Wuhan") not in found


STATUS_ITEMS = [
    # bare numbers chained to a head count, their status right after them
    ("As of Monday, 308 cases have been reported in Hunan, 2 in critical condition and 8 cured and discharged "
     "from hospital.",
     {(308, "Hunan"): "confirmed", (2, "Hunan"): "critical", (8, "Hunan"): "recovered"}),
    ("Hubei reported 400 new cases, with 12 dead and 30 in serious condition.",
     {(400, "Hubei"): "confirmed", (12, "Hubei"): "death", (30, "Hubei"): "severe"}),
    ("Hubei reported 400 new cases, 12 were discharged.",
     {(400, "Hubei"): "confirmed", (12, "Hubei"): "recovered"}),
    # two status words of one noun
    ("Anhui reported 20 cured and discharged cases on Monday.", {(20, "Anhui"): "recovered"}),
    # a sub-count in parentheses does not lend its place to the next item
    ("Hubei still had 32,000 confirmed cases (including 27,000 in Wuhan), with 7,000 in serious condition "
     "(including 6,000 in Wuhan).",
     {(32000, "Hubei"): "confirmed", (27000, "Wuhan"): "confirmed", (7000, "Hubei"): "severe",
      (6000, "Wuhan"): "severe"}),
    # `and` opening a clause about the same place
    ("A total of 2,714 confirmed cases had been reported in Hubei and 2,567 patients have been hospitalized.",
     {(2714, "Hubei"): "confirmed", (2567, "Hubei"): "unspecified"}),
]


@pytest.mark.parametrize("text, expected", STATUS_ITEMS, ids=[t[:40] for t, _ in STATUS_ITEMS])
def test_status_items_and_joined_counts(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found[key][0] for key in expected if key in found} == expected


@pytest.mark.parametrize("text", [
    "The city has 400 cases and 12 hospitals, 3 in critical need.",          # a need is no status
    "Hubei reported 400 new cases, and 30 doctors arrived.",                 # staff, not cases
    "Of 500 beds, 20 were discharged from stock.",                           # no case count heads the list
])
def test_numbers_that_are_not_status_items(facts_of, text):
    found = cases(facts_of, text)
    assert not any(value in (3, 30, 20) for value, _ in found)


def test_a_clause_about_another_place_keeps_its_own(facts_of):
    found = cases(facts_of, "Hubei reported 100 new cases and 20 patients were discharged in Wuhan.")
    assert (20, "Wuhan") in found and (20, "Hubei") not in found


def test_a_sub_count_with_no_place_of_its_own_is_its_head_count_s(facts_of):
    found = cases(facts_of, "More than 3,700 patients are still receiving treatment in Wuhan, including more "
                            "than 1,000 in serious condition.")
    assert found[(1000, "Wuhan")][0] == "severe"
    assert found[(1000, "Wuhan")][1] != "new"     # `more than` is a qualifier, not `37 more cases`
    national = cases(facts_of, "There are 35,000 cases nationwide, including 7,000 in serious condition.")
    assert (7000, None) in national


@pytest.mark.parametrize("text, expected", [
    # `Chinese` saying who people are does not make a sentence national
    ("Heilongjiang reports 33 new cases\n\nThe health commission of Heilongjiang province reported 33 new "
     "imported cases on Sunday.\n\nAll were Chinese citizens returning from Russia, including 4 patients in "
     "serious condition.", (4, "Heilongjiang")),
    # the whole country's authorities do
    ("Heilongjiang reports 33 new cases\n\nThe health commission of Heilongjiang province reported 33 new "
     "imported cases on Sunday.\n\nThe Chinese National Health Commission said 2,000 new cases were confirmed.",
     (2000, None)),
    ("Heilongjiang reports 33 new cases\n\nThe health commission of Heilongjiang province reported 33 new "
     "imported cases on Sunday.\n\nChinese health authorities said 2,000 new cases were confirmed.",
     (2000, None)),
])
def test_chinese_people_are_not_the_whole_country(facts_of, text, expected):
    assert expected in cases(facts_of, text)


PARTS = [
    ("The team admitted a total of 34 patients in Wuhan, of which 32 were critically ill.",
     {(34, "Wuhan"): "unspecified", (32, "Wuhan"): "critical"}),
    ("Hubei has 3,000 patients in hospital, among whom 400 are in severe condition.",
     {(3000, "Hubei"): "unspecified", (400, "Hubei"): "severe"}),
    ("Guangdong reported nine new cases on Tuesday. Two of the new patients are in serious condition.",
     {(9, "Guangdong"): "confirmed", (2, "Guangdong"): "severe"}),
    ("Of the 500 patients in Hunan, 30 of the patients are critical.",
     {(500, "Hunan"): "unspecified", (30, "Hunan"): "critical"}),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[t[:40] for t, _ in PARTS])
def test_parts_of_a_group_count_what_the_group_is(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found.get(key, ("missing",))[0] for key in expected} == expected


@pytest.mark.parametrize("text", [
    "Two of the hospitals were closed.",
    "Three of the doctors were infected.",            # a part of a team is no team size
    "Five of the 20 masks were used, of which 3 were broken.",
    "One of the busiest days saw 12 trains leave.",
])
def test_parts_of_other_groups_are_no_case_counts(facts_of, text):
    assert facts_of(text, kind="case_count") == [] and facts_of(text, kind="personnel_count") == []


def test_a_frame_carries_into_a_paragraph_that_opens_with_a_status_lead_in(facts_of):
    text = ("As of Feb 12, a total of 157 confirmed cases had been reported in Hainan.\n\n"
            "Among the confirmed cases, 29 were in Haikou, 54 in Sanya and 15 in Danzhou.")
    found = cases(facts_of, text)
    assert found[(29, "Haikou")] == ("confirmed", "total", "2020-02-12")
    assert found[(15, "Danzhou")] == ("confirmed", "total", "2020-02-12")


def test_a_paragraph_without_a_lead_in_does_not_inherit_a_frame(facts_of):
    text = ("As of Feb 12, a total of 157 confirmed cases had been reported in Hainan.\n\n"
            "Doctors said 30 patients were in a stable condition.")
    found = cases(facts_of, text)
    # the frame's period stays in its paragraph; the report's day holds for its later figures (case_dates.py)
    assert found[(30, None)][1] is None and found[(30, None)][2] == "2020-02-12"


@pytest.mark.parametrize("text, key, period", [
    # a later mention of the same count takes the period it was stated with
    ("To date, 240 confirmed cases have been reported in Shaanxi.\n\nAmong 240 confirmed cases, 117 are in "
     "Xi'an and 13 in Baoji.", (117, "Xi'an"), "total"),
    # a lead-in without a period refers to the last count of its status
    ("Hainan reported 12 new confirmed cases on Monday.\n\nAmong the confirmed cases, 5 were in Haikou and 7 in "
     "Sanya.", (5, "Haikou"), "new"),
    # nothing to refer to: no period
    ("Among the confirmed cases, 5 were in Haikou and 7 in Sanya.", (5, "Haikou"), None),
])
def test_a_count_referred_back_to_gives_its_period(facts_of, text, key, period):
    assert cases(facts_of, text)[key][1] == period
