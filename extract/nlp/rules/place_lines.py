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
from extract.nlp.rules.cell_tables import NUMBER_PATTERN as NUMBER, within
from extract.nlp.rules.case_dates import is_day
from extract.nlp.rules.figure_lines import WORD, label_words, newly_confirmed, number_fact
from extract.nlp.rules.places import scope_words
from extract.nlp.rules.relations import region_index, spans_of
from extract.nlp.triggers import triggers, word_set

# the rest after a place: its numbers (`1,423`), or labels each with a colon and a number (`Confirmed: 504`)
ROLL_LINE = re.compile(r"[ \t]*(?:>>|»|[-*•·])?[ \t]*(?P<place>[^\W\d_][^\d\n:：]{0,40}?)[ \t]*"
                       r"(?:[:：][ \t]*|[ \t][-–—][ \t]+|[ \t]+(?=[\d,]+[ \t.;,]*$))"
                       r"(?P<rest>(?:\d|[^\W\d_][^\d\n:：,;]{0,20}[:：][ \t]*\d)[^\n]*)")
MARKS = ">»-*•·"
ROLL_RULE = "case_count:roll_call_line"
# what a roll-call line gives after its place: a bare number, or numbers each with a label (`67,103 confirmed`)
# (a bare number may go on with its parts: `1,423, including 76 deaths`, read by the sentence rules)
FIGURES = re.compile(rf"(?:(?P<bare>{NUMBER})[ \t]*(?:,[ \t]*(?:including|of which)\b[^\n]*|[.;,])?"
                     rf"|(?:{NUMBER})[ \t]+[^\W\d_][^\n]*?)[ \t]*")
# labels each with a colon and a number: `Confirmed: 504, Dead: 0`
LABELLED = re.compile(rf"[ \t]*(?P<label>[^\W\d_][^\d\n:：,;]*?)[ \t]*[:：][ \t]*(?P<n>{NUMBER})[ \t]*(?:[,;]|$)")
PART = re.compile(rf"(?P<n>{NUMBER})[ \t]+(?P<label>[^\W\d_][^\d,;\n]*?)[ \t]*(?:[,;]|\band\b|\.?[ \t]*$)")
MAX_LEAD_WORDS = 12
MAX_ASKING_WORDS = 20   # a lead in a sentence's words (`Here's how many cases are in each province:`)
CONNECTORS = frozenset({"of", "and", "the"})   # lower-case words a place's name may hold (`Republic of Korea`)
MAX_PLACE_WORDS = 5

REGION, COUNTRY, FOREIGN = "region", "country", "foreign"


