"""The mentions of a corpus on disk: an SQLite file that sorts and groups them without holding them in memory."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from extract.figures.mentions import CaseMention

# table staff_candidate: one row per dispatch of a document (figures/staff.py's candidate_rows)
CANDIDATE_FIELDS = ("origin_province", "destination_province", "event", "scope", "published", "doc_id",
                    "first_start", "dispatch")
CACHE_KIB = 4 * 1024    # SQLite's page cache: what a sort may hold before it spills to a temporary file


class NoPeek:
    """A buffered binary file as pickle.load reads it best: without `peek`, which the unpickler calls before each
    object and which copies the file's whole buffer (a megabyte) into a new bytes object every time."""

    def __init__(self, handle):
        self.read, self.readline, self.readinto = handle.read, handle.readline, handle.readinto


class MentionStore:
    """Case and staff mentions, added in any order, read back sorted; the file is scratch (`close` removes it)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                       f"cache_size = -{CACHE_KIB}"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute(f"CREATE TABLE case_mention ({', '.join(CaseMention._fields)})")
        self.db.execute(f"CREATE TABLE staff_candidate ({', '.join(CANDIDATE_FIELDS)})")
        self.db.execute("BEGIN")

    def add_cases(self, mentions: Iterable[CaseMention]) -> None:
        self.db.executemany(f"INSERT INTO case_mention VALUES ({', '.join('?' * len(CaseMention._fields))})",
                            mentions)

    def add_staff(self, candidates: Iterable[tuple]) -> None:
        """Rows of table staff_candidate: documents' dispatches (staff.candidate_rows)."""
        self.db.executemany(f"INSERT INTO staff_candidate VALUES ({', '.join('?' * len(CANDIDATE_FIELDS))})",
                            candidates)

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)


class Batches:
    """Rows for one INSERT statement, written a few thousand at a time (one executemany, not a call per row)."""

    size = 4096

    def __init__(self, db: sqlite3.Connection, statement: str):
        self.db, self.statement, self.pending = db, statement, []

    def add(self, row: tuple) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.db.executemany(self.statement, self.pending)
            self.pending = []
