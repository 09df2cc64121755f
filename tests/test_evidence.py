"""The corpus evidence pass: suggestions for missing numbers, with evidence, and conflicts."""
from __future__ import annotations


from conftest import SEEDS
from extract.dataset.batch import extract_corpus
from extract.dataset.corpus import Article, article_paths, iter_articles



def run(*texts: str, published: str = "2020-02-12"):
    articles = [Article(doc_id=f"d{i}", file=f"d{i}.txt", text=t, published=published) for i, t in enumerate(texts)]
    return extract_corpus(articles)


def test_suggestion_comes_with_evidence_and_value_stays_null():
    result = run("Gansu rallied a team of  medical workers for Ezhou. Ezhou, with , patients, needs help.",
                 "Gansu has sent 130 medical workers to Ezhou.",
                 "Ezhou had 1,100 confirmed cases.")
    staff = next(f for f in result.facts if f.kind == "personnel_count" and f.doc_id == "d0")
    assert staff.value is None and staff.suggestion == 130
    assert (staff.suggestion_doc, staff.suggestion_text) == ("d1", "Gansu has sent 130 medical workers to Ezhou.")
    case = next(f for f in result.facts if f.kind == "case_count" and f.doc_id == "d0")
    assert case.suggestion == 1100 and case.value is None
    gap = next(f for f in result.facts if f.kind == "missing_number" and f.belongs_to == case.fact_id)
    assert gap.suggestion == 1100 and gap.suggestion_fact == case.candidates[0][2][1]


def test_no_evidence_no_suggestion():
    result = run("Gansu rallied a team of  medical workers.", "Hunan sent 80 nurses to Xiaogan.")
    assert all(f.suggestion is None for f in result.facts)


def test_attributes_suggest_only_the_single_value_the_corpus_states():
    one = run("Gansu rallied a team of  medical workers for Ezhou.", "Gansu has sent 130 medical workers to Ezhou.")
    staff = next(f for f in one.facts if f.kind == "personnel_count" and f.doc_id == "d0")
    assert (staff.suggestion, staff.suggestion_basis, staff.suggestion_doc) == (130, "attributes", "d1")
    two = run("Gansu rallied a team of  medical workers for Ezhou.", "Gansu has sent 130 medical workers to Ezhou.",
              "Gansu has sent 150 medical workers to Ezhou.")
    staff = next(f for f in two.facts if f.kind == "personnel_count" and f.doc_id == "d0")
    assert staff.suggestion is None and {dict(c)["value"] for c in staff.candidates} == {130, 150}


def test_thousands_gap_only_takes_thousands():
    result = run("Yichang, with , patients, was paired.", "Yichang had 931 confirmed cases.")
    assert all(f.suggestion is None for f in result.facts)


def test_three_article_corpus():
    """The seeds without a syndicated copy: attributes only, and only where the corpus states one value."""
    result = extract_corpus(iter_articles(article_paths(SEEDS)))
    china_daily = [f for f in result.facts if f.doc_id.startswith("001_") and f.kind != "missing_number"]
    suggested = {(f.kind, f.unit, f.destination, f.suggestion, f.suggestion_basis) for f in china_daily
                 if f.suggestion is not None}
    assert ("region_count", "city", None, 16, "attributes") in suggested
    # the other seeds state 19 and 16 provinces, 11,000 and 31,207 personnel for Wuhan: no coin toss
    provinces = [f for f in china_daily if f.kind == "region_count" and f.unit == "province" and f.missing]
    assert provinces and all(f.suggestion is None for f in provinces)
    assert {dict(c)["value"] for c in provinces[0].candidates} == {19, 16}
    unsupported = [f for f in china_daily if f.missing and f.kind in ("case_count",) or
                   (f.kind == "personnel_count" and f.origin in ("Jiangsu", "Shandong"))]
    assert unsupported and all(f.suggestion is None for f in unsupported)
    for fact in china_daily:
        if fact.suggestion is not None:
            assert fact.suggestion_doc != fact.doc_id and fact.suggestion_text


def test_conflicting_values_are_reported_with_both_sources():
    result = run("Xianning had reported 500 confirmed cases by Monday.",
                 "Xianning had reported 520 confirmed cases by Monday.")
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert {conflict.value_a, conflict.value_b} == {500, 520}
    assert {conflict.doc_a, conflict.doc_b} == {"d0", "d1"}
    assert conflict.date == "2020-02-10" and conflict.region == "Xianning"
