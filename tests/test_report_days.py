"""Periods and counts of bulletins read blind (issue 23): `another` before a sentence's first count adds to a total
(`Shenzhen confirmed another 26 cases`), and a bracketed name of the disease between a number and its noun hides
neither (`26 novel coronavirus (2019-nCoV) infection cases`). Invented sentences, false readings included: a
reporting verb and a day say no period (the seed's gold: `Henan Province recorded 1,033 cases on Sunday` may be
the running total), a second group called `another` is no increment, and a place's standing count `with` after
another place's count takes no period from it."""
import pytest


def periods(facts_of, text):
    return [(f["value"], f["region"], f["period"]) for f in facts_of(text, published="2020-03-10", kind="case_count")]


SHAPES = [
    # `another` before the sentence's first count; a reporting verb and a day alone say nothing
    ("Shanghai reported four imported cases of the disease Tuesday, the health commission said Wednesday.",
     [(4, "Shanghai", None)]),
    ("Henan reported 12 cases on Tuesday.", [(12, "Henan", None)]),
    ("Hunan confirmed another 26 cases on Monday.", [(26, "Hunan", "new")]),
    ("Hunan confirmed another 26 cases.", [(26, "Hunan", "new")]),
    # no day, a running total up to a day, or no verb of its own
    ("Henan has reported 1,200 cases.", [(1200, "Henan", "total")]),
    ("By Tuesday, Henan had reported 1,200 cases.", [(1200, "Henan", "total")]),
    ("Henan had reported 1,200 cases as of Tuesday.", [(1200, "Henan", "total")]),
    ("By midnight on Tuesday, 26 cases had been confirmed in Guangdong, including 14 in Shenzhen.",
     [(26, "Guangdong", "total"), (14, "Shenzhen", "total")]),
    # `another` after a first group of one sentence is the second group, not an increment
    ("Among the 900 patients, 500 were in severe condition and another 100 in critical condition.",
     [(900, None, None), (500, None, None), (100, None, None)]),
    # a place's standing count `with` after another place's count keeps no period of that count
    ("Henan recorded 1,033 cases on Sunday, and was assigned to help Suizhou, a city with 984 confirmed cases.",
     [(1033, "Henan", None), (984, "Suizhou", "total")]),
    ("Hubei reported 2,000 new cases on Sunday, and helped Suizhou, a city with 984 confirmed cases.",
     [(2000, "Hubei", "new"), (984, "Suizhou", "total")]),
    ("Hubei reported 2,345 new cases, with 97 deaths.", [(2345, "Hubei", "new"), (97, "Hubei", "new")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_report_days(facts_of, text, expected):
    assert periods(facts_of, text) == expected


# a bracketed name of the disease between a number and its noun glosses the words before it
BRACKETS = [
    ("Shenzhen confirmed 26 novel coronavirus (2019-nCoV) infection cases on Feb. 1.", [26]),
    ("Hunan confirmed 26 novel coronavirus (COVID-19) cases on Monday.", [26]),
    ("Hunan confirmed 26 novel coronavirus (SARS-CoV-2) infections on Monday.", [26]),
    # a bracket that is not the disease's name, or holds a number, is no gloss
    ("Hunan sent 26 (of its 30) doctors to Wuhan.", []),
    ("Hunan confirmed 26 (MERS) cases in 2015.", []),
]


@pytest.mark.parametrize("text,expected", BRACKETS, ids=[s[0][:50] for s in BRACKETS])
def test_covid_name_in_brackets(facts_of, text, expected):
    assert [f["value"] for f in facts_of(text, kind="case_count")] == expected
