"""aidfacts_sentences: sentence starts after . ! ? and at line breaks (titles and captions carry no period)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.docindex import doc_index
from extract.nlp.rules.relations import set_sentences, token_texts
from extract.nlp.triggers import word_set

SENTENCE_END = (".", "!", "?", "。", "！", "？")
# Longest sentence, in tokens: longer runs without an end mark (a table dumped as text, a hostile file) are cut,
# so that rules reading a count's sentence do a bounded amount of work and time stays linear in the text. Real
# sentences are far shorter (the devset's longest has 86 tokens).
MAX_SENTENCE_TOKENS = 300
CLOSERS = ('"', "”", "’", "'", ")")
LINE_CONTINUING = word_set("line_continuing_words", "words")   # data/triggers.json


@Language.factory("aidfacts_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """Sets token.is_sent_start: a token starts a sentence after an end mark (and any closing quote) unless
    it is lower-case, a closer or a space; and after a whitespace token holding a line break. One pass over
    the token texts, and one from_array to set them all."""

    def __init__(self, nlp: Language):
        self.ends = frozenset(SENTENCE_END)
        self.closers = frozenset(CLOSERS)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        texts, index = token_texts(doc), doc_index(doc)
        # the end marks and line breaks, from the index (no pass over every token here)
        marks = sorted(set(index.hits(self.ends)).union(k for k in index.line_breaks if texts[k].isspace()))
        starts = bounded(sentence_starts(texts, self.ends, self.closers, marks), n)
        values = [-1] * n
        for i in starts:
            values[i] = 1
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
        set_sentences(doc, starts)
        return doc


def sentence_starts(texts: list[str], ends: frozenset[str], closers: frozenset[str],
                    marks: list[int] | None = None) -> list[int]:
    """The first token of each sentence: 0, a token after an end mark (or after an end mark and one closer or
    space: `... cases."`) that is not lower-case, a closer or a space, and a token after a line break. Only the
    tokens next to end marks and line breaks are looked at (a pass over every token cost 3 % of an article);
    `marks`, where given, are their positions in order (from the document's index)."""
    n = len(texts)
    starts = {0}
    if marks is None:
        marks = [k for k, text in enumerate(texts) if text in ends or ("\n" in text and text.isspace())]
    for k in marks:
        if k + 1 >= n:
            continue
        if texts[k] not in ends:   # a line break, unless its line goes on (`a total of:`, `including`)
            if not continues_line(texts, k):
                starts.add(k + 1)
            continue
        after = texts[k + 1]
        if after in closers or after.isspace():
            if k + 2 < n and may_start(texts[k + 2], closers):
                starts.add(k + 2)
        elif not after.islower():
            starts.add(k + 1)
    return sorted(starts)


def continues_line(texts: list[str], k: int) -> bool:
    """A single line break after a word that cannot end a sentence (`of`, `including`, `and`), or after such a
    word and a colon (`there have been a total of:`): the sentence goes on on the next line. A blank line
    always ends it."""
    if texts[k].count("\n") != 1 or k == 0:
        return False
    j = k - 1 if texts[k - 1] != ":" else k - 2
    return j >= 0 and texts[j].lower() in LINE_CONTINUING


def bounded(starts: list[int], n: int, limit: int = MAX_SENTENCE_TOKENS) -> list[int]:
    """The sentence starts, with a start added every `limit` tokens inside a longer sentence."""
    result = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        result.extend(range(start, end, limit))
    return result


def may_start(text: str, closers: frozenset[str]) -> bool:
    return text not in closers and not text.isspace() and not text.islower()
