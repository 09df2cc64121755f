"""Staff counts with no noun right after the number: a team's size (`a team of 187 left`) and coordinated
modifiers (`critical care and respiratory specialists`). Invented sentences, false positives included."""
import pytest

CASES = [
    # a team's size
    ("A medical team of 187 from Anhui left for Wuhan on Monday.", [187]),
    ("The second batch of 120 set off for Xiaogan.", [120]),
    ("Jilin sent a team of 64, including 40 nurses, to Wuhan.", [64, 40]),
    ("A rescue team of 35 was sent to Ezhou.", [35]),
    ("A group of 20 departed for Huanggang.", [20]),
    # coordinated modifiers before a staff noun
    ("Chongqing sent 318 critical care and respiratory specialists to Wuhan.", [318]),
    ("The hospital had more than 1,000 medical and other staff.", [1000]),
    ("Some 60 medical, nursing and support staff were sent to Jingmen.", [60]),
    # not staff: a team counting something else, a coordination with a noun that is no staff word
    ("A team of 12 hospitals took part.", []),
    ("The group of 500 masks arrived.", []),
    ("The hospital has 30 beds and medical staff.", []),
    ("The team of 2020 graduates is ready.", []),
    ("Hubei reported 40 new and 20 old cases.", []),
    # a team's strength, a staff total set off by commas
    ("A 120-strong team from Jilin left for Wuhan.", [120]),
    ("The Jiangxi team, 135 strong, reached Suizhou.", [135]),
    ("Medical workers from Tianjin, totaling 1,100, are now in Hubei.", [1100]),
    ("The nurses, numbering 300 in all, left for Xiaogan.", [300]),
    ("A 20-strong wind hit Wuhan.", []),
    ("Cases in Hubei, totaling 1,100, rose.", []),
    ("The doctors treated patients, totaling 500 a day.", []),
    # a number set off by dashes after staff; `another` N with a verb after a count of staff
    ("The bulk of the nurses – 300 – come from Jinan, and another 120 are from Qingdao.", [300, 120]),
    ("Hunan sent 200 doctors, and another 100 will leave on Monday.", [200, 100]),
    ("Most of the experts — 40 — work in ICUs.", [40]),
    ("Hubei reported 100 cases among medical workers, and another 50 were cured.", []),
    ("The hospital has 20 beds – 5 – in use.", []),
    ("Another 300 are expected.", []),
]


def test_a_teams_strength_is_no_count_of_teams(facts_of):
    assert facts_of("A 120-strong team from Jilin left for Wuhan.", kind="team_count") == []


@pytest.mark.parametrize("text, values", CASES, ids=[t[:40] for t, _ in CASES])
def test_staff_counts_without_a_noun_after_the_number(facts_of, text, values):
    assert [f["value"] for f in facts_of(text, kind="personnel_count")] == values


def test_a_team_size_takes_the_teams_roles(facts_of):
    fact = facts_of("A medical team of 187 from Anhui left for Wuhan on Monday.", kind="personnel_count")[0]
    assert (fact["origin"], fact["destination"], fact["date"], fact["rule"]) == \
        ("Anhui", "Wuhan", "2020-02-10", "personnel_count:staff_team_size")
