"""The place in focus (rules/place_focus.py): a paragraph's place carried to its next counts, anaphors (`the
province`, `our city`, `the provincial capital`, `the region`), a province's bulletin and its cities' sub-counts,
patients a team treated, and a bullet before `In X,`. Our own sentences, several shapes each, false readings
included. A row lists every case count the text must give, as (value, region); any other count, or another
region, fails: a wrong region is worse than none."""
import pytest

H = "Epidemic update\n\n"   # a headline that names no place: nothing comes from the article's place


def counts(facts_of, text):
    return sorted((f["value"], f["region"]) for f in facts_of(text, published="2020-02-12", kind="case_count"))


def check(facts_of, text, expected):
    assert counts(facts_of, text) == sorted(expected, key=lambda pair: (pair[0], pair[1] or ""))


CARRIED = [
    # across the sentences of a paragraph and into the next paragraph of the same report
    (H + "Zhejiang reported 10 new cases on Monday, the provincial health commission said.\n\n"
         "Another 5 patients were discharged.", [(10, "Zhejiang"), (5, "Zhejiang")]),
    (H + "Anhui reported 20 new cases on Monday.\n\nSchools will stay closed until March.\n\n"
         "Another 30 patients were discharged.", [(20, "Anhui"), (30, "Anhui")]),
    (H + "Hubei province reported 1,000 new cases on Monday.\n\nThe new patients are in stable condition. "
         "A further 60 patients died.", [(1000, "Hubei"), (60, "Hubei")]),
    # a province's bulletin: its cities' sub-counts in between are parts, the province's own totals keep it
    (H + "Guangdong province reported 1,000 confirmed cases on Monday. Of them, 5 were in Shenzhen. "
         "40 patients were discharged.", [(1000, "Guangdong"), (5, "Shenzhen"), (40, "Guangdong")]),
    (H + "Anhui reported 20 new cases on Monday. Of them, 3 were in Hefei.\n\nAnother 30 patients were discharged.",
     [(20, "Anhui"), (3, "Hefei"), (30, "Anhui")]),
    (H + "Henan reported 50 new cases on Tuesday, including 12 in Zhengzhou.\n\n"
         "Another 8 patients were cured.", [(50, "Henan"), (12, "Zhengzhou"), (8, "Henan")]),
    # false readings: another place, the country, abroad, a dateline or a team's story ends the focus
    (H + "Hubei reported 1,000 new cases on Monday.\n\nZhejiang has closed its schools. 40 patients were "
         "discharged.", [(1000, "Hubei"), (40, None)]),
    (H + "Hubei reported 1,000 new cases on Monday.\n\nNationwide, 2,000 new cases were reported.",
     [(1000, "Hubei"), (2000, None)]),
    (H + "Hubei reported 1,000 new cases on Monday.\n\nGlobally, 40 patients died.", [(1000, "Hubei"), (40, None)]),
    (H + "Hubei reported 1,000 new cases on Monday.\n\nWUHAN, Feb 10 (Xinhua) -- 500 patients were discharged "
         "on Monday.", [(1000, "Hubei"), (500, None)]),
    (H + "Hubei reported 1,000 new cases on Monday.\n\nMedical teams from Jiangsu arrived on Monday. 40 patients "
         "were discharged.", [(1000, "Hubei"), (40, None)]),
    (H + "Anhui reported 20 new cases on Monday. Of them, 3 were in Hefei. In Hefei, schools are closed. "
         "30 patients were discharged.", [(20, "Anhui"), (3, "Hefei"), (30, None)]),
    (H + "Guangdong reported 1,000 confirmed cases on Monday. Of them, 5 were in Hubei. 40 patients were "
         "discharged.", [(1000, "Guangdong"), (5, "Hubei"), (40, None)]),
    # a sentence about one place, its subject, before a count in the same paragraph (or a next one that goes on)
    (H + "Hubei province has been under lockdown since January. On Monday, 1,000 new cases were reported.",
     [(1000, "Hubei")]),
    (H + "In Henan, schools have been closed since January. Another 20 patients were discharged on Monday.",
     [(20, "Henan")]),
    (H + "Hubei province has been under lockdown since January.\n\nThe province also reported 1,000 new cases.",
     [(1000, "Hubei")]),
    (H + "Hubei province has been under lockdown since January.\n\nOn Monday, 1,000 new cases were reported.",
     [(1000, None)]),
    (H + "Doctors went to Hubei province in January. On Monday, 1,000 new cases were reported.", [(1000, None)]),
    (H + "Hubei province has been under lockdown since January. Jiangsu sent doctors. On Monday, 1,000 new cases "
         "were reported.", [(1000, None)]),
    (H + "Hubei and Hunan have closed their schools. On Monday, 1,000 new cases were reported.", [(1000, None)]),
    (H + "Hubei province has been under lockdown since January. Across the country, 1,000 new cases were "
         "reported.", [(1000, None)]),
    # a report of several places carries none of them
    (H + "Two new cases were reported in Guangzhou, four in Shenzhen and one in Foshan.\n\n"
         "Seven of the new patients had travelled to Wuhan.", [(2, "Guangzhou"), (4, "Shenzhen"), (1, "Foshan"),
                                                                 (7, None)]),
]


