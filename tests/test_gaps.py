"""Missing numbers: where a numeral was deleted, what kind it was, and the fact it belonged to."""
from __future__ import annotations

import json

import pytest

from extract.dataset.corpus import article_paths, iter_articles
from extract.evaluation.damage import GapScore, damage, score_gaps
from extract.nlp.pipeline import extract_doc

# damaged sentences (digits, hyphens, quotes deleted), the text where the number stood, what it was
CASES = [
    ("Officials said  provinces have joined.", " provinces", "count"),
    ("Xiangyang, with , confirmed cases, asked for help.", ", confirmed", "thousands"),
    ("The team left on March  for Ezhou.", " for", "day"),
    ("The rd round of pairing support began.", "rd round", "ordinal"),
    ("The cure rate reached . percent in Tianmen.", ". percent", "count"),
    ("In late December , a new virus was found in the city, where , people were tested.", ", a", "year"),
]


@pytest.mark.parametrize("text, gap_text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_gap_and_its_kind(facts_of, text, gap_text, expected):
    gaps = facts_of(text, kind="missing_number")
    assert gaps, text
    gap = gaps[0]
    assert gap["expected"] == expected
    assert text[gap["start"]:].startswith(gap_text)
    assert gap["value"] is None and gap["missing"] is True


NO_GAPS = [
    "Photo by Gao Erqiang  chinadaily.com.cn",
    "The team arrived.  A second team followed on Monday.",
    "Xinhua  More medical teams are rushing to Hubei.",
    "Wuhan, Xiaogan and Huanggang asked for help.",
    "A typo  here is not a number.",     # a lone double space in an intact text is weak evidence only
]


@pytest.mark.parametrize("text", NO_GAPS, ids=[t[:40] for t in NO_GAPS])
def test_layout_is_not_a_gap(facts_of, text):
    assert facts_of(text, kind="missing_number") == []


def test_fact_of_a_gap_is_kept_with_missing_value(facts_of):
    text = "Hunan, with , patients, will be helped. Gansu rallied a team of  medical workers from  cities."
    facts = facts_of(text)
    case = next(f for f in facts if f["kind"] == "case_count")
    assert (case["value"], case["missing"], case["region"]) == (None, True, "Hunan")
    staff = next(f for f in facts if f["kind"] == "personnel_count")
    assert (staff["value"], staff["missing"], staff["origin"]) == (None, True, "Gansu")
    cities = next(f for f in facts if f["kind"] == "region_count")
    assert (cities["missing"], cities["unit"]) == (True, "city")
    gaps = [f for f in facts if f["kind"] == "missing_number"]
    assert {g["belongs_to"] for g in gaps} == {case["fact_id"], staff["fact_id"], cities["fact_id"]}


def test_china_daily_seed_gaps(shared_dir, nlp):
    """All 12 body gaps and the title's ordinal, at the gold positions, and nothing else."""
    gold = json.loads((shared_dir / "gold" / "001_8a3477e09bf95d7c.gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seeds" / "001_8a3477e09bf95d7c.txt").read_text(encoding="utf-8")
    doc = extract_doc(text, "001", None, nlp)
    found = [(span.start_char, span._.expected) for span in doc.spans["gap"]]
    assert found == [(g["pos"], g["expected"]) for g in gold["gaps"]]


def test_damage_keeps_letters_spaces_commas_periods():
    damaged = damage("On Feb. 7, 2020, Shandong's 2nd team of 1,266 (\"COVID-19\") left.")
    assert damaged.text == "On Feb. , , Shandongs nd team of , COVID left."
    kinds = [(d.original, d.expected, d.standalone) for d in damaged.deleted]
    assert kinds == [("7", "day", True), ("2020", "year", True), ("2", "ordinal", True),
                     ("1,266", "thousands", True), ("19", "count", False)]
    assert damaged.text[damaged.deleted[3].pos] == ","


def test_damaged_devset_recall_precision(shared_dir, nlp):
    score = GapScore()
    for article in iter_articles(article_paths(shared_dir / "devset" / "articles")):
        damaged = damage(article.text)
        doc = extract_doc(damaged.text, article.doc_id, article.published, nlp)
        score_gaps(damaged, [(s.start_char, s._.expected) for s in doc.spans["gap"]], score)
    assert score.truth > 700
    # a ratchet on the 52-article devset: what the code reaches, raised as rules land, never lowered
    assert score.recall >= 0.79
    assert score.precision >= 0.99
    assert score.expected_accuracy >= 0.94


def test_intact_articles_have_no_gaps(shared_dir, nlp):
    for article in iter_articles(article_paths(shared_dir / "devset" / "articles")):
        doc = extract_doc(article.text, article.doc_id, article.published, nlp)
        assert list(doc.spans["gap"]) == [], article.doc_id


def test_justified_text_with_digits_has_no_gaps(facts_of):
    text = ("Licensed  under  contract  no.  W-7405  by  the  University  of  California,  and  "
            "shall  not  be  used  for  the  purposes  of  advertising.  Copyright 2001.")
    assert facts_of(text, kind="missing_number") == []

