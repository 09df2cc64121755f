"""The shapes of place lists that the roll-call rules (rules/roll_calls.py) and the list-item reader (rules/scopes.py)
share: a list enclosed in a sentence by dashes or brackets, and a member's place named past an adjective or a noun
it is set beside. Knowledge is in data/roll_calls.json.
"""
from __future__ import annotations

import json
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.nlp.gazetteer import data_path
from extract.nlp.rules.relations import (lower_words, region_index, sentence_of, sentence_start, spans_in,
                                         token_texts)

GROUP_REACH = 40        # tokens of a list enclosed by dashes or brackets
DESCRIPTOR_REACH = 2    # adjectives before a member's place (`in northwestern Gansu`)
LEAD_WORDS = frozenset({"of", "among", "amongst"})   # what opens a lead-in naming a whole (`Among the total of 85,`)
LEAD_REACH = 10         # tokens of such a lead-in
APPOSITION_REACH = 3    # words of a member's noun before its place (`in the provincial capital, Hefei`)


@lru_cache(maxsize=1)
def roll_words() -> dict[str, frozenset]:
    """data/roll_calls.json, checked once: its word lists as lowercase frozensets."""
    with open(data_path("roll_calls.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    required = ("member_verbs", "share_verbs", "holding_verbs", "member_openers", "place_descriptors", "apposition_nouns",
                "group_openers", "group_closers", "other_words")
    missing = [key for key in required if not isinstance(data.get(key), list) or not data[key]]
    if missing:
        raise ValueError(f"roll_calls.json: missing or empty lists {', '.join(missing)}")
    words = {key: frozenset(w.lower() for w in data[key]) for key in required}
    if not words["holding_verbs"] <= words["member_verbs"]:
        raise ValueError("roll_calls.json: every holding verb must be a member verb")
    return words


def enclosed_group_end(doc: Doc, j: int) -> int | None:
    """The token after the closer of a list enclosed from token j by dashes or brackets (`— four in Shanghai, two
    in Gansu —`, `(three in Hefei, two in Bengbu)`), within its sentence; None when j opens no such group. A
    hyphen counts as a dash only set apart by spaces (`COVID-19` is no group)."""
    texts, words = token_texts(doc), roll_words()
    if j >= len(doc) or texts[j] not in words["group_openers"] or not spaced_dash(doc, j):
        return None
    bracket = texts[j] == "("
    end = min(len(doc), j + GROUP_REACH, sentence_of(doc, j).end)
    for k in range(j + 1, end):
        if texts[k] in (".", ";", "(" if not bracket else "—"):
            return None
        if (texts[k] == ")") if bracket else (texts[k] in words["group_closers"] and texts[k] != ")" and
                                               spaced_dash(doc, k)):
            return k + 1
    return None


def spaced_dash(doc: Doc, j: int) -> bool:
    """A token that may open or close an enclosed list: a bracket, a dash, or a hyphen with spaces around it."""
    if doc[j].text != "-":
        return True
    return j > 0 and doc[j - 1].whitespace_ != "" and doc[j].whitespace_ != ""


def described_place(doc: Doc, j: int) -> Span | None:
    """The place a list member names after `in` (at token j) past an adjective or a noun it is set beside:
    `northwestern Gansu Province`, `the capital, Beijing`, `the provincial capital, Hefei`."""
    words, regions, words_of = lower_words(doc), region_index(doc), roll_words()
    k = j
    while k < len(doc) and k < j + DESCRIPTOR_REACH and words[k] in words_of["place_descriptors"]:
        k += 1
        if k in regions.by_start:
            return regions.by_start[k]
    if k > j and k + 2 < len(doc) and words[k] in words_of["apposition_nouns"] and words[k + 1] == "of":
        return regions.by_start.get(k + 2)   # `the northeastern border province of Heilongjiang`
    for k in range(j, min(len(doc) - 2, j + APPOSITION_REACH)):
        if words[k] in words_of["apposition_nouns"] and words[k + 1] == ",":
            return regions.by_start.get(k + 2)
        if words[k] in (",", ".", ";") or k in regions.tokens:
            return None
    return None


def closes_lead(doc: Doc, number: Span) -> bool:
    """`Among the confirmed total of 85, 18 patients have been discharged`: the number ends a lead-in that opens
    its sentence with `of` or `among` and names the whole the count after it parts; it lists nothing with that
    count (not `Of the provinces, 202, 183 and 176 cases`, where a comma stands before the number)."""
    words = lower_words(doc)
    start = sentence_start(doc, number.start)
    if number.end >= len(doc) or words[number.end] != "," or words[start] not in LEAD_WORDS:
        return False
    return 2 <= number.start - start <= LEAD_REACH and words[number.start - 1] != ","


def enclosed_whole_place(doc: Doc, j: int) -> Span | None:
    """The place of a group enclosed from token j that says where all of a count's people are: `three of those —
    all in Hubei Province — were local`, `9 new deaths (all in Wuhan)`; None for any other group."""
    end = enclosed_group_end(doc, j)
    if end is None:
        return None
    words = lower_words(doc)
    k = j + 1
    if words[k: k + 1] != ["all"]:
        return None
    k += 3 if words[k + 1: k + 3] == ["of", "them"] else 1
    if words[k: k + 1] not in (["in"], ["from"]):
        return None
    # the one place of the group, closing it (`all in the virus's epicenter, Hubei Province`)
    places = [r for r in spans_in(region_index(doc).regions, k + 1, end) if r.end < end]
    return places[0] if len(places) == 1 and places[0].end == end - 1 else None
