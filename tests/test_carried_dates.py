"""The day a bulletin's figures are as of, when the figure's own clause names none (our own sentences, several
shapes each, false positives included): the report's day, named once, holds for its later figures until a later
day is named; `on the same day` is that day; a level compared with `a day earlier` is of the day before; a day
the figures are `as of` wins over the day they were announced."""
from __future__ import annotations

import pytest


def dates(facts_of, text, published="2020-03-13"):
    return {(f["value"], f["status"]): f["date"] for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, expected", [
    # the next sentence, the next paragraph, past a back-story with earlier days
    ("Three imported cases were confirmed in Fujian on Thursday. These cases bring the total confirmed cases in "
     "Fujian to 320. There are 18 patients being treated in hospital.",
     {(320, "confirmed"): "2020-03-12", (18, "unspecified"): "2020-03-12"}),
    ("As of 24:00 on March 12, 320 confirmed cases had been reported in Fujian.\n\nAt present, 18 patients are "
     "being treated in hospital, including 3 severe cases.",
     {(18, "unspecified"): "2020-03-12", (3, "severe"): "2020-03-12"}),
    ("Two imported cases were confirmed in Fujian on Thursday.\n\nThe first patient left Milan on Monday and "
     "arrived in Fuzhou on Tuesday.\n\nA total of 290 patients have been discharged in Fujian.",
     {(290, "recovered"): "2020-03-12"}),
    # `on the same day`: the day named before
    ("Seven patients were discharged in Fujian on March 11. Nine new cases were also confirmed in the province on "
     "the same day.", {(9, "confirmed"): "2020-03-11"}),
    # a later day named in between ends the carry of the earlier; no day named before carries nothing
    ("Three new cases were confirmed in Fujian on Monday. Schools reopened on Thursday. A total of 290 patients "
     "have been discharged in Fujian.", {(290, "recovered"): None}),
    ("A total of 290 patients have been discharged in Fujian.", {(290, "recovered"): None}),
    # a count of another province does not take a day said of another
    ("Henan Province recorded 1,033 cases on Sunday. Hubei, with 2,000 confirmed cases, was hit harder.",
     {(2000, "confirmed"): None}),
    # a country's report covers its provinces
    ("China reported 30 new deaths on Tuesday. There were 25 new deaths in Hubei.", {(25, "death"): "2020-03-10"}),
    # a new story under a heading of its own starts afresh
    ("Fujian reports three new cases\n\nThree new cases were confirmed in Fujian on Thursday.\n\nGuangdong "
     "reports more recoveries\n\nA total of 290 patients have been discharged in Guangdong.",
     {(290, "recovered"): None}),
])
def test_the_report_s_day_holds_for_its_later_figures(facts_of, text, expected):
    found = dates(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, published, expected", [
    ("China reported 39 new cases as of Sunday, up from 30 a day earlier.", "2020-04-07",
     {(39, "confirmed"): "2020-04-05", (30, "confirmed"): "2020-04-04"}),
    ("Fujian confirmed 12 new cases on March 11, compared with 9 the day before.", "2020-03-13",
     {(12, "confirmed"): "2020-03-11", (9, "confirmed"): "2020-03-10"}),
    # the day of the statement gives way to the day the figures are as of
    ("The commission said in a statement on Monday that 78 new cases had been identified as of the end of the day "
     "on Sunday.", "2020-04-07", {(78, "confirmed"): "2020-04-05"}),
    # a day said of an earlier level is that level's, not the total's after it
    ("Fujian confirmed 36 new cases on Tuesday. The number is down from 48 cases reported on Monday and brought "
     "the total to 806.", "2020-04-02", {(806, "confirmed"): "2020-03-31"}),
])
def test_relative_and_as_of_days(facts_of, text, published, expected):
    found = dates(facts_of, text, published)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, published, expected", [
    # an earlier level given for comparison is a figure of its day, with the period of the count it is compared to
    ("Fujian registered 36 new confirmed cases on Tuesday. The number is down from 48 cases reported on Monday.",
     "2020-04-02", {(48, "confirmed"): ("new", "2020-03-30")}),
    ("The authorities reported 11 new confirmed cases on Tuesday outside Hubei Province, the epicenter of the "
     "outbreak, down from 890 on Feb. 3.", "2020-03-11", {(890, "confirmed"): ("new", "2020-02-03")}),
    # `so far` after the place makes a running total
    ("There have been three fatalities in the city so far.", "2020-03-13", {(3, "death"): ("total", None)}),
])
def test_earlier_levels_and_running_totals(facts_of, text, published, expected):
    found = {(f["value"], f["status"]): (f["period"], f["date"])
             for f in facts_of(text, published=published, kind="case_count")}
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a day named in the paragraph by a sentence about cases that counts none (`no new cases ... on March 30`)
    ("According to the Fujian Health Commission, no new local cases were reported in Fujian from 11:00 to 15:00 on "
     "March 30. 1 new imported case was reported, and a total of 38 imported cases were reported.",
     {(1, "confirmed"): "2020-03-30", (38, "confirmed"): "2020-03-30"}),
    # not a day of a sentence about something else, nor one of another paragraph
    ("The Fujian team arrived in Wuhan on March 3. It has treated 400 patients.", {(400, "unspecified"): None}),
    ("No new local cases were reported in Fujian on March 3.\n\nThe Fujian team has treated 400 patients.",
     {(400, "unspecified"): None}),
])
def test_a_day_said_of_no_cases_holds_for_the_paragraph(facts_of, text, expected):
    found = dates(facts_of, text, "2020-03-31")
    assert {key: found.get(key, "missing") for key in expected} == expected
