"""aidfacts_sentences: sentence starts after . ! ? and at line breaks (titles and captions carry no period)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = {".", "!", "?", "。", "！", "？"}
CLOSERS = {'"', "”", "’", "'", ")"}


@Language.factory("aidfacts_sentences", assigns=["token.is_sent_start"], default_config={})
def make_sentences(nlp: Language, name: str) -> "SentenceSplitter":
    return SentenceSplitter()


class SentenceSplitter:
    """Sets token.is_sent_start: a token starts a sentence after an end mark (and any closing quotes)
    or after a whitespace token holding a line break."""

    def __call__(self, doc: Doc) -> Doc:
        after_end = False
        for i, token in enumerate(doc):
            if i == 0:
                token.is_sent_start = True
                continue
            prev = doc[i - 1]
            if prev.text in SENTENCE_END:
                after_end = True
            elif prev.text not in CLOSERS and not prev.is_space:
                after_end = False
            line_break = prev.is_space and "\n" in prev.text
            starts = line_break or (after_end and token.text not in CLOSERS and not token.is_space
                                    and not token.is_lower)
            token.is_sent_start = bool(starts)
            if starts:
                after_end = False
        return doc
