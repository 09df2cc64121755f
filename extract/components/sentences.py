"""aidfacts_sentences: sentence starts after . ! ? and at line breaks (titles and captions carry no period)."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..relations import set_sentences, token_texts

SENTENCE_END = (".", "!", "?", "。", "！", "？")
CLOSERS = ('"', "”", "’", "'", ")")


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
        ends, closers = self.ends, self.closers
        values = [-1] * n
        values[0] = 1
        starts = [0]
        end_before = end_two_before = break_before = closing_before = False
        for i, text in enumerate(token_texts(doc)):
            closer = text in closers
            space = text.isspace()   # Token.is_space
            # an end mark followed by closers or a space (`... cases."`) still ends the sentence
            after_end = end_before or (end_two_before and closing_before)
            if i and (break_before or (after_end and not closer and not space and not text.islower())):
                values[i] = 1
                starts.append(i)
            end_two_before, end_before = end_before, text in ends
            closing_before = closer or space
            break_before = space and "\n" in text
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
        set_sentences(doc, starts)
        return doc
