"""Levels a count reached (issue 23), invented sentences, false readings included: `rose past`, `surpassed` and
`passed` reach a level of more than the number; `by 325 to 50,333` is a change and its level, never a range of
325 to 50,333; a number with a noun of its own after such a verb (`passed 2 nucleic acid tests`) is no level."""
import pytest


def counts(facts_of, text):
    return [(f["value"], f["qualifier"], f["status"], f["period"]) for f in facts_of(text, kind="case_count")]


SHAPES = [
    ("The death toll in China rose past 2,400 on Sunday.", [(2400, "over", "death", "total")]),
    ("The death toll in China surpassed 2,400 on Sunday.", [(2400, "over", "death", "total")]),
    ("The national death toll passed 3,000 on Monday.", [(3000, "over", "death", "total")]),
    ("The death toll climbed past 500, officials said.", [(500, "over", "death", "total")]),
    ("Wuhan revised its figures, increasing the number of confirmed cases by 325 to 50,333 and the death toll by "
     "1,290 to 3,869.", [(50333, "exact", "confirmed", "total"), (3869, "exact", "death", "total")]),
    ("There were 10 to 13 suspected cases.", [(10, "over", "suspected", None), (13, "under", "suspected", None)]),
    # `up to` after a verb of movement is the level reached, also far from the verb when the words name the level
    ("The day's tally brings the overall number of imported cases reported in Shanghai up to 94.",
     [(94, "exact", "confirmed", "total")]),
    ("The death toll rose up to 500.", [(500, "exact", "death", "total")]),
    ("Hospitals raised 300 beds and can treat up to 400 patients.", [(400, "under", "unspecified", None)]),
    # no level
    ("Over the past 14 days, 20 patients passed 2 nucleic acid tests.", [(20, "exact", "unspecified", None)]),
    ("Hubei reported 300 new cases in the past 14 days.", [(300, "exact", "confirmed", "new")]),
    ("The team passed 3 checkpoints on its way to Wuhan.", []),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_level_shapes(facts_of, text, expected):
    assert counts(facts_of, text) == expected


DAY_OWNED = [
    # an earlier day's level, owned by the day: the count it is compared with, a day before
    ("In Hubei, 1,693 new cases were reported on Tuesday, a further decrease from the previous day's 1,807.",
     [(1693, "Hubei", "2020-02-18"), (1807, "Hubei", "2020-02-17")]),
    ("Hubei reported 400 new cases on Tuesday, up from Monday's 350.",
     [(400, "Hubei", "2020-02-18"), (350, "Hubei", "2020-02-17")]),
    ("Hubei reported 400 new cases on Tuesday, compared with Monday's 350.",
     [(400, "Hubei", "2020-02-18"), (350, "Hubei", "2020-02-17")]),
    # no comparison: the day's own noun phrase, or nothing
    ("Hubei reported 400 new cases on Tuesday. Monday's 350 patients were discharged.",
     [(400, "Hubei", "2020-02-18"), (350, "Hubei", "2020-02-17")]),
    ("Hubei reported 400 new cases on Tuesday, and Monday's 3 flights were cancelled.",
     [(400, "Hubei", "2020-02-18")]),
]


@pytest.mark.parametrize("text,expected", DAY_OWNED, ids=[s[0][:50] for s in DAY_OWNED])
def test_day_owned_levels(facts_of, text, expected):
    got = [(f["value"], f["region"], f["date"]) for f in facts_of(text, kind="case_count", published="2020-02-19")]
    assert got == expected


# A death toll stated with no verb (issue 23, lists and notes): its number right after it, past `now` or a colon, is
# the toll; a `toll` of nothing said to be deaths, or a number with a noun of its own, is none.
BARE_TOLLS = [
    ("Feb 3: 20,438 cases (death toll 425)", [(20438, "exact", "confirmed", None), (425, "exact", "death", "total")]),
    ("Henan has 1,200 cases. Death toll now 19.", [(1200, "exact", "confirmed", "total"), (19, "exact", "death", "total")]),
    ("Hubei's death toll: 304.", [(304, "exact", "death", "total")]),
    ("The road toll 5 was raised.", []),
    ("The toll 304 is high.", []),
    ("The death toll 3 weeks ago was lower.", []),
]


@pytest.mark.parametrize("text, expected", BARE_TOLLS, ids=[t[:40] for t, _ in BARE_TOLLS])
def test_bare_tolls(facts_of, text, expected):
    assert counts(facts_of, text) == expected
