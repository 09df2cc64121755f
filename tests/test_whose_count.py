"""Whose count: the region of a count from the structure that names it (a bulletin's sub-counts under their city,
a list of places each set off with its number, a figure's own place, a level a count moved from, a paragraph's
place carried to its next count). Our own sentences, several shapes each, false positives included. A row lists
every case count the text must give, as (value, region); any other count, or another region, fails."""
import pytest

BULLETIN = ("As of 24:00 on March 19, Jiangsu Province had reported 631 confirmed cases.\n\n")

CASES = [
    # a bulletin's sub-counts: the city's, never the province's
    (BULLETIN + "Among the confirmed cases, 93 were in Nanjing (including 3 imported cases), 55 in Wuxi, "
                "and 79 in Xuzhou (including 1 imported case).",
     [(631, "Jiangsu"), (93, "Nanjing"), (3, "Nanjing"), (55, "Wuxi"), (79, "Xuzhou"), (1, "Xuzhou")]),
    (BULLETIN + "Among them, 29 cases were in Suzhou (including 12 cases imported from abroad), 36 cases in "
                "the provincial prison.",
     [(631, "Jiangsu"), (29, "Suzhou"), (12, "Suzhou"), (36, "Jiangsu")]),
    (BULLETIN + "Of the new cases, 5 were in Changzhou (including 2 severe cases) and 3 in Nantong.",
     [(631, "Jiangsu"), (5, "Changzhou"), (2, "Changzhou"), (3, "Nantong")]),
    ("Guangdong reported 1,350 cases, including 20 imported cases.", [(1350, "Guangdong"), (20, "Guangdong")]),
    ("Hubei reported 100 cases (including 30 in Wuhan).", [(100, "Hubei"), (30, "Wuhan")]),
    # places listed, each set off with its number
    ("Hubei has two cities with more than 3,000 cases: Xiaogan, 3,279, and Huanggang, 3,014.",
     [(3000, "Hubei"), (3279, "Xiaogan"), (3014, "Huanggang")]),
    ("Hubei reported 500 cases: Wuhan, 300; Xiaogan, 120.", [(500, "Hubei"), (300, "Wuhan"), (120, "Xiaogan")]),
    ("Outside Wuhan, the cities with the most cases are Huanggang (2,907) and Xiaogan (3,279).",
     [(2907, "Huanggang"), (3279, "Xiaogan")]),
    ("The team went to Xiaogan, 300 km away.", []),
    ("In Wuhan, 3,000 were treated.", []),
    ("Hubei sent teams to Xiaogan, 30, and Huanggang, 40.", []),
    # a figure's own place
    ("The number of infected medics in Hubei Province, the hardest-hit region of the outbreak, reached 1,502, "
     "while the figure for Wuhan was 1,102.", [(1502, "Hubei"), (1102, "Wuhan")]),
    ("Hubei reported 300 new cases, while the tally for the city of Xiaogan was 40.",
     [(300, "Hubei"), (40, "Xiaogan")]),
    ("The figure was 30 percent.", []),
    ("Hubei sent 300 doctors, while the figure for Hunan was 200.", []),
    # the level a count moved from: its noun and place, its own day
    ("Wuhan had 300 patients on Monday, up from 250 on Sunday.", [(300, "Wuhan"), (250, "Wuhan")]),
    ("Hubei had 20,765 patients in hospital, down from 41,036 a week earlier.",
     [(20765, "Hubei"), (41036, "Hubei")]),
    ("The price fell to 30 yuan, down from 45.", []),
    ("Wuhan had 300 patients on Monday, and 12 hospitals, up from 8.", [(300, "Wuhan")]),
    # a paragraph's place where cases are counted, carried to its next count until another is named
    ("The easing follows a steep fall in new infections in Henan. Since March 1, new confirmed cases have "
     "dropped to zero.", [(0, "Henan")]),
    ("Schools reopen after the death toll in Hebei stopped rising. Only 3 patients remain in hospital.",
     [(3, "Hebei")]),
    ("The fall in new infections in Henan was steep.\n\nSince March 1, 3 new cases were confirmed.", [(3, None)]),
    ("The fall in new infections in Henan and Hebei was steep. Since March 1, 3 new cases were confirmed.",
     [(3, None)]),
    ("A medical team from Henan arrived on Monday. Since March 1, 3 new cases were confirmed.", [(3, None)]),
    # a statistics block under a heading line that names one place
    ("Daily figures\n\nHenan\nNew confirmed: 20\nNew deaths: 1\n\nHebei\nNew confirmed: 7\nDischarged: 30\n",
     [(20, "Henan"), (1, "Henan"), (7, "Hebei"), (30, "Hebei")]),
    ("Daily figures\n\nFigures for Henan\nConfirmed: 20\n", [(20, "Henan")]),
    ("Daily figures\n\nHenan and Hebei\nNew confirmed: 20\n", [(20, None)]),
    ("Daily figures\n\nHenan\n\nNew confirmed: 20\n", [(20, None)]),
    ("Daily figures\n\nTeams went to Henan.\nNew confirmed: 20\n", [(20, None)]),
    # a roll call of places and their numbers after a colon lead-in
    ("Confirmed cases by province as of Feb 20: Guangdong 1,350; Henan 1,270; Hunan 1,018.",
     [(1350, "Guangdong"), (1270, "Henan"), (1018, "Hunan")]),
    ("The commission said on Monday: Hefei 12 beds.", []),
    # close contacts are no cases
    ("In Hubei, 2,623 patients were discharged after being cured. 8,620 people who had had close contact with "
     "infected patients were freed from medical observation.", [(2623, "Hubei")]),
    ("Some 300 people in close contact with confirmed patients were traced in Wuhan.", []),
    ("Another 300 people who had been infected were discharged in Wuhan.", [(300, "Wuhan")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:60] for t, _ in CASES])
def test_whose_count(facts_of, text, expected):
    counts = facts_of(text, published="2020-03-20", kind="case_count")
    assert [(f["value"], f["region"]) for f in counts] == expected


def test_table_has_false_positives():
    assert sum(1 for _, expected in CASES if not expected or any(r is None for _, r in expected)) >= 8
