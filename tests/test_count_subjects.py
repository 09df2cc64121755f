"""Whose count, by the clause's structure (issue 23), invented sentences, false readings included: a subject that
holds a part of a number (`accounted for a portion of the 47 cases`) does not own the whole; `with Hubei, ...,
confirming 74 new cases` makes Hubei the subject of the count; `the northern province of Heilongjiang` names its
place rather than pointing back at an earlier one; and a death toll reached `to 414 people` is the toll's level."""
import pytest


def counts(facts_of, text):
    return [(f["kind"], f["value"], f["region"], f["status"]) for f in facts_of(text)
            if f["kind"] in ("case_count", "personnel_count")]


C, P = "case_count", "personnel_count"

SHAPES = [
    # a part's owner is not the whole's
    ("Shanghai accounted for a sizable portion of the 47 new imported cases reported across the mainland.",
     [(C, 47, None, "confirmed")]),
    ("Wuhan accounted for most of the 400 new cases in Hubei.", [(C, 400, "Hubei", "confirmed")]),
    ("Shanghai reported half of the 47 new cases.", [(C, 47, None, "confirmed")]),
    ("Wuhan made up the bulk of the 2,000 deaths.", [(C, 2000, None, "death")]),
    ("Wuhan reported 30 of the 40 new cases.", [(C, 30, "Wuhan", "confirmed"), (C, 40, None, "confirmed")]),
    ("Shanghai reported 47 new cases on Tuesday.", [(C, 47, "Shanghai", "confirmed")]),
    # `with` and a report verb in -ing: the region is the count's subject
    ("The mainland reported 99 new cases on Friday, with Hubei, the epicenter of the outbreak, confirming 74 new "
     "cases.", [(C, 99, None, "confirmed"), (C, 74, "Hubei", "confirmed")]),
    ("China reported 99 new cases, with Hubei reporting 74 of them.",
     [(C, 99, None, "confirmed"), (C, 74, "Hubei", "confirmed")]),
    ("Guangdong reported 20 new cases, with 10 in Shenzhen.",
     [(C, 20, "Guangdong", "confirmed"), (C, 10, "Shenzhen", "confirmed")]),
    ("China reported 99 new cases, with patients from Hubei accounting for 74.", [(C, 99, None, "confirmed")]),
    # `the province of X` names X
    ("Guangdong reported three new cases, while Hong Kong had two.\n\nChina confirmed eight new cases over the "
     "past 24 hours in the northern province of Heilongjiang.",
     [(C, 3, "Guangdong", "confirmed"), (C, 2, "Hong Kong", "confirmed"), (C, 8, "Heilongjiang", "confirmed")]),
    ("Hunan reported 5 new cases.\n\nEight new cases were found over the past 24 hours in the city of Harbin.",
     [(C, 5, "Hunan", "confirmed"), (C, 8, "Harbin", "confirmed")]),
    ("Hunan reported 5 new cases.\n\nThe province reported 8 new cases on Friday.",
     [(C, 5, "Hunan", "confirmed"), (C, 8, "Hunan", "confirmed")]),
    # `N of them`: part of the group its sentence named, when that group is cases or people in a status
    ("All of the latest deaths were in Hubei and 10 of them were in Wuhan.", [(C, 10, "Wuhan", "death")]),
    ("The discharged patients are mostly elderly, and 30 of them are from Wuhan.", [(C, 30, None, "recovered")]),
    ("Hubei reported 13 new deaths, and 10 of them were in Wuhan.", [(C, 13, "Hubei", "death"), (C, 10, "Wuhan", "death")]),
    ("The doctors worked hard, and 30 of them are from Wuhan.", []),
    ("The patients are elderly, and 30 of them are from Wuhan.", []),
    ("The hospitals were full of deaths and 2,000 beds, and 30 of them were in Wuhan.", []),
    # `N out of M cases`: a part of a number of cases, both counted; a rate of people or patients is no count
    ("On Thursday, 16 out of 17 confirmed cases outside Hubei were imported.",
     [(C, 16, None, "confirmed"), (C, 17, None, "confirmed")]),
    ("In Hubei, 30 out of 40 new cases were imported.", [(C, 30, "Hubei", "confirmed"), (C, 40, "Hubei", "confirmed")]),
    ("Only 3 out of 10 patients coughed.", []),
    ("One out of 10 cases is severe.", []),
    ("Three out of 10 people have symptoms.", []),
    ("One in five patients was critically ill.", []),
    # a toll reached `to N people`
    ("Hubei said 64 more people died on Monday, raising the death toll in the epicenter of the outbreak to 414 "
     "people.", [(C, 64, "Hubei", "death"), (C, 414, "Hubei", "death")]),
    ("The death toll rose to 414 people, while 2,000 people were sent to help.",
     [(C, 414, None, "death"), (P, 2000, None, None)]),
    ("Jiangsu sent 300 people to Wuhan on Monday.", [(P, 300, None, None)]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_count_subjects(facts_of, text, expected):
    assert counts(facts_of, text) == expected
