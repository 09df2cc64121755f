"""Count facts from real-style sentences: what is counted, and its relations."""
import pytest

# (sentence, publication date, kind, expected fields of the one fact of that kind)
CASES = [
    ("Jingzhou, a city with 1,200 confirmed cases, asked for help.", "2020-02-12", "case_count",
     dict(value=1200, region="Jingzhou", status="confirmed", period="total", qualifier="exact")),
    ("Hunan Province reported 35 new confirmed cases on Tuesday.", "2020-02-12", "case_count",
     dict(value=35, region="Hunan", status="confirmed", period="new", date="2020-02-11")),
    ("By Monday, Xianning had reported 493 confirmed cases.", "2020-02-12", "case_count",
     dict(value=493, region="Xianning", period="total", date="2020-02-10")),
    ("The death toll in Jingmen has reached 27.", "2020-02-12", "case_count",
     dict(value=27, status="death", period="total")),
    ("Hospitals in Huangshi discharged 45 patients on Sunday.", "2020-02-12", "case_count",
     dict(value=45, status="recovered", date="2020-02-09")),
    ("Nearly 300 patients in Ezhou are in critical condition.", "2020-02-12", "case_count",
     dict(value=300, qualifier="under", status="critical", region="Ezhou")),
    ("More than 2,000 people have been infected in Yichang.", "2020-02-12", "case_count",
     dict(value=2000, qualifier="over", status="confirmed", region="Yichang")),
    ("A team of 120 medical workers from Fujian Province left for Ningde.", "2020-02-12", "personnel_count",
     dict(value=120, origin="Fujian", destination="Ningde")),
    ("Hebei sent 150 doctors and nurses to Shennongjia on Friday.", "2020-02-12", "personnel_count",
     dict(value=150, origin="Hebei", destination="Shennongjia", date="2020-02-07")),
    ("A 45-member medical team of Shanxi departed for Tianmen.", "2020-02-12", "personnel_count",
     dict(value=45, origin="Shanxi", destination="Tianmen")),
    ("Guizhou will dispatch about two hundred medics to Ezhou.", "2020-02-12", "personnel_count",
     dict(value=200, qualifier="about", origin="Guizhou", destination="Ezhou")),
    ("Some 1.2 million residents were screened.", "2020-02-12", "personnel_count", None),
    ("Liaoning has sent three medical teams to Xiangyang.", "2020-02-12", "team_count", dict(value=3)),
    ("The experts arrived in six batches.", "2020-02-12", "team_count", dict(value=6)),
    ("In all, 19 provinces and municipalities joined the scheme.", "2020-02-12", "region_count",
     dict(value=19, unit="province")),
    ("The team covers 12 cities and counties.", "2020-02-12", "region_count", dict(value=12, unit="city")),
    ("A dozen provinces sent aid.", "2020-02-12", "region_count", dict(value=12, unit="province")),
]


@pytest.mark.parametrize("text, published, kind, expected", CASES, ids=[c[0][:45] for c in CASES])
def test_counts(facts_of, text, published, kind, expected):
    facts = facts_of(text, published, kind=kind)
    if expected is None:
        assert facts == []
        return
    assert len(facts) == 1, facts
    fact = facts[0]
    for field, value in expected.items():
        assert fact[field] == value, (field, fact)
    assert text[fact["start"]:fact["end"]] == fact["text"]
    assert fact["rule"].startswith(kind)


COUNT_KINDS = ("case_count", "personnel_count", "team_count", "region_count")
NOT_COUNTS = [
    "The county donated 300 tons of garlic worth 2.4 million yuan.",
    "Volunteers handed out 20,000 masks and 500 test kits.",
    "The 2008 earthquake claimed almost 70,000 lives and left 18,000 dead.",
    "The policy of one province helps one city was adopted.",
    "Shandong sent its 8th batch of medics on Monday.",
    "The third team of nurses left.",
    "Hainan shipped 12 batches of medical equipment and supplies.",
    "The doctor, 50, has worked there for 25 years.",
    "Question 3 of the 100 questions concerns partner assistance.",
    "The recovery rate reached 91 percent in 12 hospitals.",
    "One of the cities built a hospital.",
]


@pytest.mark.parametrize("text", NOT_COUNTS, ids=[t[:45] for t in NOT_COUNTS])
def test_false_positives(facts_of, text):
    assert [f for f in facts_of(text) if f["kind"] in COUNT_KINDS] == []


