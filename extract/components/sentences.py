"""aidfacts_sentences: sentence starts after . ! ? and at line breaks (titles and captions carry no period)."""
from __future__ import annotations

import numpy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..relations import forget_sentences

SENTENCE_END = (".", "!", "?", "。", "！", "？")
CLOSERS = ('"', "”", "’", "'", ")")


@Language.factory("aidfacts_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """Sets token.is_sent_start: a token starts a sentence after an end mark (and any closing quote) unless
    it is lower-case, a closer or a space; and after a whitespace token holding a line break. Computed on
    arrays of token attributes, with no Python loop over tokens."""

    def __init__(self, nlp: Language):
        strings = nlp.vocab.strings
        self.end_ids = numpy.array([strings.add(s) for s in SENTENCE_END], dtype="uint64")
        self.closer_ids = numpy.array([strings.add(s) for s in CLOSERS], dtype="uint64")
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        attrs = doc.to_array([ORTH, IS_SPACE, IS_LOWER])
        orth, space, lower = attrs[:, 0], attrs[:, 1].astype(bool), attrs[:, 2].astype(bool)
        is_end = numpy.isin(orth, self.end_ids)
        closer = numpy.isin(orth, self.closer_ids)
        line_break = space & numpy.array(["\n" in t for t in self.space_texts(doc, space)], dtype=bool) \
            if space.any() else space
        prev_end = numpy.zeros(n, dtype=bool)
        prev_end[1:] = is_end[:-1]
        # an end mark followed by closers: `... cases."` -> the next word still starts a sentence
        prev_closed_end = numpy.zeros(n, dtype=bool)
        prev_closed_end[2:] = closer[1:-1] & is_end[:-2]
        prev_space_after_end = numpy.zeros(n, dtype=bool)
        prev_space_after_end[2:] = space[1:-1] & is_end[:-2]
        after_end = prev_end | prev_closed_end | prev_space_after_end
        prev_break = numpy.zeros(n, dtype=bool)
        prev_break[1:] = line_break[:-1]
        starts = prev_break | (after_end & ~closer & ~space & ~lower)
        starts[0] = True
        values = numpy.where(starts, 1, -1).astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], values)
        forget_sentences(doc)
        return doc

    @staticmethod
    def space_texts(doc: Doc, space) -> list[str]:
        texts = [""] * len(doc)
        for i in numpy.flatnonzero(space):
            texts[i] = doc[int(i)].text
        return texts
