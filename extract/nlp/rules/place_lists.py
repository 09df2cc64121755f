"""Places listed each with its number in brackets (issue 23, "whose count"): `Huanggang (2,907) and Xiaogan
(2,874) have the most cases outside Wuhan`, `Wuhan (1,500), Xiaogan (300) and Huanggang (250) reported the most
new confirmed cases`. Each number is its place's count of what the clause goes on to name (its status and period
from that noun phrase). A bracket holds a count only when it holds a number alone, not a year, a share, a phone
code or an age; a list that names no case noun after it counts nothing."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.rules.each_place import each_words
from extract.nlp.rules.relations import clause_bounds, lower_words, region_index, spans_in, spans_of, token_texts

NOUN_REACH = 8   # words from the list's end to the noun it counts (`have the most confirmed cases`)
STOPS = frozenset({",", ";", ":", ".", "(", ")", "!", "?", "—", "–"})


def bracketed_after_place(doc: Doc, number: Span) -> bool:
    """`Xiaogan (2,874)`: the number alone in brackets right after a place, not a code written with a leading
    zero (`Wuhan (027)`)."""
    texts = token_texts(doc)
    if number.start < 2 or number.end >= len(doc) or texts[number.start - 1] != "(" or texts[number.end] != ")":
        return False
    if texts[number.start][:1] == "0" and len(texts[number.start]) > 1:
        return False
    return number.start - 1 in region_index(doc).by_end


def bracket_list_end(doc: Doc, number: Span) -> int:
    """The token after the list this bracketed number is a member of: past the members after it (`, Xiaogan
    (300) and Huanggang (250)`)."""
    texts, low = token_texts(doc), lower_words(doc)
    regions, numbers = region_index(doc), {n.start: n for n in spans_in(spans_of(doc, "number"), number.end,
                                                                        number.end + 200)}
    j = number.end + 1   # past `)`
    while True:
        k = j
        while k < len(doc) and low[k] in (",", "and", "、"):
            k += 1
        place = regions.by_start.get(k)
        if k == j or place is None or place.end + 2 >= len(doc) or texts[place.end] != "(":
            return j
        member = numbers.get(place.end + 1)
        if member is None or texts[member.end: member.end + 1] != [")"]:
            return j
        j = member.end + 1


def counted_noun_after(doc: Doc, number: Span, classify_word) -> tuple[int, int] | None:
    """(start, end) of the phrase after a list of bracketed places that ends in the case noun it counts (`have
    the most new confirmed cases`): no number, place or break before the noun, within the clause."""
    if not bracketed_after_place(doc, number):
        return None
    start = bracket_list_end(doc, number)
    clause_end = clause_bounds(doc, number.start)[1]
    texts, like_num, in_region = token_texts(doc), doc_index(doc).like_num, region_index(doc).tokens
    for k in range(start, min(len(doc), clause_end, start + NOUN_REACH)):
        if texts[k] in STOPS or like_num[k] or k in in_region or "\n" in texts[k]:
            return None
        if classify_word(doc, k) == "case":
            return start, k + 1
    return None


def holds_tally(doc: Doc, phrase: tuple[int, int]) -> bool:
    """`... have the most cases`: a list's places holding cases (a standing tally, cumulative) rather than
    reporting them on a day; `new` words in the phrase say otherwise."""
    words = lower_words(doc)[phrase[0]: phrase[1]]
    return not each_words()["tally_verbs"].isdisjoint(words) and "new" not in words and "newly" not in words
