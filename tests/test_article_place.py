"""The article's place: a count that no words of its own, no scope and no earlier sentence place, in an article
whose headline names one region (and whose first sentence agrees), is that region's. Our own articles, in
several shapes; false positives included: several places, the whole country, a first sentence that goes
elsewhere, no headline."""
from __future__ import annotations

import pytest


def regions(facts_of, text):
    return {f["value"]: f["region"] for f in facts_of(text, published="2020-03-02", kind="case_count")}


PLACED = [
    # a bulletin headline; a later paragraph's count names no place
    ("Anhui reports 3 new cases\n\nAnhui's health commission said on Monday that 3 new confirmed cases were "
     "reported.\n\nA total of 990 patients have recovered so far.",
     {3: "Anhui", 990: "Anhui"}),
    # `China's Hubei` places the province; `the province` is not needed
    ("China's Hubei reports no new cases\n\nNo new confirmed cases were reported on Saturday in central China's "
     "Hubei Province, its health commission said on Sunday.\n\nAmong the 648 patients being treated in "
     "hospital, 171 were still in severe condition.",
     {648: "Hubei", 171: "Hubei"}),
    # a dateline before the first sentence is skipped
    ("Beijing confirms 4 new cases\n\nXinhua, March 6.\n\nThe Beijing health commission said 4 new cases were "
     "confirmed on Thursday. Medical treatment has been given. 3 new suspected cases were reported.",
     {4: "Beijing", 3: "Beijing"}),
    # a city's article: its province in the first sentence agrees
    ("Wuhan closes two makeshift hospitals\n\nTwo makeshift hospitals closed on Sunday in Wuhan, capital of "
     "central China's Hubei Province.\n\nA total of 1,056 patients had been treated in them since February 12.",
     {1056: "Wuhan"}),
    # a sub-count keeps its own place, the head count takes the article's
    ("Death toll in Hubei rises\n\nThe death toll from the virus in Hubei province has risen again, the "
     "regional health committee said on Wednesday.\n\nAlso registered on Tuesday were 132 new deaths, "
     "including 116 in Wuhan.",
     {132: "Hubei", 116: "Wuhan"}),
]

NOT_PLACED = [
    # the headline names two places
    ("Wuhan and Xiaogan report new cases\n\nThe two cities reported new cases on Monday, officials said.\n\n"
     "A total of 990 patients have recovered so far.", 990),
    # a national article whose headline names Hubei: the first sentence speaks of the whole country
    ("China's death toll rises as Hubei reports 103 deaths\n\nThe death toll on the Chinese mainland rose to "
     "1,016 on Monday, the health authority said.\n\nIn all, 42,638 cases have been confirmed.", 42638),
    # the first sentence goes to another province: the article is about a team, not about Shandong's cases
    ("Shandong sends doctors\n\nA team of 100 doctors from Shandong left for Hubei on Monday to fight the "
     "epidemic.\n\nThey will help treat 200 patients.", 200),
    # a sentence about the country keeps no region
    ("Hubei reports no new cases\n\nHubei reported no new cases on Saturday, its health commission said "
     "on Sunday.\n\nChina has reported 81,000 cases so far.", 81000),
    # no headline: one paragraph of body text
    ("Officials said on Monday that 990 patients had recovered so far in the province after treatment in "
     "hospitals of the city of Hefei and elsewhere, according to the commission's daily report.", 990),
    # a count in a place the gazetteer does not know borrows nothing
    ("Beijing updates its figures\n\nThe Beijing health commission gave new figures on Friday morning in "
     "a statement.\n\nThere were 53 cases in Xicheng District.", 53),
]


@pytest.mark.parametrize("text, expected", PLACED, ids=[t.split("\n")[0] for t, _ in PLACED])
def test_a_count_with_no_place_of_its_own_is_the_article_s(facts_of, text, expected):
    found = regions(facts_of, text)
    assert {value: found.get(value) for value in expected} == expected


@pytest.mark.parametrize("text, value", NOT_PLACED, ids=[t.split("\n")[0] for t, _ in NOT_PLACED])
def test_no_article_place_is_given_without_one_clear_place(facts_of, text, value):
    found = regions(facts_of, text)
    assert value in found
    assert found[value] is None
