"""The consolidation of one build: mentions in (a document at a time, from any process's spill), tables out."""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import BinaryIO, Iterator

from extract.figures.cases import CASE_COLUMNS, case_rows, consolidate_cases
from extract.figures.mentions import case_mention, staff_mention, without_parts
from extract.figures.staff import STAFF_COLUMNS, candidate_rows, consolidate_staff, staff_rows
from extract.figures.store import MentionStore, NoPeek

BATCH = 4096   # mentions inserted at a time
BUFFER = 1 << 20   # bytes read at a time from a spill
TABLE_COLUMNS = {"cases": CASE_COLUMNS, "staff": STAFF_COLUMNS}


def spill_mentions(out: BinaryIO, rows: list[dict], published: str | None) -> None:
    """One document's fact rows (verdicts applied) as the case mentions they state and the dispatches its staff
    mentions make, appended to a spill file."""
    cases, sentences, staff = [], [], []
    for row in rows:
        kind = row["kind"]
        if kind == "case_count":
            mention = case_mention(row, published)
            if mention is not None:
                cases.append(mention)
                sentences.append(row["sent_start"])
        elif kind == "personnel_count":
            mention = staff_mention(row, published)
            if mention is not None:
                staff.append(mention)
    if len(cases) > 1:
        cases = without_parts(cases, sentences)
    cases = [tuple(mention) for mention in cases]   # plain tuples: a named tuple pickles through a Python call
    staff = candidate_rows(staff)   # the document's dispatches
    if cases or staff:
        pickle.dump((cases, staff), out, protocol=pickle.HIGHEST_PROTOCOL)


def spilled(path: Path) -> Iterator[tuple[list, list]]:
    with open(path, "rb", buffering=BUFFER) as handle:
        source = NoPeek(handle)
        while True:
            try:
                yield pickle.load(source)
            except EOFError:
                return


class Consolidation:
    """Mentions gathered into an on-disk store, then grouped into the rows of cases.csv and staff.csv."""

    def __init__(self, folder: Path):
        self.store = MentionStore(Path(folder) / ".figures.sqlite")

    def add_spill(self, path: Path) -> None:
        cases, staff = [], []
        for doc_cases, doc_staff in spilled(path):   # a few thousand rows an insert, not a document's few
            cases += doc_cases
            staff += doc_staff
            if len(cases) + len(staff) >= BATCH:
                self.add(cases, staff)
                cases, staff = [], []
        self.add(cases, staff)

    def add(self, cases: list, staff: list) -> None:
        self.store.add_cases(cases)
        self.store.add_staff(staff)

    def finish(self) -> None:
        # in the store's transaction, committed once at the end: out of one, every row that consolidation inserts
        # (a few per document) would be a transaction of its own, with its lock and its page writes
        consolidate_cases(self.store.db)
        consolidate_staff(self.store.db)
        self.store.commit()

    def rows(self, table: str) -> Iterator[dict]:
        return case_rows(self.store.db) if table == "cases" else staff_rows(self.store.db)

    def close(self) -> None:
        self.store.close()
