"""What a case count is when its words say less than the contract wants (our own sentences, several shapes each,
false positives included): a reported case of the disease is a confirmed case unless its words or its list say
otherwise; a list broken by a stray full stop or a lost comma still hands its status and period down."""
from __future__ import annotations

import pytest


def cases(facts_of, text, published="2020-03-12"):
    return {(f["value"], f["region"]): (f["status"], f["period"])
            for f in facts_of(text, published=published, kind="case_count")}


@pytest.mark.parametrize("text, expected", [
    # `cases` and `infections` of the disease, with no status word: confirmed cases
    ("Shanxi Province has reported 1,234 cases of the novel coronavirus pneumonia, including 512 cases in "
     "Taiyuan, 88 cases in Datong City.", {(1234, "Shanxi"): "confirmed", (512, "Taiyuan"): "confirmed",
                                           (88, "Datong"): "confirmed"}),
    ("A total of 9 imported cases have been reported in Fujian.", {(9, "Fujian"): "confirmed"}),
    ("Qinghai had reported 14 imported infections from abroad by Monday.", {(14, "Qinghai"): "confirmed"}),
    ("Yunnan now has 27 local cases and 3 imported cases.", {(27, "Yunnan"): "confirmed", (3, "Yunnan"): "confirmed"}),
    # a status of its own or of its list wins
    ("Guizhou reported 6 suspected cases on Monday.", {(6, "Guizhou"): "suspected"}),
    ("Hunan reported 5 new deaths, including 3 cases in Changsha.", {(3, "Changsha"): "death"}),
    # asymptomatic infections are not confirmed cases; patients may be anyone in hospital
    ("Guangxi reported 12 asymptomatic cases on Monday.", {(12, "Guangxi"): "unspecified"}),
    ("Jilin had 31 asymptomatic infections under medical observation.", {(31, "Jilin"): "unspecified"}),
    ("The team from Hebei treated 400 patients in Wuhan.", {(400, "Wuhan"): "unspecified"}),
])
def test_a_reported_case_is_a_confirmed_case(facts_of, text, expected):
    found = {key: status for key, (status, _) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # a part no bigger than its whole of deaths is deaths; one bigger than it is not its part
    ("Hubei reported 90 new deaths, including 70 cases in Wuhan.", {(70, "Wuhan"): "death"}),
    ("Hubei reported 2,000 new cases and 90 new deaths, including 1,500 cases in Wuhan.",
     {(1500, "Wuhan"): "confirmed"}),
    # a list of deaths broken by a full stop goes on with `N case in X`
    ("There were 30 new deaths in Hubei, including 20 in Wuhan, 4 in Xiaogan and 2 in Ezhou. 1 case in Huangshi "
     "City, 1 case in Xianning City.", {(1, "Huangshi"): "death", (1, "Xianning"): "death"}),
    # a list of discharges broken by `There were`: still the discharges
    ("There were 300 new hospital discharges in Hubei, including 171 in Wuhan, 59 in Xiaogan and Jingmen. There "
     "were 11 cases, 9 cases in Xiangyang City, 7 cases in Ezhou City.",
     {(9, "Xiangyang"): "recovered", (7, "Ezhou"): "recovered"}),
    # a list that lost its comma between two members (`12 cases in A City 10 cases in B City`)
    ("Hubei added 500 new cases, including 300 cases in Wuhan, 12 cases in Yichang City 10 cases in Xianning City "
     "and 8 cases in Enshi Prefecture.",
     {(10, "Xianning"): "confirmed", (8, "Enshi"): "confirmed"}),
    # a sentence of its own after the list is no member
    ("There were 30 new deaths in Hubei, including 20 in Wuhan and 2 in Ezhou. 100 cases in Huangshi were "
     "reported last month.", {(100, "Huangshi"): "confirmed"}),
])
def test_a_broken_list_hands_down_its_status(facts_of, text, expected):
    found = {key: status for key, (status, _) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("Hubei added 500 new cases, including 300 cases in Wuhan, 12 cases in Yichang City 10 cases in Xianning City "
     "and 8 cases in Enshi Prefecture.", {(10, "Xianning"): "new", (8, "Enshi"): "new"}),
    ("There were 300 new hospital discharges in Hubei, including 171 in Wuhan, 59 in Xiaogan and Jingmen. There "
     "were 11 cases, 9 cases in Xiangyang City, 7 cases in Ezhou City.", {(9, "Xiangyang"): "new", (7, "Ezhou"): "new"}),
])
def test_a_broken_list_hands_down_its_period(facts_of, text, expected):
    found = {key: period for key, (_, period) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # `Of them, N cases, including ...`: the part and its list take the whole's status, period and day
    ("Fujian reported 11 new confirmed cases on Tuesday. Of them, 10 cases, including six in Fuzhou and two in "
     "Xiamen, were imported.",
     {(10, "Fujian"): ("confirmed", "new", "2020-03-10"), (6, "Fuzhou"): ("confirmed", "new", "2020-03-10"),
      (2, "Xiamen"): ("confirmed", "new", "2020-03-10")}),
    # not the level the whole was compared with
    ("Fujian reported 11 new confirmed cases on Tuesday, down from 89 on Feb. 3. Of them, 10 cases were imported.",
     {(10, "Fujian"): ("confirmed", "new", "2020-03-10")}),
    ("Fujian had reported 300 confirmed cases by Tuesday. Among them, 120 patients were in Fuzhou.",
     {(120, "Fuzhou"): ("confirmed", "total", "2020-03-10")}),
    # a part's own words win (`have died`: a total)
    ("Fujian reported 11 new confirmed cases on Tuesday. Of them, 2 patients have died.",
     {(2, "Fujian"): ("death", "total", "2020-03-10")}),
])
def test_a_part_under_of_them_takes_its_whole_s_attributes(facts_of, text, expected):
    found = {(f["value"], f["region"]): (f["status"], f["period"], f["date"])
             for f in facts_of(text, published="2020-03-12", kind="case_count")}
    assert {key: found.get(key, "missing") for key in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # machine-translated types of illness: the heavy type is the severe one
    ("A total of 38 imported cases were reported in Fujian (including 2 cases of heavy type, 19 cases of ordinary "
     "type).", {(2, "Fujian"): "severe", (38, "Fujian"): "confirmed"}),
    ("Fujian has 12 heavy cases and 3 critical cases.", {(12, "Fujian"): "severe", (3, "Fujian"): "critical"}),
    # not a heavy burden of patients
    ("Fujian carries a heavy burden, with 500 confirmed cases.", {(500, "Fujian"): "confirmed"}),
])
def test_the_heavy_type_is_severe(facts_of, text, expected):
    found = {key: status for key, (status, _) in cases(facts_of, text).items()}
    assert {key: found.get(key, "missing") for key in expected} == expected
