"""Wrong values are worse than none: counts that must not borrow a place or a status they do not have.
Our own sentences and articles, written to attack the place and status rules (world and foreign counts, team
stories, datelines, relative clauses, lists of other things)."""
from __future__ import annotations

import pytest


def cases(facts_of, text):
    return {(f["value"], f["region"]): f["status"] for f in facts_of(text, published="2020-03-02", kind="case_count")}


NO_ARTICLE_PLACE = [
    # world and foreign figures in an article about one province
    ("Jiangxi lowers its emergency response\n\nEast China's Jiangxi province lowered its public health "
     "emergency response on Monday.\n\nThe World Health Organization said more than 95,000 cases have been "
     "reported worldwide.", 95000),
    ("Heilongjiang sends doctors to the border\n\nHeilongjiang province sent doctors to the border city on "
     "Monday to help screen travellers.\n\nRussia has reported 5,389 cases.", 5389),
    # a team's story: the patients it treats are where it works
    ("Fujian medical workers head for the front line\n\nThe 12th batch of medical workers from Fujian province "
     "left Fuzhou on Monday.\n\nThe hospital has treated 3,000 patients since January.", 3000),
    # a dateline is no headline
    ("BEIJING, March 1 (Xinhua)\n\nThe number of discharged patients across the country has passed 40,000, "
     "officials said.\n\nA total of 2,870 people have died.", 2870),
    ("Source: Chongqing Daily | Updated: 2020-03-02\n\nOfficials said the figures were updated on Monday.\n\n"
     "A total of 2,870 people have died.", 2870),
    # another province named in the count's own clause
    ("Hubei reports 1,000 new cases\n\nHubei province reported 1,000 new cases on Tuesday, its health "
     "commission said.\n\nOther provinces reported 50 new cases on Tuesday.", 50),
    ("Hubei reports new cases\n\nHubei reported 202 new confirmed cases on Sunday, its health commission "
     "said.\n\nOutside the province, 18 new cases were reported.", 18),
]


@pytest.mark.parametrize("text, value", NO_ARTICLE_PLACE, ids=[t.split("\n")[0][:40] for t, _ in NO_ARTICLE_PLACE])
def test_counts_that_are_not_the_headline_s_place(facts_of, text, value):
    found = cases(facts_of, text)
    assert [region for v, region in found if v == value] in ([None], [])


@pytest.mark.parametrize("text, value", [
    ("Hubei added 1,000 new cases on Tuesday, and 39 new cases were confirmed in other provinces.", 39),
    ("Wuhan reported 1,690 new cases on Monday, and 24 new cases were reported elsewhere.", 24),
    ("Guangdong has reported 1,350 cases so far, and 1,200 patients were treated by its teams sent to Hubei.",
     1200),
    ("Hubei reported 100 new cases on Monday, and 3 cases were reported among passengers arriving from Iran.", 3),
])
def test_a_clause_that_places_its_own_count_shares_no_place(facts_of, text, value):
    found = cases(facts_of, text)
    assert [region for v, region in found if v == value] in ([None], [])


@pytest.mark.parametrize("text, value", [
    ("Italy's death toll from the virus that emerged in Wuhan rose to 366 on Sunday.", 366),
    ("The death toll of people who had travelled in Wuhan before going home reached 19.", 19),
])
def test_a_toll_takes_no_place_from_a_relative_clause(facts_of, text, value):
    found = cases(facts_of, text)
    assert (value, "Wuhan") not in found


@pytest.mark.parametrize("text, expected", [
    ("Zhejiang confirmed 12 new cases and 40 patients were discharged, mostly people who had worked in Wuhan.",
     (40, "Zhejiang")),
    ("Guangdong reported 3 new cases and 60 patients were cured, the health commission said at a press "
     "conference in Guangzhou.", (60, "Guangdong")),
])
def test_a_place_past_a_relative_clause_or_a_saying_verb_is_not_the_count_s(facts_of, text, expected):
    assert expected in cases(facts_of, text)


@pytest.mark.parametrize("text, value", [
    ("Wuhan has 3,000 new cases, and the city has opened 16 makeshift hospitals, 3 in Wuchang District.", 3),
    ("Hubei reported 100 new cases on Monday, with 40 beds in Jinyintan Hospital, 30 in Huoshenshan Hospital.",
     30),
    ("Wuhan reported 202 new cases on Sunday, and 14 critical care units were added.", 14),
    ("The province has 1,200 confirmed cases, with 16 designated hospitals and 3 severe shortages of masks.", 3),
    ("The city has 500 confirmed cases, and 30 confirmed that they had visited the market.", 30),
    ("Jiangsu has 631 confirmed cases, 30 suspected of being linked to a shopping mall.", 30),
    ("Hubei reported 3,000 cases on Monday, and 200 confirmed and suspected cases were moved.", 200),
])
def test_numbers_of_other_things_after_a_case_count_are_not_cases(facts_of, text, value):
    assert value not in {v for v, _ in cases(facts_of, text)}


