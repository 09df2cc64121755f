"""Places listed each with its own number (issue 23, "whose count"). A place then its number in brackets, before
the case noun the list counts: `Huanggang (2,907) and Xiaogan (2,874) have the most cases outside Wuhan`, `Wuhan
(1,500), Xiaogan (300) and Huanggang (250) reported the most new confirmed cases` (each number is its place's count
of that noun phrase's status and period; a tally verb makes them totals). A bracket of places and numbers after a
count: `2,000 new cases (Wuhan 1,500, Xiaogan 300)`. A list member's aside in brackets, which does not break its
list: `3 in Hefei (two imported), 2 in Bengbu`. A bracket holds a count only when it holds a number alone, not a
year, a share, a code written with a leading zero or one person's age (`a doctor from Wuhan (45)`); a list that is
no clause's subject, or names no case noun after it, counts nothing. Every look-up is bounded by its clause or a
few dozen tokens.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.nlp.rules.each_place import each_words
from extract.nlp.rules.relations import (clause_bounds, governing_preposition, lower_words, region_index,
                                         sentence_start, spans_in, spans_of, token_texts)
from extract.nlp.triggers import status_table

NOUN_REACH = 8   # words from the list's end to the noun it counts (`have the most confirmed cases`)
YEAR = re.compile(r"(?:19|20)\d\d")   # `Wuhan (2019)`: a year, no count
STATUSES = status_table()
ORIGIN_PREPS = frozenset({"from"})
MODIFIER_REACH = 3   # words before a case noun that may say its status (`the most newly confirmed cases`)
NOUN_BEFORE_REACH = 12   # tokens back from a place's bare number to the case noun of its sentence
ROLL_REACH = 40   # tokens of a bracketed roll of places and numbers
ARTICLES = frozenset({"a", "an"})   # one person (`a doctor from Wuhan (45)`)


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


def counted_noun_after(doc: Doc, number: Span, classify_word, blocking: frozenset) -> tuple[int, int] | None:
    """(start, end) of the phrase after a list of bracketed places that ends in the case noun it counts (`have
    the most new confirmed cases`): the list is its clause's subject (no preposition governs its first place:
    not `Teams from Jiangsu (300) and ...`), and only a verb of reporting or holding, `the most` and status
    words stand before the noun (not `have the most hospital beds for cases`)."""
    if not bracketed_after_place(doc, number) or YEAR.fullmatch(token_texts(doc)[number.start]):
        return None
    first = first_member(doc, number)
    if governing_preposition(doc, first, blocking) is not None:
        return None
    start = bracket_list_end(doc, number)
    clause_end = clause_bounds(doc, number.start)[1]
    low, fillers = lower_words(doc), each_words()["bracket_list_fillers"]
    for k in range(start, min(len(doc), clause_end, start + NOUN_REACH)):
        if classify_word(doc, k) == "case":
            return start, k + 1
        if low[k] not in fillers and STATUSES.first([low[k]]) is None:
            return None
    return None


def counted_noun_before(doc: Doc, number: Span, classify_word) -> tuple[int, int] | None:
    """(start, end) of the case noun and the few words before it that a list of bracketed places follows in its
    clause (`The cities with the most confirmed cases are Wuhan (1,500), Xiaogan (300)`), else None."""
    if not bracketed_after_place(doc, number):
        return None
    first = first_member(doc, number)
    clause_start = clause_bounds(doc, first.start)[0]
    for k in range(first.start - 1, max(clause_start, first.start - NOUN_REACH) - 1, -1):
        if classify_word(doc, k) == "case":
            return max(clause_start, k - MODIFIER_REACH), k + 1
    return None


def case_noun_before(doc: Doc, number: Span, classify_word) -> tuple[int, int] | None:
    """(start, end) of the nearest case noun before a place's bare number in its sentence and the few words
    before it (`Shenzhen has the most cases with 416`, `The cities with the most cases were Wuhan, with 1,200`):
    the noun the number counts, which says its status."""
    start = sentence_start(doc, number.start)
    for k in range(number.start - 1, max(start, number.start - NOUN_BEFORE_REACH) - 1, -1):
        if classify_word(doc, k) == "case":
            return max(start, k - MODIFIER_REACH), k + 1
    return None


def first_member(doc: Doc, number: Span) -> Span:
    """The first place of the bracketed list this number's place belongs to (`Wuhan (1,500), Xiaogan (300)`)."""
    texts, low, regions = token_texts(doc), lower_words(doc), region_index(doc)
    place = regions.by_end[number.start - 1]
    while number.start - place.start < ROLL_REACH * 4:
        j = place.start - 1
        while j > 0 and low[j] in (",", "and", "、"):
            j -= 1
        if j == place.start - 1 or j < 3 or texts[j] != ")":
            return place
        previous = regions.by_end.get(j - 2)
        if previous is None or texts[j - 2] != "(":
            return place
        place = previous
    return place


def holds_tally(doc: Doc, phrase: tuple[int, int]) -> bool:
    """`... have the most cases`: a list's places holding cases (a standing tally, cumulative) rather than
    reporting them on a day; `new` words in the phrase say otherwise."""
    words = lower_words(doc)[phrase[0]: phrase[1]]
    return not each_words()["tally_verbs"].isdisjoint(words) and "new" not in words and "newly" not in words


def closed_brackets(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) token positions of the brackets opened and closed within [start, end) (`3 in Hefei (two
    imported), 2 in Bengbu`: a list member's own aside, which does not break its list)."""
    texts = token_texts(doc)
    found, opened = [], None
    for j in range(start, end):
        if texts[j] == "(":
            opened = j
        elif texts[j] == ")" and opened is not None:
            found.append((opened, j))
            opened = None
    return found


def person_from_place(doc: Doc, number: Span) -> bool:
    """`a doctor from Wuhan (45)`: a bracketed number after one person's place of origin is an age, no count."""
    place = region_index(doc).by_end.get(number.start - 1)
    if place is None:
        return False
    prep = governing_preposition(doc, place, ORIGIN_PREPS)
    return prep is not None and not ARTICLES.isdisjoint(lower_words(doc)[max(0, prep - 4): prep])


def in_bracketed_roll(doc: Doc, number: Span) -> bool:
    """`2,000 new cases (Wuhan 1,500, Xiaogan 300)`: the number follows its place inside brackets that hold only
    places each with a number (`Place N`, set apart by commas, semicolons or `and`)."""
    texts, low = token_texts(doc), lower_words(doc)
    regions = region_index(doc)
    place = regions.by_end.get(number.start)
    if place is None or YEAR.fullmatch(texts[number.start]):
        return False
    numbers = {n.start: n for n in spans_in(spans_of(doc, "number"), place.start - ROLL_REACH, place.start + ROLL_REACH)}
    opening = place.start - 1
    while opening >= 0 and texts[opening] != "(":   # back to the bracket over members before it
        if texts[opening] in (")", ".", "\n") or opening < place.start - ROLL_REACH:
            return False
        opening -= 1
    j, members = opening + 1, 0
    while j < len(doc):
        member = regions.by_start.get(j)
        count = numbers.get(member.end) if member is not None else None
        if count is None:
            return False
        members, j = members + 1, count.end
        if j < len(doc) and texts[j] == ")":
            return members >= 2 or j == number.end
        while j < len(doc) and low[j] in (",", ";", "and"):
            j += 1
    return False
