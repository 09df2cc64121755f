"""aidfacts_sentences: sentence starts after . ! ? and at line breaks (titles and captions carry no period)."""
from __future__ import annotations

import numpy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..relations import set_sentences, text_of, token_offsets

SENTENCE_END = (".", "!", "?", "。", "！", "？")
CLOSERS = ('"', "”", "’", "'", ")")


@Language.factory("aidfacts_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter(nlp)


class SentenceSplitter:
    """Sets token.is_sent_start: a token starts a sentence after an end mark (and any closing quote) unless
    it is lower-case, a closer or a space; and after a whitespace token holding a line break. One pass over
    the token attribute array as plain integers (numpy's per-call cost outweighs its speed on articles of a
    few hundred tokens), and one from_array to set them all."""

    def __init__(self, nlp: Language):
        strings = nlp.vocab.strings
        self.end_ids = frozenset(strings.add(s) for s in SENTENCE_END)
        self.closer_ids = frozenset(strings.add(s) for s in CLOSERS)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        end_ids, closer_ids, text = self.end_ids, self.closer_ids, text_of(doc)
        values = [-1] * n
        values[0] = 1
        starts = [0]
        end_before = end_two_before = break_before = closing_before = False
        attributes = doc.to_array([ORTH, IS_SPACE, IS_LOWER]).tolist()
        for i, ((orth, space, lower), idx, length) in enumerate(zip(attributes, *token_offsets(doc))):
            closer = orth in closer_ids
            # an end mark followed by closers or a space (`... cases."`) still ends the sentence
            after_end = end_before or (end_two_before and closing_before)
            if i and (break_before or (after_end and not closer and not space and not lower)):
                values[i] = 1
                starts.append(i)
            end_two_before, end_before = end_before, orth in end_ids
            closing_before = closer or bool(space)
            break_before = bool(space) and "\n" in text[idx:idx + length]
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
        set_sentences(doc, starts)
        return doc
