"""What a count's clause says of it beyond its noun: that it is the whole a number before it is part of (`930 of
the 935 patients`), or what was added to a total a later clause brings to a number (`838 patients were discharged,
bringing the total to 67,749`)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.rules.counting import TOTAL_CLAUSE_VERBS
from extract.nlp.rules.list_shapes import enclosed_group_end
from extract.nlp.rules.relations import (last_before, lower_words, possessive_owner, region_index, sentence_index,
                                         sentence_start, spans_in, token_texts)
from extract.nlp.triggers import triggers, word_set

WHOLE_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "all"})   # `7 of (its) 9`: part and whole
EVENT_STATUSES = {word: status for status, words in triggers()["event_of_counts"].items()
                  if status not in ("_why", "fillers") for word in words}
EVENT_FILLERS = word_set("event_of_counts", "fillers")
PART_OPENERS = (["of", "which"], ["of", "whom"], ["of", "them"], ["of", "those"])   # `10 patients, seven of which ...,`
PARTS_REACH = 25   # words of a comma-enclosed list of parts
PARTS_NOT_VERBS = frozenset({"and", "or", "so", "but", "while", "which", "who", "as", "with", "including"})
INCREMENT_REACH = 15   # words from a count to the clause that brings a total to a number, and from there to `to`


def whole_of_a_part(doc: Doc, number: Span) -> bool:
    """`930 of the 935 patients`, `12 of its 30 cases`, `16 out of 17 cases`: the number after `of` is the whole
    a number before it is part of."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    j = number.start - 1
    owner = possessive_owner(doc, j)
    if owner is not None:
        j = owner.start - 1   # `12 of Wuhan's 30 patients`
    elif j >= 0 and words[j] in WHOLE_DETERMINERS:
        j -= 1
    if j < 1 or words[j] != "of":
        return False
    if words[j - 1] == "out":
        j -= 1
    return j >= 1 and like_num[j - 1]


def increments_a_total(doc: Doc, j: int) -> bool:
    """`838 patients were discharged, bringing the total to 67,749`: the count after which a clause brings a
    total to a number is what was added to it (no other number between the two)."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    sentence_end = sentence_index(doc).bounds(j)[1] if j < len(doc) else len(doc)
    end = min(sentence_end, j + INCREMENT_REACH)
    for k in range(j, end):
        if like_num[k]:
            return False
        if words[k] in TOTAL_CLAUSE_VERBS and k > 0 and words[k - 1] in (",", "and"):
            return any(words[t] == "to" and like_num[t + 1]
                       for t in range(k + 1, min(sentence_end - 1, k + 1 + INCREMENT_REACH)))
    return False


def increment_before(doc: Doc, number: Span, facts: list[Span]) -> Span | None:
    """`417 patients were discharged on Tuesday, bringing the total to 2,639 patients`: the count a total brought
    to the number was brought up by (the last count before the clause, no other number between), else None."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    if number.start < 3 or words[number.start - 1] != "to":
        return None
    first = sentence_start(doc, number.start)
    for k in range(number.start - 2, max(first, number.start - INCREMENT_REACH), -1):
        if like_num[k]:
            return None
        if words[k] in TOTAL_CLAUSE_VERBS and words[k - 1] in (",", "and"):
            previous = last_before(facts, k, floor=first)
            if previous is None or previous.label_ != "case_count" or any(like_num[t] for t in range(previous.end, k)):
                return None
            return previous
    return None


KIND_REACH = 4   # words of a kind of case listed after `including` (`suspected cases`)
CASE_KIND_NOUNS = word_set("case_kind_nouns")
INFECTING_VERBS = word_set("infecting_verbs")   # a disease's verb right before its count of the infected
PERFECT_ADVERBS = word_set("perfect_adverbs")   # between `has` and its verb (`has since infected`)


def perfect_before(words: list[str], j: int) -> bool:
    """A perfect auxiliary before the verb at word j, past a few adverbs (`has since infected`): the disease's
    verb, not a participle (`Of those infected 5 are ...`)."""
    k = j - 1
    while k > 0 and words[k] in PERFECT_ADVERBS:
        k -= 1
    return words[k] in ("has", "have", "had")


def event_status(doc: Doc, number: Span) -> str | None:
    """`the discharge of the last two patients`, `the deaths of 3 patients`: the status an event noun before `of`
    gives the count after it (data/triggers.json event_of_counts), or None."""
    words = lower_words(doc)
    j = number.start - 1
    if j >= 1 and words[j] in INFECTING_VERBS and perfect_before(words, j):
        return "confirmed"   # `the virus has infected more than 800 people and killed 25`: not the next verb's
    while j > 0 and words[j] in EVENT_FILLERS:
        j -= 1
    if j < 1 or words[j] != "of":
        return None
    return EVENT_STATUSES.get(words[j - 1])


