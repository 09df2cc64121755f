"""Counts and places in brackets, and the members of a list of one place's figures (issue 23): `13 new cases in Hubei
(13 in Wuhan), 1,471 cured (1,212 in Wuhan)`. A count in brackets after a number of its sentence is a part of the
count before; a place in brackets closed before a count is no subject of it; the next member of a list goes on
past the count before's own words and its bracketed parts."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.rules.place_focus import bracket_opener
from extract.nlp.rules.relations import lower_words, region_index, sentence_start, spans_in, spans_of, token_texts

MEMBER_REACH = 8   # tokens from a list member's count to the next member (its brackets aside)
MEMBER_BREAKS = frozenset({",", ";", ":", "but", "while", "whereas", "which", "who", "that", "said", "says",
                           "according", "elsewhere", "abroad", "outside", "other", "another"})


def closed_bracket(doc: Doc, region: Span, position: int) -> bool:
    """`64,236 discharged (Wuhan 47,085), 3,216 deaths`, `97 cases (97 in Wuhan), including 15 severe`: a place
    inside brackets closed before the count is an earlier count's part, not the count's subject."""
    texts = token_texts(doc)   # (`(97 cases in Wuhan), including 15 severe`: the bracket's place, wherever in it)
    return bracket_opener(doc, region) is not None and ")" in texts[region.end: position]


def bracketed_part(fact: Span) -> bool:
    """The count stands in brackets opened in its sentence after a number: the part of an earlier count."""
    doc = fact.doc
    opener = bracket_opener(doc, fact)
    return opener is not None and bool(spans_in(spans_of(doc, "number"), sentence_start(doc, fact.start), opener))


def next_list_member(doc: Doc, previous: Span, number: Span) -> bool:
    """`13 new cases in Hubei (13 in Wuhan), 1,471 cured (1,212 in Wuhan)`: the number opens the next member of a
    list after the count before, past only that count's own place (`in Hubei`) and its parts in brackets, then a
    comma (and `and`)."""
    words, texts = lower_words(doc), token_texts(doc)
    rest, depth = [], 0
    for j in range(previous.end, number.start):
        depth += (texts[j] in ("(", "（")) - (texts[j] in (")", "）"))
        if depth == 0 and texts[j] not in (")", "）"):
            rest.append(j)
    while rest and words[rest[-1]] == "and":
        rest.pop()
    if not rest or words[rest[-1]] != "," or depth != 0 or len(rest) > MEMBER_REACH:
        return False
    rest.pop()
    # the count before's own words (`were cured`, `in Hubei`): no other place, number or clause of its own
    place = get(previous, "region")
    named = {k for r in spans_in(region_index(doc).regions, previous.end, number.start) if get(r, "value") == place
             for k in range(r.start, r.end)}
    others = spans_in(region_index(doc).regions, rest[0], rest[-1] + 1) if rest else []
    return not any(k not in named and (words[k] in MEMBER_BREAKS or doc[k].like_num) for k in rest) and \
        all(get(r, "value") == place or closed_bracket(doc, r, number.start) for r in others)
