"""Suggestions from the passage: the number standing in a blank's place in another article with the same words.

The tables are our own sentences: an intact report, and the same report as a site that lost its digits
publishes it (letters, spaces, commas and periods kept, everything else deleted)."""
from __future__ import annotations

import array
from pathlib import Path

import pytest

from extract.dataset.batch import extract_corpus
from extract.dataset.build import build_dataset, load_dataset
from extract.dataset.corpus import Article, article_paths, iter_articles
from extract.dataset.passages import Found, Normalized, StoryWindow
from extract.dataset.verdicts import Verdict, record_verdict
from extract.evaluation.damage import score_suggestions, write_syndicated_corpus

INTACT = ("Shaanxi province sent 132 medical workers to Ankang on Tuesday, the provincial health commission said. "
          "The team will treat 1,260 patients in three hospitals of the city, and 45 more nurses will follow "
          "on Feb. 14, the commission added.")
DAMAGED = ("Shaanxi province sent  medical workers to Ankang on Tuesday, the provincial health commission said. "
           "The team will treat , patients in three hospitals of the city, and  more nurses will follow "
           "on Feb. , the commission added.")
OTHER = "Hubei reported 2,000 new confirmed cases on Monday, while Hunan sent 80 nurses to Xiaogan."


def run(*texts: str):
    articles = [Article(doc_id=f"d{i}", file=f"d{i}.txt", text=t, published="2020-02-12")
                for i, t in enumerate(texts)]
    return extract_corpus(articles)


def gap_at(result, doc_id: str, text: str, marker: str):
    """The blank of doc_id that stands where `marker` starts in its text (within a character)."""
    at = text.index(marker)
    found = [f for f in result.facts if f.doc_id == doc_id and f.kind == "missing_number" and abs(f.start - at) <= 1]
    assert len(found) == 1, (marker, found)
    return found[0]


def test_blank_whose_passage_exists_elsewhere_takes_its_number():
    result = run(DAMAGED, OTHER, INTACT)
    staff_gap = gap_at(result, "d0", DAMAGED, " medical workers")
    assert (staff_gap.suggestion, staff_gap.suggestion_basis, staff_gap.suggestion_doc) == (132, "passage", "d2")
    assert INTACT[staff_gap.suggestion_start:staff_gap.suggestion_end] == "132"
    assert staff_gap.suggestion_text.startswith("Shaanxi province sent 132 medical workers")
    staff = next(f for f in result.facts if f.fact_id == staff_gap.belongs_to)
    assert staff.value is None and staff.suggestion == 132 and staff.suggestion_basis == "passage"
    assert staff.suggestion_fact == next(f.fact_id for f in result.facts if f.doc_id == "d2" and f.value == 132
                                         and f.kind == "personnel_count")
    assert gap_at(result, "d0", DAMAGED, ", patients").suggestion == 1260
    assert gap_at(result, "d0", DAMAGED, " more nurses").suggestion == 45
    day = gap_at(result, "d0", DAMAGED, ", the commission")   # `on Feb. 14,`: a day has no fact of its own, the passage has it
    assert (day.expected, day.suggestion, day.suggestion_basis) == ("day", 14, "passage")


def test_blank_whose_passage_does_not_exist_elsewhere_gets_no_passage_suggestion():
    elsewhere = ("Shaanxi province sent 132 medical workers to Hanzhong on Friday. The team will treat 1,260 "
                 "patients, and 45 more nurses will follow.")
    result = run(DAMAGED, elsewhere)
    staff_gap = gap_at(result, "d0", DAMAGED, " medical workers")
    assert staff_gap.suggestion_basis != "passage"
    assert all(f.suggestion_basis != "passage" for f in result.facts)


def test_two_articles_that_disagree_give_no_suggestion():
    other_copy = INTACT.replace("132", "123")
    result = run(DAMAGED, INTACT, other_copy)
    staff_gap = gap_at(result, "d0", DAMAGED, " medical workers")
    assert staff_gap.suggestion is None and staff_gap.suggestion_basis is None
    assert sorted(dict(c)["value"] for c in staff_gap.candidates) == [123, 132]
    staff = next(f for f in result.facts if f.fact_id == staff_gap.belongs_to)
    assert staff.suggestion is None   # not even from the attributes: the passage has spoken
    # where the two copies agree, their value is suggested, with the first copy as evidence
    assert gap_at(result, "d0", DAMAGED, ", patients").suggestion_doc == "d1"


def test_two_articles_that_agree_give_their_value():
    result = run(DAMAGED, INTACT, INTACT + " More news later.")
    staff_gap = gap_at(result, "d0", DAMAGED, " medical workers")
    assert (staff_gap.suggestion, staff_gap.suggestion_doc) == (132, "d1")


