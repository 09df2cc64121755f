"""Numbers before a team or place noun that count nothing new: `One group of 12 doctors` is one team told by its
size (as `a team of 12` is), not a count of teams; `the two cities`, `both provinces` refer back to places the
text has just named, not a count of regions."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.relations import lower_words, region_index, sentence_index, spans_in

DEFINITE = frozenset({"the", "these", "those", "both"})


def one_sized_team(doc: Doc, number: Span, team_end: int) -> bool:
    """`One group of 12 doctors`, `one team of 40`: a single team and its size."""
    words = lower_words(doc)
    return get(number, "value") == 1 and words[number.start] == "one" and team_end + 1 < len(doc) and \
        words[team_end] == "of" and doc[team_end + 1].like_num


def places_named_before(doc: Doc, number: Span) -> bool:
    """`Yancheng sent vegetables to Huangshi. The two cities have a close bond.`: a definite count of places
    no greater than the distinct places named in its sentence before it and in the sentence before."""
    words = lower_words(doc)
    value = get(number, "value")
    if not isinstance(value, int) or number.start == 0 or words[number.start - 1] not in DEFINITE:
        return False
    index = sentence_index(doc)
    lo = index.bounds(number.start)[0]
    if lo > 0:
        lo = index.bounds(lo - 1)[0]
    named = {get(s, "value") for s in spans_in(region_index(doc).regions, lo, number.start)}
    return len(named) >= value
