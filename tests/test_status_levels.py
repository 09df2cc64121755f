"""Statuses stated by a level or a phrase (issue 23), invented sentences: a level of plain cases of the disease
(`the number of cases ... rose to`, `the total number of imported cases to`) is of confirmed cases, as a count's own
`cases` are, while a level of patients, deaths, suspected or asymptomatic cases keeps its own status or none; and
patients who `have left hospital` are discharged ones."""
import pytest


def cases(facts_of, text):
    return [(f["value"], f["status"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    # a level of plain cases: confirmed
    ("Henan reported 20 new cases on Monday. That brings the total number of cases in the province to 1,231.",
     [(20, "confirmed"), (1231, "confirmed")]),
    ("The number of imported cases in Heilongjiang reached 364.", [(364, "confirmed")]),
    ("The number of locally transmitted cases in Heilongjiang increased to 508.", [(508, "confirmed")]),
    ("The number of locally-transmitted cases in Heilongjiang increased to 508.", [(508, "confirmed")]),
    ("These 2 new cases bring to 4 the number stricken in Hunan.", [(2, "confirmed"), (4, "unspecified")]),
    ("In Jilin, the total number of infections has risen to 93.", [(93, "confirmed")]),
    ("The number of cases in Hunan stood at 1,016 on Tuesday.", [(1016, "confirmed")]),
    # plain cases as the subject that reached a level
    ("Cases in Hubei rose to 2,000.", [(2000, "confirmed")]),
    ("Infections in the city climbed to 500 on Monday.", [(500, "confirmed")]),
    ("Active cases in Hubei fell to 2,000.", [(2000, "unspecified")]),
    ("Suspected cases in Hubei rose to 2,000.", [(2000, "suspected")]),
    ("Patients in Hubei's hospitals fell to 400.", [(400, "unspecified")]),
    # a level of something else keeps its own status, or none
    ("The number of asymptomatic cases in Heilongjiang rose to 50.", [(50, "unspecified")]),
    ("The number of suspected cases in Hunan rose to 120.", [(120, "suspected")]),
    ("The number of cured cases in Hunan rose to 600.", [(600, "recovered")]),
    ("The number of patients in Hunan's hospitals rose to 400.", [(400, "unspecified")]),
    ("The death toll in Hunan rose to 4.", [(4, "death")]),
    ("The number of fever cases seen at clinics in Hunan rose to 300.", [(300, "unspecified")]),   # never confirmed
    # left hospital: discharged
    ("So far, 841 patients in Guangdong have left hospital.", [(841, "recovered")]),
    ("In Zhejiang, 1,100 patients have left the hospital after recovery.", [(1100, "recovered")]),
    ("Another 36 patients in Zhejiang left hospital on Tuesday.", [(36, "recovered")]),
    # not a status: a left turn, or staff
    ("Guangdong reported 841 cases; the team turned left at the hospital gate.", [(841, "confirmed")]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_level_and_phrase_statuses(facts_of, text, expected):
    assert cases(facts_of, text) == expected
