"""Counts of cases held now and counts of what is yet to happen (our own sentences, several shapes each, false
positives included).

A count of the cases held now (active cases, patients still in hospital, severe or critical cases) is neither new
nor cumulative: it gets no period (null), never `total`, which a cumulative total of the same place and day
would contradict in cases.csv. A count of what is yet to happen (`are about to be cured and discharged`, `will
be discharged`) makes no case count at all: a wrong value is worse than a missing one."""
from __future__ import annotations

import pytest

from extract.nlp.rules.case_now import now_words


def counts(facts_of, text, published="2020-03-02"):
    return {f["value"]: (f["status"], f["period"]) for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, value, status", [
    # an adverb of its clause: `still`, `currently`, `remained`
    ("There still remained 35,329 confirmed cases in Hubei.", 35329, "confirmed"),
    ("Wuhan still has 1,200 patients in hospital.", 1200, "unspecified"),
    ("There are currently 120 patients in hospital in Wuhan.", 120, "unspecified"),
    ("Currently, 35 patients are in critical condition in Wuhan.", 35, "critical"),
    # its own modifiers: `existing`, `remaining`, `active`
    ("Zhejiang had 2 existing severe cases on March 19.", 2, "severe"),
    ("Hubei had 20,765 existing confirmed cases as of Monday.", 20765, "confirmed"),
    ("The remaining 300 patients in Wuhan are in stable condition.", 300, "unspecified"),
    ("Henan has 412 active cases, the provincial health commission said.", 412, "confirmed"),
    # its predicate: `are still being treated`, `remain in hospital`, `are in hospital`
    ("In Hubei, 35,329 patients are still being treated in hospital.", 35329, "unspecified"),
    ("15 patients in Xiaogan remained hospitalized.", 15, "unspecified"),
    ("In Jiangxi, 88 patients are in hospital.", 88, "unspecified"),
    # a level reached by a count held now
    ("The number of active cases in Hubei fell to 3,000 on Monday.", 3000, "unspecified"),
    ("In Hubei, patients still being treated were numbered at 20,765 on Wednesday.", 20765, "unspecified"),
    # severe and critical counts are of patients now in that state, even under a cumulative frame
    ("There are 500 severe cases in Wuhan.", 500, "severe"),
    ("Wuhan had 1,000 patients in serious condition as of Feb 20.", 1000, "severe"),
    ("As of 24:00 on Feb 29, Hubei had reported 66,907 confirmed cases, with 7,107 in serious condition.",
     7107, "severe"),
])
def test_a_count_held_now_has_no_period(facts_of, text, value, status):
    assert counts(facts_of, text).get(value) == (status, None)


@pytest.mark.parametrize("text, value, expected", [
    ("Among the patients who remain in critical condition in Hunan, 10 are in Changsha, 5 in Zhuzhou.",
     10, ("critical", None)),
    ("Among the existing confirmed cases in Anhui, 174 are in Hefei, 160 in Bengbu.", 160, ("confirmed", None)),
    # a lead-in of new cases is still new
    ("Among the new cases in critical condition in Hunan, 3 are in Yueyang, 2 in Yiyang.", 3, ("critical", "new")),
])
def test_a_lead_in_of_cases_held_now_gives_no_period(facts_of, text, value, expected):
    assert counts(facts_of, text).get(value) == expected


@pytest.mark.parametrize("text, value, expected", [
    # real totals stay totals
    ("Hubei has reported a total of 67,000 confirmed cases so far.", 67000, ("confirmed", "total")),
    ("The cumulative number of confirmed cases in Hubei reached 67,000.", 67000, ("confirmed", "total")),
    ("Hubei had reported 67,000 cases in total.", 67000, ("confirmed", "total")),
    ("Hubei reported 50 new cases, bringing the total to 67,050.", 67050, ("confirmed", "total")),
    ("Hubei had now reported a total of 67,000 confirmed cases.", 67000, ("confirmed", "total")),
    ("As of 24:00 on Feb 13, a total of 988 confirmed cases had been reported in Hunan, including 130 "
     "cumulative in critical condition.", 130, ("critical", "total")),
    ("Wuhan has still reported a cumulative 50,000 confirmed cases.", 50000, ("confirmed", "total")),
    # new counts stay new, severe ones too
    ("Hunan reported 3 new critical cases on Monday.", 3, ("critical", "new")),
    ("Wuhan discharged 150 patients on Monday.", 150, ("recovered", "new")),
    # deaths and recoveries only add up: `still` makes no count of them held now
    ("The death toll in Hubei still stood at 3,000.", 3000, ("death", "total")),
    ("In all, 31,187 patients had been cured and discharged from hospital.", 31187, ("recovered", "total")),
])
def test_totals_and_new_counts_keep_their_period(facts_of, text, value, expected):
    assert counts(facts_of, text).get(value) == expected


def test_a_current_count_beside_a_total_in_one_sentence(facts_of):
    found = counts(facts_of, "As of 24:00 on March 19, Zhejiang had reported a total of 1,234 confirmed cases, "
                             "2 existing severe cases and 1,219 discharged patients.")
    assert found[1234] == ("confirmed", "total")
    assert found[2] == ("severe", None)


@pytest.mark.parametrize("text, absent", [
    ("29 cases are about to be cured and discharged in Anhui by March 2, 6 in Hefei, 6 in Fuyang.", {29, 6}),
    ("In Hubei, 300 patients will be discharged on Tuesday.", {300}),
    ("In Wuhan, 200 patients are expected to be discharged this week.", {200}),
    ("Some 150 patients in Wuhan are set to leave hospital on Friday.", {150}),
    ("The number of inpatients in Anhui will be reduced to 67 by Friday.", {67}),
    ("The hospital in Wuhan is expected to discharge 80 patients on Friday.", {80}),
    ("Another 45 patients in Hubei are to be discharged on Sunday.", {45}),
])
def test_a_forecast_is_no_case_count(facts_of, text, absent):
    found = counts(facts_of, text)
    assert absent.isdisjoint(found), found


@pytest.mark.parametrize("text, value, expected", [
    # what happened stays a count, beside a forecast or in the future perfect of a report
    ("Wuhan discharged 150 patients on Monday and will discharge more on Tuesday.", 150, ("recovered", "new")),
    ("In Hubei, 300 patients were discharged on Tuesday, and more are expected to leave soon.", 300,
     ("recovered", "new")),
    ("80 patients were cured on Friday and will return home.", 80, ("recovered", "new")),
])
def test_a_count_beside_a_forecast_stays(facts_of, text, value, expected):
    assert counts(facts_of, text).get(value) == expected


def test_staff_forecasts_stay_counts(facts_of):
    """A forecast of cases makes no count; a team that will be sent is still a team."""
    found = facts_of("Jiangsu will send 120 medical workers to Huangshi on Monday.", published="2020-02-10",
                     kind="personnel_count")
    assert [f["value"] for f in found] == [120]


def test_the_words_are_data_and_checked():
    words = now_words()
    assert "existing" in words["modifiers"] and ("about", "to") in words["after"]
    assert words["statuses"] <= {"confirmed", "suspected", "severe", "critical", "unspecified"}