def test_status_items_still_read(facts_of):
    found = cases(facts_of, "Guangdong reported 10 new cases on Monday, 2 in critical condition, 5 severe and 8 "
                            "cured.")
    assert found == {(10, "Guangdong"): "confirmed", (2, "Guangdong"): "critical", (5, "Guangdong"): "severe",
                     (8, "Guangdong"): "recovered"}


@pytest.mark.parametrize("text, expected", [
    ("As of March 20, the Guangxi medical team supporting Shiyan had treated a total of 828 patients, of which 589 "
     "were cured and discharged.", {(828, "Shiyan"), (589, "Shiyan")}),
    ("2 new cases were confirmed in Sichuan Province, while 14 patients were newly discharged from hospital on "
     "Feb. 25.", {(2, "Sichuan"), (14, "Sichuan")}),
    ("Hubei reported 100 new cases, while 14 patients were cured in other cities.", {(100, "Hubei"), (14, None)}),
])
def test_a_team_s_city_and_a_while_clause(facts_of, text, expected):
    assert set(cases(facts_of, text)) == expected


def test_a_paragraph_that_began_with_the_whole_country_stays_national(facts_of):
    text = ("Wuhan reports no new cases\n\nThe city of Wuhan reported no new cases on Thursday, its health "
            "commission said.\n\nIn total, infections in mainland China reached 80,928, the state health committee "
            "said. 34 new cases were added on March 18, it added.")
    found = cases(facts_of, text)
    assert (34, None) in found and (34, "Wuhan") not in found


def test_a_sentence_naming_a_place_ends_the_national_paragraph(facts_of):
    text = ("Since the outbreak of the virus in China, the city of Huanggang has registered 2,907 infected. 2,782 "
            "patients were discharged.")
    assert (2782, "Huanggang") in cases(facts_of, text)


@pytest.mark.parametrize("text, value", [
    ("Beijing - The Chinese health authority said on Monday it received reports of 2,048 new confirmed cases.",
     2048),
    ("Wuhan -- Health authorities said 400 new cases were confirmed across the country.", 400),
    # a dateline of several places joined by slashes
    ("China sees new cases\n\nBEIJING/WUHAN - Chinese health authorities Thursday said it received reports of 3,694 "
     "new confirmed cases on Wednesday.", 3694),
    ("BEIJING/SHANGHAI, Feb. 6 (Xinhua) -- Health authorities said 400 new cases were confirmed on Wednesday.", 400),
])
def test_a_dashed_dateline_place_owns_no_count(facts_of, text, value):
    assert [region for v, region in cases(facts_of, text) if v == value] == [None]


@pytest.mark.parametrize("text, regions", [
    # a text that writes regions in lower case, as machine translation may
    ("arrangement of 19 provinces to support hubei province: chongqing support xiaogan, shandong province and hunan "
     "province to support the huanggang.", ["Hubei", "Chongqing", "Xiaogan", "Shandong", "Hunan", "Huanggang"]),
    # one lower-case word is not a name
    ("the jilin river froze early this year.", []),
])
def test_lower_case_names_in_a_lower_case_text(facts_of, text, regions):
    assert [f["value"] for f in facts_of(text, kind="region")] == regions


