"""aidfacts_dates: calendar references -> doc.spans["date"] with an ISO value of the right granularity.

A PhraseMatcher finds the date words (months, weekdays, `today`/`yesterday`/`tomorrow`, from
data/triggers.json) and regular expressions find ISO dates and years; each rule then reads the numbers
around its word. Rules: date_iso, date_month_day_year, date_day_month_year, date_month_day,
date_day_month, date_month_year, date_month (`in December`, `last December`), date_year, date_weekday,
date_relative.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.nlp.extensions import put
from extract.nlp.limits import MAX_YEAR, MIN_YEAR, valid_year
from extract.nlp.normalize import (MONTHS, WEEKDAYS, infer_year, iso_day, month_number, parse_iso, resolve_weekday,
                                   shift_day)
from extract.nlp.rules.relations import lower_words, sentence_start, set_spans, text_of, token_texts
from extract.nlp.triggers import triggers, word_set

SPAN_KEY = "date"
UNRESOLVED_KEY = "date_unresolved"   # calendar words with no date value: their digits are days, not counts
YEARLESS = ("date_month_day", "date_day_month", "date_month")
WITH_MONTH = YEARLESS + ("date_month_day_year", "date_day_month_year", "date_month_year")
HEADER_PREFIXES = {"date", "date:", "published", "updated", "posted", "released"}
DATELINE_FOLLOWERS = {"(", "/", "—", "–", "-", ".", "--"}
AGENCY_OPENERS = DATELINE_FOLLOWERS - {"."}   # what follows a title-case dateline's day (`.` may end a sentence)
DAY_PARTS = {"morning", "afternoon", "evening", "night", "midnight", "noon"}
# the look-behind comes after the century, so that the regular expression engine can skip ahead to a `1` or
# `2` instead of trying the look-behind at every position (3.5 times faster on news text)
ISO_DATE = re.compile(r"(?:19|20)(?<![\d-]..)\d\d-[01]\d-[0-3]\d(?![\d-])")
YEAR = re.compile(r"(?:19|20)(?<![\d,.]..)\d\d(?![\d,.]\d)")


@Language.factory("aidfacts_dates", assigns=["doc.spans"], requires=["doc._.published"], default_config={})
def make_dates(nlp: Language, name: str) -> "DateMatcher":
    return DateMatcher(nlp)


class DateMatcher:
    """Sets doc.spans["date"]: span._.value is an ISO date (`2020-02-04`, `2020-02`, `2008`), span.id_ the
    rule. Day-month dates take their year from doc._.published; weekdays resolve against it by tense.
    span._.dateline marks header and dateline dates, which date the article, not the facts near them."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # title case: the tokenizer keeps `Feb.` whole only as an abbreviation it knows (`feb.` it splits)
        months = sorted({form for word in MONTHS for form in (word.title(), word.title() + ".")})
        self.matcher.add("month", [nlp.make_doc(m) for m in months])
        self.matcher.add("weekday", [nlp.make_doc(w) for w in WEEKDAYS])
        self.relative_days = dict(triggers()["relative_days"])
        self.matcher.add("relative", [nlp.make_doc(w) for w in self.relative_days])
        markers = sorted(word_set("future_markers"), key=len, reverse=True)
        # a marker as whole words in the space-joined lower-case words before a weekday
        self.future_marker = re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, markers)) + r")(?= |$)")
        self.year_cues = word_set("year_cues")
        self.month_cues = word_set("month_cues")
        self.year_named_diseases = [tuple(name.split()) for name in triggers()["year_named_diseases"]]
        self.saying = word_set("saying_verbs")
        self.schedule_markers = [tuple(m.split()) for m in triggers()["schedule_markers"]]

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        spans = []
        for match_id, start, end in self.matcher(doc):
            found = self.expand(doc, doc.vocab.strings[match_id], start, end)
            if found is not None:
                spans.append(found)
        text = text_of(doc)
        for pattern, rule in ((ISO_DATE, "date_iso"), (YEAR, "date_year")):
            for match in pattern.finditer(text):
                span = doc.char_span(match.start(), match.end(), label=SPAN_KEY, span_id=rule)
                if span is not None and (rule == "date_iso" or self.year_in_context(doc, span)):
                    spans.append(span)
        spans = filter_spans(spans)
        reference = published or self.reference_day(spans)
        resolved, unresolved = [], []
        for span in spans:
            value = self.resolve(span, reference if span.id_ in YEARLESS else published)
            if value is None:
                unresolved.append(span)
                continue
            put(span, "value", value)
            put(span, "dateline", self.is_dateline(span))
            resolved.append(span)
        set_spans(doc, SPAN_KEY, resolved)
        set_spans(doc, UNRESOLVED_KEY, [s for s in unresolved if s.id_ in WITH_MONTH])
        return doc

    def reference_day(self, spans: list[Span]) -> str | None:
        """Without a publication date, the latest date the article states with its year (`Feb. 4, 2020`,
        `2020-02-04`, `February 2020`) dates its month-day dates: `Feb. 7` in it is 2020-02-07."""
        stated = [self.resolve(s, None) for s in spans
                  if s.id_ in ("date_iso", "date_month_day_year", "date_day_month_year", "date_month_year")]
        stated = [value for value in stated if value is not None]
        return max(stated) if stated else None

    def expand(self, doc: Doc, word: str, start: int, end: int) -> Span | None:
        """The whole date around a date word: `Feb. 4, 2020`, `4 February`, `Tuesday afternoon`."""
        if word == "weekday":
            if end < len(doc) and lower_words(doc)[end] in DAY_PARTS:
                end += 1
            return Span(doc, start, end, label=SPAN_KEY, span_id="date_weekday")
        if word == "relative":
            return Span(doc, start, end, label=SPAN_KEY, span_id="date_relative")
        texts = token_texts(doc)
        first = texts[start]
        if first.lower() in ("may", "march") and not first.istitle() and not first.isupper():
            return None   # the verbs `may` and `march`
        after_day = end < len(doc) and is_day(texts[end])
        if after_day:
            year_at = end + 2 if end + 1 < len(doc) and texts[end + 1] == "," else end + 1
            if year_at < len(doc) and is_year(texts[year_at]):
                return Span(doc, start, year_at + 1, label=SPAN_KEY, span_id="date_month_day_year")
            return Span(doc, start, end + 1, label=SPAN_KEY, span_id="date_month_day")
        if start > 0 and is_day(texts[start - 1]):
            year_at = end + 1 if end < len(doc) and texts[end] == "," else end
            if year_at < len(doc) and is_year(texts[year_at]):
                return Span(doc, start - 1, year_at + 1, label=SPAN_KEY, span_id="date_day_month_year")
            return Span(doc, start - 1, end, label=SPAN_KEY, span_id="date_day_month")
        if self.day_of(doc, start):   # `the 26th of January, 2020`
            year_at = end + 1 if end < len(doc) and texts[end] == "," else end
            if year_at < len(doc) and is_year(texts[year_at]):
                return Span(doc, start - 2, year_at + 1, label=SPAN_KEY, span_id="date_day_month_year")
            return Span(doc, start - 2, end, label=SPAN_KEY, span_id="date_day_month")
        year_at = end + 1 if end < len(doc) and lower_words(doc)[end] == "of" else end
        if year_at < len(doc) and is_year(texts[year_at]):
            return Span(doc, start, year_at + 1, label=SPAN_KEY, span_id="date_month_year")
        year_shaped = year_at < len(doc) and texts[year_at].isdigit() and len(texts[year_at]) == 4
        if self.month_cue(doc, start) is not None and not year_shaped:   # `in March 2150`: out of range
            return Span(doc, start, end, label=SPAN_KEY, span_id="date_month")
        return None

    @staticmethod
    def day_of(doc: Doc, start: int) -> bool:
        """`the 26th of January`, `the 3 of March`: a day (an ordinal, or a number after `the`) and `of` before
        the month word at token `start` (not `12 of February's cases`)."""
        if start < 2 or lower_words(doc)[start - 1] != "of":
            return False
        day = token_texts(doc)[start - 2]
        return is_day(day) and (not day.isdigit() or (start > 2 and lower_words(doc)[start - 3] == "the"))

    def month_cue(self, doc: Doc, start: int) -> str | None:
        """The word that makes a bare month a date: `in December`, `since late January`, `mid-March`,
        `last December` (None for `March` alone, which may be a name or a verb)."""
        words = lower_words(doc)
        j = start - 2 if start >= 2 and words[start - 1] == "-" else start - 1
        return words[j] if j >= 0 and words[j] in self.month_cues else None

    def year_in_context(self, doc: Doc, span: Span) -> bool:
        """A bare four-digit number is a year only after `in`, `since`, `the` ... (`in 2008`), and not when it
        is part of a disease's name (`the 2019 novel coronavirus`, `of 2019-nCoV`: no calendar reference)."""
        words = lower_words(doc)
        if any(tuple(words[span.end: span.end + len(name)]) == name for name in self.year_named_diseases):
            return False
        return span.start > 0 and words[span.start - 1] in self.year_cues

    def resolve(self, span: Span, published: str | None) -> str | None:
        rule, tokens = span.id_, token_texts(span.doc)[span.start:span.end]
        if rule == "date_iso":
            # the matched text, not the first token: `2020-02-04,Xinhua` may be split inside the date
            return iso_day(*map(int, "".join(tokens).split("-")))
        years = [t for t in tokens if len(t) == 4 and t.isdigit()]
        if years and not MIN_YEAR <= int(years[-1]) <= MAX_YEAR:
            return None
        if rule == "date_year":
            return tokens[-1]
        if rule == "date_weekday":
            value = resolve_weekday(published, tokens[0], future=self.is_future(span))
            if value is not None and value == published and span.start > 0 and \
                    lower_words(span.doc)[span.start - 1] == "last":
                value = shift_day(value, -7)   # `last Monday` in a Monday article: a week before
            return value
        if rule == "date_relative":
            return shift_day(published, self.relative_days[tokens[0].lower()])
        month = next(month_number(t) for t in tokens if month_number(t))
        if rule == "date_month_year":
            return f"{years[-1]}-{month:02d}"
        if rule == "date_month":
            cue = self.month_cue(span.doc, span.start)
            return self.month_of(month, "next" if cue != "last" and self.is_future(span) else cue, published)
        day = next(day_number(t) for t in tokens if day_number(t) is not None and not month_number(t))
        year = int(years[-1]) if years else infer_year(month, day, published)
        return iso_day(year, month, day) if year else None

    @staticmethod
    def month_of(month: int, cue: str | None, published: str | None) -> str | None:
        """`last December` is the latest December before the publication month, `next March` (or a month in the
        future tense) the first from it on; otherwise the month falls in the publication year, or the year before when it would be more than
        two months ahead (`in December`, said in February)."""
        pub = parse_iso(published)
        if pub is None:
            return None
        if cue == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif cue == "next":   # `next March`, `will reopen in May`: the first such month from publication on
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = infer_year(month, None, published)
        return f"{year}-{month:02d}" if valid_year(year) else None

    def is_future(self, span: Span) -> bool:
        """Future tense: a marker such as `will` in the words before the weekday, and no saying
        verb after it (`schools will remain closed, officials said Tuesday` is past)."""
        sent_start = sentence_start(span.doc, span.start)
        words = lower_words(span.doc)[max(sent_start, span.start - 10): span.start]
        if any(tuple(words[-len(m):]) == m for m in self.schedule_markers):
            return True   # `reopens starting Monday`, `starting from Wednesday`: a schedule
        markers = list(self.future_marker.finditer(" ".join(words)))
        if not markers:
            return False
        after_marker = " ".join(words)[markers[-1].end():].split()
        return self.saying.isdisjoint(after_marker)

    @staticmethod
    def is_dateline(span: Span) -> bool:
        """`BEIJING, Feb. 4 (Xinhua)`, `HAIKOU, February 28. /TASS/.`, a header `date 2020-02-10`."""
        texts = token_texts(span.doc)
        before = texts[span.start - 1] if span.start > 0 else None
        after = texts[span.end] if span.end < len(texts) else None
        if span.id_ == "date_iso":
            if before == ":" and span.start >= 2:
                before = texts[span.start - 2]
            if before is None or before.isspace() or before.lower() in HEADER_PREFIXES or before == "|":
                return True
        if before == "," and span.start >= 2:
            place = texts[span.start - 2]
            line_start = span.start - 2 == 0 or texts[span.start - 3].isspace() or "\n" in texts[span.start - 3]
            if place.isupper() and place.isalpha() and len(place) > 2 and line_start:
                return after is None or after in DATELINE_FOLLOWERS
            if place.istitle() and place.isalpha() and line_start and after in AGENCY_OPENERS:
                return True   # `Wuhan, Feb 6 (IANS)`, `Beijing, March 2 -`: a dateline in title case
        return False


ORDINAL_DAY = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)$", re.IGNORECASE)


def day_number(text: str) -> int | None:
    """`7` or `7th` -> 7; None for anything that is not a day of a month."""
    if text.isdigit() and len(text) <= 2 and 1 <= int(text) <= 31:
        return int(text)
    match = ORDINAL_DAY.match(text)
    return int(match.group(1)) if match else None


def is_day(text: str) -> bool:
    return day_number(text) is not None


def is_year(text: str) -> bool:
    """A year within extract.nlp.limits' years (`Feb. 3, 1500 nurses` is a day and a count)."""
    return text.isdigit() and len(text) == 4 and MIN_YEAR <= int(text) <= MAX_YEAR
