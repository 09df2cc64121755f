"""A part and its whole (issue 23), invented sentences, false readings included: in `930 of the 935 patients have
recovered` the verb says what the part is, never the whole (the whole was given the part's status: a wrong value);
`930 of its 935 patients` is a part like `of the`, and `its` says whose the whole is; `one of whom` after a count is
a part of it (`one of the cities` stays a pronoun)."""
import pytest


def counts(facts_of, text):
    return [(f["kind"], f["value"], f["region"], f["status"]) for f in facts_of(text)
            if f["kind"] in ("case_count", "personnel_count", "team_count")]


C, P, T = "case_count", "personnel_count", "team_count"

SHAPES = [
    # the verb after `N of the M nouns` is the part's: the whole keeps only its own words
    ("In Jiangxi, 930 of the 935 patients have recovered.",
     [(C, 930, "Jiangxi", "recovered"), (C, 935, "Jiangxi", "unspecified")]),
    ("Of the 68 patients in Anhui, 60 have been discharged.",
     [(C, 68, "Anhui", "unspecified"), (C, 60, "Anhui", "recovered")]),
    ("Hunan said 12 of the 40 confirmed patients had died.",
     [(C, 12, "Hunan", "death"), (C, 40, None, "confirmed")]),
    ("On Thursday, 16 out of 17 confirmed cases outside Hubei were imported.",
     [(C, 16, None, "confirmed"), (C, 17, None, "confirmed")]),
    ("In Jiangxi, 935 patients have recovered.", [(C, 935, "Jiangxi", "recovered")]),
    ("Hunan said 40 patients had died.", [(C, 40, "Hunan", "death")]),
    # `of its` / `of their`: a part, and the whole is the subject's
    ("Jiangxi has seen 930 of its 935 patients cured.",
     [(C, 930, "Jiangxi", "recovered"), (C, 935, "Jiangxi", "unspecified")]),
    ("Jiangxi said 930 of its 935 patients were cured.",
     [(C, 930, "Jiangxi", "recovered"), (C, 935, "Jiangxi", "unspecified")]),
    ("The two cities said 50 of their 70 confirmed cases had recovered.",
     [(C, 50, None, "recovered"), (C, 70, None, "confirmed")]),
    ("Two of the new patients are in serious condition.", [(C, 2, None, "severe")]),
    ("Seven of the nine confirmed cases were imported.", [(C, 7, None, "confirmed"), (C, 9, None, "confirmed")]),
    ("Wuhan reported 30 of the 40 new cases.", [(C, 30, "Wuhan", "confirmed"), (C, 40, None, "confirmed")]),
    ("The hospital treated 20 of its 300 beds.", []),
    # `one of whom`, `one of them`, `one of which`: a part of the count before it
    ("Henan has four patients in hospital, one of whom is in severe condition.",
     [(C, 4, "Henan", "unspecified"), (C, 1, "Henan", "severe")]),
    ("Beijing reported 5 cases, one of them imported from Italy.",
     [(C, 5, "Beijing", "confirmed"), (C, 1, "Beijing", "confirmed")]),
    ("Hubei reported 13 new deaths on Monday. One of them was in Xiaogan.",
     [(C, 13, "Hubei", "death"), (C, 1, "Xiaogan", "death")]),
    ("Two patients died, one of whom was a doctor.", [(C, 2, None, "death"), (C, 1, None, "death")]),
    ("Wuhan is one of the cities hardest hit.", []),
    ("China reported 31 new cases on Tuesday, all but one of them imported.", [(C, 31, None, "confirmed")]),
    ("The city has three makeshift hospitals, one of which is in Wuchang.", []),
    ("Three medical teams arrived in Wuhan, one of which came from Jiangsu.", [(T, 3, None, None)]),
    ("One of them was sent to Xiaogan.", []),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_partitive_wholes(facts_of, text, expected):
    assert counts(facts_of, text) == expected
