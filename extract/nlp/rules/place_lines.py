"""Roll calls of places, one line a place (issue 23): a wire list of figures

    >> Mainland China: 2,870 deaths among 79,824 cases
    >> Hong Kong: 94 cases, 2 deaths
    >> Japan: 12 cases
    Macao: 10 cases

The place before the colon (or a dash) owns every count on its line: a region's line makes the line's case counts
the region's, a line of the whole country (data/tables.json `country_headings`: `Mainland China`) makes them the
country's (no region), and a line of a place that is neither (a foreign country) gives no case count at all: its
counts are not China's, and a count with no region would be read as the country's. A line whose words after the
colon name a region of their own is left to the sentence rules (`Hong Kong: 5 cases, 2 of them from Shenzhen`).

A line is a roll call's when it is one of at least two consecutive such lines (blank lines between them allowed),
one of which names a region or the country: that is what shows the names before the colons are places (`Monday:
5 cases` / `Tuesday: 7 cases`, `Xinhua: 5 new cases in Hubei` are not). A name holding a day, a label word
(`Deaths`, `Total`, `In hospital`), an institution's word (`Hospital`) or a region among other words is no place
of a roll call, and its line is left alone.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get, put
from extract.nlp.rules.cell_tables import within
from extract.nlp.rules.relations import region_index, spans_of
from extract.nlp.triggers import triggers, word_set

ROLL_LINE = re.compile(r"[ \t]*(?:>>|»|[-*•·])?[ \t]*(?P<place>[^\W\d_][^\d\n:：]{0,40}?)[ \t]*(?::|：|[ \t][-–—][ \t])"
                       r"[ \t]*(?P<rest>\d[^\n]*)")
WORD = re.compile(r"[^\W\d_]+")
CONNECTORS = frozenset({"of", "and", "the"})   # lower-case words a place's name may hold (`Republic of Korea`)
MAX_PLACE_WORDS = 5

REGION, COUNTRY, FOREIGN = "region", "country", "foreign"


class PlaceLines:
    """Roll-call lines of one document, read with the tables component `reader`'s words."""

    def __init__(self, reader):
        self.reader = reader
        words = reader.words
        self.country = words["country_headings"]
        self.labels = (words["label_glue"] | words["heading_words"] | words["total_words"] | words["new_words"]
                       | reader.case_nouns | frozenset(reader.statuses.by_word)
                       | frozenset(w for p in word_set("patient_states", "phrases") for w in p.split())
                       | frozenset(w.lower() for w in triggers()["institution_words"]))
        self.labels -= CONNECTORS | self.country

    def apply(self, doc: Doc, text: str, lines: list[tuple[int, int, str]], counts: list[Span]) -> list[Span]:
        """`counts` with each roll-call line's counts given its place (or dropped, a foreign place's)."""
        regions = region_index(doc).regions
        dates = sorted(spans_of(doc, "date"), key=lambda d: d.start_char)
        self.spans = (regions, [r.start_char for r in regions], dates, [d.start_char for d in dates])
        calls = []   # (rest's start, line's end, what the place is, its region) of each roll-call line
        run: list = []
        for start, end, line in lines:
            if not line.strip():
                continue
            match = ROLL_LINE.fullmatch(line) if line.lstrip()[:1].isalpha() or line.lstrip()[:1] in ">»-*•·" \
                else None
            kind = self.place(start, line, match) if match else None
            if kind is None:
                calls.extend(finished(run))
                run = []
                continue
            run.append((start + match.start("rest"), end, *kind))
        calls.extend(finished(run))
        if not calls:
            return counts
        kept = []
        starts = [c.start_char for c in counts]   # counts are sorted by token, so by character
        claimed: dict[int, tuple[str, str | None]] = {}
        for rest, end, kind, region in calls:
            if within(regions, self.spans[1], rest, end):
                continue   # the line names a region of its own after the colon
            for fact in within(counts, starts, rest, end):
                claimed[id(fact)] = (kind, region)
        for fact in counts:
            kind, region = claimed.get(id(fact), (None, None))
            if kind == FOREIGN:
                continue
            if kind is not None and fact.label_ == "case_count" and not get(fact, "places"):
                put(fact, "region", region)
                put(fact, "whole_country", True if region is None else None)
            kept.append(fact)
        return kept

    def place(self, start: int, line: str, match: re.Match) -> tuple[str, str | None] | None:
        """(what the name before the colon is: a region, the country or a foreign place; the region), or None
        when it is no place's name."""
        name = match["place"]
        words = WORD.findall(name)
        if not words or len(words) > MAX_PLACE_WORDS:
            return None
        a, b = start + match.start("place"), start + match.end("place")
        regions, region_starts, dates, date_starts = self.spans
        if within(dates, date_starts, a, b):
            return None   # `Monday: 5 cases`
        found = within(regions, region_starts, a, b)
        if found:
            if len(found) == 1 and found[0].start_char == a and found[0].end_char == b:
                return REGION, get(found[0], "value")
            return None   # a region among other words: `Wuhan Union Hospital`
        lower = [w.lower() for w in words]
        if not self.labels.isdisjoint(lower):
            return None   # `Deaths: 3`, `Total: 50`, `Jinyintan Hospital: 30`
        if all(w in self.country or w in CONNECTORS for w in lower) and not self.country.isdisjoint(lower):
            return COUNTRY, None
        if all(w[0].isupper() or w in CONNECTORS for w in words):
            return FOREIGN, None
        return None


def finished(run: list) -> list:
    """A run of roll-call lines, when it is one: two lines or more, one of a region or of the country."""
    if len(run) < 2 or all(kind == FOREIGN for _, _, kind, _ in run):
        return []
    return run
