"""Places a sentence names only to leave out (`outside Hubei`), `the city` for a city-like SAR, and a running
total with no count before it to borrow from (issue 23), invented sentences, false readings included."""
import pytest

HEAD = "Guangdong reports 5 new cases\n\n"


def counts(facts_of, text):
    return [(f["value"], f["region"], f["status"], f["period"])
            for f in facts_of(text, published="2020-02-26", kind="case_count")]


LEFT_OUT = [
    # a paragraph that speaks of the country with a place left out goes on speaking of the country
    (HEAD + "Guangdong reported 5 new cases on Tuesday.\n\nThe nationwide number of new infections outside Hubei "
     "stood at 50 on Tuesday. The death toll rose to 2,715.", (2715, None, "death", "total")),
    (HEAD + "Guangdong reported 5 new cases on Tuesday.\n\nNew infections across the country excluding Hubei fell "
     "to 50 on Tuesday.", (50, None, "unspecified", "new")),
    (HEAD + "Outside Hubei, 400 new cases were reported on Tuesday.", (400, None, "confirmed", "new")),
    # false readings: a place named in its own right is still the count's
    (HEAD + "Cases outside Wuhan rose to 3,000 in Hubei.", (3000, "Hubei", "confirmed", "total")),
    (HEAD + "Guangdong reported 5 new cases on Tuesday.\n\nThe nationwide number of new infections stood at 50 on "
     "Tuesday. In Hubei, the death toll rose to 2,615.", (2615, "Hubei", "death", "total")),
]


@pytest.mark.parametrize("text, expected", LEFT_OUT)
def test_a_place_left_out_is_not_the_count_s(facts_of, text, expected):
    value, region = expected[:2]
    assert [c[1] for c in counts(facts_of, text) if c[0] == value] == [region]


CITY_SARS = [
    (HEAD + "In Macao, two new cases were confirmed on Tuesday, taking the city's total to 12. Among the confirmed "
     "total of 12, 8 patients have been discharged, according to the city's health bureau.",
     (8, "Macao", "recovered", "total")),
    (HEAD + "Guangdong reported 5 new cases on Tuesday. In Hong Kong, two new cases were confirmed on Tuesday. "
     "Eight patients have been discharged, according to the city's health department.",
     (8, "Hong Kong", "recovered", "total")),
]


@pytest.mark.parametrize("text, expected", CITY_SARS)
def test_the_city_may_be_a_sar(facts_of, text, expected):
    assert expected in counts(facts_of, text)


def test_the_province_is_no_sar(facts_of):
    text = HEAD + "Guangdong reported 5 new cases on Tuesday. In Hong Kong, two new cases were confirmed on " \
                  "Tuesday. The province reported 8 recoveries."
    assert [c for c in counts(facts_of, text) if c[0] == 8] == [(8, None, "recovered", None)]


UNCOUNTED_TOTALS = [
    ("Guangdong reported no new infections on Tuesday, with the total standing at 1,347.", 1347),
    ("Guangdong reported no new infections on Tuesday, with the total at 1,347.", 1347),
    ("Guangdong reported no new cases on Tuesday. The total stayed at 1,347.", 1347),
    ("Wuhan reported no new cases for the fifth day, with the total remaining at 50,005.", 50005),
    ("Guangdong reported no new cases on Tuesday.\n\nThe total stayed at 1,347.", 1347),
    ("Guangzhou reported no new cases.\n\nThe total number in the province is 1,331.", 1331),
]


@pytest.mark.parametrize("text, value", UNCOUNTED_TOTALS)
def test_a_total_after_a_zero_is_a_running_total(facts_of, text, value):
    assert [(v, p) for v, _, _, p in counts(facts_of, text)] == [(value, "total")]


NOT_CASE_TOTALS = [
    "Jiangsu sent no more medics on Tuesday, with the total at 2,800.",
    "Guangdong reported no new cases on Tuesday. The total of donations stayed at 1,347.",
]


@pytest.mark.parametrize("text", NOT_CASE_TOTALS)
def test_a_total_of_other_things_is_no_case_count(facts_of, text):
    assert counts(facts_of, text) == []


@pytest.mark.parametrize("text, value, region", [
    # where the patients had been is no place the sentence speaks of
    (HEAD + "Shanghai reported 19 new cases on Tuesday.\nAmong those 19 new cases, 11 are Chinese students who "
     "were studying abroad.", 11, "Shanghai"),
    (HEAD + "Shanghai reported 19 new cases on Tuesday. Of them, 4 had been living abroad.", 4, "Shanghai"),
    # false reading: cases abroad are not the story's place's
    (HEAD + "Shanghai reported 19 new cases on Tuesday. Cases abroad rose to 3,000.", 3000, None),
])
def test_where_patients_had_been_abroad(facts_of, text, value, region):
    assert [c[1] for c in counts(facts_of, text) if c[0] == value] == [region]


def test_a_restated_count_keeps_its_place(facts_of):
    text = HEAD + "Shanghai reported 19 new cases on Tuesday.\nAmong those 19 new cases, 11 are students."
    assert [(c[0], c[1]) for c in counts(facts_of, text) if c[0] in (11, 19)] == \
        [(19, "Shanghai"), (19, "Shanghai"), (11, "Shanghai")]


OPENING_CLAUSES = [
    ("While more than 100 patients in Hong Kong have been discharged after recovery, 251 people remain in the "
     "hospital for treatment, with four in critical condition.", {251: "Hong Kong", 4: "Hong Kong"}),
    ("While Hubei reported 100 new cases, Guangdong reported 5 new cases.", {5: "Guangdong"}),
    # false readings: a main clause that speaks of elsewhere or of the whole country takes no opening place
    ("While Hubei reported 100 new cases, 5 new cases were reported elsewhere.", {5: None}),
    ("As Wuhan eased its lockdown, 300 new cases were reported nationwide.", {300: None}),
]


@pytest.mark.parametrize("text, expected", OPENING_CLAUSES)
def test_an_opening_clause_s_place(facts_of, text, expected):
    found = {c[0]: c[1] for c in counts(facts_of, text) if c[0] in expected}
    assert found == expected
