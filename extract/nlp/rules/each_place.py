"""One number for several places (issue 23, "whose count"): `Jiangsu and Zhejiang each reported 12 new cases`,
`Five new cases were reported in each of Nanjing and Suzhou`, `12 cases each in Hefei and Bengbu`, `Hefei and
Bengbu reported 12 each`, `five in each of Yichun and Fuzhou` under a lead-in. The number is every listed place's
own count: the count is one fact per place (records.make_rows, ids keyed by the place). A number a list of places
shares with no word saying `each` (`Jiangsu and Zhejiang reported 24 new cases`) is their sum, no one place's
count: it takes no region rather than the last place named. Knowledge is in data/each_place.json.
"""
from __future__ import annotations

import json
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.gazetteer import data_path, default_gazetteer
from extract.nlp.rules.relations import (lower_words, phrase_firsts, region_index, region_runs, sentence_start,
                                         spans_in, spans_of)

AFTER_REACH = 6    # words from a count's noun to `in each of` (`Five new cases were reported in each of ...`)
PREFIX_REACH = 4   # words between `in each of` and the first place (`the cities of`)
SUBJECT_BLOCKERS = frozenset({"in", "of", "from", "to", "at", "for", "by", "with", "among", "across", "including"})
JOINING = frozenset({"and", "&", "、"})   # a list of places, not a place and its province (`Xiaogan, Hubei`)