class PlaceLines:
    """Roll-call lines of one document, read with the tables component `reader`'s words."""

    def __init__(self, reader, figure_lines):
        self.reader = reader
        self.figure_lines = figure_lines
        words = reader.words
        self.country = words["country_headings"]
        self.elsewhere = scope_words()["elsewhere_words"]
        self.labels = (words["label_glue"] | words["heading_words"] | words["total_words"] | words["new_words"]
                       | reader.case_nouns | frozenset(reader.statuses.by_word)
                       | frozenset(w for p in word_set("patient_states", "phrases") for w in p.split())
                       | frozenset(w.lower() for w in triggers()["institution_words"]))
        self.labels -= CONNECTORS | self.country
        self.totals = words["total_words"]
        self.place_labels = words["place_labels"]
        nouns = triggers()["nouns"]   # what else a lead may count: staff, teams, people, tests, beds, ...
        self.other_nouns = frozenset(w for cls, listed in nouns.items() if cls not in ("case", "region_province",
                                                                                     "region_city")
                                     for w in listed) | word_set("not_counted") | words["lead_other_nouns"]
        # the words a roll call's lead may hold besides its places and days
        self.lead_words = (figure_lines.heading_words | words["place_labels"] | self.country
                           | frozenset(words["lead_words"]))

    def apply(self, doc: Doc, text: str, lines: list[tuple[int, int, str]],
              counts: list[Span]) -> tuple[list[Span], list[Span]]:
        """(`counts` with each roll-call line's counts given its place, or dropped, a foreign place's; the new
        facts of the roll calls' numbers no rule read: `Hubei 67,103` under a lead, `Hubei: 67,103 confirmed`)."""
        regions = region_index(doc).regions
        dates = sorted(spans_of(doc, "date"), key=lambda d: d.start_char)
        self.spans = (regions, [r.start_char for r in regions], dates, [d.start_char for d in dates])
        calls = []   # (line, rest's start, line's end, what the place is, its region) of each roll-call line
        run: list = []
        lead = None   # the line number of the last line before the run that is no roll-call line
        for k, (start, end, line) in enumerate(lines):
            if not line.strip():
                continue
            head = line.lstrip()[:1]
            match = ROLL_LINE.fullmatch(line) if head.isalpha() or head in MARKS else None
            kind = self.place(start, line, match) if match else None
            if kind is None:
                calls.extend((lead, *call) for call in finished(run))
                run, lead = [], k
                continue
            run.append((start + match.start("rest"), end, *kind))
        calls.extend((lead, *call) for call in finished(run))
        if not calls:
            return counts, []
        starts = [c.start_char for c in counts]   # counts are sorted by token, so by character
        claimed: dict[int, tuple[str, str | None]] = {}
        new = []
        for lead, rest, end, kind, region in calls:
            if within(regions, self.spans[1], rest, end):
                continue   # the line names a region of its own after the colon
            read = within(counts, starts, rest, end)
            for fact in read:
                claimed[id(fact)] = (kind, region)
            if kind != FOREIGN:
                new.extend(self.unread(doc, text, rest, end, region, None if lead is None else lines[lead], read))
        kept = []
        for fact in counts:
            kind, region = claimed.get(id(fact), (None, None))
            if kind == FOREIGN:
                continue
            if kind is not None and fact.label_ == "case_count" and not get(fact, "places"):
                put(fact, "region", region)
                put(fact, "whole_country", True if region is None else None)
            kept.append(fact)
        return kept, new

    def unread(self, doc: Doc, text: str, rest: int, end: int, region: str | None, lead,
               read: list[Span]) -> list[Span]:
        """The counts of a roll-call line no rule read: a bare number, of what the lead line above the roll call
        names (`Confirmed cases by province:` / `Hubei 67,103`), or numbers each with a case label (`67,103
        confirmed, 2,803 deaths`)."""
        if text[rest].isalpha():
            return self.labelled(doc, text, rest, end, region, read)
        figures = FIGURES.fullmatch(text, rest, end)
        if figures is None:
            return []
        if figures["bare"] is not None:
            if any(f.start_char <= figures.start("bare") < f.end_char for f in read):
                return []   # (the parts after it are the sentence rules' facts, given the line's place above)
            said = self.lead(lead) if lead is not None else None
            if said is None:
                return []
            status, period, date = said
            fact = number_fact(doc, figures.start("bare"), figures["bare"], ROLL_RULE, status, period, region, date)
            return [] if fact is None else [fact]
        found = []
        taken = {(f.start_char, f.end_char) for f in read}
        for part in PART.finditer(text, rest, end):
            status = self.figure_lines.label_status(part["label"])
            if status is None:
                return []
            words = label_words(part["label"])
            period = self.reader.period(words)
            status = newly_confirmed(status, period)
            if any(a <= part.start("n") < b for a, b in taken):
                continue   # another rule's fact: its place is set above
            fact = number_fact(doc, part.start("n"), part["n"], ROLL_RULE, status, period, region, None)
            if fact is None:
                return []
            found.append(fact)
        return found

    def labelled(self, doc: Doc, text: str, rest: int, end: int, region: str | None, read: list[Span]) -> list[Span]:
        """`Wenzhou: Confirmed: 504, Dead: 0`: each label a status (else nothing of the line), its number the
        place's count of that status so far."""
        parts, at = [], rest
        while at < end:
            part = LABELLED.match(text, at, end)
            if part is None or part.end() == at:
                return []
            parts.append(part)
            at = part.end()
        found = []
        for part in parts:
            status = self.figure_lines.label_status(part["label"])
            if status is None:
                return []
            period = self.reader.period(label_words(part["label"])) or "total"
            if any(f.start_char <= part.start("n") < f.end_char for f in read):
                continue   # another rule's fact: its place is set above
            fact = number_fact(doc, part.start("n"), part["n"], ROLL_RULE, newly_confirmed(status, period), period,
                               region, None)
            if fact is None:
                return []
            found.append(fact)
        return found

    def lead(self, line: tuple[int, int, str]) -> tuple[str, str, str | None] | None:
        """(status, period, day) of a roll call's lead line when it names a count of cases in label words only
        (`Confirmed cases by province as of March 1:`, `New deaths`), else None (`Medical staff sent:`, `Close
        contacts of confirmed cases:`, a sentence). Period: new when it says so, else the total so far."""
        start, end, text = line
        if not text.rstrip().endswith((":", "：")) and text.rstrip().endswith((".", "!", "?", ";")):
            return None
        regions, region_starts, dates, date_starts = self.spans
        spans = within(regions, region_starts, start, end) + within(dates, date_starts, start, end)
        named = {w for s in spans for w in label_words(text[s.start_char - start:s.end_char - start])}
        words = [w for w in label_words(text) if w not in named]
        if not words or len(words) > MAX_LEAD_WORDS or any(w not in self.lead_words for w in words):
            if not self.asks_per_place(text, words):
                return None
        if self.reader.case_nouns.isdisjoint(words) and self.reader.statuses.first(words) is None:
            return None
        status = self.reader.statuses.first(words) or "unspecified"
        period = self.reader.period(words) or "total"
        status = newly_confirmed(status, period)
        days = {get(d, "value") for d in within(dates, date_starts, start, end)}
        day = days.pop() if len(days) == 1 else None
        return status, period, day if is_day(day) else None

    def asks_per_place(self, text: str, words: list[str]) -> bool:
        """A lead in words of a sentence that ends with a colon and counts cases place by place (`Here's how
        many cases are in each province:`, `The number of cases in each city stood as follows:`): a place label,
        a case noun or status, and no noun of anything else counted (`staff sent to each city:`)."""
        if not text.rstrip().endswith((":", "：")) or len(words) > MAX_ASKING_WORDS:
            return False
        if self.place_labels.isdisjoint(words) or not self.other_nouns.isdisjoint(words):
            return False
        return not self.reader.case_nouns.isdisjoint(words) or self.reader.statuses.first(words) is not None

    def total_words(self, text: str) -> bool:
        """`Total in`, `total`: the words beside a region's name on a line of its total."""
        words = label_words(text)
        return bool(words) and all(w in self.totals or w == "in" for w in words) and words != ["in"]

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
        found = [r for r in within(regions, region_starts, a, b) if not in_aside(line, r.start_char - start)]
        if found:
            beside = aside_dropped(line[match.start("place"):found[0].start_char - start] + " " +
                                   line[found[0].end_char - start:match.end("place")])
            if len(found) == 1 and (self.reader.only_country_words(beside) or self.total_words(beside)):
                return REGION, get(found[0], "value")   # `Hubei (includes Wuhan)`, `Total in Zhejiang`
            return None   # a region among other words: `Wuhan Union Hospital`
        lower = [w.lower() for w in words]
        if not self.labels.isdisjoint(lower):
            return None   # `Deaths: 3`, `Total: 50`, `Jinyintan Hospital: 30`
        if all(w in self.country or w in CONNECTORS for w in lower) and not self.country.isdisjoint(lower):
            return COUNTRY, None
        if not self.elsewhere.isdisjoint(lower):
            return FOREIGN, None   # `Japan: 20 cases` (data/scopes.json); an unknown name (`Huoshenshan`) is none
        return None


def in_aside(line: str, at: int) -> bool:
    """Whether character `at` of a line is inside a bracket opened before it on the line."""
    return line.rfind("(", 0, at) > line.rfind(")", 0, at)


def aside_dropped(text: str) -> str:
    """A place's name without its bracketed asides (`Hubei (includes Wuhan)`)."""
    return re.sub(r"\([^()]*\)", " ", text)


def finished(run: list) -> list:
    """A run of roll-call lines, when it is one: two lines or more, one of a region or of the country."""
    if len(run) < 2 or all(kind == FOREIGN for _, _, kind, _ in run):
        return []
    return run
