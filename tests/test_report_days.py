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


# the verb after a comma-enclosed list of a count's parts is the count's (and its parts')
PARTS = [
    ("On Tuesday, 10 patients, seven of which were from the United States and three from Britain, were discharged "
     "from hospitals in Shanghai.", [(10, "recovered"), (7, "recovered"), (3, "recovered")]),
    ("In Hubei, 50 patients, 3 of whom are children, have recovered.", [(50, "recovered"), (3, "recovered")]),
    ("The first 28 patients from the hospital, including Cheng, were discharged.", [(28, "recovered")]),
    # a list of parts by `including`, and words after its close that are no verb of the count's
    ("More than 3,700 patients are still in Wuhan, including more than 1,000 in serious condition, so some medical "
     "workers will stay until the last serious patient is cured.", [(3700, "unspecified"), (1000, "severe")]),
    # a comma that opens no list of parts, or a list whose close leads to another number, ends the words
    ("Hubei reported 100 patients, 20 of whom are in Wuhan, and 30 deaths.",
     [(100, "unspecified"), (20, "unspecified"), (30, "death")]),
    ("In Anhui, 40 patients, the commission said, were in hospital.", [(40, "unspecified")]),
]


@pytest.mark.parametrize("text,expected", PARTS, ids=[s[0][:50] for s in PARTS])
def test_verb_after_parts(facts_of, text, expected):
    assert [(f["value"], f["status"]) for f in facts_of(text, kind="case_count")] == expected


# whose count: a member with its own verb after `and`, and a total of a name the gazetteer does not know
WHOSE = [
    ("Guangdong reported 6 new cases yesterday, while Hong Kong had 2 and Macau had 1.",
     [(6, "Guangdong"), (2, "Hong Kong"), (1, "Macao")]),
    ("Guangdong reported 6 new cases, while Hubei had 2 and 3 hospitals.", [(6, "Guangdong")]),
    ("Two new deaths were reported in Shenzhen, bringing the GBA's total to five.", [(2, "Shenzhen"), (5, None)]),
    ("Two new deaths were reported in Shenzhen, bringing the city's total to five.", [(2, "Shenzhen"), (5, "Shenzhen")]),
    ("Two new deaths were reported in Shenzhen, bringing Shenzhen's total to five.", [(2, "Shenzhen"), (5, "Shenzhen")]),
]


@pytest.mark.parametrize("text,expected", WHOSE, ids=[s[0][:50] for s in WHOSE])
def test_whose_member_or_total(facts_of, text, expected):
    assert [(f["value"], f["region"]) for f in facts_of(text, kind="case_count")] == expected


# a day opening the sentence frames every clause's event: each count of that day is new
FRAMED_EVENTS = [
    ("Also on Wednesday, 640 patients became seriously ill, and 261 people were discharged from hospital.",
     [(640, "severe", "new"), (261, "recovered", "new")]),
    ("On Monday, Hubei reported 300 cases, and 40 patients died.", [(300, "confirmed", None), (40, "death", "new")]),
    # a part of a running total with a day of its own is that day's
    ("So far 500 patients have been discharged, including 37 discharged on Sunday.",
     [(500, "recovered", "total"), (37, "recovered", "new")]),
    ("By Sunday, 500 patients had been discharged, including 37 in Wuhan.",
     [(500, "recovered", "total"), (37, "recovered", "total")]),
    # a running total up to a day, or a period since it, is no day's event
    ("By Monday, 300 patients had been discharged, and 40 died.", [(300, "recovered", "total"), (40, "death", "total")]),
    ("Since Monday, 40 patients have been discharged.", [(40, "recovered", "total")]),
]


@pytest.mark.parametrize("text,expected", FRAMED_EVENTS, ids=[s[0][:50] for s in FRAMED_EVENTS])
def test_framed_events(facts_of, text, expected):
    assert [(f["value"], f["status"], f["period"]) for f in facts_of(text, kind="case_count")] == expected


# A story paragraph between a bulletin's figures and a lead-in that goes on with them (issue 23): the lead-in's list
# keeps the bulletin's day, not the day the story opens with, when the story counts nothing (its year aside); a
# paragraph that counts something is a report whose frame a lead-in goes on with.
STORY_BETWEEN = [
    ("Between 00:00 and 24:00, March 4, the following were newly reported:\n\nc) 40 cured and discharged cases.\n\n"
     "Wang, male, born in May, 1960, lives in Wuwei. On February 25, he was admitted to a clinic.\n\n"
     "Of the cured and discharged cases, 10 are in Hefei, 9 in Bengbu.",
     [(40, "2020-03-04"), (10, "2020-03-04"), (9, "2020-03-04")]),
    ("On March 2, 12 new cases were reported in Anhui.\n\nOf the new cases, 10 are in Hefei, 2 in Bengbu.",
     [(12, "2020-03-02"), (10, "2020-03-02"), (2, "2020-03-02")]),
]


@pytest.mark.parametrize("text, expected", STORY_BETWEEN, ids=[t[:40] for t, _ in STORY_BETWEEN])
def test_story_between_report_and_list(facts_of, text, expected):
    assert [(f["value"], f["date"]) for f in facts_of(text, published="2020-03-05", kind="case_count")] == expected
