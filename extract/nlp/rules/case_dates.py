"""The day a case count is as of, where its own clause does not simply say.

A bulletin names its day once (`Two cases were confirmed on Thursday`, `As of 24:00 on Feb 7, ...`) and its later
figures (`There are 22 patients in hospital`, `At present, 89 patients ...`) are of that day: a count with no day
of its own takes the day of the last dated case count of its report (not another province's) before it, unless a later day has been named since (a
back-story's earlier days do not end it) or a new story's heading stands between; with no dated count before, a
day its paragraph named in a sentence about cases that counts none (`no new cases were reported on March 30.`). `on the same day` is the day
named last. A level compared with `a day earlier` is of the day before the count it is compared with. Of two
days in a clause, the one the figures are `as of` beats the day they were announced (`said in a statement on
Monday that 78 new cases had been identified as of Sunday`), and a day said of an earlier level (`down from 48
cases reported on Monday`) is that level's only. The phrases are data/triggers.json's `earlier_days`,
`same_day_phrases` and `as_of_openers`, checked when first read.
"""
from __future__ import annotations

import datetime
import functools

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import get
from extract.nlp.rules.counting import opens_period
from extract.nlp.rules.relations import (attachable_dates, last_before, lower_words, nearest, phrase_in,
                                         sentence_index, sentence_start, spans_in, spans_of, token_texts)
from extract.nlp.triggers import triggers

CARRY_REACH = 600     # tokens back to the dated count whose day a later figure takes (a bulletin's length)
PHRASE_REACH = 4      # tokens after a number within which `a day earlier` stands
AS_OF_GAP = 8         # tokens from `as of` to its day (`as of the end of the day on Sunday`)
LEVEL_GAP = 4         # tokens between an earlier level and the day said of it (`48 cases reported on Monday`)
LEVEL_OPENERS = (("from",), ("compared", "with"), ("compared", "to"))
LEVEL_LAST_WORDS = frozenset(opener[-1] for opener in LEVEL_OPENERS)


def phrases(values) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(v.lower().split()) for v in values), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def day_words() -> dict:
    t = triggers()
    for key in ("earlier_days", "same_day_phrases", "as_of_openers"):
        if not t.get(key):
            raise ValueError(f"triggers.json: missing {key}")
    shifts = {tuple(k.lower().split()): int(v) for k, v in t["earlier_days"].items()}
    if any(v >= 0 for v in shifts.values()):
        raise ValueError("triggers.json: earlier_days must go back in time")
    return {"earlier": shifts, "same_day": phrases(t["same_day_phrases"]), "as_of": phrases(t["as_of_openers"])}


def shift(day: str, days: int) -> str | None:
    try:
        return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()
    except ValueError:
        return None


def is_day(value) -> bool:
    return isinstance(value, str) and len(value) == 10


def earlier_day(doc: Doc, number: Span, facts: list[Span]) -> str | None:
    """`up from 30 a day earlier`, `compared with 47 the day before`: the day before the dated count it follows."""
    shifts = day_words()["earlier"]
    phrase = owning_day(doc, number)   # `a further decrease from the previous day's 1,807`
    if phrase is None:
        end = min(len(doc), number.end + PHRASE_REACH)
        found = phrase_in(doc, tuple(shifts), number.end, end)
        if found is None or any(doc_index(doc).is_punct[number.end: found[0]]):
            return None   # no phrase, or a punctuation mark before it
        phrase = found[1]
    compared = last_before(facts, number.start, lambda f: f.label_ == "case_count" and is_day(get(f, "date")),
                           floor=number.start - CARRY_REACH)
    return shift(get(compared, "date"), shifts[phrase]) if compared is not None else None


def owning_day(doc: Doc, number: Span) -> tuple[str, ...] | None:
    """The earlier day whose possessive stands right before the number (`the previous day's 1,807`), or None."""
    words = lower_words(doc)
    if number.start < 2 or words[number.start - 1] not in ("'s", "’s"):
        return None
    for phrase in day_words()["earlier"]:
        if tuple(words[max(0, number.start - 1 - len(phrase)): number.start - 1]) == phrase:
            return phrase
    return None


def earlier_level_of(doc: Doc, number: Span, facts: list[Span]) -> Span | None:
    """The count an earlier level is compared with: the last case count of its sentence before it."""
    return last_before(facts, number.start, lambda f: f.label_ == "case_count", floor=sentence_start(doc, number.start))


def level_day(doc: Doc, number: Span) -> str | None:
    """`rose to 3,000 on Monday from 2,900 on Sunday`: the day said right after an earlier level is its own."""
    for span in attachable_dates(doc, number.end, number.end + LEVEL_GAP + 1):
        if span.start - number.end <= LEVEL_GAP and is_day(get(span, "value")):
            return get(span, "value")
    return None


