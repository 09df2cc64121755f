"""Whose count (issue 23), invented sentences: a count's part in brackets (`(1,212 in Wuhan)`) is the part's place,
never the count's, nor the place of the counts after it; the members of a list of one place's figures, each with its
part in brackets, share the place the first names; a paragraph's place where it counts cases is carried to the
counts after it. False readings: a clause of its own elsewhere, a sum of places, another place's count."""
import pytest


def regions(facts_of, text):
    return [(f["value"], f["region"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    # the members of a list of one place's figures, each with its part in brackets
    ("There were 15 new cases in Henan (9 in Xinyang), 40 new recoveries (12 in Xinyang), 2 new deaths (1 in "
     "Xinyang), and 1,200 cases in all (270 in Xinyang).",
     [(15, "Henan"), (9, "Xinyang"), (40, "Henan"), (12, "Xinyang"), (2, "Henan"), (1, "Xinyang"), (1200, "Henan"),
      (270, "Xinyang")]),
    ("A total of 880 patients were cured in Anhui (150 in Hefei), a total of 6 deaths (2 in Bengbu).",
     [(880, "Anhui"), (150, "Hefei"), (6, "Anhui"), (2, "Bengbu")]),
    # a part in brackets before `including`: the sub-count is the count's before the brackets
    ("There are 61 confirmed cases in Hunan (20 cases in Changsha), including 9 severe cases (3 cases in Changsha).",
     [(61, "Hunan"), (20, "Changsha"), (9, "Hunan"), (3, "Changsha")]),
    # a part in brackets closed before the count is no subject of it
    ("By Monday Guangdong had 1,300 patients (400 in Shenzhen); 900 patients were discharged.",
     [(1300, "Guangdong"), (400, "Shenzhen"), (900, "Guangdong")]),
    # a count with its part in brackets after it keeps no place of the part
    ("Nationwide, a total of 60,000 cases were discharged from hospital (40,000 in Wuhan).",
     [(60000, None), (40000, "Wuhan")]),
    # a paragraph whose first clause counts cases in a place: its counts after are that place's
    ("The country reported 30 new cases.\n\nThere are no new confirmed cases in Zhejiang, 8 patients were discharged "
     "(3 in Hangzhou). There are 52 patients in hospital (20 in Hangzhou).",
     [(30, None), (8, "Zhejiang"), (3, "Hangzhou"), (52, "Zhejiang"), (20, "Hangzhou")]),
    # false readings: a clause of its own elsewhere, another place's own count, a place only left out
    ("Hubei reported 100 new cases in the province, and 39 cases were confirmed in other provinces.",
     [(100, "Hubei"), (39, None)]),
    ("Hubei had 13 new cases (13 in Wuhan), 8 new cases were reported in Henan.",
     [(13, "Hubei"), (13, "Wuhan"), (8, "Henan")]),
    ("There were no new cases in Wuhan, while 5 cases were confirmed in other provinces.", [(5, None)]),
    ("Wuhan has 100 cases, the most of any city, but 20 were reported elsewhere.", [(100, "Wuhan")]),
    ("China reported 35 deaths (34 in Hubei and 1 in Henan).", [(35, None), (34, "Hubei"), (1, "Henan")]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:50] for t, _ in SHAPES])
def test_bracketed_parts(facts_of, text, expected):
    assert regions(facts_of, text) == expected