def test_list_with_respectively(facts_of):
    text = ("The cities of Jingmen, Ezhou and Xianning reported 12, 30 and 7 new confirmed cases, "
            "respectively, on Sunday.")
    facts = facts_of(text, "2020-02-10", kind="case_count")
    assert [(f["value"], f["region"], f["status"], f["period"]) for f in facts] == [
        (12, "Jingmen", "confirmed", "new"), (30, "Ezhou", "confirmed", "new"), (7, "Xianning", "confirmed", "new")]


def test_parenthesis_after_region(facts_of):
    text = "Xiaogan had 3,000 confirmed cases, behind Wuhan (19,000 cases) and ahead of Jingzhou (1,200)."
    facts = facts_of(text, kind="case_count")
    assert [(f["value"], f["region"]) for f in facts] == [(3000, "Xiaogan"), (19000, "Wuhan"), (1200, "Jingzhou")]


def test_partitive_inherits_what_is_counted(facts_of):
    text = "Doctors from Anhui treated 500 patients in Xiangyang, 120 of whom have been discharged."
    facts = facts_of(text, kind="case_count")
    assert [(f["value"], f["status"]) for f in facts] == [(500, "unspecified"), (120, "recovered")]


def test_parts_of_a_team_take_its_origin_and_destination(facts_of):
    text = ("Zhejiang has sent 156 medical workers to Jingmen. The medical staff, including 60 doctors "
            "and 90 nurses, come from 30 hospitals.")
    facts = facts_of(text, kind="personnel_count")
    assert [(f["value"], f["origin"], f["destination"]) for f in facts] == [
        (156, "Zhejiang", "Jingmen"), (60, "Zhejiang", "Jingmen"), (90, "Zhejiang", "Jingmen")]


def test_region_possessive_gives_the_city(facts_of):
    facts = facts_of("Gansu sent 99 nurses to Hubei's Enshi.", kind="personnel_count")
    assert facts[0]["destination"] == "Enshi"


def test_count_is_not_a_region_of_the_prepositional_phrase(facts_of):
    text = "As of Sunday, Suizhou near the provincial capital of Wuhan had reported 900 confirmed cases."
    facts = facts_of(text, "2020-02-10", kind="case_count")
    assert facts[0]["region"] == "Suizhou" and facts[0]["region_code"] == "421300"


@pytest.mark.parametrize("text, value, region, status", [
    ("The number of confirmed cases in Xiangyang rose to 1,100 on Monday.", 1100, "Xiangyang", "confirmed"),
    ("The death toll in Jingmen climbed to 33 by Sunday.", 33, "Jingmen", "death"),
])
def test_total_reached_takes_region_and_status_from_before(facts_of, text, value, region, status):
    fact = facts_of(text, "2020-02-12", kind="case_count")[0]
    assert (fact["value"], fact["region"], fact["status"], fact["period"]) == (value, region, status, "total")


def test_running_total_takes_the_count_before(facts_of):
    text = "Henan reported 56 new confirmed cases on Sunday, bringing the total to 1,033."
    facts = facts_of(text, "2020-02-10", kind="case_count")
    assert [(f["value"], f["region"], f["status"], f["period"]) for f in facts] == [
        (56, "Henan", "confirmed", "new"), (1033, "Henan", "confirmed", "total")]


@pytest.mark.parametrize("text, region", [
    ("Ezhou, which has 1,100 confirmed cases, asked for more help.", "Ezhou"),
    ("In Xianning, the number of confirmed cases reached 493.", "Xianning"),
])
def test_region_framing_the_clause(facts_of, text, region):
    assert facts_of(text, kind="case_count")[0]["region"] == region


def test_receiving_city_is_the_destination(facts_of):
    fact = facts_of("The city of Jingmen has received 600 medical workers from Zhejiang.", kind="personnel_count")[0]
    assert (fact["origin"], fact["destination"]) == ("Zhejiang", "Jingmen")


def test_possessive_region_is_the_origin(facts_of):
    fact = facts_of("Tianjin's 120-member medical team left for Enshi on Sunday.", "2020-02-12",
                    kind="personnel_count")[0]
    assert (fact["value"], fact["origin"], fact["destination"], fact["date"]) == (120, "Tianjin", "Enshi", "2020-02-09")


def test_including_takes_the_noun_of_the_count_before(facts_of):
    facts = facts_of("Hubei reported 1,693 new cases on Monday, including 1,600 in Wuhan.", "2020-02-12",
                     kind="case_count")
    assert [(f["value"], f["region"], f["period"]) for f in facts] == [(1693, "Hubei", "new"), (1600, "Wuhan", "new")]
    staff = facts_of("Jiangsu has sent 2,800 medical workers to Hubei, including 1,200 to Huangshi.",
                     kind="personnel_count")
    assert [(f["value"], f["origin"], f["destination"]) for f in staff] == [
        (2800, "Jiangsu", "Hubei"), (1200, "Jiangsu", "Huangshi")]


