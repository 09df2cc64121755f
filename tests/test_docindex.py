"""The per-document index (extract/nlp/docindex.py): one object per Doc, what it lists agrees with spaCy's own
answers, the pipeline drops it at the end, and the look-ups made faster with it answer as the walks they replace."""
from __future__ import annotations

import itertools

import pytest

from extract.nlp.docindex import INDEX_KEY, DocIndex, doc_index, release
from extract.nlp.pipeline import PIPE_NAMES, make_doc, shared_nlp
from extract.nlp.rules.case_now import has_phrase
from extract.nlp.rules.relations import (LOOKBACK, clause_bounds, is_clause_break, lower_words, phrase_firsts,
                                         phrase_in, sentence_breaks, sentence_index, set_sentences, spans_in)
from extract.nlp.rules.staff_roles import paragraph_bounds
from extract.nlp.triggers import status_table

TEXT = ("Hunan sent 1,200 medics (two teams) to  Huanggang, Hubei's city.\nThey arrived 3rd March!\n\n"
        "As of Feb 12, 157 cases were confirmed in Haikou; 29 of them, which were severe, remain in hospital. "
        "一 十二 ½ 3/4 and １２ people, 40–50 staff.")


def test_one_index_per_document_made_on_first_use_and_kept():
    doc = shared_nlp().make_doc(TEXT)
    assert INDEX_KEY not in doc.user_data
    index = doc_index(doc)
    assert isinstance(index, DocIndex) and doc_index(doc) is index and doc.user_data[INDEX_KEY] is index
    assert lower_words(doc) is index.lower   # the readers hand out the index's own lists
    release(doc)
    assert INDEX_KEY not in doc.user_data and doc_index(doc) is not index


def test_the_pipeline_makes_the_index_with_the_doc_and_drops_it_at_the_end():
    nlp = shared_nlp()
    doc = make_doc(nlp, TEXT, "doc", None)
    index = doc.user_data[INDEX_KEY]
    assert index.text == TEXT
    for name in PIPE_NAMES[:-1]:   # every component but the last reads and fills the same object
        doc = nlp.get_pipe(name)(doc)
        assert doc.user_data[INDEX_KEY] is index
    assert index.regions is not None and index.spans["count"]
    assert [(s.start, s.end) for s in doc.sents] == list(zip(index.sentences.starts, index.sentences.ends))
    doc = nlp.get_pipe(PIPE_NAMES[-1])(doc)
    assert INDEX_KEY not in doc.user_data   # released: its spans would keep the doc alive
    doc.to_bytes()   # and the Doc serialises without it


def test_token_flags_agree_with_token_attributes():
    doc = shared_nlp().make_doc(TEXT)
    index = doc_index(doc)
    assert index.like_num == [t.like_num for t in doc]
    assert index.is_punct == [t.is_punct for t in doc]
    assert index.is_space == [t.is_space for t in doc]
    assert index.is_alpha == [t.is_alpha for t in doc]
    assert index.line_breaks == [t.i for t in doc if "\n" in t.text]
    assert any(index.like_num) and any(index.is_punct) and index.line_breaks
    assert all(type(flag) is bool for flag in index.like_num + index.is_punct + index.is_space + index.is_alpha)


def walked_paragraph_bounds(texts: list[str], i: int, limit: int) -> tuple[int, int]:
    """The walk paragraph_bounds replaced: out from token i to a line break, at most `limit` tokens."""
    start = i
    while start > 0 and i - start < limit and "\n" not in texts[start - 1]:
        start -= 1
    end = i
    while end < len(texts) and end - i < limit and "\n" not in texts[end]:
        end += 1
    return start, end


@pytest.mark.parametrize("text", [TEXT, "no break at all here", "\n\nleading breaks\n", "a\nb\n\nc d e\n"])
def test_paragraph_bounds_agree_with_the_walk(text):
    doc = shared_nlp().make_doc(text)
    texts = [t.text for t in doc]
    for i in range(len(doc)):
        assert paragraph_bounds(doc, i) == walked_paragraph_bounds(texts, i, LOOKBACK)


def test_paragraph_bounds_stop_at_the_lookback():
    doc = shared_nlp().make_doc(" ".join(["word"] * (LOOKBACK + 200)) + "\nafter")
    texts = [t.text for t in doc]
    for i in (0, 100, LOOKBACK - 1, LOOKBACK, LOOKBACK + 150, len(doc) - 1):
        assert paragraph_bounds(doc, i) == walked_paragraph_bounds(texts, i, LOOKBACK)
    assert paragraph_bounds(doc, LOOKBACK + 150)[0] == 150


def test_clause_bounds_are_found_again_when_the_sentences_change():
    doc = shared_nlp()(TEXT)
    i = next(t.i for t in doc if t.text == "157")
    before = clause_bounds(doc, i)
    set_sentences(doc, [0, i])   # a sentence now starts at the number itself
    assert sentence_index(doc).bounds(i)[0] == i
    assert clause_bounds(doc, i)[0] == i != before[0]
    release(doc)


def naive_has_phrase(words, table):
    return any(tuple(words[k: k + len(p)]) == p for k in range(len(words)) for p in table)


def test_has_phrase_answers_as_trying_every_phrase_everywhere():
    table = (("a", "total", "of"), ("in", "total"), ("total",), ("cumulative",), ("so", "far"))
    vocabulary = ["a", "total", "of", "in", "so", "far", "cases", "cumulative", "new"]
    for n in range(0, 5):
        for words in itertools.product(vocabulary, repeat=n):
            assert has_phrase(list(words), table) == naive_has_phrase(list(words), table)
    assert has_phrase(["any"], ((),)) and not has_phrase([], ((),))   # an empty phrase stands before any word