BULLETIN_PARTS = [
    # a province's sub-counts (its cities', its severe, critical or imported cases) are parts; its own totals
    # after them keep the province, a city's own after them keep the city
    (H + "Guangdong reported 1,000 confirmed cases on Monday. Among them, 20 are in severe condition. 40 patients "
         "were discharged.", [(1000, "Guangdong"), (20, "Guangdong"), (40, "Guangdong")]),
    (H + "Guangdong reported 1,000 confirmed cases on Monday, including 3 imported cases.\n\nAnother 40 patients "
         "were discharged.", [(1000, "Guangdong"), (3, "Guangdong"), (40, "Guangdong")]),
    (H + "Zhejiang reported 1,205 confirmed cases by Monday. Of them, 30 were in Hangzhou, including 2 in critical "
         "condition. The province has discharged 600 patients.",
     [(1205, "Zhejiang"), (30, "Hangzhou"), (2, "Hangzhou"), (600, "Zhejiang")]),
    (H + "Zhejiang reported 1,205 confirmed cases by Monday. Of them, 30 were in Hangzhou. The city also "
         "discharged 16 patients.", [(1205, "Zhejiang"), (30, "Hangzhou"), (16, "Hangzhou")]),
]


@pytest.mark.parametrize("text, expected", BULLETIN_PARTS, ids=[t[len(H):][:50] for t, _ in BULLETIN_PARTS])
def test_a_bulletin_s_parts_are_not_the_province_s_totals(facts_of, text, expected):
    check(facts_of, text, expected)


@pytest.mark.parametrize("text, expected", CARRIED, ids=[t[len(H):][:50] for t, _ in CARRIED])
def test_a_paragraph_s_place_is_carried_while_the_report_goes_on(facts_of, text, expected):
    check(facts_of, text, expected)


