"""The dataset's files written a row at a time (any length, bounded memory), and pairings.csv's rows, gathered
on disk."""
from __future__ import annotations

import csv
import io
import itertools
import json
import pickle
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from extract.dataset.scratch import Rows, ScratchDB
from extract.dataset.spreadsheet import neutral, neutral_row
from extract.figures.store import NoPeek  # noqa: F401  (build imports it from here)
from extract.nlp.gazetteer import default_gazetteer

BUFFER = 1 << 20   # bytes buffered per streamed file: a million rows in few system calls


def table(records: list[dict], columns: list[str]) -> pd.DataFrame:
    """A table that keeps Python values as they are: 19 stays 19 (not 19.0) beside empty cells."""
    return pd.DataFrame(records, columns=columns, dtype=object)


def csv_cell(value):
    """A list cell (the candidates) as its JSON text; anything else as it is."""
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"   # most rows: skip the encoder
        return json.dumps([dict(v) if isinstance(v, tuple) else v for v in value], ensure_ascii=False)
    return value


def quoting_characters() -> str:
    """The characters that make csv.writer (QUOTE_MINIMAL, lineterminator \\n) quote a field, as this Python's csv
    module decides it (3.11 quotes a field with `,`, `"` or a line feed, not one with a carriage return; later
    versions may add to them): asked of the module once, among every ASCII character and the other line breaks."""
    found = []
    for code in [*range(128), 0x85, 0x2028, 0x2029]:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([f"a{chr(code)}b", "c"])
        if out.getvalue() != f"a{chr(code)}b,c\n":
            found.append(chr(code))
    return "".join(found)


# the quoting characters other than the comma and the line feed, which plain_lines counts instead of searching for
OTHER_QUOTING = quoting_characters().replace(",", "").replace("\n", "")
EMPTY_NONE = {None: ""}.get   # (cell, cell) -> "" for None, else the cell: csv writes None as an empty cell


def plain_lines(rows: list) -> str | None:
    """Rows (cells in the columns' order, two or more each) as csv.writer(lineterminator="\\n") writes them when no
    cell needs quoting (most rows), made by joins over the whole batch (the csv module's C writer tests every
    character of every cell one at a time: a fifth of a build's own work); None when a cell needs quoting, or is
    no text nor number (the caller then leaves the rows to the csv module). str(x) is what the module writes for a
    number (repr for a float, the same text) and a bool."""
    try:
        lines = [",".join(map(str, map(EMPTY_NONE, row, row))) for row in rows]
    except TypeError:   # a cell that cannot be a dict key (a list, a dict)
        return None
    text = "\n".join(lines)
    if text.count(",") != sum(map(len, rows)) - len(rows) or text.count("\n") != len(rows) - 1 or '"' in text \
            or any(c in text for c in OTHER_QUOTING) or min(map(len, rows)) < 2:
        return None
    return text + "\n"


class TableWriter:
    """One CSV table written a row at a time: any length, bounded memory. Rows are written as the csv module
    writes them (what DataFrame.to_csv uses underneath), without building a DataFrame per chunk (the big tables
    are written row by row at a million rows a build): a batch of rows none of whose cells needs quoting as one
    text of joins (plain_lines), any other row by the csv module's writer itself; tests check the bytes equal
    DataFrame.to_csv's and the csv module's."""

    def __init__(self, path: Path, columns: list[str], header: bool = True):
        self.handle = open(path, "w", encoding="utf-8", newline="", buffering=BUFFER)
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.columns = columns
        if header:
            self.writer.writerow(columns)
        self.count = 0

    def add(self, row: dict) -> None:
        self.writer.writerow(neutral_row([row[c] for c in self.columns]))
        self.count += 1

    def add_rows(self, rows: list) -> None:
        """Rows given as their cells in the columns' order."""
        self.add_plain_rows(list(map(neutral_row, rows)))

    def add_plain_rows(self, rows: list) -> None:
        """Rows known to hold no cell that neutral_row would change."""
        if not rows:
            return
        text = plain_lines(rows)
        if text is None:
            for row in rows:   # row by row: the rows that need no quoting still go as joins
                line = plain_lines((row,))
                if line is None:
                    self.writer.writerow(row)
                else:
                    self.handle.write(line)
        else:
            self.handle.write(text)
        self.count += len(rows)

    def close(self) -> None:
        self.handle.close()


def write_table(path: Path, records: list[dict], columns: list[str]) -> None:
    """A table held in memory (pairings, conflicts, errors, audit), written by pandas."""
    records = [{name: neutral(value) for name, value in record.items()} for record in records]
    table(records, columns).to_csv(path, index=False, lineterminator="\n")


def stream_table(path: Path, records: Iterable[dict], columns: list[str]) -> None:
    """A table of any length written a row at a time (the same bytes write_table would write)."""
    writer = TableWriter(path, columns)
    try:
        for record in records:
            writer.add(record)
    finally:
        writer.close()


def pickled(path: Path) -> Iterator:
    """The objects pickled one after another into a scratch file."""
    with open(path, "rb", buffering=BUFFER) as handle:
        source = NoPeek(handle)
        while True:
            try:
                yield pickle.load(source)
            except EOFError:
                return


class Pairings:
    """Helper -> recipient pairs gathered over the corpus, with the documents and facts that state them: the
    mentions are rows on disk, read back grouped by pair."""

    def __init__(self, scratch: ScratchDB):
        self.scratch = scratch
        scratch.db.execute("CREATE TABLE pairing (helper, recipient, doc_id, fact_id, published)")
        self.rows = Rows(scratch, "INSERT INTO pairing VALUES (?, ?, ?, ?, ?)")

    def add(self, mentions: Iterable[tuple[str, str, str, str, str | None]]) -> None:
        """(helper, recipient, doc_id, fact_id, published) of pairing facts, in table order."""
        for mention in mentions:
            self.rows.add(mention)

    def records(self) -> Iterator[dict]:
        """One row per pair, in (helper, recipient) order."""
        self.rows.flush()
        gazetteer = default_gazetteer()
        rows = self.scratch.db.execute("SELECT helper, recipient, doc_id, fact_id, published FROM pairing "
                                       "ORDER BY helper, recipient, rowid")
        for (helper, recipient), group in itertools.groupby(rows, key=lambda r: (r[0], r[1])):
            mentions = [(doc, fact_id, day) for _, _, doc, fact_id, day in group]
            documents = sorted({doc for doc, _, _ in mentions})
            dates = sorted({day for _, _, day in mentions if day})
            yield dict(helper=helper, helper_code=gazetteer[helper].code, recipient=recipient,
                       recipient_code=gazetteer[recipient].code, first_date=dates[0] if dates else None,
                       documents=";".join(documents), mentions=len(mentions),
                       fact_ids=";".join(fact_id for _, fact_id, _ in mentions))