PHRASE_TABLE = (("the", "day", "before"), ("the", "same", "day"), ("the", "day"), ("a", "day", "earlier"), ("by",))
PHRASE_TEXT = ("By Monday, the same day as the day before, 12 cases were reported by the city; a day earlier the "
               "day before it was the same")


def naive_phrase_in(words: list[str], table, start: int, end: int):
    """The walk phrase_in replaces: every position of the range, every phrase of the table in its order."""
    for j in range(start, end):
        for phrase in table:
            if tuple(words[j:end][:len(phrase)]) == phrase:
                return j, phrase
    return None


def test_word_positions_list_every_token_of_each_word_in_order():
    doc = shared_nlp().make_doc(PHRASE_TEXT)
    positions = doc_index(doc).positions
    assert positions["the"] == [j for j, word in enumerate(lower_words(doc)) if word == "the"]
    assert sorted(j for at in positions.values() for j in at) == list(range(len(doc)))
    assert "monday" in positions and "Monday" not in positions   # lower-case words


def test_phrase_in_answers_as_the_walk_over_every_range():
    doc = shared_nlp().make_doc(PHRASE_TEXT)
    words = lower_words(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert phrase_in(doc, PHRASE_TABLE, start, end) == naive_phrase_in(words, PHRASE_TABLE, start, end)


def test_phrase_in_takes_the_earliest_phrase_and_none_cut_by_the_range():
    doc = shared_nlp().make_doc("Twelve cases on the same day, none the day before.")
    words = lower_words(doc)
    same = words.index("same") - 1
    assert phrase_in(doc, PHRASE_TABLE, 0, len(doc)) == (same, ("the", "same", "day"))
    assert phrase_in(doc, PHRASE_TABLE, 0, same + 2) is None   # `the same` alone: cut before its `day`
    before = len(doc) - 4
    assert phrase_in(doc, PHRASE_TABLE, same + 1, len(doc)) == (before, ("the", "day", "before"))   # table order
    assert phrase_in(doc, PHRASE_TABLE, before, before + 2) == (before, ("the", "day"))   # the longer one is cut
    assert phrase_in(doc, (("a", "week", "earlier"),), 0, len(doc)) is None


HIT_TEXT = ("Hubei reported 12 cases; Wuhan, which had sent 3 teams, reported 9 — and SARS killed 774 in 2003: "
            "a, b; c here. Among them, 2 died, while the MERS outbreak was over.")


def test_word_hits_answer_as_the_walk_over_every_range():
    doc = shared_nlp().make_doc(HIT_TEXT)
    index, words = doc_index(doc), lower_words(doc)
    for table in (frozenset({",", ";"}), frozenset({"sars", "mers", "absent"}), frozenset({"absent"}),
                  frozenset()):
        assert index.hits(table) == [j for j, word in enumerate(words) if word in table]
        assert index.hits(table) is index.hits(table)   # listed once per document and word set
        for start in range(len(doc) + 1):
            for end in range(start, len(doc) + 1):
                walked = [j for j in range(start, end) if words[j] in table]
                assert index.hits_in(table, start, end) == walked
                assert index.any_hit(table, start, end) is bool(walked)
    assert index.hits(frozenset({"Hubei"})) == []   # lower-case words only


def walked_sentence_breaks(words: list[str], sent_start: int, sent_end: int) -> tuple[list[int], list[int]]:
    """The walk sentence_breaks replaced: every word of the sentence tested."""
    commas = [j for j in range(sent_start, sent_end) if words[j] == ","]
    breaks = [j for j in range(sent_start, sent_end) if is_clause_break(words, j)]
    return breaks, commas


def test_sentence_breaks_and_clauses_agree_with_the_walk():
    nlp = shared_nlp()
    doc = nlp.get_pipe("aidfacts_sentences")(make_doc(nlp, HIT_TEXT, "doc", None))
    words, index = lower_words(doc), sentence_index(doc)
    assert len(index.starts) > 1
    for s, e in zip(index.starts, index.ends):
        assert sentence_breaks(doc, s, e) == walked_sentence_breaks(words, s, e)
    assert sentence_breaks(doc, 0, index.ends[0])[0]   # the text's breaks are found
    release(doc)


def test_phrase_firsts_rule_out_only_words_that_start_no_phrase():
    table = (("in", "each", "of"), ("each", "of"), ("apiece",))
    assert phrase_firsts(table) == frozenset({"in", "each", "apiece"})
    assert phrase_firsts(table + ((),)) is None   # an empty phrase starts anywhere



@pytest.mark.parametrize("n", [0, 1, 3, 15, 16, 40])
def test_spans_in_answers_as_the_filter_on_short_and_long_lists(n):
    doc = shared_nlp().make_doc(" ".join(f"w{k}" for k in range(2 * n + 4)))
    spans = sorted((doc[k: k + 1 + k % 3] for k in range(0, 2 * n, 2)), key=lambda s: s.start)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert spans_in(spans, start, end) == [s for s in spans if s.start >= start and s.end <= end]


def test_status_table_first_with_and_without_status_words():
    table = status_table()
    assert table.first(["new", "cases"]) is None and table.first([]) is None   # no status word: ruled out at once
    assert table.first(["new", "confirmed", "cases"]) == "confirmed"
    assert table.first(["severe", "or", "critical"]) == table.first(["critical", "or", "severe"]) != "critical"
    assert table.any_word >= table.words["confirmed"] | table.words["death"]