@pytest.mark.parametrize("text", ["Copyright 2007 Volkswagen Group and 2011 Open Team.",
                                  "It starts 3 test-cluster-worker processes."])
def test_years_before_names_and_compounds_are_not_counts(facts_of, text):
    assert [f for f in facts_of(text) if f["kind"] in COUNT_KINDS] == []


def test_bare_numbers_after_a_region_or_a_case_noun(facts_of):
    text = "Outside Wuhan, Xiaogan had the most cases, 2,436, followed by Huanggang with 2,141."
    facts = facts_of(text, kind="case_count")
    assert [(f["value"], f["region"], f["rule"]) for f in facts] == [
        (2436, "Xiaogan", "case_count:case_apposition"), (2141, "Huanggang", "case_count:case_with_region")]


def test_a_team_with_members_is_not_a_case_count(facts_of):
    facts = facts_of("A team with 130 members went to Ezhou with 2,000 masks.")
    assert [(f["kind"], f["value"]) for f in facts if f["kind"].endswith("_count")] == [("personnel_count", 130)]


def test_increase_is_new_and_level_reached_is_total(facts_of):
    facts = facts_of("Confirmed cases in Hunan rose by 38 to 1,001 on Saturday.", "2020-02-17", kind="case_count")
    assert [(f["value"], f["region"], f["status"], f["period"], f["date"]) for f in facts] == [
        (38, "Hunan", "confirmed", "new", "2020-02-15"), (1001, "Hunan", "confirmed", "total", "2020-02-15")]


def test_only_a_sentence_about_the_staff_inherits_their_origin(facts_of):
    text = ("Hunan sent 137 medical workers to Huanggang. The hospital will be staffed by 1,400 military medical "
            "personnel. The team includes 45 doctors.")
    facts = facts_of(text, kind="personnel_count")
    assert [(f["value"], f["origin"], f["destination"]) for f in facts] == [
        (137, "Hunan", "Huanggang"), (1400, None, None), (45, "Hunan", "Huanggang")]


@pytest.mark.parametrize("text, value, status", [
    ("A total of 2,649 patients had been discharged from hospital after recovery.", 2649, "recovered"),
    ("By then 811 people had died of the disease in Hubei.", 811, "death"),
])
def test_cumulative_phrasing_is_total(facts_of, text, value, status):
    fact = facts_of(text, kind="case_count")[0]
    assert (fact["value"], fact["status"], fact["period"]) == (value, status, "total")


def test_hyphenated_region_nouns(facts_of):
    facts = facts_of("Teams went to 16 prefecture-level cities in Hubei and three county-level cities.",
                     kind="region_count")
    assert [(f["value"], f["unit"], f["region"]) for f in facts] == [(16, "city", "Hubei"), (3, "city", None)]


@pytest.mark.parametrize("text, expected", [
    ("Shanghai's fourth batch of 136 medics left for Wuhan.", ("personnel_count", 136, "Shanghai", "Wuhan", None)),
    ("Beds are short for Jingzhou's 1,500 patients.", ("case_count", 1500, None, None, "Jingzhou")),
])
def test_possessive_regions(facts_of, text, expected):
    fact = next(f for f in facts_of(text) if f["kind"] == expected[0])
    assert (fact["kind"], fact["value"], fact["origin"], fact["destination"], fact["region"]) == expected


def test_of_them_takes_the_noun_of_the_count_before(facts_of):
    facts = facts_of("Hubei reported 2,097 new cases on Monday. Of them, 1,638 were in Wuhan.", kind="case_count")
    assert [(f["value"], f["region"]) for f in facts] == [(2097, "Hubei"), (1638, "Wuhan")]
    staff = facts_of("Shandong sent 600 medics. Among them, 200 went to Huanggang.", kind="personnel_count")
    assert [(f["value"], f["origin"], f["destination"]) for f in staff] == [(600, "Shandong", None),
                                                                             (200, "Shandong", "Huanggang")]