ANAPHORS = [
    (H + "Guangdong reported 1,000 confirmed cases on Feb 10. The province also reported 20 new imported cases.",
     [(1000, "Guangdong"), (20, "Guangdong")]),
    (H + "Anhui reported 30 new cases on Monday. Our province has treated 20 severe cases.",
     [(30, "Anhui"), (20, "Anhui")]),
    (H + "Xinjiang reported 10 new cases on Monday. The region also reported one death.",
     [(10, "Xinjiang"), (1, "Xinjiang")]),
    (H + "Hubei reported 10 new cases on Monday. The provincial capital reported 6 of them.",
     [(10, "Hubei"), (6, "Wuhan")]),
    (H + "Shanghai reported 10 new cases on Monday. The city also reported one death.",
     [(10, "Shanghai"), (1, "Shanghai")]),
    (H + "Nanchang is the capital of Jiangxi. This city reported 20 new cases.", [(20, "Nanchang")]),
    (H + "Guangdong reported 10 new cases on Monday, the Guangdong health commission said. The province also "
         "reported one death.", [(10, "Guangdong"), (1, "Guangdong")]),
    (H + "Guangdong reported 1,000 confirmed cases on Monday. Of them, 5 were in Shenzhen. The province also "
         "reported 40 deaths.", [(1000, "Guangdong"), (5, "Shenzhen"), (40, "Guangdong")]),
    # the first anaphor is the subject's; `the provincial capital of Wuhan` names its city
    (H + "Hubei reported 10 new cases on Monday. The province also saw three new deaths, two of them in the "
         "provincial capital of Wuhan.", [(10, "Hubei"), (3, "Hubei"), (2, "Wuhan")]),
    # a city in focus: `the province` is its province, unless another province was named last
    (H + "Wuhan reported 10 new cases on Monday. The province also saw three new deaths, the commission said.",
     [(10, "Wuhan"), (3, "Hubei")]),
    (H + "Hubei reported 100 new cases on Monday. Hefei reported 3 new cases. The province also saw two new deaths.",
     [(100, "Hubei"), (3, "Hefei"), (2, None)]),
    # a distance, an origin or an outlet names no place of the story
    (H + "Hefei is 100 km from Wuhan. The city reported 12 new cases on Monday.", [(12, "Hefei")]),
    (H + "Anqing lies 200 kilometres southwest of Hefei. The city reported 4 new cases.", [(4, "Anqing")]),
    (H + "The patients came from Wuhan. The city reported 12 new cases.", [(12, None)]),
    (H + "Three travellers arrived in Hefei from Wuhan on Monday. The city reported 12 new cases.",
     [(12, None)]),
    (H + "According to the Hubei Daily, the province reported 300 new cases.", [(300, None)]),
    # a municipality is no province nor `the region`; a province is no city
    (H + "Shanghai reported 10 new cases on Monday. The province also reported one death.",
     [(10, "Shanghai"), (1, None)]),
    (H + "Beijing reported 400 cases on Monday. The province also reported 20 deaths.",
     [(400, "Beijing"), (20, None)]),
    (H + "Jiangxi reported 300 new cases on Monday. This city reported 20 new cases.",
     [(300, "Jiangxi"), (20, None)]),
    (H + "Hubei reported 10 new cases on Monday. The region also reported one death.",
     [(10, "Hubei"), (1, "Hubei")]),
    (H + "Chongqing reported 10 new cases on Monday. The region also reported one death.",
     [(10, "Chongqing"), (1, None)]),
    (H + "Hong Kong reported 10 new cases on Monday. The region also reported one death.",
     [(10, "Hong Kong"), (1, "Hong Kong")]),
    (H + "Hubei reported 100 new cases. Its provincial capital reported 60 of them.", [(100, "Hubei"), (60, "Wuhan")]),
    (H + "According to the provincial health commission, 20 new cases were reported on Monday.", [(20, None)]),
    # elsewhere, not the province
    (H + "Hubei reported 300 new cases on Monday. Outside the province, 20 new cases were reported.",
     [(300, "Hubei"), (20, None)]),
    (H + "Hubei reported 300 new cases on Monday. In other provinces, 20 new cases were reported.",
     [(300, "Hubei"), (20, None)]),
]


@pytest.mark.parametrize("text, expected", ANAPHORS, ids=[t[len(H):][:50] for t, _ in ANAPHORS])
def test_an_anaphor_names_the_place_in_focus_of_its_kind(facts_of, text, expected):
    check(facts_of, text, expected)