def same_day(doc: Doc, number: Span, start: int, end: int) -> str | None:
    """`Twelve new cases were also confirmed on the same day`: the day named last before the clause."""
    if phrase_in(doc, day_words()["same_day"], start, end) is None:
        return None
    named = last_before(spans_of(doc, "date"), start, lambda d: is_day(get(d, "value")) and not get(d, "dateline"),
                        floor=max(0, start - CARRY_REACH))
    return get(named, "value") if named is not None else None


def as_of(doc: Doc, span: Span) -> bool:
    """The day is one the figures are as of: `as of Sunday`, `by the end of the day on Sunday`."""
    return phrase_in(doc, day_words()["as_of"], max(0, span.start - AS_OF_GAP), span.start) is not None


def is_earlier_level(doc: Doc, fact: Span) -> bool:
    """`down from 48 cases`, `compared with 47`: a level given for comparison, whose day is not the report's."""
    words = lower_words(doc)
    if fact.start == 0 or words[fact.start - 1] not in LEVEL_LAST_WORDS:
        return False   # (one set test rules out most counts: an opener ends right before the level)
    return any(tuple(words[max(0, fact.start - len(o)): fact.start]) == o for o in LEVEL_OPENERS)


def said_of_a_level(doc: Doc, number: Span, span: Span) -> bool:
    """`down from 48 cases reported on Monday`: another number, an earlier level, stands just before the day."""
    words = lower_words(doc)
    for level in spans_in(spans_of(doc, "number"), span.start - LEVEL_GAP - 2, span.start):
        if level.start == number.start or level.end > span.start or span.start - level.end > LEVEL_GAP:
            continue
        if any(tuple(words[level.start - len(o): level.start]) == o for o in LEVEL_OPENERS):
            return True
    return False


BRACKET_DAY_GAP = 3   # tokens from a number to the bracketed day that follows its noun (`6 cases (March 1)`)


def clause_day(doc: Doc, number: Span, start: int, end: int) -> str | None:
    """The day of the count's own clause: the nearest that can date it, but a day it is `as of` after the number
    beats an earlier one (the day of a statement), and neither an earlier level's day nor the day its period
    starts from (`since Jan 20`) is its own."""
    dates = [d for d in attachable_dates(doc, start, end)
             if not said_of_a_level(doc, number, d) and not opens_period(doc, d)]
    words = lower_words(doc)
    own = next((d for d in dates if 0 <= d.start - number.end <= BRACKET_DAY_GAP and words[d.start - 1] == "(" and
                d.end < len(doc) and words[d.end] == ")"), None)
    if own is not None:
        return get(own, "value")   # `namely 6 cases (March 1), 3 cases (February 29)`: each its bracket's day
    found = nearest(dates, number.start)
    if found is not None and found.end <= number.start:
        later = [d for d in dates if d.start >= number.end and as_of(doc, d) and is_day(get(d, "value"))]
        if later and not as_of(doc, found):
            found = later[0]
    return get(found, "value") if found is not None else None


def carried_day(doc: Doc, number: Span, facts: list[Span], section_start: int, same_place,
                case_words: frozenset[str]) -> str | None:
    """The day of the last dated case count before that may be of the same report (`same_place`: not another
    province's), in the same story, when no later day is named since."""
    previous = last_before(facts, number.start, lambda f: f.label_ == "case_count" and is_day(get(f, "date")) and
                           not is_earlier_level(doc, f) and same_place(get(f, "region")),
                           floor=max(section_start, number.start - CARRY_REACH))
    if previous is None:   # no dated count before but another place's: the paragraph's day, when it names one
        # (`2 new cases in Beijing [headline] ... confirmed in Beijing from 0 to 24 February 29th. 18 new ...`)
        dated = last_before(facts, number.start, lambda f: f.label_ == "case_count" and is_day(get(f, "date")),
                            floor=max(section_start, number.start - CARRY_REACH))
        return paragraph_day(doc, number, case_words) if dated is None else None
    day = get(previous, "date")
    for span in spans_in(spans_of(doc, "date"), previous.end, number.start):
        value = get(span, "value")
        if is_day(value) and value > day and not get(span, "dateline"):
            return None   # the story has moved on to a later day
    return day


def paragraph_day(doc: Doc, number: Span, case_words: frozenset[str]) -> str | None:
    """`no new local cases were reported in Tianjin on March 30. 1 new imported case was reported`: with no dated
    count before it, the last day its paragraph named before its sentence, in a sentence about cases."""
    texts, words = token_texts(doc), lower_words(doc)
    sent_start = sentence_start(doc, number.start)
    j, floor = sent_start - 1, max(0, sent_start - CARRY_REACH)   # (a paragraph, or the carry's reach: linear)
    while j >= floor and "\n" not in texts[j]:
        j -= 1
    for span in reversed(attachable_dates(doc, j + 1, sent_start)):
        if not is_day(get(span, "value")) or opens_period(doc, span):
            continue
        s_start, s_end = sentence_index(doc).bounds(span.start)
        if not case_words.isdisjoint(words[s_start: s_end]):
            return get(span, "value")
        return None
    return None