STAFF_ROLES = [
    # a team going home keeps the city it served as destination; its own region is the origin
    ("A flight took off from Wuhan Tianhe Airport, carrying 120 medical staff of the Fujian medical team home.",
     (120, "Fujian", "Wuhan")),
    ("A total of 300 members of a medical team from Guangxi left Suizhou on Monday after finishing their task.",
     (300, "Guangxi", "Suizhou")),
    # a team leaving its own province for Hubei is not a return
    ("A team of 150 nurses left Changsha for Hubei on Monday.", (150, "Changsha", "Hubei")),
    # destination by role, not by nearness: the airports are where they left from
    ("The team of 200 doctors left from the airports of Jinan and Qingdao to help Hubei Province.",
     (200, None, "Hubei")),
    # unnamed in the sentence, in an article about aid to Hubei: Hubei
    ("Hubei has received medical teams from across China. Yunnan sent another 130 medical workers on Friday.",
     (130, "Yunnan", "Hubei")),
]


@pytest.mark.parametrize("text, expected", STAFF_ROLES, ids=[t[:40] for t, _ in STAFF_ROLES])
def test_staff_origin_and_destination_by_role(facts_of, text, expected):
    staff = facts_of(text, kind="personnel_count")
    assert [(f["value"], f["origin"], f["destination"]) for f in staff] == [expected]


def test_a_staff_count_without_aid_context_gets_no_guessed_destination(facts_of):
    text = "Hubei needs beds, Hubei said. A private clinic has 60 doctors on its payroll."
    assert [f["destination"] for f in facts_of(text, kind="personnel_count")] == [None]


NO_COUNTED_NOUN = [
    ("The death toll in Hubei climbed to 41 on Sunday.", (41, "death", "total", "Hubei")),
    # still ill: held now, neither new nor cumulative (tests/test_current_counts.py)
    ("In Wuhan, 27 remain in hospital.", (27, "unspecified", None, "Wuhan")),
    ("Fifteen patients in Xiaogan remained hospitalized.", (15, "unspecified", None, "Xiaogan")),
    ("The virus has claimed 12 lives in Henan.", (12, "death", "total", "Henan")),
    ("Statistics for the day:\nDeaths: 3\n", (3, "death", None, None)),
    ("New confirmed cases: 0\n", (0, "confirmed", "new", None)),
    ("Henan reported 30 new cases, bringing the total to 1,212.", (1212, "confirmed", "total", "Henan")),
]


@pytest.mark.parametrize("text, expected", NO_COUNTED_NOUN, ids=[t[:40] for t, _ in NO_COUNTED_NOUN])
def test_counts_without_a_counted_noun(facts_of, text, expected):
    found = [(f["value"], f["status"], f["period"], f["region"]) for f in facts_of(text, kind="case_count")]
    assert expected in found


@pytest.mark.parametrize("text", [
    "Time: 24:00\nRoom: 3\n",                 # labels that are not about cases
    "Close contacts: 300\n",
    "The quake claimed 12 lives.",           # lives taken by something else (not_case_context)
    "27 remain under medical observation.",  # contacts under observation are not cases
    "The team will remain in Wuhan for 30 days.",
])
def test_no_counted_noun_false_positives(facts_of, text):
    assert facts_of(text, kind="case_count") == []


def test_staff_listed_by_origin(facts_of):
    text = ("On Feb 10, a team went to Wuhan. The team consists of 60 persons from Tianjin, 44 from Jiangsu "
            "Province and 33 from Henan Province. Among them, 54 are doctors.")
    staff = {f["value"]: (f["origin"], f["rule"]) for f in facts_of(text, kind="personnel_count")}
    assert staff[60][0] == "Tianjin" and staff[44] == ("Jiangsu", "personnel_count:staff_list_item")
    assert staff[33][0] == "Henan"
    assert staff[54][0] is None   # a team of several provinces has no one origin


def test_staff_of_one_paragraph_share_a_journey(facts_of):
    text = ("On Saturday night, 260 medical workers came to Wuhan from Hunan. A charter plane brought 264 medics "
            "from Xiamen.\n\nA total of 50 nurses from Fujian are ready.")
    staff = {f["value"]: f["destination"] for f in facts_of(text, kind="personnel_count")}
    assert staff == {260: "Wuhan", 264: "Wuhan", 50: None}


def test_a_team_named_in_the_sentence_before_gives_its_origin(facts_of):
    text = ("Linyi sent 4 doctors to Hubei. The third batch of the medical team of Shandong Province set off to Hubei "
            "on Sunday. The medical team is composed of 121 people.")
    staff = {f["value"]: f["origin"] for f in facts_of(text, kind="personnel_count")}
    assert staff[121] == "Shandong" and staff[4] == "Linyi"


def test_two_teams_named_before_give_no_origin(facts_of):
    text = ("The medical teams of Shandong and Hunan left on Sunday. The medical team is composed of 121 people.")
    assert [f["origin"] for f in facts_of(text, kind="personnel_count") if f["value"] == 121] == [None]
