"""aidfacts_accounting: every numeral of a document accounted for -> doc.user_data["aidfacts_numbers"].

A numeral is a token with a digit (any script), or a number span of the numbers component (`three hundred`,
`a dozen`); digit tokens glued by a separator (`0551-62998888`, `3/4`) are one numeral. Each one is

- held by a fact: it lies in the span of a date, a count or a missing number (reason `fact`, with that fact's
  id and kind), or of a calendar reference left unresolved (`date`);
- set aside with a reason from its own shape (a clock time, an ordinal, a code with letters, a year, a phone
  number) or the words around it (data/accounting.json: money, percent, age, time, phone, id, beds, tests,
  close contacts, another disease, supplies, measures, hospitals, a change: what a figure was revised or fell by);
- or `unexplained`: a number the rules did not read, which may be a fact the dataset lacks.

It runs after the records component, on the facts it made. Each record is a Fact of kind `number` (value: the
numeral's value where it reads as a whole number, expected: the reason, rule: `reason:how`, belongs_to: the fact
that holds it), handed on beside the facts: the build routes them to numbers.csv, never to the facts.
One pass over the numerals, word sets and dict look-ups: it runs for every article.
"""
from __future__ import annotations

import functools
import json
import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.extensions import get
from extract.nlp.gazetteer import data_path
from extract.nlp.numerals import ascii_numeral, count_value, parse_digits
from extract.nlp.records import COUNT_KINDS, FACTS_KEY, NUMBER_KIND, NUMBERS_KEY, context_of, number_row
from extract.nlp.docindex import release
from extract.nlp.rules.relations import (lower_words, sentence_index, spans_of, text_of, token_indices, token_offsets,
                                         token_texts)

REASONS = ("fact", "date", "money", "percent", "age", "time", "phone", "id", "ordinal", "year", "code", "beds",
           "tests", "close_contacts", "other_disease", "supplies", "measure", "hospitals", "places", "population",
           "change", "unexplained")
WORD_REASONS = ("money", "percent", "forecast", "age", "time", "phone", "id", "beds", "tests", "close_contacts",
                "other_disease", "supplies", "measure", "hospitals", "places",
                "population", "change")   # the reasons data/accounting.json words
PLACES = ("before", "after", "noun", "clause", "sentence")
DIGIT = re.compile(r"\d[\d,.:]*")   # where digits are: one match for most numerals (`2,345.5`)
CLOCK = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
# a dateline's day written in digits (`2020-03-04,15:04`, `03-04`, `02,2020`): zero-padded months and days, or a year
CALENDAR = re.compile(r"(?:(?:19|20)\d{2}[-/.])?(?:0\d|1[0-2])[-/.](?:[0-2]\d|3[01])(?:[-/.](?:19|20)\d{2})?"
                      r"(?:[ ,T]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|"
                      r"\d{1,2},(?:19|20)\d{2}")
YEAR = re.compile(r"(?:19|20)\d{2}s?")
PHONE = re.compile(r"\+\d+|0\d{2,4}-?\d{6,8}|\d{8,}")
GLUE = frozenset("-–~/:.,+()")   # characters that join digit tokens into one numeral when nothing is between
# words the `before` phrases may stand behind, and words the `after` and `noun` windows step over
SKIPPED_BEFORE = frozenset({"about", "around", "nearly", "almost", "over", "more", "than", "some", "approximately",
                            "roughly", "just", "only", "at", "least", "up", "to", "under", "fewer", "less",
                            "the", "a", "an", "another", "total", "of", "between", "from"})
LIST_LINKS = frozenset({"and", "or", "to", "-", "–"})   # a numeral and the next one sharing its unit
SKIPPED_AFTER = frozenset({"-", "thousand", "million", "billion", "hundred", "more", "or", "so", "plus", "+"})
NOUN_STOPS = frozenset({"in", "of", "at", "from", "to", "with", "for", "on", "by", "and", "or", "who", "which",
                        "that", "is", "are", "was", "were", "have", "has", "had", "will", "been", "be", "as",
                        "than", "after", "before", "since", "while", "across", "including", "per"})