def test_a_helping_verb_is_not_second_guessed_by_nearness(facts_of):
    text = ("Chongqing supports Xiaogan, Shandong and Hunan support Huanggang, and Guangdong and Hainan support "
            "Jingzhou under the pairing arrangement.")
    pairs = sorted((f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing"))
    assert pairs == [("Chongqing", "Xiaogan"), ("Guangdong", "Jingzhou"), ("Hainan", "Jingzhou"),
                     ("Hunan", "Huanggang"), ("Shandong", "Huanggang")]


def test_a_relative_clause_telling_the_count_s_own_status_places_it(facts_of):
    found = cases(facts_of, "Hunan has 1,018 cases and 4 deaths, including one patient who died in Shaoyang.")
    assert (1, "Shaoyang") in found


def test_the_national_authority_with_a_province_only_in_a_sub_count_speaks_for_the_country(facts_of):
    text = ("Zhejiang reports 7 new cases\n\nZhejiang reported 7 new confirmed cases on Monday, its health commission "
            "said.\n\nThe National Health Commission said on Tuesday it received reports of 125 new confirmed cases "
            "from 31 provincial-level regions, including 114 from Hubei.")
    found = cases(facts_of, text)
    assert (125, None) in found and (125, "Zhejiang") not in found


def test_people_who_died_are_deaths(facts_of):
    found = cases(facts_of, "The overall confirmed cases on the mainland had reached 81,008, including 6,013 patients "
                            "still being treated and 3,255 people who died of the disease.")
    assert found[(3255, None)] == "death"


def test_reports_from_all_provinces_are_the_country_s(facts_of):
    text = ("Zhejiang reports 7 new cases\n\nZhejiang reported 7 new confirmed cases on Monday, its health commission "
            "said.\n\nThe National Health Commission said it received reports of 125 new confirmed cases from 31 "
            "provincial-level regions and the Xinjiang Production and Construction Corps, including 114 from Hubei.")
    found = cases(facts_of, text)
    assert (125, None) in found and (125, "Zhejiang") not in found and (125, "Xinjiang") not in found


def test_a_part_of_a_count_in_its_sentence_takes_its_place(facts_of):
    found = cases(facts_of, "As of 24:00 on February 13, 593 cases had been reported in Jiangsu, 47 of which are "
                            "mild cases.")
    assert (47, "Jiangsu") in found


@pytest.mark.parametrize("text, value", [
    ("Hubei reported 2,000 new cases on Sunday, while 300 new cases were confirmed in the remaining 30 provinces.",
     300),
    ("Wuhan reported 1,500 new cases, while 300 new cases were confirmed in the rest of the country.", 300),
])
def test_a_while_clause_somewhere_else_shares_no_place(facts_of, text, value):
    assert [region for v, region in cases(facts_of, text) if v == value] == [None]


@pytest.mark.parametrize("text", [
    "The number of cities with cases rose from 10 on Monday to 16 on Friday.",
    "Five people in Beijing, one in Shanghai and two in Tianjin have been diagnosed with influenza.",
])
def test_counts_of_other_things_and_other_diseases_are_no_cases(facts_of, text):
    assert facts_of(text, kind="case_count") == []


@pytest.mark.parametrize("text, place", [
    # a list row, a caption, a question and a related-story line are no section headings
    ("Hubei reports 1,640 new cases\n\nHubei reported 1,640 new cases on Sunday, its health commission said.\n\n"
     "- Xiaogan: 100 new cases\n\nMeanwhile, 2,000 patients were discharged on Sunday.", "Hubei"),
    ("Hubei reports 1,640 new cases\n\nHubei reported 1,640 new cases on Sunday, its health commission said.\n\n"
     "A street in Wuhan, Feb 20, 2020 [Photo/Xinhua]\n\nMeanwhile, 2,000 patients were discharged on Sunday.",
     "Hubei"),
    ("Hubei reports 1,640 new cases\n\nHubei reported 1,640 new cases on Sunday, its health commission said.\n\n"
     "RELATED: Shanghai reopens parks\n\nMeanwhile, 2,000 patients were discharged on Sunday.", "Hubei"),
])
def test_lines_that_are_not_section_headings_set_no_place(facts_of, text, place):
    assert (2000, place) in cases(facts_of, text)


def test_the_whole_of_a_part_is_not_the_part_s_place(facts_of):
    found = cases(facts_of, "Hubei has reported many cases. Wuhan accounted for 49,000 of the 67,000 cases in the "
                            "province.")
    assert (49000, "Wuhan") in found and (67000, "Wuhan") not in found


@pytest.mark.parametrize("text, pairs", [
    # a verb left out after the first pairing: the verb's recipients end at the next helper, which starts a
    # pairing of its own with the recipients after it
    ("Chongqing and Heilongjiang will support Xiaogan, Shandong and Hunan Huanggang, and Jiangsu Huangshi.",
     [("Chongqing", "Xiaogan"), ("Heilongjiang", "Xiaogan"), ("Hunan", "Huanggang"), ("Jiangsu", "Huangshi"),
      ("Shandong", "Huanggang")]),
    ("Jiangsu will help Huangshi, Xiantao and Tianmen.",
     [("Jiangsu", "Huangshi"), ("Jiangsu", "Tianmen"), ("Jiangsu", "Xiantao")]),
    # `respectively` zips the staff's provinces with the cities
    ("Jiangsu and Shandong sent medical teams to Huangshi and Huanggang respectively.",
     [("Jiangsu", "Huangshi"), ("Shandong", "Huanggang")]),
])
def test_a_helping_verb_s_recipients_end_at_the_next_helper(facts_of, text, pairs):
    assert sorted((f["helper"], f["recipient"]) for f in facts_of(text, kind="pairing")) == pairs


def test_a_section_heading_with_common_small_words_still_heads_its_section(facts_of):
    text = ("Hubei reports new cases\n\nHubei reported 100 new cases on Sunday, its health commission said.\n\n"
            "Shanxi also reports a new case\n\nThe health commission of Shanxi province gave its figures on Sunday "
            "morning.\n\nA total of 112 patients were discharged.")
    assert (112, "Shanxi") in cases(facts_of, text)


def test_an_interview_line_heads_no_section(facts_of):
    text = ("Hubei reports new cases\n\nHubei reported 100 new cases on Sunday, its health commission said.\n\n"
            "Q: Beijing's new cases and its schools\n\nA: The city's health commission gave no date for them on "
            "Sunday. A total of 2,000 patients were discharged.")
    assert (2000, "Beijing") not in cases(facts_of, text)