TEAMS = [
    ("Aid news\n\nHunan province reported 20 new cases on Monday.\n\nThe Hunan medical team has treated 300 "
     "patients since arriving.", [(20, "Hunan"), (300, None)]),
    ("Aid news\n\nHunan province reported 20 new cases on Monday. The Hunan medical team has treated 300 patients "
     "since arriving.", [(20, "Hunan"), (300, None)]),
    ("Aid news\n\nHunan province reported 20 new cases on Monday. Medical workers from the province have cured "
     "300 patients.", [(20, "Hunan"), (300, None)]),
    ("Hunan reports new cases\n\nHunan province reported 20 new cases on Monday. The team has treated 120 "
     "patients.", [(20, "Hunan"), (120, None)]),
    ("Aid news\n\nHunan province reported 20 new cases on Monday.\n\nIts teams have treated 300 patients.",
     [(20, "Hunan"), (300, None)]),
    # the served place when it is stated
    ("Aid news\n\nThe Hunan medical team has treated 300 patients in Huanggang.", [(300, "Huanggang")]),
    ("Aid news\n\nJiangsu sent 300 doctors to Huangshi. The team has treated 120 patients.", [(120, "Huangshi")]),
    ("Aid news\n\nHunan province reported 20 new cases on Monday. Its medical team in Hubei has treated 300 "
     "patients.", [(20, "Hunan"), (300, "Hubei")]),
]


@pytest.mark.parametrize("text, expected", TEAMS, ids=[t[:60] for t, _ in TEAMS])
def test_patients_a_team_treated_are_never_its_home_s(facts_of, text, expected):
    check(facts_of, text, expected)


BULLETS = [
    (H + "- In Hefei, 12 new cases were reported.\n- In Bengbu, 3 new cases were reported.",
     [(12, "Hefei"), (3, "Bengbu")]),
    (H + "1. In Hefei, 12 new cases were reported.\n2) In Bengbu, 3 new cases were reported.",
     [(12, "Hefei"), (3, "Bengbu")]),
    (H + "• In the city of Hefei, 12 new cases were reported on Monday.", [(12, "Hefei")]),
    (H + "• Wuhan: 3 new cases\n• Xiaogan: 5 new cases", [(3, "Wuhan"), (5, "Xiaogan")]),
    (H + "Zhejiang has reported 1,117 cases. Meanwhile, in Hubei, 2,000 new cases were reported.",
     [(1117, "Zhejiang"), (2000, "Hubei")]),
    # no place at the line's start: none
    (H + "- In total, 12 new cases were reported.", [(12, None)]),
    (H + "- In February, 12 new cases were reported.", [(12, None)]),
]


@pytest.mark.parametrize("text, expected", BULLETS, ids=[t[len(H):][:50] for t, _ in BULLETS])
def test_a_bullet_before_in_x_frames_its_line(facts_of, text, expected):
    check(facts_of, text, expected)


ARTICLE = ("Anhui reports 12 new cases\n\n"
           "HEFEI, Feb 10 (Xinhua) -- East China's Anhui province reported 12 new confirmed cases on Monday, "
           "bringing the total to 860, the provincial health commission said Tuesday.\n\n"
           "Of the new cases, 4 were in Hefei and 3 in Bengbu. The province also reported 2 new deaths.\n\n"
           "A total of 120 patients have been discharged after recovery.\n\n"
           "Nationwide, 40,171 cases have been confirmed. Another 3,000 patients were discharged across the "
           "country.\n\n"
           "The Anhui medical team in Wuhan has treated 230 patients since it arrived.")


def test_an_article_s_places_in_focus(facts_of):
    found = counts(facts_of, ARTICLE)
    for pair in [(860, "Anhui"), (4, "Hefei"), (3, "Bengbu"), (2, "Anhui"), (120, "Anhui"), (40171, None),
                 (3000, None), (230, "Wuhan")]:
        assert pair in found
    assert {region for value, region in found if value == 12} == {"Anhui"}
