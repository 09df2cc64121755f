"""aidfacts_tables: figures laid out in lines rather than sentences -> case counts in doc.spans["count"].

Runs after the sentence rules (aidfacts_counts) and reads what they cannot: tables flattened to text, one row a
line (here), or one cell a line (rules/cell_tables.py); statistics lines and breakdowns by status
(rules/figure_lines.py); roll calls of places, one line a place (rules/place_lines.py). A number these read is
theirs: a fact another rule made of it is replaced; a figure under someone else's heading or a foreign place's
line is no fact at all.

A table of lines is a header line and the lines of places under it:

    City      Confirmed  Cured  Deaths          City | Confirmed | Cured | Deaths
    Wuhan     49122      30000  2000            Wuhan | 49,122 | 30,000 | 2,000

The header's first column names places (`City`, `Region`: data/tables.json) and each other column a status of
cases (`Confirmed`, `Cured`, `New cases`) or something else (`Population`), whose numbers are left alone. Columns
are split at `|`, at tabs, at runs of spaces, or, where the header has none of these, at single spaces (then each
column's label is one word). A row is a place the gazetteer knows, then exactly one number per column and
nothing else: each number of a status column is a case count (rule `case_count:table_cell`) of that place, with
the column's status and period (or the caption's, the line above the header; else the total so far: a table of
places states each one's count to date), dated by a date on the header or the caption. A row that does not fit
(a number too many or too few, words between them, a place the gazetteer does not know, a number another rule
has read) gives nothing: a number in the wrong column is a wrong value. A table ends at the first line that is
not a row.
"""
from __future__ import annotations

import bisect
import functools
import json
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.extensions import get, put
from extract.nlp.gazetteer import data_path
from extract.nlp.numerals import count_value, parse_digits
from extract.nlp.rules.cell_tables import CellTables, within
from extract.nlp.rules.day_lines import DayLines
from extract.nlp.rules.figure_lines import FigureLines, case_fact, newly_confirmed
from extract.nlp.rules.place_lines import PlaceLines
from extract.nlp.rules.relations import region_index, set_spans, spans_of, text_of, token_starts, token_texts
from extract.nlp.triggers import status_table, triggers

SPAN_KEY = "count"
RULE = "case_count:table_cell"
BORDER = re.compile(r"[|｜]")
FOOTNOTE_MARKS = frozenset({"*", "†", "‡"})   # `302*`: a footnote mark after a cell's number
SEPARATORS = re.compile(r"[\s|｜]*")   # what may stand between a row's cells
WORD = re.compile(r"[^\W\d_]+(?:[/'-][^\W\d_]+)*")
WIDE_GAP = re.compile(r"\S(?: {2,}|\t)\S")


