"""One number stated for each of several places (issue 23, "whose count"): one fact per place, on the same span,
each with its own region and an id keyed by its place; every other fact keeps its id. A number several places
share with no word saying `each` is their sum: no one place's count, so no region (never the last place named).
Our own sentences, several shapes each, false readings included. A row lists every case count the text must give,
as (value, region, rule's last part)."""
from __future__ import annotations

import pytest

from extract.nlp.records import fact_id


def cases(facts_of, text, published="2020-02-12"):
    return sorted((f["value"], f["region"] or "", f["rule"].split(":")[-1])
                  for f in facts_of(text, published=published, kind="case_count"))


EACH = "each_place"

SHAPES = [
    # the places, then `each` / `both`, then the count
    ("Jiangsu and Zhejiang each reported 12 new confirmed cases on Monday.",
     [(12, "Jiangsu", EACH), (12, "Zhejiang", EACH)]),
    ("Hefei, Bengbu and Fuyang each confirmed three new cases.",
     [(3, "Bengbu", EACH), (3, "Fuyang", EACH), (3, "Hefei", EACH)]),
    ("Both Hefei and Bengbu reported 4 new deaths.", [(4, "Bengbu", EACH), (4, "Hefei", EACH)]),
    ("Nanjing and Suzhou cities both saw 6 patients discharged.", [(6, "Nanjing", EACH), (6, "Suzhou", EACH)]),
    # the count, then `in each of` / `each in` and the places
    ("Five new cases were reported in each of Nanjing and Suzhou.", [(5, "Nanjing", EACH), (5, "Suzhou", EACH)]),
    ("There were 12 cases each in Hefei and Bengbu.", [(12, "Bengbu", EACH), (12, "Hefei", EACH)]),
    ("Two deaths were recorded in each of the cities of Xiaogan, Ezhou and Suizhou.",
     [(2, "Ezhou", EACH), (2, "Suizhou", EACH), (2, "Xiaogan", EACH)]),
    # the places, the count, then `each` / `apiece`
    ("Hefei and Bengbu reported 12 new cases each.", [(12, "Bengbu", EACH), (12, "Hefei", EACH)]),
    ("Wuhu and Anqing recorded 7 confirmed cases apiece.", [(7, "Anqing", EACH), (7, "Wuhu", EACH)]),
    ("Each of Jiangsu and Zhejiang reported 12 new cases.", [(12, "Jiangsu", EACH), (12, "Zhejiang", EACH)]),
    ("Wuhan and Xiaogan, which each reported 100 new cases, were locked down.",
     [(100, "Wuhan", EACH), (100, "Xiaogan", EACH)]),
    ("Anhui reported 30 new cases on Monday, and Hefei and Bengbu reported 12 each.",
     [(12, "Bengbu", EACH), (12, "Hefei", EACH), (30, "Anhui", "count_noun")]),
    ("Hubei reported 300 new cases, while Hunan and Henan each saw 5.",
     [(5, "Henan", EACH), (5, "Hunan", EACH), (300, "Hubei", "count_noun")]),
    ("Jiangsu and Zhejiang each reported 12 new cases, bringing their totals to 500 and 600 respectively.",
     [(12, "Jiangsu", EACH), (12, "Zhejiang", EACH), (500, "Jiangsu", "case_respectively"),
      (600, "Zhejiang", "case_respectively")]),
    # a member of a list under a lead-in
    ("Among the new confirmed cases, Nanchang reported 14, and five were in each of Yichun and Ganzhou.",
     [(5, "Ganzhou", EACH), (5, "Yichun", EACH), (14, "Nanchang", "case_list_item")]),
    # no `each`: the places' sum, no one place's count
    ("Jiangsu and Zhejiang reported 24 new confirmed cases on Monday.", [(24, "", "count_noun")]),
    ("Hefei, Bengbu and Fuyang confirmed 9 new cases.", [(9, "", "count_noun")]),
    ("Wuhan and Xiaogan, which reported 100 new cases, were locked down.", [(100, "", "count_noun")]),
    ("Jiangsu and Zhejiang reported 12 and 15 new cases respectively.",
     [(12, "Jiangsu", "count_list"), (15, "Zhejiang", "count_noun")]),
    # `each` of something else, a place and its province, a place after the count's own words
    ("Hubei reported 300 new cases, while Hunan and Henan reported 5 each day.", [(300, "Hubei", "count_noun")]),
    ("Patients in Jiangsu and Zhejiang each received 12 doses.", []),
    ("Hubei reported 30 new cases, and Wuhan, which reported 20, was locked down.",
     [(20, "Wuhan", "case_ellipsis"), (30, "Hubei", "count_noun")]),
    ("Hefei and Bengbu reported 12 new cases each day last week.", [(12, "", "count_noun")]),
    ("Xiaogan, Hubei reported 30 new cases.", [(30, "Xiaogan", "count_noun")]),
    ("Hubei reported 12 new cases, and each of Wuhan's districts opened a clinic.", [(12, "Hubei", "count_noun")]),
    ("Jiangsu and Zhejiang each sent 120 doctors to Hubei.", []),
    ("Anhui reported 20 new cases, including 3 in each of Hefei and Bengbu and 14 in Fuyang.",
     [(3, "Bengbu", EACH), (3, "Hefei", EACH), (14, "Fuyang", "case_list_item"), (20, "Anhui", "count_noun")]),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:50] for t, _ in SHAPES])
def test_one_number_for_each_place(facts_of, text, expected):
    assert cases(facts_of, text) == expected


def test_per_place_facts_share_the_span_and_differ_by_id(facts_of):
    text = "Jiangsu and Zhejiang each reported 12 new confirmed cases on Monday."
    facts = facts_of(text, kind="case_count")
    assert len(facts) == 2 and len({f["fact_id"] for f in facts}) == 2
    assert {(f["start"], f["end"], f["text"]) for f in facts} == {(35, 57, "12 new confirmed cases")}
    for f in facts:
        assert f["fact_id"] == fact_id("t", "case_count", f["start"], f["end"], place=f["region"])
        assert f["region_code"] and f["status"] == "confirmed" and f["period"] == "new" and f["date"] == "2020-02-10"


def test_other_facts_keep_their_ids(facts_of):
    """Only the per-place facts' ids carry a place: a plain count's id is the documented hash of its span."""
    facts = facts_of("Hefei reported 12 new cases.", kind="case_count")
    assert [f["fact_id"] for f in facts] == [fact_id("t", "case_count", f["start"], f["end"]) for f in facts]


def test_per_place_facts_are_no_country_figure(facts_of):
    """In a sentence about the whole country, the places' own facts are theirs, not the country's."""
    text = "Nationwide, 2,000 new cases were reported on Monday, and Jiangsu and Zhejiang each reported 12 new cases."
    each = [f for f in facts_of(text, kind="case_count") if f["rule"].endswith(EACH)]
    assert sorted(f["region"] for f in each) == ["Jiangsu", "Zhejiang"]
    assert not any(f["whole_country"] for f in each)
