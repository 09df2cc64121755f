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


@pytest.mark.parametrize("text, expected", [
    ("left on 5th March", "day"), ("left on March 5th", "day"), ("left on 5 March", "day"),
    ("on Feb,13th,", "day"), ("the 5th batch", "ordinal"), ("since 2003", "year"), ("the 5 teams", "count"),
])
def test_damage_says_what_the_number_was(text, expected):
    assert damage(text).deleted[0].expected == expected


def test_damaged_devset_recall_precision(shared_dir, nlp):
    score = GapScore()
    for article in iter_articles(article_paths(shared_dir / "devset" / "articles")):
        damaged = damage(article.text)
        doc = extract_doc(damaged.text, article.doc_id, article.published, nlp)
        score_gaps(damaged, [(s.start_char, s._.expected) for s in doc.spans["gap"]], score)
    assert score.truth > 700
    # a ratchet on the 52-article devset: what the code reaches, raised as rules land, never lowered
    assert score.recall >= 0.980
    assert score.precision >= 0.997
    assert score.expected_accuracy >= 0.984


def test_intact_articles_have_no_gaps(shared_dir, nlp):
    for article in iter_articles(article_paths(shared_dir / "devset" / "articles")):
        doc = extract_doc(article.text, article.doc_id, article.published, nlp)
        assert list(doc.spans["gap"]) == [], article.doc_id


def test_justified_text_with_digits_has_no_gaps(facts_of):
    text = ("Licensed  under  contract  no.  W-7405  by  the  University  of  California,  and  "
            "shall  not  be  used  for  the  purposes  of  advertising.  Copyright 2001.")
    assert facts_of(text, kind="missing_number") == []



# One damaged brief of our own (every digit deleted): each blank, the text that starts where it stands (the
# first occurrence), and its kind.
DAMAGED_BRIEF = (
    "Shaanxi Reports  New Cases in Three Cities\n\n"
    "The province reported  new confirmed cases on Sunday,  in Xian,  in Baoji, in Hanzhong and  in Yulin. "
    " patients left hospital on Monday. , people remain under medical observation. The oldest patient is , and "
    "the youngest is a yearold girl. Between  and , March , the city sent  nurses to Ezhou.  cases were reported "
    "since January th.\nOn  April, a team of  doctors arrived in Ezhou. By  midnight, the team had treated  "
    "patients,  of them in intensive care. Many had served after the  Yushu earthquake. By March ,  in Xian and  in "
    "Baoji had recovered.\n")
BRIEF_GAPS = [
    (" New Cases", "count"),            # a blank in a headline
    (" in Xian,", "count"),             # every item of a per-city list ...
    (" in Baoji,", "count"),
    (", in Hanzhong", "count"),         # ... also where the source had no space after the comma
    (" in Yulin", "count"),
    (" patients left", "count"),        # a sentence that opens with the blank
    (", people remain", "thousands"),   # ... with a number of thousands
    (", and the youngest", "count"),    # a count before a clause, not thousands
    ("yearold", "count"),               # an age
    (" and , March", "count"),          # a time range
    (", March , the", "count"),
    (", the city sent", "day"),
    (" cases were", "count"),
    ("th.\nOn", "day"),                 # `since January 19th`: the day of a date
    (" April,", "day"),                 # `On 2 April`
    (" midnight", "count"),             # a clock time
    (" of them", "count"),
    (" Yushu", "year"),                 # the year of an event
    (",  in Xian and", "day"),          # `By March 2, 6 in Xian`: the day, then a list item
    (" in Xian and", "count"),
]


@pytest.mark.parametrize("marker, expected", BRIEF_GAPS, ids=[m for m, _ in BRIEF_GAPS])
def test_blanks_of_a_damaged_brief(facts_of, marker, expected):
    at = DAMAGED_BRIEF.index(marker)
    gaps = {g["start"]: g["expected"] for g in facts_of(DAMAGED_BRIEF, kind="missing_number")}
    near = [kind for start, kind in gaps.items() if at <= start <= at + 1]
    assert near == [expected], (marker, near)


def test_headline_seams_in_a_damaged_text_are_not_blanks(facts_of):
    """A caption running into the next line leaves a double space before a capitalised word: not a number."""
    text = ("Hubei reports new deaths  A doctor in a protective suit checks a patient in Wuhan. Medics arrive  The "
            "team checked in. Volunteers deliver food  in Wuhan. The city reported  new cases and , patients.")
    gaps = facts_of(text, kind="missing_number")
    assert [g["text"].split()[0] for g in gaps] == ["new", ","]
