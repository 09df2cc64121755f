"""A district that shares a prefecture's name (issue 23, shared names), invented sentences: `Chaoyang District` in
Beijing and `Xinzhou District` in Wuhan are districts, not Liaoning's Chaoyang or Shanxi's Xinzhou; a city named
with its level, or a place named `Forestry District` as a whole, stays a region."""
import pytest


def regions(facts_of, text):
    return [f["value"] for f in facts_of(text, kind="region")]


SHAPES = [
    ("Beijing reported 71 cases in Chaoyang District and 62 in Haidian District.", ["Beijing"]),
    ("The patient lives in Xinzhou District of Wuhan.", ["Wuhan"]),
    ("Among the confirmed cases, 13 were from Dongcheng District and 71 from Chaoyang District.", []),
    ("Chaoyang city in Liaoning reported two cases.", ["Chaoyang", "Liaoning"]),
    ("Xinzhou in Shanxi reported two cases.", ["Xinzhou", "Shanxi"]),
    ("The Shennongjia Forestry District reported no new cases.", ["Shennongjia"]),
    ("Wuhan's districts reported 12 cases.", ["Wuhan"]),
]


@pytest.mark.parametrize("text,expected", SHAPES, ids=[s[0][:50] for s in SHAPES])
def test_district_names(facts_of, text, expected):
    assert regions(facts_of, text) == expected


ORGANISATIONS = [
    ("Cases were reported in 31 provinces and the Xinjiang Production and Construction Corps.", []),
    ("in 31 provinces and Xinjiang production and Construction Corps, 2943 deaths were reported.", []),
    ("Xinjiang reported two new cases, and the Xinjiang Production and Construction Corps none.", ["Xinjiang"]),
    ("Xinjiang's cotton production rose.", ["Xinjiang"]),
]


@pytest.mark.parametrize("text,expected", ORGANISATIONS, ids=[s[0][:50] for s in ORGANISATIONS])
def test_organisation_names(facts_of, text, expected):
    assert regions(facts_of, text) == expected
