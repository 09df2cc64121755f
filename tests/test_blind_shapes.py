"""Shapes that the fifth and sixth blind sets showed (our own sentences, several shapes each, false positives
included): a reporting unit named after a province is no place, a bracket of place and number parts the count
before it."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-04-10"):
    return {(f["value"], f["region"]): (f["status"], f["period"])
            for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, expected", [
    ("The 31 provincial-level regions and the Xinjiang Production and Construction Corps reported 42 new "
     "confirmed cases on Thursday, the National Health Commission said.", {42: None}),
    ("According to the National Health Commission, 31 provinces and Xinjiang Production and Construction Corps "
     "had reported 81,907 confirmed cases by the end of Thursday.", {81907: None}),
    # the province itself is still a place
    ("Xinjiang reported 3 new confirmed cases on Thursday.", {3: "Xinjiang"}),
    ("The Xinjiang Uygur Autonomous Region reported 3 new confirmed cases on Thursday.", {3: "Xinjiang"}),
])
def test_a_corps_named_after_a_province_is_no_place(facts_of, text, expected):
    found = {value: region for value, region in cases(facts_of, text)}
    assert {value: found.get(value, "missing") for value in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Hubei has reported a total of 3,216 deaths (Wuhan 2,575) and 67,803 confirmed cases (Wuhan 50,008).",
     {(3216, "Hubei"): "death", (2575, "Wuhan"): "death", (67803, "Hubei"): "confirmed",
      (50008, "Wuhan"): "confirmed"}),
    ("A total of 64,236 patients have been discharged from hospital (Wuhan 47,085), a total of 3,216 deaths "
     "(Wuhan 2,575).",
     {(64236, None): "recovered", (47085, "Wuhan"): "recovered", (3216, None): "death",
      (2575, "Wuhan"): "death"}),
    ("Guangdong had 120 patients in hospital (Shenzhen 40, Guangzhou 30).",
     {(120, "Guangdong"): "unspecified"}),
    # the older shape, number in brackets after the place: the case noun before the list gives its status
    # (plain `cases` are confirmed; tests/test_place_lists.py)
    ("Cities with the most cases were Wuhan (50,008) and Xiaogan (3,518).",
     {(50008, "Wuhan"): "confirmed", (3518, "Xiaogan"): "confirmed"}),
])
def test_a_bracket_of_place_and_number_parts_the_count_before_it(facts_of, text, expected):
    found = cases(facts_of, text)
    assert {key: found.get(key, ("missing",))[0] for key in expected} == expected


def test_a_bracketed_place_is_not_the_next_count_s_subject(facts_of):
    found = cases(facts_of, "A total of 200 cases were cured (Wuhan 150), and 30 deaths were reported.")
    assert (30, None) in found and (30, "Wuhan") not in found


@pytest.mark.parametrize("text, expected", [
    # a nationality said of the patients is not the whole country
    ("Heilongjiang news\n\nHeilongjiang reported 20 new imported cases on Monday. The 20 patients were all "
     "Chinese, returning from Russia.", {20: "Heilongjiang"}),
    ("The National Health Commission said 42 new cases were reported across the Chinese mainland.", {42: None}),
    ("China reported 42 new confirmed cases on Thursday, the national health authority said.", {42: None}),
])
def test_a_nationality_said_of_patients_is_not_the_country(facts_of, text, expected):
    found = {value: region for value, region in cases(facts_of, text)}
    assert {value: found.get(value, "missing") for value in expected} == expected


def test_a_nationality_said_of_patients_makes_no_national_figure(facts_of):
    facts = facts_of("Heilongjiang news\n\n79 newly imported confirmed cases were all Chinese, imported from "
                     "Russia.", published="2020-04-14", kind="case_count")
    assert not any(f.get("whole_country") for f in facts)


@pytest.mark.parametrize("text, expected", [
    ("Guangdong news\n\nTravellers who arrive via Hong Kong, Macao, Taiwan and other borders must be tested.\n\n"
     "The province saw eight newly confirmed cases on Saturday.", {8: "Guangdong"}),
    ("Guangdong news\n\nGuangdong said travellers arriving through Hong Kong must be tested. The province saw "
     "eight new cases on Saturday.", {8: "Guangdong"}),
    # a province the story does speak of is still `the province`
    ("Taiwan reported new cases.\n\nThe province saw eight newly confirmed cases on Saturday.", {8: "Taiwan"}),
    ("Travellers from Hubei must be tested in Henan. The province saw eight new cases on Saturday.", {8: "Henan"}),
])
def test_a_route_travellers_come_by_is_not_the_province(facts_of, text, expected):
    found = {value: region for value, region in cases(facts_of, text)}
    assert {value: found.get(value, "missing") for value in expected} == expected
