"""aidfacts_dates: calendar references -> doc.spans["date"] with an ISO value of the right granularity."""
from __future__ import annotations

import json

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import data_path
from ..normalize import infer_year, iso_day, month_number, resolve_weekday, shift_day
from ..triggers import triggers, word_set

SPAN_KEY = "date"
HEADER_PREFIXES = {"date", "date:", "published", "updated"}
DATELINE_FOLLOWERS = {"(", "/", "—", "–", "-", ".", "--"}


def load_patterns(name: str) -> list[dict]:
    with open(data_path(f"patterns/{name}.jsonl"), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@Language.factory("aidfacts_dates", assigns=["doc.spans"], requires=["doc._.published"], default_config={})
def make_dates(nlp: Language, name: str) -> "DateMatcher":
    return DateMatcher(nlp)


class DateMatcher:
    """Sets doc.spans["date"]: span._.value is an ISO date (`2020-02-04`, `2020-02`, `2008`), span.id_ the
    rule. Day-month dates take their year from doc._.published; weekdays resolve against it by tense.
    span._.dateline marks header and dateline dates, which date the article, not the facts near them."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab, validate=True)
        for pattern in load_patterns("dates"):
            self.matcher.add(pattern["id"], [pattern["pattern"]])
        self.future_markers = word_set("future_markers")
        self.relative_days = dict(triggers()["relative_days"])

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        spans = []
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            if rule == "date_year":
                start += 1
            spans.append(Span(doc, start, end, label=SPAN_KEY, span_id=rule))
        resolved = []
        for span in filter_spans(spans):
            value = self.resolve(span, published)
            if value is None:
                continue
            span._.value = value
            span._.dateline = self.is_dateline(span)
            resolved.append(span)
        doc.spans[SPAN_KEY] = resolved
        return doc

    def resolve(self, span: Span, published: str | None) -> str | None:
        rule, tokens = span.id_, [t.text for t in span]
        if rule == "date_iso":
            return iso_day(*map(int, tokens[0].split("-")))
        if rule == "date_year":
            return tokens[-1]
        if rule == "date_weekday":
            return resolve_weekday(published, tokens[0], future=self.is_future(span))
        if rule == "date_relative":
            return shift_day(published, self.relative_days[tokens[0].lower()])
        numbers = [t for t in tokens if t.isdigit()]
        month = next(month_number(t) for t in tokens if month_number(t))
        if rule == "date_month_year":
            return f"{numbers[-1]}-{month:02d}"
        day = int(numbers[0])
        year = int(numbers[1]) if len(numbers) > 1 else infer_year(month, day, published)
        return iso_day(year, month, day) if year else None

    def is_future(self, span: Span) -> bool:
        """Future tense: a marker such as `will` or `scheduled` in the words before the weekday."""
        sent_start = span.sent.start
        window = span.doc[max(sent_start, span.start - 10): span.start]
        lowered = " ".join(t.lower_ for t in window)
        return any(f" {m} " in f" {lowered} " for m in self.future_markers)

    @staticmethod
    def is_dateline(span: Span) -> bool:
        """`BEIJING, Feb. 4 (Xinhua)`, `HAIKOU, February 28. /TASS/.`, a header `date 2020-02-10`."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if span.id_ == "date_iso" and (before is None or before.is_space or before.lower_ in HEADER_PREFIXES):
            return True
        if before is not None and before.text == "," and span.start >= 2:
            place = doc[span.start - 2]
            line_start = span.start - 2 == 0 or doc[span.start - 3].is_space or "\n" in doc[span.start - 3].text
            if place.is_upper and place.is_alpha and len(place) > 2 and line_start:
                return after is None or after.text in DATELINE_FOLLOWERS
        return False
