"""Shapes of the daily bulletins and wire stories that articles outside the devset showed: who reports is not
whose counts, a dateline's place owns nothing, a reached level takes its own noun's status. Our own sentences,
several shapes each, false positives included."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-02-21"):
    return {(f["value"], f["region"]): (f["status"], f["period"], f["date"])
            for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, expected", [
    # two levels reached in one sentence: each takes the noun nearest before it
    ("Hubei reported 100 new deaths. The report brought the total confirmed cases in the hard-hit province to "
     "67,466 and that of total deaths to 2,902.",
     {(67466, "Hubei"): "confirmed", (2902, "Hubei"): "death"}),
    ("The number of confirmed cases in Henan rose to 1,200, and the number of deaths to 19.",
     {(1200, "Henan"): "confirmed"}),
    ("Hunan reported 10 deaths and the number of confirmed cases rose to 5,000.",
     {(10, "Hunan"): "death", (5000, "Hunan"): "confirmed"}),
    ("The tally of suspected cases in Anhui climbed to 300.", {(300, "Anhui"): "suspected"}),
])
def test_a_reached_level_takes_its_own_noun_s_status(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found.get(key, ("missing",))[0] for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Hubei reports new cases\n\nNo new confirmed cases were reported Thursday in central China's Hubei "
     "Province, said the National Health Commission on Friday.\n\nAmong the 987 patients being treated in "
     "hospital, 239 were still in severe condition.",
     {987: "Hubei", 239: "Hubei"}),
    ("Hubei reports new cases\n\nThe National Health Commission said on Friday that Hubei had reported 30 new "
     "cases.\n\nA total of 500 patients were discharged.",
     {30: "Hubei", 500: "Hubei"}),
    # the national authority alone speaks of the country
    ("Hubei reports new cases\n\nHubei reported 30 new cases on Thursday, its health commission said.\n\n"
     "The National Health Commission said 2,000 new cases were confirmed.",
     {30: "Hubei", 2000: None}),
])
def test_the_national_authority_reporting_a_province_s_figures(facts_of, text, expected):
    found = {value: region for value, region in cases(facts_of, text)}
    assert {value: found.get(value, "missing") for value in expected} == expected


@pytest.mark.parametrize("text, value", [
    ("BEIJING, Feb. 20 - The health authority said it received reports of 394 new confirmed cases.", 394),
    ("WUHAN, Feb. 20 - The city reported 394 new confirmed cases on Wednesday.", 394),
    ("SHANGHAI, Feb. 20 (Xinhua) -- Authorities said 394 new confirmed cases were reported nationwide.", 394),
])
def test_a_dateline_place_owns_no_count(facts_of, text, value):
    found = cases(facts_of, text)
    assert [region for v, region in found if v == value] == [None]


def test_a_dateline_place_does_not_hide_the_subject(facts_of):
    assert (394, "Hubei") in cases(facts_of, "WUHAN, Feb. 20 - Hubei reported 394 new confirmed cases on "
                                             "Wednesday.")


@pytest.mark.parametrize("text, dates", [
    ("The health authority Thursday said it received reports of 394 new confirmed cases and 114 deaths on "
     "Wednesday.", {394: "2020-02-19", 114: "2020-02-19"}),
    ("Officials said Thursday that 394 new cases were confirmed in Hubei.", {394: None}),
    ("Hubei reported 394 new cases on Wednesday, officials said Thursday.", {394: "2020-02-19"}),
])
def test_the_day_something_was_said_dates_no_count(facts_of, text, dates):
    found = {value: date for (value, _), (_, _, date) in cases(facts_of, text).items()}
    assert {value: found.get(value, "missing") for value in dates} == dates


@pytest.mark.parametrize("text, expected", [
    ("On Wednesday, Hubei reported 10 deaths, seven of which were in Wuhan.", {(7, "Wuhan"): "death"}),
    ("Hubei has 500 patients in hospital, 30 of whom are in critical condition.", {(30, "Hubei"): "critical"}),
    ("Jiangxi confirmed 20 new cases, 12 of them in Nanchang.", {(12, "Nanchang"): "confirmed"}),
])
def test_a_part_named_by_a_pronoun_counts_what_its_whole_counts(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found.get(key, ("missing",))[0] for key in expected} == expected


def test_a_new_count_is_not_a_total_for_the_total_it_brings(facts_of):
    found = cases(facts_of, "The province confirmed 51 asymptomatic patients Thursday, bringing the total to "
                            "742, all of whom had been under observation by the end of Thursday.")
    assert found[(51, None)][1] != "total" and found[(742, None)][1] == "total"


@pytest.mark.parametrize("text", [
    "In this megacity of over 11 million residents, hospital beds were full and medics were stretched.",
    "The city's 9 million citizens were asked to stay home while doctors worked.",
])
def test_residents_are_never_staff(facts_of, text):
    assert facts_of(text, kind="personnel_count") == []


@pytest.mark.parametrize("text, pairs", [
    ("Apart from the capital city of Wuhan, Hubei's 16 cities will be paired with 19 provincial-level areas, "
     "including Chongqing and Shandong.", []),
    ("Aside from the provincial capital Wuhan, the cities are paired with Jiangsu and Fujian.", []),
    ("Chongqing will help Xiaogan, and Shandong will support Huanggang, apart from the teams sent to Wuhan.",
     [("Chongqing", "Xiaogan"), ("Shandong", "Huanggang")]),
])
def test_a_place_set_apart_is_no_recipient(facts_of, text, pairs):
    found = [(f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing")]
    assert sorted(found) == sorted(pairs)


@pytest.mark.parametrize("text, expected", [
    ("Five patients in Hunan, six in Hubei and two in Henan have been discharged from hospital after recovery.",
     {(5, "Hunan"): "recovered", (6, "Hubei"): "recovered", (2, "Henan"): "recovered"}),
    ("12 cases in Hefei, 3 in Bengbu and 1 in Fuyang were discharged on Monday.",
     {(12, "Hefei"): "recovered", (3, "Bengbu"): "recovered", (1, "Fuyang"): "recovered"}),
    # a list whose last item states no status: nothing is shared
    ("Guangdong reported 12 new cases, 5 in Shenzhen and 3 in Zhuhai.",
     {(12, "Guangdong"): "confirmed", (5, "Shenzhen"): "confirmed", (3, "Zhuhai"): "confirmed"}),
    # a member's own status stays its own
    ("Hunan had 40 deaths, 6 in Changsha and 2 in Yueyang were discharged.",
     {(40, "Hunan"): "death"}),
])
def test_a_list_shares_the_status_its_last_item_states(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found.get(key, ("missing",))[0] for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("A total of 65 confirmed cases including two deaths had been reported in Hong Kong.", (65, "Hong Kong")),
    ("Hubei reported 2,292 recoveries, including 1,675 in Wuhan.", (2292, "Hubei")),
    ("There were 90 cases nationwide, including 40 in Hubei.", (90, None)),
])
def test_a_place_past_the_sub_count_s_verb_is_the_head_count_s(facts_of, text, expected):
    assert expected in cases(facts_of, text)


def test_people_still_suspected_are_suspected_cases(facts_of):
    found = cases(facts_of, "A total of 4,922 people were still suspected of being infected in Hubei.")
    assert found[(4922, "Hubei")][0] == "suspected"


def test_staffs_are_staff(facts_of):
    staff = facts_of("The medical team has 303 staffs from 153 hospitals.", kind="personnel_count")
    assert [f["value"] for f in staff] == [303]


def test_a_paragraph_s_place_holds_over_a_sentence_that_counts_nothing(facts_of):
    found = cases(facts_of, "By 9:00 on Feb 18, 22 new suspected cases were reported in Shaanxi province. Feb 18 "
                            "saw no new confirmed case. To date, 240 confirmed cases have been reported.")
    assert (240, "Shaanxi") in found
    other = cases(facts_of, "Hubei reported 400 new cases on Monday. Doctors in Wuhan said beds were short. In "
                            "all, 240 patients were discharged.")
    assert (240, "Hubei") not in other   # another place was named in between


def test_the_place_a_relative_where_clause_hangs_on(facts_of):
    found = cases(facts_of, "Most infections were registered in Sanya, where 54 people were diagnosed.")
    assert (54, "Sanya") in found


@pytest.mark.parametrize("text, kept", [
    ("A total of 3,099 people were released from medical observation.", False),
    ("Hubei had 383 cases under close medical observation.", False),
    ("There were 6,584 people discharged from medical observation on Monday.", False),
    ("Hubei had 548 asymptomatic cases still under medical observation.", True),
    ("20 patients were discharged and put under observation at home.", True),
])
def test_people_under_medical_observation_are_contacts_not_cases(facts_of, text, kept):
    assert bool(facts_of(text, kind="case_count")) == kept


@pytest.mark.parametrize("text, regions", [
    ("The team has doctors from famous hospitals, including Zhongshan and Huashan Hospital.", []),
    ("148 staff from 40 local hospitals, including Huashan, Zhongshan and Ruijin, tested negative.", []),
    ("Teams came from several provinces, including Zhejiang and Jiangsu.", ["Zhejiang", "Jiangsu"]),
    ("Doctors from Wuhan and Xiaogan hospitals worked together.", ["Wuhan", "Xiaogan"]),
])
def test_names_of_hospitals_are_not_regions(facts_of, text, regions):
    assert [f["value"] for f in facts_of(text, kind="region")] == regions


@pytest.mark.parametrize("text, pairs", [
    ("Shanghai will set up three medical teams to support their counterparts in Wuhan.", []),
    ("Chongqing supports its counterpart in Xiaogan.", [("Chongqing", "Xiaogan")]),
    ("Jiangsu is the counterpart of Huangshi.", [("Jiangsu", "Huangshi")]),
])
def test_fellow_workers_are_not_a_paired_city(facts_of, text, pairs):
    assert [(f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing")] == pairs


def test_a_section_heading_sets_the_place_of_its_section(facts_of):
    text = ("No new cases in Henan\n\nHenan reported no new confirmed cases on Friday, its health commission said.\n\n"
            "A total of 1,161 patients have been discharged.\n\n"
            "No new cases in Shanxi: 133 in total\n\nNo new case was confirmed in Shanxi on Friday, and 133 cases "
            "have been confirmed so far.\n\nA total of 112 cases were cured and discharged.")
    found = cases(facts_of, text)
    assert (1161, "Henan") in found and (133, "Shanxi") in found and (112, "Shanxi") in found


def test_a_list_item_ending_in_a_semicolon_is_no_section_heading(facts_of):
    text = ("Anhui reports new cases\n\nThe following were reported in Anhui Province on Monday:\n\n"
            "a) 3 confirmed cases in Hefei;\n\nb) 990 confirmed cases in total.\n\nA total of 888 patients were "
            "discharged.")
    assert (888, "Anhui") in cases(facts_of, text)


@pytest.mark.parametrize("text, expected", [
    ("Hubei added 1,638 new cases on Feb 11, including 1,104 cases in Wuhan, 109 cases in Xiaogan and 71 cases "
     "in Ezhou.", {(1104, "Wuhan"): "new", (109, "Xiaogan"): "new", (71, "Ezhou"): "new"}),
    ("Henan had reported 1,272 cases as of Feb 28. Among them, 274 cases in Xinyang City (including 31 cases in "
     "Gushi County), 157 cases in Zhengzhou City.", {(274, "Xinyang"): "total", (157, "Zhengzhou"): "total"}),
    # a member with a verb of its own keeps its own period
    ("Hubei added 1,638 new cases on Feb 11; 300 patients were in hospital in Wuhan.", {(300, "Wuhan"): None}),
])
def test_list_members_take_their_head_s_period(facts_of, text, expected):
    found = {key: period for key, (_, period, _) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected


def test_discharges_are_recovered_cases(facts_of):
    found = cases(facts_of, "There were 417 new hospital discharges in Hubei, including 171 in Wuhan.")
    assert found[(417, "Hubei")][0] == "recovered" and found[(171, "Wuhan")][0] == "recovered"


@pytest.mark.parametrize("text", [
    "At present, 39,170 close contacts have been traced in Hubei, 345 of whom have been released.",
    "The team set up one hospital infection-control group in Wuhan.",
])
def test_parts_of_contacts_and_compound_nouns_are_no_cases(facts_of, text):
    assert facts_of(text, kind="case_count") == []


def test_a_list_broken_by_a_full_stop_goes_on(facts_of):
    found = cases(facts_of, "Hubei added 1638 new cases, including 1104 cases in Wuhan and 71 cases in Ezhou City. "
                            "66 cases in Huanggang City, 40 cases in Jingmen City.")
    assert found[(66, "Huanggang")][1] == "new" and found[(40, "Jingmen")][1] == "new"
    # a sentence of its own after a list is not a member
    other = cases(facts_of, "Hubei added 1638 new cases, including 1104 cases in Wuhan. 66 cases in Huanggang "
                            "were reported last week.")
    assert other[(66, "Huanggang")][1] != "new"


@pytest.mark.parametrize("text, expected", [
    ("There were 94 new deaths in Hubei, including 72 in Wuhan and 2 in Qianjiang.",
     {(72, "Wuhan"): "death", (2, "Qianjiang"): "death"}),
    # `cases` bigger than a head of deaths are no part of it: cases of the disease, confirmed
    ("Hubei reported 2,641 new cases and 105 new deaths on Monday, including 1,921 cases in Wuhan.",
     {(1921, "Wuhan"): "confirmed"}),
    # plain `cases` under a head of confirmed cases are confirmed
    ("There were 13 confirmed cases in Dongcheng District, 53 in Xicheng District. There were 29 cases in "
     "Changping District, 39 cases in Daxing District.", {(39, None): "confirmed"}),
    # `Among them,` after a list may mean any of its counts: no status is handed down, plain `cases` are confirmed
    ("Henan had 1,272 cases, 21 deaths and 1,161 discharged patients. Among them, 274 cases in Xinyang.",
     {(274, "Xinyang"): "confirmed"}),
    ("Henan had 1,272 cases, 21 deaths and 1,161 discharged patients. Among them, 274 in Xinyang.",
     {(274, "Xinyang"): "unspecified"}),
    # a member's own status stays
    ("There were 94 new deaths in Hubei, including 72 in Wuhan, and 3 severe cases in Xiaogan.",
     {(3, "Xiaogan"): "severe"}),
])
def test_plain_list_members_take_their_head_s_status(facts_of, text, expected):
    found = {key: status for key, (status, _, _) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected


def test_a_hospital_discharge_is_counted(facts_of):
    assert cases(facts_of, "There were 417 new hospital discharges in Hubei.")[(417, "Hubei")][0] == "recovered"
    assert cases(facts_of, "Wuhan has 12 hospitals and 500 new cases.").get((12, "Wuhan")) is None


@pytest.mark.parametrize("text, expected", [
    ("By the end of Sunday, 57 confirmed cases including one death had been reported in Hong Kong, and 20 in "
     "Taiwan including one death.", {(1, "Hong Kong"), (1, "Taiwan")}),
    ("Officials in Wuhan said an additional 136 cases have been confirmed in the city, which now has a total of 198 "
     "infected patients.", {(136, "Wuhan"), (198, "Wuhan")}),
    ("Five individuals in Beijing and one in Shanghai have also been diagnosed with the virus.",
     {(5, "Beijing"), (1, "Shanghai")}),
])
def test_sub_counts_relative_clauses_and_people_diagnosed(facts_of, text, expected):
    assert expected <= set(cases(facts_of, text))


def test_an_additional_count_is_new_and_a_relative_clause_s_total_is_its_own(facts_of):
    found = cases(facts_of, "Officials in Wuhan said an additional 136 cases have been confirmed in the city, which "
                            "now has a total of 198 infected patients.")
    assert found[(136, "Wuhan")][1] == "new" and found[(198, "Wuhan")][1] == "total"


def test_people_with_serious_symptoms_are_severe_cases(facts_of):
    found = cases(facts_of, "A total of 43,745 patients are still in hospital in Hubei, including 9,128 people with "
                            "serious symptoms and 2,050 in critical condition.")
    assert found[(9128, "Hubei")][0] == "severe" and found[(2050, "Hubei")][0] == "critical"


def test_a_national_clause_keeps_a_later_place_from_its_count(facts_of):
    found = cases(facts_of, "Seven deaths and 36 new suspected cases were reported on the mainland, with all of the "
                            "deaths reported in Hubei province.")
    assert (36, None) in found and (36, "Hubei") not in found


@pytest.mark.parametrize("text, value", [
    ("Teams were dispatched on Wednesday to 16 cities.", 16),
    ("Fourteen of the 17 cities and prefectures in the province reported no new cases.", 14),
])
def test_region_counts_after_a_weekday_and_as_parts(facts_of, text, value):
    assert value in [f["value"] for f in facts_of(text, kind="region_count")]


def test_a_day_range_is_still_no_count(facts_of):
    assert facts_of("Cases were reported from March 8 to 11 in Wuhan.", kind="case_count") == []


@pytest.mark.parametrize("text, expected", [
    ("As of 24:00 on February 13, 593 cases had been reported in Jiangsu. 137 have been cured and discharged from "
     "hospital.", (137, "Jiangsu", "recovered")),
    ("Henan reported 1,270 cases by Sunday. 19 have died.", (19, "Henan", "death")),
])
def test_a_sentence_opening_with_a_number_and_a_status_verb(facts_of, text, expected):
    value, region, status = expected
    assert cases(facts_of, text)[(value, region)][0] == status


@pytest.mark.parametrize("text", [
    "Hubei sent 300 doctors. 20 have been sent to Wuhan.",      # no status verb
    "The meeting started at noon. 12 have recovered their bags.",  # no case count before it
])
def test_bare_numbers_without_a_status_after_case_counts_are_no_cases(facts_of, text):
    assert all(value not in (20, 12) for value, _ in cases(facts_of, text))
