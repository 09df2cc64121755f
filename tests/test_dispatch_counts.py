"""What is and is not a dispatch's count or place (blind set 8), invented sentences: a company named after a
city carries staff and is no origin; `One group of 12` is a team's size, not a count of teams; `the two
cities` refers back to places named, no count of regions; `the remaining 4,562` counts what the sentence before
counted; a share's place (`70% went to Wuhan`) is not the whole's destination."""
import pytest


def staff(facts_of, text):
    return [(f["value"], f["origin"], f["destination"]) for f in facts_of(text, kind="personnel_count")]


def values(facts_of, text, kind):
    return [f["value"] for f in facts_of(text, kind=kind)]


COMPANIES = [
    ("Xiamen Airlines, which has flown nearly 1,000 medical staff to Wuhan, added two flights.",
     [(1000, None, "Wuhan")]),
    ("Sichuan Airlines has carried 600 medical workers to Wuhan.", [(600, None, "Wuhan")]),
    # the place itself, or staff from it on a carrier's plane: its own
    ("Xiamen has sent 300 medical staff to Wuhan.", [(300, "Xiamen", "Wuhan")]),
    ("A team of 120 medics from Xiamen flew to Wuhan on a Xiamen Airlines plane.", [(120, "Xiamen", "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", COMPANIES, ids=[t[:50] for t, _ in COMPANIES])
def test_company_named_after_a_place_is_no_origin(facts_of, text, expected):
    assert staff(facts_of, text) == expected


TEAM_COUNTS = [
    ("One group of 12 doctors will work in Wuhan.", []),
    ("One team of 40 nurses left for Xiaogan on Monday.", []),
    ("Two groups of medical workers from Shanxi left for Hubei.", [2]),
    ("Shandong has sent 12 medical teams to Hubei.", [12]),
]


@pytest.mark.parametrize("text, expected", TEAM_COUNTS, ids=[t[:50] for t, _ in TEAM_COUNTS])
def test_one_sized_team_is_no_team_count(facts_of, text, expected):
    assert values(facts_of, text, "team_count") == expected


REGION_COUNTS = [
    ("Yancheng sent vegetables to Huangshi. The two cities have a close bond.", []),
    ("Jiangsu and Hubei signed a pact. Both provinces will share doctors.", []),
    ("Yancheng and Huangshi signed a pact, and the two cities will share doctors.", []),
    # places not named before: a count
    ("The virus has spread to two cities in Hubei.", [2]),
    ("Yancheng sent vegetables to Huangshi. The 16 cities of Hubei got help from 19 provinces.", [16, 19]),
]


@pytest.mark.parametrize("text, expected", REGION_COUNTS, ids=[t[:50] for t, _ in REGION_COUNTS])
def test_places_named_before_are_no_region_count(facts_of, text, expected):
    assert values(facts_of, text, "region_count") == expected


ELLIPTIC = [
    ("Hubei received 6,000 medical staff. Of them, 1,500 medics went to Xiaogan. The remaining 4,500 were assigned to "
     "hospitals in Wuhan.", [6000, 1500, 4500]),
    ("The province sent 300 medical staff to 10 cities. The remaining 200 were assigned to Wuhan.", [300, 200]),
    # the sentence before counts patients or beds: not staff
    ("The hospital admitted 300 patients. The remaining 200 were sent home.", []),
    ("The hospital has 300 beds. The remaining 200 were assigned to Wuhan.", []),
    # a staff word in a list of a team's parts; a carrier's crew is no medical staff
    ("The team has 30 doctors and 100 attendants.", [30, 100]),
    ("The flight carried 120 medics and 12 flight attendants.", [120]),
]


@pytest.mark.parametrize("text, expected", ELLIPTIC, ids=[t[:50] for t, _ in ELLIPTIC])
def test_staff_counted_by_the_sentence_before(facts_of, text, expected):
    assert values(facts_of, text, "personnel_count") == expected


def test_the_remaining_staff_are_a_part(facts_of):
    text = "Hubei received 6,000 medical staff. Of them, 1,500 medics went to Xiaogan. The remaining 4,500 were " \
           "assigned to Wuhan."
    assert [(f["value"], f["scope"]) for f in facts_of(text, kind="personnel_count")] == \
        [(6000, "batch"), (1500, "part"), (4500, "part")]


SHARES = [
    ("6,000 medical staff, 70% used to support Wuhan", [(6000, None, None)]),
    ("29 provinces sent 6,000 medical staff to Hubei.\n6,000 medical staff, 70% used to support Wuhan\n",
     [(6000, None, "Hubei"), (6000, None, "Hubei")]),
    ("Jiangsu has sent 2,000 medical staff to Hubei, 80 percent of them to Wuhan.", [(2000, "Jiangsu", "Hubei")]),
    ("Jiangsu has sent 2,000 medical staff to Wuhan.", [(2000, "Jiangsu", "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", SHARES, ids=[t[:50] for t, _ in SHARES])
def test_a_shares_place_is_not_the_wholes(facts_of, text, expected):
    assert staff(facts_of, text) == expected
