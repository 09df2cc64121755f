"""A running tally a line a day (issue 23, tables flattened to text): `Jan 17: 41`, `Feb 1: 14,380 (death toll 304)`,
read by the tables component after the sentence rules.

At least MIN_RUN lines (blank lines between them aside), each opening with a day and a colon and then a number,
under a lead that says what they count: the line above the run, or the words before the first line's day
(`tracking the totals so far (mainland China): Jan 17: 41`). The lead must name cases or a running total (words of
data/tables.json `total_words` and `day_line_words`, case nouns, statuses) and whose they are: one region it names,
or the whole country (`country_headings`: no region); a lead that says neither gives nothing, whose counts they
are is not ours to guess. The number right after each day's colon is the lead's count as of that day (rule
`case_count:day_line`), a total unless the lead says new; a number with a noun of its own right after it (`63,851
total cases`) is left to the sentence rules, and so is the rest of each line, whose counts without a day of their
own get the line's day.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extract.nlp.extensions import get
from extract.nlp.numerals import count_value, parse_digits
from extract.nlp.rules.cell_tables import NUMBER_PATTERN
from extract.nlp.rules.figure_lines import case_fact, newly_confirmed
from extract.nlp.rules.relations import region_index, spans_of, token_starts, token_texts

RULE = "case_count:day_line"
MIN_RUN = 3          # lines of a running tally
MAX_LEAD = 25        # words of its lead
AFTER_DAY = re.compile(rf"[ \t]*[:：][ \t]*(?P<n>{NUMBER_PATTERN})(?![\d.,]\d)")
NOUN_AFTER = re.compile(r"[ \t]*[^\W\d_]")
COLON_AFTER = re.compile(r"[ \t]*[:：][ \t]*[^\W\d_]")
LINKS = frozenset({"and"})   # `76,936 and 2,442 deaths`: the tally, then a count of its own
WORD = re.compile(r"[^\W\d_]+")


class DayLines:
    """Reads the running tallies of one document with the tables component `reader` (its words, statuses)."""

    def __init__(self, reader):
        self.reader = reader
        self.words = reader.words
        self.lead_words = reader.words["total_words"] | reader.words["day_line_words"] | reader.case_nouns

    def read(self, doc: Doc, text: str, lines: list[tuple[int, int, str]]) -> tuple[list[Span], list[tuple]]:
        """(the tally's facts, [(start char, end char, day)] of each day line)."""
        days = [d for d in spans_of(doc, "date") if len(get(d, "value") or "") == 10]
        if len(days) < MIN_RUN:
            return [], []
        starts = [d.start_char for d in days]
        runs, run = [], []
        for k, (start, end, line) in enumerate(lines):
            if not line.strip():
                continue
            found = self.day_line(text, days, starts, start, end)
            if found is None:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append((k, *found))
        if run:
            runs.append(run)
        facts, spans = [], []
        for run in runs:
            if sum(number_at is not None for _, _, number_at, _ in run) < MIN_RUN or run[0][2] is None:
                continue
            k, day, number_at, lead_start = run[0]
            lead = (lead_start, day.start_char) if lead_start is not None else \
                next(((lines[j][0], lines[j][1]) for j in range(k - 1, -1, -1) if lines[j][2].strip()), None)
            whose = self.whose(doc, text, *lead) if lead is not None else None
            if whose is None:
                continue
            region, status, period = whose
            for k, day, number_at, _ in run:
                spans.append((lines[k][0], lines[k][1], get(day, "value")))
                fact = None if number_at is None else \
                    self.tally(doc, text, number_at, region, status, period, get(day, "value"))
                if fact is not None:
                    facts.append(fact)
        return facts, spans

    @staticmethod
    def day_line(text: str, days: list[Span], starts: list[int], start: int, end: int):
        """(day, number's first character, the lead's first character or None) when the line opens with a day
        and a colon and a number, or has a lead closed by a colon before them; else None."""
        k = bisect.bisect_left(starts, start)
        while k < len(days) and days[k].start_char < end:
            day = days[k]
            before = text[start: day.start_char]
            if not before.strip() or before.rstrip().endswith((":", "：")):
                match = AFTER_DAY.match(text, day.end_char, end)
                if match is not None:
                    return day, match.start("n"), (start if before.strip() else None)
                if not before.strip() and COLON_AFTER.match(text, day.end_char, end):
                    return day, None, None   # `Feb 17: Total mainland cases 72,436`: a line of the run, its own words
            if before.strip():
                return None   # the day must open the line or follow its lead's colon
            k += 1
        return None

    def whose(self, doc: Doc, text: str, start: int, end: int) -> tuple | None:
        """(region, status, period) of a tally's lead (characters start..end), or None when it says not what or
        whose it counts."""
        words = [w.lower() for w in WORD.findall(text[start:end])]
        status = self.reader.statuses.first(words)
        if not words or len(words) > MAX_LEAD or (self.lead_words.isdisjoint(words) and status is None):
            return None
        period = "new" if not self.words["new_words"].isdisjoint(words) else "total"
        status = newly_confirmed(status or "unspecified", period)
        country = not self.words["country_headings"].isdisjoint(words)
        starts, by_start = token_starts(doc), region_index(doc).by_start   # (a lead of MAX_LEAD words at most)
        named = {get(by_start[i], "value") for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
                 if i in by_start}
        if len(named) == 1 and not country:
            return named.pop(), status, period
        return (None, status, period) if country and not named else None

    @staticmethod
    def tally(doc: Doc, text: str, number_at: int, region, status: str, period: str, day: str) -> Span | None:
        """The tally's count of the number at `number_at`, unless a noun of its own follows it."""
        starts = token_starts(doc)
        i = bisect.bisect_left(starts, number_at)
        if i >= len(doc) or starts[i] != number_at:
            return None
        value = count_value(parse_digits(token_texts(doc)[i]))
        if value is None:
            return None
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if NOUN_AFTER.match(text, doc[i].idx + len(doc[i].text)) and after not in LINKS:
            return None   # `63,851 total cases`: the sentence rules' count
        return case_fact(doc, i, value, RULE, status=status, period=period, region=region, date=day)
