"""Revisions and comparisons: a toll revised by an amount (the amount is no count; the revised toll is), a level
risen from (`rose to 3,000 from 2,900 a day earlier`: the earlier level, with its own day), and another disease's
figure set against ours (`surpassing the 774 deaths of SARS`). Our own sentences, false positives included. A row
lists every case count the text must give, as (value, status, period, region, date)."""
import pytest

from extract.dataset.batch import extract_items
from extract.dataset.corpus import Article
from extract.nlp.records import NUMBER_KIND

PUBLISHED = "2020-03-10"   # a Tuesday
CASES = [
    # a revision: the amount revised by is set aside, the revised toll is a total
    ("Wuhan revised its death toll up by 1,290 to 3,869 on Friday.",
     [(3869, "death", "total", "Wuhan", "2020-03-06")]),
    ("Wuhan revised up its number of confirmed cases by 325 to 50,333 on Friday.",
     [(50333, "confirmed", "total", "Wuhan", "2020-03-06")]),
    ("Hubei corrected its count of deaths down by 12 to 3,000.", [(3000, "death", "total", "Hubei", None)]),
    # a fall told by an amount is no count
    ("Serious cases decreased by 299 on Monday.", []),
    ("The number of severe cases in Hubei fell by 410 on Monday.", []),
    ("The number of patients in Hubei dropped by 120 to 5,000.", [(5000, "unspecified", "total", "Hubei", None)]),
    ("Hubei reported 410 fewer severe cases on Monday.", []),
    ("Wuhan had 12 fewer patients in hospital than a day earlier.", []),
    # not a revision: a rise by an amount is new cases
    ("The number of deaths in Hubei rose by 30 to 3,000 on Monday.",
     [(30, "death", "new", "Hubei", "2020-03-09"), (3000, "death", "total", "Hubei", "2020-03-09")]),
    # a level risen from: the earlier level, of the day before or of its own day
    ("The death toll in Hubei rose to 3,000 on Monday from 2,900 a day earlier.",
     [(3000, "death", "total", "Hubei", "2020-03-09"), (2900, "death", "total", "Hubei", "2020-03-08")]),
    ("Confirmed cases in Anhui climbed to 990 on Monday from 988 on Sunday.",
     [(990, "confirmed", "total", "Anhui", "2020-03-09"), (988, "confirmed", "total", "Anhui", "2020-03-08")]),
    ("The death toll in Hubei rose to 3,000 from 2,900.",
     [(3000, "death", "total", "Hubei", None), (2900, "death", "total", "Hubei", None)]),
    # not a level risen from: the number has a noun of its own
    ("The number of confirmed cases in Hubei rose to 300 from 12 hospitals.",
     [(300, "confirmed", "total", "Hubei", None)]),
    ("The death toll in Hubei rose to 3,000 from 20 cities.", [(3000, "death", "total", "Hubei", None)]),
    # a toll of N
    ("Hubei has a death toll of 3,000.", [(3000, "death", "total", "Hubei", None)]),
    ("The earthquake had a death toll of 300.", []),
    # another disease's figure set against ours
    ("The death toll of 3,100 in Hubei is surpassing the 774 deaths of SARS.",
     [(3100, "death", "total", "Hubei", None)]),
    ("Hubei reported 3,100 deaths, more than the 774 deaths of SARS.", [(3100, "death", None, "Hubei", None)]),
    # (the perfect of the disease's verb states its running total: rules/disease_effects.py)
    ("The coronavirus has killed 3,100 people in Hubei, exceeding SARS.", [(3100, "death", "total", "Hubei", None)]),
    ("The outbreak has surpassed SARS, which killed 774 people.", []),
    ("SARS killed 774 people, more than the 300 deaths of MERS.", []),
    ("Guangdong had 1,512 SARS cases in 2003.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[t[:50] for t, _ in CASES])
def test_revision_and_comparison(facts_of, text, expected):
    counts = facts_of(text, published=PUBLISHED, kind="case_count")
    assert [(f["value"], f["status"], f["period"], f["region"], f["date"]) for f in counts] == expected


def test_revised_amount_is_set_aside_as_a_change():
    text = "Wuhan revised its death toll up by 1,290 to 3,869 on Friday. Hubei revised its count of cases by 325. " \
        "Severe cases in Hubei fell by 410."
    [(_, facts, _)] = extract_items([Article("doc", "doc.txt", text, PUBLISHED)], numbers=True)
    numbers = {f.text: (f.expected, f.rule) for f in facts if f.kind == NUMBER_KIND}
    assert numbers["1,290"] == ("change", "change:sentence")
    assert numbers["325"] == ("change", "change:sentence")
    assert numbers["3,869"][0] == "fact"
    assert numbers["410"] == ("change", "change:before")