NOUN_WINDOW = 5
CLAUSE_WINDOW = 12
CLAUSE_ENDS = frozenset({",", ";", ".", ":", "(", ")", "!", "?", "，", "；", "。"})
BEFORE_WINDOW = 4
LABEL_WINDOW = 5   # words of a statistics line's label, back from its colon
# the facts that read a number (regions and pairings do not), the later ones winning where two hold a character
HOLDING = (frozenset({"date", "missing_number"}), frozenset(COUNT_KINDS))
UNRESOLVED = "unresolved"


@functools.lru_cache(maxsize=1)
def accounting_words() -> dict[str, dict[str, frozenset[tuple[str, ...]]]]:
    """data/accounting.json, checked once: a known reason each, known places, lower-case single-spaced
    phrases. {reason: {place: {phrase as a tuple of words}}}, in the order the reasons are tried."""
    with open(data_path("accounting.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    reasons = data.get("reasons")
    if not isinstance(reasons, dict):
        raise ValueError("accounting.json: `reasons` must be an object")
    table = {}
    for reason, places in reasons.items():
        if reason not in WORD_REASONS:
            raise ValueError(f"accounting.json: unknown reason {reason!r} (known: {', '.join(WORD_REASONS)})")
        if not isinstance(places, dict) or not set(places) <= set(PLACES):
            raise ValueError(f"accounting.json: {reason} must map some of {', '.join(PLACES)} to phrases")
        table[reason] = {}
        for place, phrases in places.items():
            if not isinstance(phrases, list) or not all(
                    isinstance(p, str) and p == p.lower() and p == " ".join(p.split()) and p for p in phrases):
                raise ValueError(f"accounting.json: {reason}.{place} must be a list of lower-case phrases, "
                                 "single-spaced")
            table[reason][place] = frozenset(tuple(p.split()) for p in phrases)
    return table


@Language.factory("aidfacts_accounting", assigns=["doc.user_data"], requires=["doc.spans", "doc.user_data"],
                  default_config={})
def make_accounting(nlp: Language, name: str) -> "NumberAccounting":
    return NumberAccounting()


class NumberAccounting:
    """Sets doc.user_data["aidfacts_numbers"]: one `number` record per numeral, in document order."""

    def __init__(self):
        table = accounting_words()
        # per place, phrase -> the first reason (in the file's order) that lists it
        self.by_place: dict[str, dict[tuple[str, ...], str]] = {place: {} for place in PLACES}
        for reason, places in table.items():
            for place, phrases in places.items():
                for phrase in phrases:
                    self.by_place[place].setdefault(phrase, reason)
        self.longest = {place: max((len(p) for p in phrases), default=0) for place, phrases in self.by_place.items()}
        self.noun_words = {p[0]: r for p, r in self.by_place["noun"].items() if len(p) == 1}
        self.sentence_words = {p[0]: r for p, r in self.by_place["sentence"].items() if len(p) == 1}
        self.sentence_phrases = {p: r for p, r in self.by_place["sentence"].items() if len(p) > 1}
        self.sentence_firsts: dict[str, list[tuple[tuple[str, ...], str]]] = {}   # the phrases by first word
        for phrase, reason in self.sentence_phrases.items():
            self.sentence_firsts.setdefault(phrase[0], []).append((phrase, reason))

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[NUMBERS_KEY] = self.records(doc, doc._.doc_id or "document")
        release(doc)   # the last component: the per-document indexes of the rules are freed
        return doc

    def records(self, doc: Doc, doc_id: str) -> list:
        numerals, values = self.numerals(doc)
        if not numerals:
            return []
        text = text_of(doc)
        words = lower_words(doc)
        starts, lengths = token_offsets(doc)
        holder = self.holders(doc, text)
        sentences = sentence_index(doc)
        rows = []
        for first, stop in numerals:
            start, end = starts[first], starts[stop - 1] + lengths[stop - 1]
            held = holder[start]
            if held is None and end - start > 1:
                held = next((h for h in holder[start + 1:end] if h is not None), None)
            belongs = None
            if held is UNRESOLVED:
                reason, rule = "date", "date:unresolved"
            elif held is not None:
                belongs, reason, rule = held.fact_id, "fact", "fact:" + held.kind
            else:
                reason, rule = self.reason(doc, words, text[start:end], first, stop, sentences)
            sent_start, sent_end = sentences.char_bounds(first)
            rows.append(number_row(doc_id, text, start, end, values.get(first), reason, rule, belongs,
                                   sent_start, sent_end, context_of(text, start, end)))
        return rows

    @staticmethod
    def numerals(doc: Doc) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """(first token, stop token) of each numeral, in order: the number spans with a value, then the digit
        tokens outside them, glued ones (`0551-62998888`) taken together; and the value of each numeral that
        reads as a whole number, by its first token."""
        text = text_of(doc)
        starts, lengths = token_offsets(doc)
        values: dict[int, int] = {}
        spans = []
        for span in spans_of(doc, "number"):
            value = get(span, "value")
            if value is not None:
                spans.append((span.start, span.end))
                values[span.start] = value
        claimed = {i for first, stop in spans for i in range(first, stop)}
        digits = [i for i in token_indices(doc, (m.start() for m in DIGIT.finditer(text))) if i not in claimed]
        runs: list[tuple[int, int]] = []
        for i in digits:
            if runs and glued(text, starts, lengths, runs[-1][1] - 1, i):
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
        for first, stop in runs:
            if stop == first + 1:
                value = count_value(parse_digits(ascii_numeral(text[starts[first]:starts[first] + lengths[first]])))
                if value is not None:
                    values[first] = value
        return sorted(spans + runs), values

    @staticmethod
    def holders(doc: Doc, text: str) -> list:
        """Per character of the text, the fact that reads a number there (the facts the records component has
        just made), UNRESOLVED in a calendar reference left unresolved, else None; a count wins over a date or
        a gap where both hold a character."""
        holder = [None] * len(text)
        for span in spans_of(doc, "date_unresolved"):
            holder[span.start_char:span.end_char] = [UNRESOLVED] * (span.end_char - span.start_char)
        facts = doc.user_data.get(FACTS_KEY) or ()
        for kinds in HOLDING:
            for fact in facts:
                if fact.kind in kinds:
                    holder[fact.start:fact.end] = [fact] * (fact.end - fact.start)
        return holder

    def reason(self, doc: Doc, words: list[str], numeral: str, first: int, stop: int, sentences) -> tuple[str, str]:
        """(reason, rule) of a numeral no fact holds: its shape first, then the words around it."""
        shape = self.shape(numeral, words, token_texts(doc), first, stop)
        if shape:
            return shape
        sent_first, sent_stop = sentences.bounds(first)
        readings = (("before", lambda: self.before(words, first)), ("after", lambda: self.after(words, stop)),
                    ("label", lambda: self.label(words, first)),
                    ("noun", lambda: self.noun(words, stop)), ("clause", lambda: self.clause(words, stop)),
                    ("sentence", lambda: self.in_sentence(words, sent_first, sent_stop)))
        for place, read in readings:   # nearest words first: the first place that names a reason settles it
            found = read()
            if found:
                return found, f"{found}:{place}"
        return "unexplained", "unexplained"

    @staticmethod
    def shape(numeral: str, words: list[str], texts: list[str], first: int, stop: int) -> tuple[str, str] | None:
        if CLOCK.match(numeral):
            return "time", "time:clock"       # `24:00`, `10:03:41Xinhua`
        if CALENDAR.fullmatch(numeral):
            return "date", "date:shape"       # `03-04,15:04`, `02,2020`: a dateline's parts
        if numeral[:3].lower() == "no.":
            return "id", "id:shape"           # `No.5`
        if ORDINAL.fullmatch(numeral):
            return "ordinal", "ordinal:suffix"
        if (first == 0 or "\n" in texts[first - 1]) and (numeral.endswith(".") or (
                stop < len(texts) and texts[stop] in (".", ")"))) and numeral.rstrip(".").isdigit():
            return "ordinal", "ordinal:item"   # `1. Between 00:00 and 24:00, ...`: a numbered paragraph
        if any(c.isalpha() for c in numeral) and stop - first == 1 and not words[first].isalpha():
            return "code", "code:letters"    # COVID-19, N95, H1N1, 2019-nCoV
        if first > 0 and words[first - 1] in ("-", "covid", "sars-cov") and first > 1 and \
                words[first - 2] in ("covid", "sars", "cov", "sars-cov"):
            return "code", "code:name"       # COVID - 19 split apart
        if PHONE.fullmatch(numeral.replace(" ", "")):
            return "phone", "phone:shape"
        if YEAR.fullmatch(numeral):
            return "year", "year:shape"
        if first > 1 and stop < len(words) and words[first - 1] == "," and words[stop] == "," and \
                texts[first - 2][:1].isupper() and texts[first - 2].isalpha() and numeral.isdigit() and \
                len(numeral) <= 3:
            return "age", "age:apposition"   # `Liu Chunhong, 56, is a community volunteer`
        return None

    def before(self, words: list[str], first: int) -> str | None:
        by_phrase, longest = self.by_place["before"], self.longest["before"]
        j = first
        for _ in range(BEFORE_WINDOW):
            for n in range(min(longest, j), 0, -1):
                reason = by_phrase.get(tuple(words[j - n:j]))
                if reason:
                    return reason
            if j == 0 or words[j - 1] not in SKIPPED_BEFORE:
                return None
            j -= 1
        return None

    def label(self, words: list[str], first: int) -> str | None:
        """A statistics line's label before its colon or tab (`Close contacts: 3,000`, `Tests: 12,000`, `Beds: 500`):
        the noun of the label, as the noun after a numeral would be."""
        before = words[first - 1] if first else ""
        if first < 2 or not (before in (":", "：") or (before.isspace() and "\n" not in before)):
            return None   # a colon, or a tab stop (`Beds\t3,000`), ends the label
        for j in range(first - 2, max(-1, first - 2 - LABEL_WINDOW), -1):
            word = words[j]
            if "\n" in word:
                return None
            reason = self.noun_words.get(word)
            if reason:
                return reason
        return None

    def after(self, words: list[str], stop: int) -> str | None:
        by_phrase, longest = self.by_place["after"], self.longest["after"]
        following = []
        j = stop
        if j + 1 < len(words) and words[j] in LIST_LINKS and DIGIT.match(words[j + 1]):
            j += 2   # `87 and 27 years old`, `3 to 5 days`: the next number's unit is this one's too
        while j < len(words) and len(following) < longest:
            word = words[j]
            if not (word.isspace() or word == "-" or (word in SKIPPED_AFTER and not following)):
                following.append(word)   # `50-year-old`: hyphens step over
            j += 1
        for n in range(min(longest, len(following)), 0, -1):
            reason = by_phrase.get(tuple(following[:n]))
            if reason:
                return reason
        return None

    def noun(self, words: list[str], stop: int) -> str | None:
        nouns = self.noun_words
        for j in range(stop, min(len(words), stop + NOUN_WINDOW)):
            word = words[j]
            reason = nouns.get(word)
            if reason:
                return reason
            if word in NOUN_STOPS or not (word == "-" or any(c.isalpha() for c in word)):
                return None   # (`three mobile P3 laboratories`: a word with letters and digits is a word)
        return None

    def clause(self, words: list[str], stop: int) -> str | None:
        """A phrase of the rest of the numeral's clause (`5,985 have been discharged from medical observation`)."""
        by_phrase, longest = self.by_place["clause"], self.longest["clause"]
        if not by_phrase:
            return None
        end = stop
        while end < len(words) and end < stop + CLAUSE_WINDOW and words[end] not in CLAUSE_ENDS:
            end += 1
        for j in range(stop, end):
            for n in range(1, min(longest, end - j) + 1):
                reason = by_phrase.get(tuple(words[j:j + n]))
                if reason:
                    return reason
        return None

    def in_sentence(self, words: list[str], first: int, stop: int) -> str | None:
        sentence = words[first:stop]
        found = [(k, self.sentence_words[w]) for k, w in enumerate(sentence) if w in self.sentence_words]
        firsts = self.sentence_firsts
        if not firsts.keys().isdisjoint(sentence):   # (only where a phrase's first word stands)
            found += [(k, reason) for k, w in enumerate(sentence) if w in firsts
                      for phrase, reason in firsts[w] if tuple(sentence[k:k + len(phrase)]) == phrase]
        return min(found)[1] if found else None


def glued(text: str, starts: list[int], lengths: list[int], last: int, i: int) -> bool:
    """Whether digit token i continues the numeral ending at token last: only separator characters, and no
    space, between them (`0551-62998888`, `3/4`)."""
    between = text[starts[last] + lengths[last]:starts[i]]
    return 0 < len(between) <= 2 and all(c in GLUE for c in between) or between == ""


__all__ = ["NUMBER_KIND", "REASONS", "NumberAccounting", "accounting_words"]