@lru_cache(maxsize=1)
def each_words() -> dict:
    """data/each_place.json, checked once: word lists as frozensets, phrases as word tuples (longest first)."""
    with open(data_path("each_place.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    required = ("distributive_after_places", "distributive_before_places", "distributive_after_count",
                "openers_before_places", "place_list_glue", "place_list_prefixes", "place_list_units",
                "place_list_nouns", "place_list_noun_modifiers",
                "not_distributive_after_each", "tally_verbs", "bracket_list_fillers", "relative_openers")
    missing = [key for key in required if not isinstance(data.get(key), list) or not data[key]]
    if missing:
        raise ValueError(f"each_place.json: missing or empty lists {', '.join(missing)}")
    words = {key: frozenset(w.lower() for w in data[key]) for key in required}
    for key in ("openers_before_places", "distributive_before_places"):
        words[key] = tuple(sorted((tuple(p.lower().split()) for p in data[key]), key=lambda p: -len(p)))
    return words


def place_lists(doc: Doc, start: int, end: int) -> list[list[Span]]:
    """The coordinated lists of two or more places in [start, end) (`Hefei and Bengbu`, `Hefei, Bengbu and Fuyang
    cities`): places joined by commas and `and`, at least one `and`, no place twice."""
    words = each_words()
    glue = words["place_list_glue"] | words["place_list_units"]
    runs = region_runs(doc, spans_in(region_index(doc).regions, start, end), glue=glue)
    low = lower_words(doc)
    found = []
    for run in runs:
        names = [get(s, "value") for s in run]
        if len(run) >= 2 and len(set(names)) == len(names) and \
                any(w in JOINING for w in low[run[0].end: run[-1].start]):
            found.append(run)
    return found


def shared_places(doc: Doc, number: Span, head_end: int, start: int, end: int) -> tuple[str, ...] | None:
    """The places a count's number is stated for, each on its own (two or more), else None; start and end bound
    the count's clause."""
    run = places_after(doc, number, head_end, end) or places_before(doc, number, head_end, start)
    return tuple(get(s, "value") for s in run) if run else None


def numbers_between(doc: Doc, start: int, end: int) -> bool:
    """A number (not a day's) stands in [start, end)."""
    dates = spans_in(spans_of(doc, "date"), max(0, start - 6), end + 6)
    like_num = doc_index(doc).like_num
    return any(like_num[j] and not any(d.start <= j < d.end for d in dates) for j in range(start, end))


def places_after(doc: Doc, number: Span, head_end: int, end: int) -> list[Span] | None:
    """`5 new cases were reported in each of Nanjing and Suzhou`, `12 cases each in Hefei and Bengbu`, `five in
    each of Yichun and Fuzhou`: the list after `in each of` a few words on, no number or place before it."""
    words, low = each_words(), lower_words(doc)
    in_region = region_index(doc).tokens
    like_num = doc_index(doc).like_num
    firsts = phrase_firsts(words["openers_before_places"])   # (one set test rules most positions out)
    for j in range(max(head_end, number.end), min(end, head_end + AFTER_REACH)):
        for phrase in words["openers_before_places"] if firsts is None or low[j] in firsts else ():
            if tuple(low[j: j + len(phrase)]) == phrase:
                k = j + len(phrase)
                while k < end and k - j - len(phrase) < PREFIX_REACH and low[k] in words["place_list_prefixes"]:
                    k += 1
                lists = place_lists(doc, k, end)
                return lists[0] if lists and lists[0][0].start == k else None
        if low[j] == "in" and j + 1 in in_region:
            return places_then_each(doc, j + 1, end)
        if j in in_region or like_num[j] or low[j] in (",", ";", ":", ".", "(", ")"):
            return None
    return None


def places_then_each(doc: Doc, k: int, end: int) -> list[Span] | None:
    """`there is one in Shaoyang and Yueyang each`, `two in both Hefei and Bengbu`: a list of places right
    after the count's `in`, closed by `each` (not `each day`, `each of them`)."""
    words, low = each_words(), lower_words(doc)
    lists = place_lists(doc, k, end)
    if not lists or lists[0][0].start != k:
        return None
    j = lists[0][-1].end
    while j < end and low[j] in words["place_list_units"]:
        j += 1
    if j < end and low[j] in words["distributive_after_places"] and \
            (j + 1 >= len(doc) or low[j + 1] not in words["not_distributive_after_each"]):
        return lists[0]
    return None


def places_before(doc: Doc, number: Span, head_end: int, start: int) -> list[Span] | None:
    """`Jiangsu and Zhejiang each reported 12 cases`, `Both Hefei and Bengbu saw 3 new cases`, `Hefei and Bengbu
    reported 12 each` / `12 cases apiece`: a list of places before the count, with `each` after the list or the
    count, and no other number between them."""
    words, low = each_words(), lower_words(doc)
    if low[start] in words["relative_openers"] and start >= 2 and low[start - 1] == ",":
        start = sentence_start(doc, start)   # `Wuhan and Xiaogan, which each reported 100 new cases`
    lists = place_lists(doc, start, number.start)
    if not lists:
        return None
    run = lists[-1]
    k = run[-1].end
    while k < number.start and low[k] in words["place_list_units"]:
        k += 1
    if k < number.start and low[k] == "," and low[k + 1] in words["relative_openers"]:
        k += 2
    before = next((p for p in words["distributive_before_places"]
                   if tuple(low[max(0, run[0].start - len(p)): run[0].start]) == p), ())
    said_of_count = any(after_count_each(doc, j) for j in {number.end, head_end})
    opening = past_list_prefix(doc, run[0].start - len(before) - 1)
    if opening >= 0 and low[opening] in SUBJECT_BLOCKERS and not (said_of_count and low[k: number.start] == ["with"]):
        return None   # `including 3 in each of Hefei and Bengbu and 14 in Fuyang`: no subject of the count (but
        # `cases were found in Hefei and Bengbu with 8 each`: the places have it)
    verb = [w for w in low[k: number.start] if w.isalpha() and w not in words["distributive_after_places"]]
    if not verb and not (said_of_count and k == number.start):
        return None   # the count follows the list with no verb of its own (`..., Hefei and Bengbu and 14 ...`; but
        # `Hefei and Bengbu 8 each`)
    said_of_list = (k < number.start and low[k] in words["distributive_after_places"]) or bool(before)
    if not (said_of_list or said_of_count) or numbers_between(doc, run[-1].end, number.start):
        return None
    return run


def past_list_prefix(doc: Doc, j: int) -> int:
    """`Provincial-level regions of Tianjin, Liaoning and Gansu each reported one case`: the word before a
    list's naming prefix (`the cities of`, `provincial-level regions of`), which is the list's own, not a
    preposition that takes the list out of the subject; j itself when no such prefix ends at j."""
    words, low = each_words(), lower_words(doc)
    if j < 1 or low[j] != "of" or low[j - 1] not in words["place_list_nouns"]:
        return j
    j -= 1
    while j >= 0 and (low[j] in words["place_list_nouns"] or low[j] in words["place_list_noun_modifiers"]):
        j -= 1
    return j


def after_count_each(doc: Doc, j: int) -> bool:
    """`12 each`, `12 cases apiece`: `each` right after the count, not `each day` nor `each of them`."""
    words, low = each_words(), lower_words(doc)
    if j >= len(doc) or low[j] not in words["distributive_after_count"]:
        return False
    return j + 1 >= len(doc) or low[j + 1] not in words["not_distributive_after_each"]


def last_of_place_list(doc: Doc, region: Span) -> bool:
    """`Wuhan and Xiaogan, which reported 100 new cases`: the region closes a list of places."""
    return any(run[-1].start == region.start for run in place_lists(doc, sentence_start(doc, region.start),
                                                                    region.end))


def summed_over_places(doc: Doc, region: Span, number: Span) -> bool:
    """`Jiangsu and Zhejiang reported 24 new cases`: the region is the last of a list of places that is the
    count's subject, with no word saying `each`: the count is the places' sum, no one place's."""
    for run in place_lists(doc, sentence_start(doc, region.start), region.end):
        if run[-1].start == region.start and not numbers_between(doc, region.end, number.start):
            return True
    return False


def city_before_its_province(doc: Doc, region: Span) -> str | None:
    """`Xiaogan, Hubei reported 30 new cases`: a province set off by a comma after a city of its own says where
    the city is; the count is the city's."""
    if region.start < 2 or lower_words(doc)[region.start - 1] != ",":
        return None
    city = region_index(doc).by_end.get(region.start - 1)
    if city is None:
        return None
    gazetteer = default_gazetteer()
    inner, outer = gazetteer[get(city, "value")], gazetteer[get(region, "value")]
    if outer.is_provincial and not inner.is_provincial and inner.province == outer.canonical:
        return get(city, "value")
    return None