def test_the_same_formula_a_week_later_is_another_story():
    """A daily report's sentence comes back every Monday with other numbers: only an article published within
    a few days of the blank's is a copy of its story."""
    def article(doc_id, text, published):
        return Article(doc_id=doc_id, file=f"{doc_id}.txt", text=text, published=published)
    result = extract_corpus([article("d0", DAMAGED, "2020-02-12"), article("d1", INTACT, "2020-02-19")])
    assert all(f.suggestion_basis != "passage" for f in result.facts)
    result = extract_corpus([article("d0", DAMAGED, "2020-02-12"), article("d1", INTACT, "2020-02-13")])
    assert gap_at(result, "d0", DAMAGED, " medical workers").suggestion == 132


def test_rejected_evidence_fact_never_supplies_a_suggestion(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a_damaged.txt").write_text(DAMAGED, encoding="utf-8")
    (corpus / "b_intact.txt").write_text(INTACT, encoding="utf-8")
    build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    gaps = load_dataset(tmp_path / "outputs")["gaps"]
    suggested = gaps[gaps["suggestion"].notna()]
    assert set(suggested["suggestion_basis"]) == {"passage"} and 132 in set(suggested["suggestion"])
    facts = load_dataset(tmp_path / "outputs")["facts"]
    staff = facts[(facts["doc_id"] == "b_intact") & (facts["kind"] == "personnel_count")]
    record_verdict(corpus, Verdict(staff["fact_id"].iloc[0], "reject", note="not a team size"))
    build_dataset(corpus, tmp_path / "outputs", use_cache=False)
    gaps = load_dataset(tmp_path / "outputs")["gaps"]
    assert 132 not in set(gaps["suggestion"].dropna())
    assert set(gaps["suggestion"].dropna()) >= {1260}   # the other numbers of that article still count


@pytest.mark.parametrize("intact, damaged", [
    ("Huai'an sent 12 doctors (COVID-19 experts) to Wuhan.", "Huaian sent  doctors COVID experts to Wuhan."),
    ("On Feb. 3, 2020, the team left.", "On Feb. , , the team left."),
])
def test_normalised_words_and_slots_match(intact, damaged):
    """The intact text read the way the damage reads it has the damaged text's words and spacing."""
    assert Normalized(intact).text == Normalized(damaged).text == damaged


def test_devset_with_syndicated_damaged_copies(shared_dir, tmp_path: Path):
    """Every devset article intact plus a copy of it damaged the China Daily way, built: the issue asks for >= 95 %
    of suggestions right and the right value for >= 90 % of the blanks found; pinned at what the code reaches."""
    articles = [a for a in iter_articles(article_paths(shared_dir / "devset" / "articles"))]
    damaged = write_syndicated_corpus(articles, tmp_path / "corpus")
    build_dataset(tmp_path / "corpus", tmp_path / "outputs", use_cache=False)
    gaps = load_dataset(tmp_path / "outputs")["gaps"].to_dict("records")
    score = score_suggestions(gaps, damaged)
    assert score.blanks > 700
    assert score.precision >= 0.99
    assert score.recall >= 0.95


def test_story_window_takes_the_values_of_articles_published_near_the_blank():
    """Numbers of one slot: articles 0-9 published on days 100-109; the blank's article 10 on day 104."""
    days = array.array("i", list(range(100, 110)) + [104])
    agreed = StoryWindow([Found(doc, 7, 0, 0) for doc in range(10)], days)
    assert [(n.doc, n.value) for n in agreed.around(10)] == [(1, 7)]   # day 101 is the first within three days
    mixed = StoryWindow([Found(doc, 7 if doc < 5 else 8, 0, 0) for doc in range(10)], days)
    assert [(n.doc, n.value) for n in mixed.around(10)] == [(1, 7), (5, 8)]
    alternating = StoryWindow([Found(doc, doc % 2, 0, 0) for doc in range(10)], days)
    assert sorted(n.value for n in alternating.around(10)) == [0, 1]
    own = StoryWindow([Found(4, 7, 0, 0), Found(5, 7, 0, 0)], days)
    assert [n.doc for n in own.around(4)] == [5]   # never the blank's own article


def test_ascii_normalisation_equals_the_general_one(monkeypatch):
    import random

    from extract.dataset import passages

    assert passages.ASCII_SAME
    rnd = random.Random(5)
    alphabet = "aZq 09,.-_()\t\n\r\x0b\x1c'\"%$:;"
    texts = ["", "12", "Hunan sent 1,200 medics to Xiaogan on Feb. 3.", "A  team of  nurses, sent on"] + \
        ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 50))) for _ in range(2000)]
    fast = [vars(passages.Normalized(text)) for text in texts]
    monkeypatch.setattr(passages, "ASCII_SAME", False)
    assert [vars(passages.Normalized(text)) for text in texts] == fast
