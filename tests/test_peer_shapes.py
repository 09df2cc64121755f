"""Case-count shapes other extractors' suites test (a level after `the number of ... is`, a bare number in
hospital, a statistics line, `new ones`, a range's low end) and `severe or critical`: our own sentences, several
shapes each, false positives included. A row lists every case count the text must give, as (value, status,
qualifier); any other count fails."""
import pytest

O, U, E = "over", "under", "exact"

CASES = [
    # a level after `the number of <cases> is`
    ("The number of deaths in Hubei is 30.", [(30, "death", E)]),
    ("The number of confirmed cases in Wuhan was 1,905 on Monday.", [(1905, "confirmed", E)]),
    ("The total number of patients is 412.", [(412, "unspecified", E)]),
    ("The average number of cases reported each day is 60.", [(60, "unspecified", E)]),
    ("The number of suspected cases in Anhui was about 80.", [(80, "suspected", "about")]),
    ("The number of hospitals in Wuhan is 30.", []),
    ("The number of cities with confirmed cases is 16.", []),
    ("The number of the hotline is 12320.", []),
    ("The reason is 30 cases were missed.", [(30, "unspecified", E)]),
    ("Her number is 5.", []),
    ("The number of dead is 30 and the number of injured is 12.", [(30, "death", E)]),
    ("The number of passengers on the flight was 120.", []),
    ("The tally of confirmed cases is now 80,000.", [(80000, "confirmed", E)]),
    ("The death toll in Hubei is currently 3,000.", [(3000, "death", E)]),
    ("The number of visitors is now 300.", []),
    # a bare number in hospital is a number of patients
    ("33 were hospitalized in Wuhan.", [(33, "unspecified", E)]),
    ("222 were admitted to hospitals with fever.", [(222, "unspecified", E)]),
    ("In Anhui, 45 have been hospitalised.", [(45, "unspecified", E)]),
    ("Another 12 were admitted to hospital on Sunday.", [(12, "unspecified", E)]),
    ("Nine are still in hospital.", [(9, "unspecified", E)]),
    ("Four were in critical condition.", [(4, "critical", E)]),
    ("33 were admitted to the university.", []),
    ("15 were sent to hospitals in Wuhan.", []),
    ("The 30 were hospitable hosts.", []),
    ("12 were admitted to the party.", []),
    # a statistics line
    ("Hubei statistics\nConfirmed: 120\nHospitalizations: 5\nDeaths: 2\n",
     [(120, "confirmed", E), (5, "unspecified", E), (2, "death", E)]),
    ("Hospitalisations: 17\n", [(17, "unspecified", E)]),
    ("Wuhan recorded 40 hospitalizations on Monday.", [(40, "unspecified", E)]),
    ("Beds: 500\n", []),
    ("Hotline: 12320\n", []),
    # `new ones`: what the count before counted
    ("Hubei reported 12 cases on Monday. There are 5 new ones today.",
     [(12, "confirmed", E), (5, "confirmed", E)]),
    ("Wuhan had 30 severe cases, and 4 new ones were found.", [(30, "severe", E), (4, "severe", E)]),
    ("Anhui confirmed 20 cases on Sunday and 8 more ones on Monday.",
     [(20, "confirmed", E), (8, "confirmed", E)]),
    ("There are 5 new ones.", []),
    ("Hubei sent 3 teams. There are 2 new ones.", []),
    ("Wuhan built 2 hospitals. There are 3 new ones.", []),
    # the dead are deaths
    ("In total, 613 cases had been reported in Hubei as of March 2, with 63 deceased patients.",
     [(613, "confirmed", E), (63, "death", E)]),
    ("Wuhan reported 12 deceased on Monday.", [(12, "death", E)]),
    # a range's low end counts what its high end counts
    ("10 to 13 suspected cases were reported in Hubei.", [(10, "suspected", O), (13, "suspected", U)]),
    ("Between 20 and 30 new cases were found in Wuhan.", [(20, "confirmed", O), (30, "confirmed", U)]),
    ("Some 40-50 patients were discharged.", [(40, "recovered", O), (50, "recovered", U)]),
    ("Two or three deaths were reported.", [(2, "death", O), (3, "death", U)]),
    ("It takes 10 to 14 days for 5 cases to heal.", [(5, "confirmed", E)]),
    ("Between 3 and 4 thousand cases were reported.", [(4000, "confirmed", U)]),
    # `severe or critical`: both together, so not critical alone
    ("Hubei reported 414 deaths and 2,143 cases in severe or critical condition.",
     [(414, "death", E), (2143, "severe", E)]),
    ("Of the patients, 2,000 were in severe or critical condition.", [(2000, "severe", E)]),
    ("Hubei had 120 severe and critical cases.", [(120, "severe", E)]),
    ("Hubei had 15 critically or severely ill patients.", [(15, "severe", E)]),
    ("Hubei had 12 critical cases.", [(12, "critical", E)]),
    ("Hubei had 5 severe cases and 2 critical cases.", [(5, "severe", E), (2, "critical", E)]),
    ("Hubei had 7 critical cases, and 9 severe cases.", [(7, "critical", E), (9, "severe", E)]),
    ("Hubei had 6 patients in critical condition, severe or not.", [(6, "critical", E)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:50] for t, _ in CASES])
def test_case_shapes(facts_of, text, expected):
    counts = facts_of(text, kind="case_count")
    assert [(f["value"], f["status"], f["qualifier"]) for f in counts] == expected
    assert all(f["rule"].startswith("case_count:") for f in counts)


def test_table_has_false_positives():
    assert sum(1 for _, expected in CASES if not expected) >= 12
