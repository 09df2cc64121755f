"""Figures laid out as lines rather than sentences (issue 23): read by the tables component after the sentence rules.

- Statistics lines (`20471 confirmed (3235 new)`, `425 deaths (64 new)`, `1 death`, `Deaths: 425 (+64)`): a line
  that is a number and a label of status words and case nouns, in either order, and maybe a bracketed count of the
  new ones (`(64 new)`, `(new 64)`, `(+64)`), under a heading line (a label-first line with no bracket, `Deaths:
  3`, is rules/case_labels.py's). The number is a count of the label's status; the bracket's the new
  ones of the same status, and the number beside it then the total so far (rule `case_count:statistics_line`). The
  heading says whose: one region it names (`Hubei`, `Wuhan, Feb 4`), or the whole country in words of
  data/tables.json `country_headings` (`China`, `Mainland China`: no region). Under any other heading (`Globally`,
  `Outside of China`, `Japan`, `SITUATION IN NUMBERS`) the block gives nothing: whose counts they are is not ours
  to guess. A day on the heading dates the block; else a short line above it that says what day the figures are
  as of (`Figures as of 3 March 2020`).
- A place's figure broken down by status in a bracket (`Hong Kong 157 (recovered 88, dead 4)`, `Taiwan: 59 (20
  recovered, 1 dead)`): each part is the place's count of its status, and the whole, whose parts are outcomes of
  cases, the place's confirmed cases; all of them totals so far (rule `case_count:place_breakdown`). A bracket with
  any part that is not `status number` or `number status` (`Guangdong 12 (Shenzhen 5, Foshan 7)`) gives nothing.

The numbers these read are facts of theirs alone: a fact another rule made of the same number is replaced.
Everything is bounded by its line (a heading is looked for at most HEADING_REACH lines up).
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extract.nlp.docindex import doc_index
from extract.nlp.extensions import SPAN_EXTENSIONS, get, put
from extract.nlp.numerals import count_value, parse_digits
from extract.nlp.rules.case_dates import is_day
from extract.nlp.rules.cell_tables import NUMBER_PATTERN as NUMBER, within
from extract.nlp.rules.places import scope_words
from extract.nlp.rules.relations import region_index, spans_of, token_starts, token_texts
from extract.nlp.triggers import triggers

STAT_RULE = "case_count:statistics_line"
BREAKDOWN_RULE = "case_count:place_breakdown"
LEAD_REACH = 300      # characters back to the line above a place that opens its line
HEADING_REACH = 12     # lines up from a statistics line to its heading
MAX_LABEL = 3          # words of a statistics line's label: `confirmed`, `new confirmed cases`
DAY_REACH = 12         # lines above a block's heading within which a line may say what day its figures are of
MAX_DAY_LINE = 10      # words of such a line (`Figures as of 3 March 2020`)
MAX_ANY_LABEL = 5      # words of the label of any line of a block: `Cured and discharged patients`
MAX_HEADING = 6        # words of a heading line: `Hubei Province, 4 February`
# a bracket of the new ones: `(64 new)`, `(new 64)`, `(+64)`
NEW_BRACKET = (rf"(?:\([ \t]*(?:(?P<new>{NUMBER})[ \t]+new|new:?[ \t]+(?P<new2>{NUMBER})|\+[ \t]*(?P<new3>{NUMBER}))"
               rf"[ \t]*\))")
# number, label, an optional bracket of the new ones: `20471 confirmed (3235 new)`
STAT_LINE = re.compile(rf"[ \t]*(?P<n>{NUMBER})[ \t]+(?P<label>[^\W\d_][^\d()\n]{{0,40}}?)[ \t]*{NEW_BRACKET}?[ \t]*")
# label, number, a bracket of the new ones: `Confirmed: 80,711 (+120)`, `Deaths\t2,981 (31 new)`
LABEL_LINE = re.compile(rf"[ \t]*(?P<label>[^\W\d_][^\d()\n:：\t]{{0,40}}?)[ \t]*(?:[:：\t][ \t]*|[ \t])[ \t]*"
                        rf"(?P<n>{NUMBER})[ \t]*(?P<bracket>{NEW_BRACKET})?[ \t]*")
# a place's number and a bracket right after its name
BREAKDOWN = re.compile(rf"[ \t]*:?[ \t]*(?P<n>{NUMBER})[ \t]*\((?P<parts>[^()\n]{{1,120}})\)")
BREAKDOWN_LINE = re.compile(rf"[ \t]*[^\d\n]{{1,40}}?[ \t]*(?:{NUMBER})[ \t]*\([^()\n]*\)[ \t]*[,;.]?[ \t]*")
PART = re.compile(rf"[ \t]*(?:(?P<words1>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)[ \t]*:?[ \t]*(?P<n1>{NUMBER})"
                  rf"|(?P<n2>{NUMBER})[ \t]+(?P<words2>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?))[ \t]*")
PART_SPLIT = re.compile(r"[,;，；]|\band\b")
WORD = re.compile(r"[^\W\d_]+")
OURS, ELSEWHERE, UNSAID = "ours", "elsewhere", "unsaid"   # whose a heading says its block's counts are
OUTCOMES = frozenset({"recovered", "death", "severe", "critical"})   # parts of a place's confirmed cases


def newly_confirmed(status: str, period: str | None) -> str:
    """A new case is a newly confirmed one: an `unspecified` status under a `new` period is `confirmed`."""
    return "confirmed" if status == "unspecified" and period == "new" else status


def case_fact(doc: Doc, token: int, value: int, rule: str, *, status: str, period: str | None,
              region: str | None, date: str | None = None, qualifier: str = "exact") -> Span:
    """A case count of one number token, as the sentence rules make them."""
    fact = Span(doc, token, token + 1, label="case_count", span_id=rule)
    for name, default in SPAN_EXTENSIONS.items():
        put(fact, name, default)   # what a span of the same characters may have been given before
    put(fact, "value", value)
    put(fact, "missing", False)
    put(fact, "qualifier", qualifier)
    put(fact, "noun_class", "case")
    put(fact, "status", status)
    put(fact, "period", period)
    put(fact, "region", region)
    put(fact, "date", date)
    put(fact, "whole_country", True if region is None else None)   # the country's figure, filed as such
    return fact


class FigureLines:
    """Reads statistics lines and place breakdowns of one document; `reader` is the tables component, whose
    words (data/tables.json), statuses and case nouns these share."""

    def __init__(self, reader):
        self.reader = reader
        self.glue = reader.words["label_glue"]
        self.country = reader.words["country_headings"]
        # a heading's words besides its place and day (`Hubei update`, `Key figures`, `Confirmed cases`)
        self.heading_words = (reader.words["heading_words"] | reader.words["label_glue"] | reader.words["new_words"]
                              | reader.words["total_words"] | reader.case_nouns | frozenset(reader.statuses.by_word))
        self.elsewhere = scope_words()["elsewhere_words"]   # the world, abroad, foreign countries
        self.as_of = tuple(opener.lower() for opener in triggers()["as_of_openers"])

    def read(self, doc: Doc, text: str, lines: list[tuple[int, int, str]]) -> tuple[list[Span], set[int]]:
        """The facts of the document's figure lines, and the number tokens of statistics lines under a heading
        of someone else's (`Globally`, `Japan`), whose facts of other rules are to go."""
        regions = region_index(doc).regions
        dates = sorted(spans_of(doc, "date"), key=lambda d: d.start_char)
        self.spans = (regions, [r.start_char for r in regions], dates, [d.start_char for d in dates])
        facts, elsewhere = self.statistics_lines(doc, text, lines)
        return facts + self.breakdowns(doc, text), elsewhere

    # statistics lines -------------------------------------------------------------------------------------
    def statistics_lines(self, doc: Doc, text: str, lines: list[tuple[int, int, str]]):
        found, elsewhere = [], set()
        heading_of: dict[int, tuple[str, str | None, str | None]] = {}   # block's first line -> its heading
        for k, (start, _, line) in enumerate(lines):
            match = self.stat_line(line)
            if match is None:
                continue
            status = self.label_status(match["label"])
            if status is None:
                continue
            first = k
            while first > 0 and k - first < HEADING_REACH and self.stat_line(lines[first - 1][2], any_label=True):
                first -= 1
            if first == 0 or k - first >= HEADING_REACH:
                continue   # no heading within reach
            if first not in heading_of:
                whose, region, date = self.heading(lines[first - 1])
                heading_of[first] = (whose, region, date or self.data_day(lines, first - 1))
            whose, region, date = heading_of[first]
            if whose == ELSEWHERE:
                for group in ("n", "new", "new2", "new3"):
                    if match[group] is not None:
                        i = number_token(doc, start + match.start(group), match[group])
                        elsewhere.update(() if i is None else (i,))
            if whose != OURS or (match.re is LABEL_LINE and match["bracket"] is None):
                continue   # `Deaths: 3` alone is the sentence rules' (rules/case_labels.py)
            words = label_words(match["label"])
            new_text = match["new"] or match["new2"] or match["new3"]
            period = self.reader.period(words)
            if new_text is not None:
                period = period or "total"   # beside the new ones, the number is the total so far
            status = newly_confirmed(status, period)
            for group, group_period in (("n", period), ("new", "new"), ("new2", "new"), ("new3", "new")):
                if match[group] is None:
                    continue
                fact = number_fact(doc, start + match.start(group), match[group], STAT_RULE, status,
                                        group_period, region, date)
                if fact is not None:
                    found.append(fact)
        return found, elsewhere

    def stat_line(self, line: str, any_label: bool = False) -> re.Match | None:
        """The match of a statistics line of either order (number first, label first), or None; with any_label,
        of any label (`23 countries`: a line of the block all the same), else of a case label."""
        head = line.lstrip()[:1]
        if not head:
            return None
        match = (STAT_LINE if head.isdigit() else LABEL_LINE).fullmatch(line)
        if match is None:
            return None
        words = label_words(match["label"])
        if any_label:
            return match if len(words) <= MAX_ANY_LABEL else None
        return match

    def data_day(self, lines: list[tuple[int, int, str]], heading: int) -> str | None:
        """The day the figures above a block are said to be as of, on a short line of its own within DAY_REACH
        lines above its heading (`Figures as of 3 March 2020`, `Numbers up to March 3*`): an as-of
        opener (data/triggers.json `as_of_openers`) right before one day, and no other number."""
        _, _, dates, date_starts = self.spans
        for start, end, line in reversed(lines[max(0, heading - DAY_REACH):heading]):
            if not line.strip() or len(label_words(line)) > MAX_DAY_LINE:
                continue
            found = within(dates, date_starts, start, end)
            days = {get(d, "value") for d in found}
            if len(days) != 1:
                continue
            day = days.pop()
            if not is_day(day):
                continue
            before = " ".join(label_words(line[:found[0].start_char - start])[-2:])
            rest = line[:found[0].start_char - start] + line[found[-1].end_char - start:]
            if any(ch.isdigit() for ch in rest):
                continue
            if any(before == opener or before.endswith(" " + opener) for opener in self.as_of):
                return day
        return None

    def label_status(self, label: str) -> str | None:
        """The status a statistics line's label names (`confirmed`, `deaths`, `severe cases`; `cases`:
        unspecified), or None when the label is not one of status words and case nouns only."""
        words = label_words(label)
        if not words or len(words) > MAX_LABEL:
            return None
        reader = self.reader
        status_words = [w for w in words if reader.statuses.first([w]) is not None]
        nouns = [w for w in words if w in reader.case_nouns]
        if not status_words and not nouns:
            return None
        if any(w not in self.glue and w not in reader.case_nouns and reader.statuses.first([w]) is None
               for w in words):
            return None   # `23 countries`, `5 hospitals`, `12 confirmed close contacts`
        return reader.statuses.first(words) or "unspecified"

    def heading(self, line: tuple[int, int, str]) -> tuple[str, str | None, str | None]:
        """(whose the block's counts are: OURS, ELSEWHERE or UNSAID; the region; the heading's day). Someone
        else's is a heading with a word of the world, abroad or a foreign country (data/scopes.json
        `elsewhere_words`: `Globally`, `Outside of China`, `Japan`, `Republic of Korea`); an unknown name is UNSAID."""
        start, end, text = line
        words = label_words(text)
        if not words or len(words) > MAX_HEADING:
            return UNSAID, None, None
        regions, region_starts, dates, date_starts = self.spans
        regions = within(regions, region_starts, start, end)
        dates = within(dates, date_starts, start, end)
        days = {get(d, "value") for d in dates}
        day = days.pop() if len(days) == 1 else None
        if day is not None and not is_day(day):
            day = None
        names = {get(r, "value") for r in regions}
        if len(names) > 1:
            return UNSAID, None, None
        named = {w for s in [*regions, *dates] for w in label_words(text[s.start_char - start:s.end_char - start])}
        rest = [w for w in words if w not in named]
        if not names and not self.elsewhere.isdisjoint(rest):
            return ELSEWHERE, None, None   # `Globally`, `Outside of China`
        if any(w not in self.heading_words and w not in self.country for w in rest):
            return UNSAID, None, None   # `Jinyintan Hospital, Wuhan`, `By Zhang Wei`: other rules' facts stay
        if names:
            return OURS, names.pop(), day
        if not self.country.isdisjoint(rest):
            return OURS, None, day   # the whole country: no region
        return UNSAID, None, None

    # place breakdowns -------------------------------------------------------------------------------------
    def breakdowns(self, doc: Doc, text: str) -> list[Span]:
        found = []
        statuses = self.reader.statuses
        for place in region_index(doc).regions:
            match = BREAKDOWN.match(text, place.end_char)
            if match is None:
                continue
            parts = []
            for at, part in pieces(match["parts"]):
                if not part.strip():
                    continue
                hit = PART.fullmatch(part)
                if hit is None:
                    parts = None
                    break
                words = label_words(hit["words1"] or hit["words2"])
                status = statuses.first(words)
                if status is None or any(statuses.first([w]) is None and w not in self.glue
                                         and w not in self.reader.case_nouns for w in words):
                    parts = None
                    break
                offset = match.start("parts") + at + hit.start("n1" if hit["n1"] else "n2")
                parts.append((offset, hit["n1"] or hit["n2"], status))
            if not parts or self.new_lead(doc, text, place):
                continue   # `new cases: Hubei 5 (2 severe)`: whether the parts are new too is unsure
            region = get(place, "value")
            if {status for _, _, status in parts} <= OUTCOMES:
                whole = number_fact(doc, match.start("n"), match["n"], BREAKDOWN_RULE, "confirmed", "total",
                                    region, None)
                if whole is not None:
                    found.append(whole)
            for offset, number, status in parts:
                fact = number_fact(doc, offset, number, BREAKDOWN_RULE, status, "total", region, None)
                if fact is not None:
                    found.append(fact)
        return found

    def new_lead(self, doc: Doc, text: str, place: Span) -> bool:
        """Whether the words leading to a place (its sentence's, on its line; the line above when the place opens
        its line) speak of new cases."""
        line_start = text.rfind("\n", 0, place.start_char) + 1
        lead = text[max(line_start, doc_index(doc).sentences.char_bounds(place.start)[0]):place.start_char]
        if not lead.strip():   # a list's item: its lead-in is the line ending in a colon above the list
            window = max(0, line_start - LEAD_REACH)
            above = [line for line in text[window:line_start].split("\n")[1 if window else 0:] if line.strip()]
            while above and BREAKDOWN_LINE.fullmatch(above[-1]):
                above.pop()
            lead = above[-1] if above and above[-1].rstrip().endswith((":", "：")) else ""
        return not self.reader.words["new_words"].isdisjoint(label_words(lead))

def number_fact(doc: Doc, char: int, number: str, rule: str, status: str, period: str | None,
                region: str | None, date: str | None) -> Span | None:
    """The fact of the number token at character `char`, when that token is the number and nothing else."""
    i = number_token(doc, char, number)
    if i is None:
        return None
    value = count_value(parse_digits(number))
    if value is None:
        return None
    return case_fact(doc, i, value, rule, status=status, period=period, region=region, date=date)


def number_token(doc: Doc, char: int, number: str) -> int | None:
    """The token that is the number at character `char` (`+172`: the number with its sign), or None."""
    starts, texts = token_starts(doc), token_texts(doc)
    i = bisect.bisect_right(starts, char) - 1
    if i < 0 or texts[i] not in (number, "+" + number) or starts[i] + len(texts[i]) != char + len(number):
        return None
    return i


def pieces(parts: str) -> list[tuple[int, str]]:
    """A bracket's parts, split at commas, semicolons and `and`, each with its offset in the bracket."""
    found, at = [], 0
    for sep in PART_SPLIT.finditer(parts):
        found.append((at, parts[at:sep.start()]))
        at = sep.end()
    found.append((at, parts[at:]))
    return found


def label_words(text: str) -> list[str]:
    return WORD.findall(text.lower())