@functools.lru_cache(maxsize=1)
def table_words() -> dict[str, frozenset[str]]:
    """data/tables.json, checked once: each list present, lower-case single words."""
    with open(data_path("tables.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    words = {}
    for key in ("place_labels", "new_words", "total_words", "label_glue", "country_headings",
                "heading_words", "lead_words", "lead_other_nouns", "day_line_words"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w and " " not in w for w in value):
            raise ValueError(f"tables.json: {key} must be a list of single words")
        words[key] = frozenset(w.lower() for w in value)
    return words


@Language.factory("aidfacts_tables", assigns=["doc.spans"], requires=["doc.spans"], default_config={})
def make_tables(nlp: Language, name: str) -> "TableReader":
    return TableReader()


def header_cells(line: str) -> list[str]:
    """A header line's column labels, split at `|`, tabs, runs of spaces, or else single spaces."""
    if "|" in line:
        return [cell.strip() for cell in line.strip().strip("|").split("|")]
    if ("  " in line or "\t" in line) and WIDE_GAP.search(line):   # (a wide gap needs one of them: tested in C)
        return [cell.strip() for cell in re.split(r" {2,}|\t+", line.strip())]
    return line.split()


class TableReader:
    def __init__(self):
        self.words = table_words()
        self.case_nouns = frozenset(w.lower() for w in triggers()["nouns"]["case"])
        self.statuses = status_table()
        self.cell_tables = CellTables(self)
        self.figure_lines = FigureLines(self)
        self.place_lines = PlaceLines(self, self.figure_lines)
        self.day_lines = DayLines(self)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        lines, offset = [], 0
        for line in text.split("\n"):
            lines.append((offset, offset + len(line), line))
            offset += len(line) + 1
        counts = spans_of(doc, SPAN_KEY)
        # the days the sentence rules gave the counts of each line (a report's day carried to its figures), read
        # before any fact here is made (a fact of the same characters shares its attributes)
        starts = [start for start, _, _ in lines]
        days: dict[int, set] = {}
        for c in counts:
            if c.label_ == "case_count" and get(c, "date") is not None:
                days.setdefault(bisect.bisect_right(starts, c.start_char) - 1, set()).add(get(c, "date"))
        found, layout = self.line_tables(doc, lines, counts) if len(lines) > 1 else ([], [])
        # cell streams and figure lines: their numbers are theirs alone (another rule's fact of one is replaced)
        figures, elsewhere = self.figure_lines.read(doc, text, lines)
        tallies, day_spans = self.day_lines.read(doc, text, lines)
        laid_out = self.cell_tables.read(doc, lines, layout) + figures + tallies
        # roll calls: each line's counts its place's, and the numbers no rule read
        called, unread = self.place_lines.apply(doc, text, lines, counts)
        laid_out += unread
        if not found and not laid_out and not elsewhere and len(called) == len(counts):
            return doc
        counts = called
        count_starts = [c.start_char for c in counts] if day_spans else []   # (listed once, not per line)
        for a, b, day in day_spans:   # a running tally's line: its counts with no day of their own are of its day
            for c in within(counts, count_starts, a, b):
                if c.label_ == "case_count" and get(c, "date") is None:
                    put(c, "date", day)
        tokens = set(elsewhere) | {f.start for f in found}   # someone else's figures: no fact of any rule
        for fact in laid_out:
            if fact.start not in tokens:
                tokens.add(fact.start)
                found.append(fact)
                said = days.get(bisect.bisect_right(starts, fact.start_char) - 1, ())
                if get(fact, "date") is None and len(said) == 1:
                    put(fact, "date", next(iter(said)))   # the day the sentence rules gave its line: its report's
        counts = [c for c in counts if not any(i in tokens for i in range(c.start, c.end))]
        if layout:
            # the table's wide spaces are layout (the contract: a double space that is only layout is no gap)
            def in_layout(span: Span) -> bool:
                return any(a <= span.start_char < b for a, b in layout)
            counts = [c for c in counts if not (get(c, "missing") and in_layout(c))]
            set_spans(doc, "gap", [g for g in spans_of(doc, "gap") if not in_layout(g)])
        set_spans(doc, SPAN_KEY, sorted(counts + found, key=lambda s: (s.start, s.end)))
        return doc

    def line_tables(self, doc: Doc, lines: list[tuple[int, int, str]], counts: list[Span]):
        """The facts of the tables whose rows are lines, and the character ranges those tables take."""
        read = [c for c in counts if not get(c, "missing")]   # a wide space in a table is no deleted number
        found, layout = [], []
        k = 0
        while k < len(lines):
            caption = lines[k - 1][2] if k > 0 else ""
            columns = self.columns(lines[k][2], caption)
            if columns is None:
                k += 1
                continue
            date = self.date_of(doc, lines[k - 1][0] if k > 0 else lines[k][0], lines[k][1])
            header, before, header_line = lines[k][0], len(found), k
            k += 1
            while k < len(lines):
                if label_words(lines[k][2])[:1] and label_words(lines[k][2])[0] in self.words["total_words"]:
                    k += 1   # `Total 60000 40000`: a row of no one place; the table goes on
                    continue
                if BORDER.search(lines[header_line][2]):
                    row = self.bordered_row(doc, lines[k][0], lines[k][2], columns)
                else:
                    row = self.row(doc, lines[k][0], lines[k][1], len(columns), read)
                if row is None:
                    break
                region, cells = row
                for column, number in zip(columns, cells):
                    if number is None:
                        continue
                    if isinstance(number, list):   # a free cell's own `N serious, M critical`
                        found.extend(case_fact(doc, i, value, RULE, status=status, period=None, region=region,
                                               date=date) for i, value, status in number)
                    elif column is not None:
                        found.append(self.cell(doc, number, region, column, caption, date))
                k += 1
            if len(found) > before:
                layout.append((header, lines[k - 1][1]))
        return found, layout

    def columns(self, line: str, caption: str) -> list[tuple[str, list[str]] | None] | None:
        """The (status, words) of each data column of a header line (None for a column of something else),
        or None when the line is no header of a case table. A column of a period alone (`New`, `Total`) counts
        what the caption above (the line before) names, where it names cases (`Confirmed cases by province`).
        (The first cell is tested before the line's characters are: most lines are prose, ruled out by it.)"""
        if not line.strip():
            return None
        cells = header_cells(line)
        if len(cells) < 2 or not (self.is_place_label(cells[0]) or self.is_country_label(cells[0])) or \
                any(ch.isdigit() for ch in line):
            return None
        return self.columns_of(cells[1:], caption)

    def only_country_words(self, text: str) -> bool:
        """Whether the words of a text beside a region's name are the country's only (`Taiwan, China`, `Macao
        (China)`): the name is the region's all the same."""
        return all(w in self.words["country_headings"] for w in label_words(text))

    def is_country_label(self, cell: str) -> bool:
        """A header cell that names the country the rows' places are in (`MAINLAND CHINA`, `China`): its rows
        are its regions all the same."""
        return bool(label_words(cell)) and self.only_country_words(cell)

    def is_place_label(self, cell: str) -> bool:
        """A header cell that names the places of the rows: `City`, `Province/Region/City`."""
        parts = cell.strip().lower().split("/")
        return all(part.strip() in self.words["place_labels"] for part in parts)

    def columns_of(self, cells: list[str], caption: str) -> list[tuple[str, list[str]] | None] | None:
        """The (status, words) of each data column named by a header's cells after its place label."""
        caption = label_words(caption)
        columns = []
        for cell in cells:
            words = label_words(cell)
            if not words:
                return None
            status = self.statuses.first(words)
            if status is None and self.case_nouns.isdisjoint(words):
                if self.period(words) and (self.statuses.first(caption) or not self.case_nouns.isdisjoint(caption)):
                    status = self.statuses.first(caption)   # `New` under `Confirmed cases by province`
                else:
                    columns.append(None)   # `Population`, `Tests`: not counts of cases
                    continue
            columns.append((status or "unspecified", words))
        return columns if any(columns) else None

    def row(self, doc: Doc, start: int, end: int, width: int, counts: list[Span]):
        """(region, the row's cells as (token, value)) when the line is a place and exactly `width` numbers
        in digits, else None. The cells are read here, not by the numbers component, which leaves digits beside
        digits unread (`138 1234 5678`: which make one number is unsure); the header's columns settle it."""
        text = text_of(doc)
        regions = in_chars(region_index(doc).regions, start, end)
        if len(regions) != 1 or SEPARATORS.fullmatch(text[start: regions[0].start_char]) is None:
            return None
        place, cells = regions[0], []
        starts = token_starts(doc)
        texts = token_texts(doc)
        for i in range(bisect.bisect_left(starts, place.end_char), bisect.bisect_left(starts, end)):
            if SEPARATORS.fullmatch(texts[i]):
                continue
            value = count_value(parse_digits(texts[i]))
            if value is None:
                return None   # a word, a decimal, a digit group with a leading zero (`30 000`): no row
            cells.append((i, value))
        if len(cells) != width or in_chars(counts, start, end):
            return None
        return get(place, "value"), cells

    def bordered_row(self, doc: Doc, start: int, line: str, columns: list):
        """(region, one entry per column) for a row of a table whose cells are bordered by `|`, else None. Its
        borders say which cell each number is in, so a cell that holds no one number (`1+`, `-`, a word) gives
        nothing while the rest of the row is read: the place cell is a region the gazetteer knows, then only
        place words (`province`, `Region`) and a bracketed aside (`Hubei province (including Wuhan)`); a case
        column's cell one number in digits (a footnote mark after it aside); a cell of another column (`Notes`)
        may state its own statuses, each part `N serious` (a number and a status word), else it gives nothing."""
        cells, at = [], 0
        for piece in BORDER.split(line):
            cells.append((start + at, start + at + len(piece)))
            at += len(piece) + 1
        if line.lstrip()[:1] in ("|", "｜"):
            cells = cells[1:]   # the outer borders open and close no cell
        if line.rstrip()[-1:] in ("|", "｜"):
            cells = cells[:-1]
        if len(cells) != len(columns) + 1:
            return None
        region = self.place_cell(doc, *cells[0])
        if region is None:
            return None
        return region, [self.number_cell(doc, a, b) if column is not None else self.free_cell(doc, a, b)
                        for column, (a, b) in zip(columns, cells[1:])]

    def place_cell(self, doc: Doc, a: int, b: int) -> str | None:
        """The region a bordered place cell names, or None."""
        text = text_of(doc)
        regions = in_chars(region_index(doc).regions, a, b)
        if not regions or text[a: regions[0].start_char].strip():
            return None
        rest = re.sub(r"\([^()]*\)", " ", text[regions[0].end_char: b])
        if any(w not in self.words["place_labels"] for w in label_words(rest)):
            return None
        return get(regions[0], "value")

    def cell_tokens(self, doc: Doc, a: int, b: int) -> list[int]:
        starts, texts = token_starts(doc), token_texts(doc)
        return [i for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))
                if not SEPARATORS.fullmatch(texts[i])]

    def number_cell(self, doc: Doc, a: int, b: int) -> tuple[int, int] | None:
        """(token, value) of a case cell that holds one number in digits (`302*`), else None."""
        tokens = self.cell_tokens(doc, a, b)
        texts = token_texts(doc)
        while tokens and texts[tokens[-1]] in FOOTNOTE_MARKS:
            tokens.pop()
        value = count_value(parse_digits(texts[tokens[0]])) if len(tokens) == 1 else None
        return None if value is None else (tokens[0], value)

    def free_cell(self, doc: Doc, a: int, b: int) -> list[tuple[int, int, str]] | None:
        """[(token, value, status)] of a free cell made of parts `N status-word` joined by commas (`1,809
        serious, 711 critical`), else None."""
        tokens, texts = self.cell_tokens(doc, a, b), token_texts(doc)
        parts, part = [], []
        for i in tokens + [None]:
            if i is None or texts[i] == ",":
                parts.append(part)
                part = []
            else:
                part.append(i)
        out = []
        for part in parts:
            if len(part) != 2:
                return None
            value = count_value(parse_digits(texts[part[0]]))
            status = self.statuses.first([texts[part[1]].lower()])
            if value is None or status is None:
                return None
            out.append((part[0], value, status))
        return out

    def date_of(self, doc: Doc, start: int, end: int) -> str | None:
        """A date on the header line or the caption above it (`Cases as of Feb 20`)."""
        dates = in_chars(spans_of(doc, "date"), start, end)
        return get(dates[-1], "value") if dates else None

    def cell(self, doc: Doc, number: tuple[int, int], region: str | None, column: tuple[str, list[str]],
             caption: str, date: str | None) -> Span:
        """A cell's case count: the column's status; its period the column's, else the caption's, else the
        total (a table of places states each place's count so far, unless its column or caption says new)."""
        status, words = column
        period = self.period(words) or self.period(label_words(caption)) or "total"
        return case_fact(doc, number[0], number[1], RULE, status=newly_confirmed(status, period), period=period,
                         region=region, date=date)

    def period(self, words: list[str]) -> str | None:
        if not self.words["new_words"].isdisjoint(words):
            return "new"
        return "total" if not self.words["total_words"].isdisjoint(words) else None


def label_words(text: str) -> list[str]:
    """The words of a label or caption, lower-case, without their punctuation (`Deaths:` is `deaths`)."""
    return WORD.findall(text.lower())


def in_chars(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans (sorted by start) that lie within characters start..end."""
    return within(spans, [s.start_char for s in spans], start, end)
