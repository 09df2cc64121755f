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


def bare_line_ends() -> bool:
    """Whether this Python's csv module, with no line terminator, writes a line end in a row's last cell as it is
    (3.11 does; a writer that quoted it would write other bytes, and TableWriter then keeps to the terminator)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerows([["a", "b\n"], ["", "\n"]])
    return out.getvalue() == "a,b\n,\n"


BARE = bare_line_ends()


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


class TableWriter:
    """One CSV table written a row at a time: any length, bounded memory. Rows go straight to the csv module's
    writer (C; what DataFrame.to_csv uses underneath), without building a DataFrame per chunk (the big tables
    are written row by row at a million rows a build); tests check the bytes equal DataFrame.to_csv's and the
    csv module's. (Joins of str() of every cell cost as many instructions as the writer: each cell is a call.)"""

    def __init__(self, path: Path, columns: list[str], header: bool = True):
        self.handle = open(path, "w", encoding="utf-8", newline="", buffering=BUFFER)
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.columns = columns
        # the same writer without a line terminator: Python 3.11's writer looks each character of a cell up in
        # the terminator (a call per character); rows whose cells hold no line break take the line end in their
        # last cell instead (see add_single_lines), the same bytes for a sixth less of the writer's work
        self.bare = csv.writer(self.handle, lineterminator="") if BARE and len(columns) > 1 else None
        if header:
            self.writer.writerow(columns)
        self.count = 0

    def add(self, row: dict) -> None:
        self.writer.writerow(neutral_row([row[c] for c in self.columns]))
        self.count += 1

    def add_rows(self, rows: list) -> None:
        """Rows given as their cells in the columns' order."""
        self.writer.writerows(map(neutral_row, rows))
        self.count += len(rows)

    def add_plain_rows(self, rows: list) -> None:
        """Rows known to hold no cell that neutral_row would change."""
        self.writer.writerows(rows)
        self.count += len(rows)

    def add_single_lines(self, rows: list) -> None:
        """Rows known to hold no cell that neutral_row would change and no line break (\\n or \\r) in any
        cell. Each is written with its line end in its last cell (None or a text that needs no quotes), which the
        csv module then writes as it is: the bytes the terminator would have written."""
        if self.bare is not None and all(r[-1] is None or (r[-1].__class__ is str and "," not in r[-1] and
                                                           '"' not in r[-1]) for r in rows):
            self.bare.writerows([(*r[:-1], "\n" if r[-1] is None else r[-1] + "\n") for r in rows])
        else:
            self.writer.writerows(rows)
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
