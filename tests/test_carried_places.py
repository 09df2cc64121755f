"""The place of a bulletin's figures when the figure's own sentence names none (our own sentences, several shapes
each, false positives included): the headline's place, past a header stamp, a news outlet named after a city
and the origin of imported cases; the place a first paragraph says cases are reported in or by; `the city` of a
municipality; a country-wide figure keeps no province."""
from __future__ import annotations

import pytest


def regions(facts_of, text, published="2020-03-13"):
    return {(f["value"], f["status"]): f["region"] for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, expected", [
    # a header stamp before the headline
    (" date 2020-03-13 3 New Cases in Fujian Were Imported from Spain\n\nBy Staff Reporter\n\nThree imported cases "
     "were confirmed on Thursday, the health commission said.\n\nAnother 12 suspected cases are being tested.",
     {(3, "confirmed"): "Fujian", (12, "suspected"): "Fujian"}),
    # the first body sentence names where imported cases came from, and a news outlet named after a city
    ("Two new imported cases in Fujian Province\n\nFrom 0 to 24 o'clock on March 12, two imported cases were added "
     "(imported from Hubei). As of 24:00 on March 12, 320 local confirmed cases were reported.",
     {(320, "confirmed"): "Fujian"}),
    ("March 13, 2020: 40 new cases in Fujian\n\nShanghai News Express According to the Fujian Health Commission, "
     "Fujian added 40 new cases on March 12.\n\nThere were 17 new discharges.",
     {(17, "recovered"): "Fujian"}),
    # a headline about a team keeps no place for the patients it treats
    ("Fujian medical team returns home\n\nThe Fujian medical team treated 400 patients.",
     {(400, "unspecified"): None}),
    # a headline naming two places gives none
    ("Fujian and Jiangxi report new cases\n\nAs of 24:00 on March 12, 320 local confirmed cases were reported.",
     {(320, "confirmed"): None}),
])
def test_the_headline_s_place_holds_for_the_body(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # no headline: the place the first paragraph says cases are reported in or by
    ("Xinhua News, March 30. According to the Fujian Health Commission, no new local cases were reported in Fujian "
     "on March 30. 1 new imported case was reported, and a total of 38 imported cases were reported.",
     {(1, "confirmed"): "Fujian", (38, "confirmed"): "Fujian"}),
    ("According to the Fujian Health Commission, 1 new imported case was reported on March 30.",
     {(1, "confirmed"): "Fujian"}),
    # a place the patients travelled from is no place they are counted in
    ("A man who travelled from Fujian fell ill on March 30. 1 new imported case was reported.",
     {(1, "confirmed"): None}),
])
def test_a_first_paragraph_s_reporting_place(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Tianjin reports new cases\n\nTwo imported cases were confirmed in the city on Thursday.",
     {(2, "confirmed"): "Tianjin"}),
    ("Shanghai has closed its schools. Two imported cases were confirmed in the city on Thursday.",
     {(2, "confirmed"): "Shanghai"}),
    # a prefecture-level city still is `the city`
    ("Wuhan has closed its schools. Two new cases were confirmed in the city on Thursday.",
     {(2, "confirmed"): "Wuhan"}),
])
def test_the_city_may_be_a_municipality(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Of them, 10 cases, including six in Beijing and one in Gansu, were imported. The commission said it received "
     "reports of 24 new confirmed cases on Tuesday from 31 provincial-level regions.",
     {(24, "confirmed"): None}),
    ("Two cases were found in Gansu. The commission said it received reports of 24 new confirmed cases on Tuesday "
     "from 31 provincial-level regions.", {(24, "confirmed"): None}),
    # `the provincial capital` is no `the province`
    ("Two cases were found in Gansu. The commission received reports of 24 new confirmed cases on Tuesday from 31 "
     "provincial-level regions, including 13 from Hubei, all from Wuhan, the provincial capital.",
     {(24, "confirmed"): None}),
    ("Two cases were found in Gansu. The province reported 24 new confirmed cases on Tuesday.",
     {(24, "confirmed"): "Gansu"}),
])
def test_a_country_wide_figure_takes_no_province(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # the nationality of patients and the origin of imported cases are no country and no abroad
    ("According to the Fujian Health Commission, no new local cases were reported in Fujian on March 30. 1 new "
     "confirmed case (Chinese nationality) was reported, and a total of 38 overseas-confirmed cases were reported.",
     {(1, "confirmed"): "Fujian", (38, "confirmed"): "Fujian"}),
    ("According to the Fujian Health Commission, no new local cases were reported in Fujian on March 30. A total of "
     "12 foreign imported cases were reported.", {(12, "confirmed"): "Fujian"}),
    # counts abroad stay abroad
    ("According to the Fujian Health Commission, no new local cases were reported in Fujian on March 30. Overseas, "
     "30,000 deaths have been reported.", {(30000, "death"): None}),
])
def test_nationality_and_imported_cases_are_not_elsewhere(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a figure restated later keeps the place it was first stated with
    ("To date, 240 confirmed cases have been reported in Fujian.\nAmong 240 confirmed cases, 117 are in Fuzhou and "
     "13 in Xiamen.", {(240, "confirmed"): "Fujian"}),
    ("Eight more patients were discharged in Fujian on Friday.\n\nUpdate\n\nOn Friday eight more patients were "
     "discharged from hospital.", {(8, "recovered"): "Fujian"}),
])
def test_a_restated_figure_keeps_its_place(facts_of, text, expected):
    found = [(f["value"], f["status"], f["region"]) for f in facts_of(text, published="2020-03-13", kind="case_count")]
    for (value, status), region in expected.items():
        assert [r for v, s, r in found if (v, s) == (value, status)] == [region, region]


@pytest.mark.parametrize("text, expected", [
    # the same number of another place or status is no restatement
    ("Fujian reported 12 new cases on Friday.\n\nJiangxi reported 12 new cases on Friday.", [(12, "Fujian"),
                                                                                          (12, "Jiangxi")]),
    ("Fujian reported 12 new cases on Friday.\n\nNationwide, 12 new deaths were reported.", [(12, "Fujian"),
                                                                                           (12, None)]),
    # small numbers coincide: only the same words restate them
    ("Two patients died in Fujian on Friday.\n\nUpdate\n\nTwo deaths were reported on Saturday.",
     [(2, "Fujian"), (2, None)]),
])
def test_the_same_number_elsewhere_is_no_restatement(facts_of, text, expected):
    found = [(f["value"], f["region"]) for f in facts_of(text, published="2020-03-13", kind="case_count")]
    assert found == expected