def lists_kinds(words: list[str], j: int) -> bool:
    """The words from j to the next comma name a kind of case (`diagnosed cases`, `suspected patients`)."""
    for k in range(j, min(len(words), j + KIND_REACH)):
        if words[k] == ",":
            return False
        if words[k] in CASE_KIND_NOUNS:
            return True
    return False


def comma_parts_end(doc: Doc, j: int) -> int | None:
    """The token after a comma-enclosed list of a count's parts opening at the comma j (`10 patients, seven of
    which were from the United States and three from Britain, were discharged`), within its sentence: the verb
    after it is the count's. None when j opens no such list."""
    words, like_num = lower_words(doc), doc_index(doc).like_num
    if j + 3 >= len(doc) or words[j] != "," or not (like_num[j + 1] and words[j + 2: j + 4] in PART_OPENERS or
                                                    words[j + 1] == "including"):
        return None   # (`28 patients, including Cheng, were discharged`)
    if words[j + 1] == "including" and not like_num[j + 2] and lists_kinds(words, j + 2):
        return None   # `828 patients, including diagnosed cases, suspected cases and fever cases`: kinds of
        # patients, not a part with the count's verb after it
    end = min(len(doc), j + PARTS_REACH, sentence_index(doc).bounds(j)[1])
    for k in range(j + 2, end):
        if words[k] in (";", ".", "(", ")"):
            return None
        if words[k] == ",":   # (`..., and 30 deaths`, `..., so ...`: no verb of the count's)
            return k + 1 if k + 1 < end and not like_num[k + 1] and words[k + 1] not in PARTS_NOT_VERBS else None
    return None


NEGATIONS = frozenset({"without", "no", "not", "excluding", "except", "non"})   # what ends the words after a count


def words_after(doc: Doc, j: int, window: int = 12) -> list[str]:
    """The words after a count up to the next break (a comma, a parenthesis, a number, a sentence, a negation);
    read once per position (the case status and list rules ask again for the same count), a new list each call."""
    cache = doc_index(doc).words_after
    found = cache.get((j, window))
    if found is None:
        found = cache[(j, window)] = tuple(find_words_after(doc, j, window))
    return list(found)


def find_words_after(doc: Doc, j: int, window: int) -> list[str]:
    lows, texts, like_num = lower_words(doc), token_texts(doc), doc_index(doc).like_num
    words, stop, opens = [], min(len(doc), j + window), doc_index(doc).sentences.start_set   # (sentence starts)
    while j < stop:
        group_end = enclosed_group_end(doc, j) or comma_parts_end(doc, j) if j > 0 and texts[j] != "(" else None
        if group_end is not None:   # `Five patients — three in Hefei, two in Bengbu — were discharged`
            j, stop = group_end, min(len(doc), group_end + window)
            continue
        if texts[j] == "(" and j > 0:   # `4 new cases (2 in Haikou, 1 in Sanya) discharged`: look past it
            close = next((k for k in range(j + 1, min(len(doc), j + 30)) if texts[k] == ")"), None)
            if close is not None and sentence_start(doc, close) == sentence_start(doc, j):
                j, stop = close + 1, min(len(doc), close + 1 + window)
                continue
        if texts[j] in (",", ";", "(", ")") or texts[j].isspace() or j in opens or \
                like_num[j]:
            break
        if lows[j] == "and" and j + 1 < len(doc) and like_num[j + 1]:
            break
        if lows[j] in NEGATIONS:
            break   # `cases in hospital without severe cases`
        words.append(lows[j])
        j += 1
    return words


def other_place_between(doc: Doc, previous: Span, number: Span) -> bool:
    """Whether a place other than the previous count's is named between it and the number (`Henan recorded 1,033
    cases, and helps Suizhou, a city with 984 cases`: the 984 is no part of Henan's report)."""
    regions, own = region_index(doc), get(previous, "region")
    return any(regions.value_at[j] != own for j in range(previous.end, number.start) if j in regions.value_at)


PLACE_HAS = word_set("place_has_verbs")   # `Hong Kong has 682 cases`: a standing count
PATIENT_NOUNS = word_set("held_people_nouns")   # who may be held now


def place_has(doc: Doc, before: list[str], phrase: list[str], clause_start: int, number: Span) -> bool:
    """`Hong Kong has 682 cases`: a place that has a number of cases or deaths holds a running total, as `a city
    with 984 cases` does; not patients, who may be those held now (`Hubei has 3,000 patients`). before: the
    clause's words up to the number; phrase: the count's noun phrase."""
    return len(before) > 1 and before[-1] in PLACE_HAS and not PATIENT_NOUNS.intersection(phrase) and \
        bool(spans_in(region_index(doc).regions, clause_start, number.start - 1)) and \
        not increments_a_total(doc, number.end)   # (`has 1,350 cases ..., bringing the total to 2,000`)
