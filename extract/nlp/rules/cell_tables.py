"""Tables flattened to a stream of cells (issue 23): a table whose cells each stand on a line of their own, ended by
` |` (or set apart by `|` or tabs on one line), so that a row is no line:

    Province/Region/City |
    Confirmed Cases |
    Hubei |
    13522 |
    Zhejiang |
    829 |
    Total |
    20471 |

The cells of consecutive lines holding `|` or a tab are read in order. A header is a cell naming places (data/
tables.json `place_labels`, also joined by `/`) and the label cells after it, up to the first row; a row is a place
cell and then one number cell per column. Each number of a case column is the row place's count (the tables
component's columns and cell: status from the header, period total unless the header or caption says new, the day
from the caption, the two lines above the header). A row whose place is no region the gazetteer knows (a foreign
country, `Taipei`) gives nothing and the table goes on; a `Total` row is the count of the whole the rows make up:
the country when they are provinces, a province when they are its cities, else nothing. A cell that fits neither
(a number where a place should be, a sentence) ends the table.
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extract.nlp.gazetteer import default_gazetteer
from extract.nlp.numerals import count_value, parse_digits
from extract.nlp.extensions import get
from extract.nlp.rules.relations import region_index, token_starts, token_texts

CELL_MARKS = re.compile(r"[|｜\t]")
NUMBER_PATTERN = r"\d{1,3}(?:,\d{3})+|\d+"   # a cell's or a line's number: `20471`, `13,522`
NUMBER = re.compile(NUMBER_PATTERN)
RULE_LINE = re.compile(r"[-=+:|｜\t ]*[-=]{3,}[-=+:|｜\t ]*")   # a ruled line or cell of a table's layout
LETTER = re.compile(r"[^\W\d_]")
MAX_HEADER = 8          # cells of a header
MAX_PLACE_WORDS = 5     # words of a place cell that is no region (`Republic of Korea`)
MAX_BARE_CELL = 40      # characters of a cell on a line with no mark
SENTENCE_ENDS = (".", "!", "?", ":", ";", "。")
CAPTION_LINES = 2       # lines above a header that caption its table

Cell = tuple[int, int, str, int]   # start and end characters, the cell's text, its line


def cell_runs(lines: list[tuple[int, int, str]], is_place_label) -> list[list[Cell]]:
    """The cells, in order, of each run of consecutive lines that hold a cell mark, and of each run of bare
    cells: a line that is a place label alone (`Province`) and the short lines after it, blank lines between
    them allowed (a table whose cells were each put on a line of their own with no mark). Ruled lines
    (`|---|---|`, `+-----+`) inside a run are left out."""
    runs, cells, bare = [], [], False
    for k, (start, _, line) in enumerate(lines):
        stripped = line.strip()
        if cells and RULE_LINE.fullmatch(stripped):
            continue   # a table's ruled line (`|---|---|`, `+-----+`) is part of its layout, no cell
        marked = CELL_MARKS.search(line) is not None
        if bare and not marked and (not stripped or is_bare_cell(stripped)):
            if stripped:
                lead = len(line) - len(line.lstrip())
                cells.append((start + lead, start + lead + len(stripped), stripped, k))
            continue
        if cells and (bare or not marked):
            runs.append(cells)
            cells = []
        bare = False
        if not marked:
            if stripped and is_place_label(stripped):
                bare = True
                lead = len(line) - len(line.lstrip())
                cells = [(start + lead, start + lead + len(stripped), stripped, k)]
            continue
        at = 0
        for piece in [*CELL_MARKS.finditer(line), None]:
            stop = piece.start() if piece else len(line)
            raw = line[at:stop]
            stripped = raw.strip()
            if stripped and not RULE_LINE.fullmatch(stripped):
                lead = len(raw) - len(raw.lstrip())
                cells.append((start + at + lead, start + at + lead + len(stripped), stripped, k))
            at = stop + 1
    if cells:
        runs.append(cells)
    return runs


def is_bare_cell(text: str) -> bool:
    """A line that may be a cell of a table with no marks: short, and no sentence."""
    return len(text) <= MAX_BARE_CELL and not text.endswith(SENTENCE_ENDS)


class CellTables:
    """Reads the cell streams of one document with the tables component `reader` (its words, columns, cells)."""

    def __init__(self, reader):
        self.reader = reader
        self.gazetteer = default_gazetteer()

    def read(self, doc: Doc, lines: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> list[Span]:
        """The case counts of every cell table; runs overlapping `taken` (tables read line by line) are left."""
        found = []
        regions = region_index(doc).regions
        self.places = (regions, [r.start_char for r in regions])   # this document's, looked up by bisection
        for cells in cell_runs(lines, self.reader.is_place_label):
            if any(a <= cells[0][0] < b or cells[0][0] <= a < cells[-1][1] for a, b in taken):
                continue
            found.extend(self.run(doc, lines, cells))
        return found

    def run(self, doc: Doc, lines: list[tuple[int, int, str]], cells: list[Cell]) -> list[Span]:
        found = []
        i = 0
        while i < len(cells):
            if not self.reader.is_place_label(cells[i][2]):
                i += 1
                continue
            p = i + 1
            while p < len(cells) and p - i <= MAX_HEADER and not NUMBER.fullmatch(cells[p][2]):
                p += 1
            width = p - 1 - i   # the header's cells: the place label and one per column
            header = self.layout(cells, i, p - 1)
            if p >= len(cells) or width < 2 or width > MAX_HEADER or header is None or \
                    any(not LETTER.search(label) for _, _, label, _ in cells[i:p - 1]):
                i += 1
                continue
            line = cells[i][3]
            top = line
            while top > 0 and line - top < CAPTION_LINES and lines[top - 1][2].strip():
                top -= 1
            caption = " ".join(text for _, _, text in lines[top:line])
            columns = self.reader.columns_of([label for _, _, label, _ in cells[i + 1:p - 1]], caption)
            if columns is None:
                i += 1
                continue
            date = self.reader.date_of(doc, lines[top][0], cells[p - 2][1])
            layout = (header[0], cells[p - 1][3] != cells[p - 2][3])
            i, facts = self.rows(doc, cells, p - 1, width, columns, caption, date, layout)
            found.extend(facts)
        return found

    def rows(self, doc: Doc, cells: list[Cell], k: int, width: int, columns, caption: str, date: str | None,
             layout: tuple[bool, bool]):
        """The facts of the rows from cell k on, and the cell after the table's last row."""
        found, totals, places = [], [], []
        while k + width <= len(cells) and self.layout(cells, k, k + width) == layout:
            numbers = [self.number(doc, cell) for cell in cells[k + 1: k + width]]
            if any(n is None for n in numbers):
                break
            place = cells[k]
            region = self.region(doc, place)
            words = place[2].lower().split()
            if region is not None:
                places.append(region)
                for column, number in zip(columns, numbers):
                    if column is not None:
                        found.append(self.reader.cell(doc, number, region, column, caption, date))
            elif words and all(w in self.reader.words["total_words"] for w in words):
                totals.append(numbers)
            elif NUMBER.fullmatch(place[2]) or len(words) > MAX_PLACE_WORDS:
                break
            k += width
        if totals:
            whole = self.whole(places)
            if whole is not False:
                for numbers in totals:
                    for column, number in zip(columns, numbers):
                        if column is not None:
                            found.append(self.reader.cell(doc, number, whole, column, caption, date))
        return k, found

    def whole(self, places: list[str]) -> str | None | bool:
        """Whose a total row is: the country (None) when the rows are provinces, their province when they are
        one province's cities, else False (a total of what is unsure)."""
        if len(places) < 2:
            return False
        regions = [self.gazetteer[p] for p in places]
        if all(r.is_provincial for r in regions):
            return None
        provinces = {r.province for r in regions}
        if len(provinces) == 1 and not any(r.is_provincial for r in regions):
            return provinces.pop()
        return False

    @staticmethod
    def layout(cells: list[Cell], first: int, end: int) -> tuple[bool, bool] | None:
        """How the cells first..end (a header or a row) lie: (each on a line of its own, the first on a new line
        after the cell before it), or None when they are neither all on one line nor each on its own. A table's
        rows lie as its header and first row do: a row that does not is no row of it (a cell left out or one
        too many would shift every column after it)."""
        breaks = {cells[j][3] != cells[j + 1][3] for j in range(first, end - 1)}
        if len(breaks) != 1:
            return None
        return breaks.pop(), first > 0 and cells[first][3] != cells[first - 1][3]

    def number(self, doc: Doc, cell: Cell) -> tuple[int, int] | None:
        """(token, value) of a cell that is one number in digits, else None."""
        start, end, text, _ = cell
        if not NUMBER.fullmatch(text):
            return None
        starts = token_starts(doc)
        i = bisect.bisect_left(starts, start)
        if i >= len(starts) or starts[i] != start or token_texts(doc)[i] != text:
            return None
        value = count_value(parse_digits(text))
        return None if value is None else (i, value)

    def region(self, doc: Doc, cell: Cell) -> str | None:
        """The region a place cell is, when the cell is one region's name and nothing else but the country's
        (`Taiwan, China`)."""
        start, end, text, _ = cell
        inside = within(*self.places, start, end)
        if len(inside) != 1:
            return None
        outside = text[:inside[0].start_char - start] + " " + text[inside[0].end_char - start:]
        return get(inside[0], "value") if self.reader.only_country_words(outside) else None


def within(spans: list[Span], starts: list[int], start: int, end: int) -> list[Span]:
    """The spans (sorted, with their start characters `starts`) that lie within characters start..end."""
    k = bisect.bisect_left(starts, start)
    found = []
    while k < len(spans) and spans[k].start_char < end:
        if spans[k].end_char <= end:
            found.append(spans[k])
        k += 1
    return found
