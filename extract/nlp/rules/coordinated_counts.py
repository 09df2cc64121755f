"""Counts coordinated before one place: in `3,099 cases and 82 deaths were reported in Henan`, `There were 3,099
cases and 82 deaths in Henan`, the place after the last count is every member's. The clause rules give it only to
the count next to it (the earlier ones end their clause at `and`), so this runs once all counts of a document are
made: an earlier member with no region of its own takes the place the last member found after itself."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get, put
from extract.nlp.rules.case_regions import is_subcount
from extract.nlp.rules.relations import rule_of, governing_preposition, lower_words, region_index, spans_in

JOINERS = frozenset({"and", ","})   # what stands between two members (`3,099 cases, 82 deaths and 1,000 cures`)
LOCATING = frozenset({"in"})
PLACE_REACH = 8   # words from the last member to its place (`had been recorded in the province of Henan`)
RESPECTIVE_RULE = "case_respectively"
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "while", "with", "including", "which", "who", "but"})


def share_coordinated_place(doc: Doc, facts: list[Span], placed_elsewhere) -> None:
    """Gives the earlier members of a coordination of case counts the place the last member is located in.
    `placed_elsewhere(doc, i)` says whether a count at token i is the country's or abroad (no region)."""
    cases = [f for f in facts if f.label_ == "case_count"]
    words = lower_words(doc)
    for k in range(len(cases) - 1, 0, -1):
        last = cases[k]
        place = place_after(doc, last)
        if place is None or get(last, "region") != place:
            continue
        # `5 new cases, 4 in Guangzhou and 1 in Shenzhen`: a list of places after a comma, the first count their whole
        listed = listed_on(doc, words, last, cases[k + 1] if k + 1 < len(cases) else None, place)
        j = k
        # (a list's member is a part of the count before it, no coordinated count: `Of the 23 new cases, 12 were in
        # Wuhan, 6 in Xiaogan`)
        while j > 0 and joined(words, cases[j - 1], cases[j]) and not is_subcount(cases[j]):
            member = cases[j - 1]
            if listed and words[member.end: cases[j].start] == [","]:
                break
            if get(member, "region") is None and not get(member, "places") and \
                    not placed_elsewhere(doc, member.start):
                put(member, "region", place)
            elif get(member, "region") != place:
                break   # a member with its own place ends the coordination
            j -= 1


def listed_on(doc: Doc, words: list[str], last: Span, after: Span | None, place: str) -> bool:
    """The count after the last member goes on in its sentence with a place of its own, another one: the counts
    are a list of places (`4 cases in Guangzhou and 1 case in Shenzhen`), not a coordination before one place."""
    if after is None or get(after, "region") in (None, place) or \
            doc_index(doc).sentences.bounds(after.start)[0] > last.start:
        return False
    return not JOINERS.isdisjoint(words[last.end: after.start])


def joined(words: list[str], earlier: Span, later: Span) -> bool:
    """`3,099 cases and 82 deaths`: only a joiner between the two counts' spans."""
    between = words[earlier.end: later.start]
    return 0 < len(between) <= 2 and all(w in JOINERS for w in between) and between[-1] in JOINERS


def place_after(doc: Doc, fact: Span) -> str | None:
    """The region `in` locates right after a count's span, before any break of its clause."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    end = min(len(doc), fact.end + PLACE_REACH)
    for span in spans_in(region_index(doc).regions, fact.end, end):
        between = words[fact.end: span.start]
        if any(w in CLAUSE_BREAKS for w in between) or any(like_num[i] for i in range(fact.end, span.start)):
            return None
        if governing_preposition(doc, span, LOCATING) is not None:
            return get(span, "value")
        return None
    return None


def share_respective_statuses(doc: Doc, facts: list[Span]) -> None:
    """`... 394 new infections and 114 deaths, taking their totals to 74,576 and 2,118 respectively`: the k numbers
    listed `respectively` match, in order, the last k case counts of their sentence when those state k different
    statuses (a list matched against places keeps its head's status)."""
    cases = [f for f in facts if f.label_ == "case_count"]
    k = 0
    while k < len(cases):
        if rule_of(cases[k]) != RESPECTIVE_RULE:
            k += 1
            continue
        sent_start = doc_index(doc).sentences.bounds(cases[k].start)[0]
        end = k
        while end < len(cases) and rule_of(cases[end]) == RESPECTIVE_RULE and cases[end].start >= sent_start:
            end += 1
        members = cases[k: end]
        before = [f for f in cases[:k] if f.start >= sent_start and rule_of(f) != RESPECTIVE_RULE]
        matched = before[-len(members):] if len(members) >= 2 else []
        statuses = [get(f, "status") for f in matched]
        if len(matched) == len(members) and len(set(statuses)) == len(statuses) and "unspecified" not in statuses:
            for member, status in zip(members, statuses):
                put(member, "status", status)
        k = end

