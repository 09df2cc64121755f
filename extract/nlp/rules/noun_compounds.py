"""A counted noun that only modifies the noun after it: `30 death certificates`, `30 patient wards`, `12 recovery
centres` count certificates, wards and centres, not deaths, patients or recoveries. A singular case noun after a
number above one, followed by a plural noun that is no case noun (`3 death cases` stays a count of deaths, as
machine translations write it) and no verb, is such a modifier."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.rules.counting import AUXILIARIES
from extract.nlp.rules.relations import lower_words, token_texts
from extract.nlp.triggers import word_set

CASE_NOUNS = word_set("nouns", "case")
# the singular case nouns of data/triggers.json: those whose plural is a case noun too (`death`, `recovery`)
SINGULAR_CASE_NOUNS = frozenset(w for w in CASE_NOUNS if w + "s" in CASE_NOUNS or
                                (w.endswith("y") and w[:-1] + "ies" in CASE_NOUNS))
# words ending in `s` that are no plural noun (`24 death as of Jan 23`: a machine's singular, then `as`)
NOT_PLURALS = word_set("not_plurals")


def modifies_next_noun(doc: Doc, number: Span, noun: int, value) -> bool:
    """The counted noun at token `noun` is a singular case noun modifying a plural noun right after it."""
    words, texts = lower_words(doc), token_texts(doc)
    if not isinstance(value, int) or value <= 1 or words[noun] not in SINGULAR_CASE_NOUNS or noun + 1 >= len(doc):
        return False
    after = words[noun + 1]
    return texts[noun + 1].isalpha() and texts[noun + 1].islower() and after.endswith("s") and \
        not after.endswith("ss") and after not in CASE_NOUNS and after not in AUXILIARIES and after not in NOT_PLURALS and \
        not after.endswith("ed")
