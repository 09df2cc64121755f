"""Counts of another disease or event (issue 23), invented sentences: SARS in 2003, MERS, flu, measles, an
earthquake count no COVID-19 cases; their numbers are set aside as `other_disease`, while a COVID-19 count in the
same sentence (named in its own phrase, or in a clause of its own) stays, and keeps no year of the other one."""
import pytest

from extract.nlp.pipeline import extract_doc
from extract.nlp.records import number_records


def cases(facts_of, text):
    return [(f["value"], f["date"]) for f in facts_of(text, kind="case_count")]


def reasons(nlp, text):
    return {n.text: n.expected for n in number_records(extract_doc(text, "t", "2020-02-12", nlp), "t")}


SHAPES = [
    # another disease's counts: no case count, the number set aside
    ("During the SARS outbreak in 2003, Guangdong reported 1,512 cases.", [], ["1,512"]),
    ("SARS infected 8,096 people worldwide and killed 774 in 2003.", [], ["8,096", "774"]),
    ("MERS has killed 858 people since 2012.", [], ["858"]),
    ("Measles cases rose to 45 in Zhejiang last year.", [], ["45"]),
    ("The flu season caused 300 deaths in the province last winter.", [], ["300"]),
    ("Ebola killed 11,310 people in West Africa.", [], ["11,310"]),
    ("Anhui has 900 confirmed cases. In 2003, Beijing had 2,521 SARS patients.", [(900, None)], ["2,521"]),
    # COVID-19 named in the count's own phrase or clause: it stays, without the other disease's year
    ("Henan has 1,200 confirmed COVID-19 cases, more than the 5,327 SARS cases on the mainland in 2003.",
     [(1200, None)], ["5,327"]),
    ("Zhejiang reported 1,100 cases of the novel coronavirus, while H7N9 bird flu infected 16 people.",
     [(1100, None)], ["16"]),
    ("Hubei reported 2,000 new cases of SARS-CoV-2 infection on Monday.", [(2000, "2020-02-10")], []),
]


@pytest.mark.parametrize("text, kept, set_aside", SHAPES, ids=[t[:50] for t, _, _ in SHAPES])
def test_other_diseases(facts_of, nlp, text, kept, set_aside):
    assert cases(facts_of, text) == kept
    found = reasons(nlp, text)
    assert {numeral: found.get(numeral) for numeral in set_aside} == {n: "other_disease" for n in set_aside}
