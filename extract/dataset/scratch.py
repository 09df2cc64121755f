"""A build's scratch storage on disk, so that its memory does not grow with the corpus.

ScratchDB is one SQLite file that the corpus-level indexes (evidence, passages, pairings) write their rows to in
pass 1 and read back sorted and grouped afterwards: SQLite sorts and groups on disk, holding at most its page
cache. OffsetFile is a column of integers (where each document starts in a spill file) kept on disk, read back
by document index. Both are scratch: they live in the build's staging folder and are removed before the swap.
"""
from __future__ import annotations

import array
import os
import sqlite3
from pathlib import Path

CACHE_KIB = 4 * 1024   # SQLite's page cache: what a sort or an index may hold before it spills to disk
BATCH = 4096            # rows buffered before they are written


_INHERITED: list[sqlite3.Connection] = []   # connections a forked process inherited


class ScratchDB:
    """An SQLite scratch database; `path` None is a private temporary one (SQLite's own, deleted when closed).
    A forked process gets a connection of its own on first use (a connection is never used across a fork)."""

    def __init__(self, path: Path | str | None = None):
        self.path = None if path is None else Path(path)
        self._db: sqlite3.Connection | None = None
        self._pid = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            if self._db is not None:
                if self.path is None:
                    raise RuntimeError("a private scratch database cannot be used after a fork")
                _INHERITED.append(self._db)   # the parent's: never used, nor closed, here
            self._db = sqlite3.connect("" if self.path is None else self.path, isolation_level=None)
            self._pid = os.getpid()
            for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE",
                           f"cache_size = -{CACHE_KIB}"):
                self._db.execute(f"PRAGMA {pragma}")
            if self.path is not None:
                self._db.execute("PRAGMA locking_mode = NORMAL")
        return self._db

    def begin(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN")

    def commit(self) -> None:
        if self._db is not None and self._pid == os.getpid() and self._db.in_transaction:
            self._db.execute("COMMIT")

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)


class Rows:
    """Rows for one INSERT statement, buffered and written in batches."""

    def __init__(self, scratch: ScratchDB, statement: str):
        self.scratch, self.statement = scratch, statement
        self.pending: list[tuple] = []

    def add(self, row: tuple) -> None:
        self.pending.append(row)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.scratch.begin()
            self.scratch.db.executemany(self.statement, self.pending)
            self.pending = []


class OffsetFile:
    """A column of 64-bit integers appended in order and read back by index, kept in a file: a million
    documents' offsets are 8 MB on disk, not in memory."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.handle = open(self.path, "w+b")
        self.buffer = array.array("q")
        self.count = 0

    def append(self, value: int) -> None:
        self.buffer.append(value)
        self.count += 1
        if len(self.buffer) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.handle.write(self.buffer.tobytes())
            self.buffer = array.array("q")
            self.handle.flush()

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, k: int) -> int:
        if not 0 <= k < self.count:
            raise IndexError(k)
        written = self.count - len(self.buffer)
        if k >= written:
            return self.buffer[k - written]
        return array.array("q", os.pread(self.handle.fileno(), 8, 8 * k))[0]

    def close(self) -> None:
        self.handle.close()
        self.path.unlink(missing_ok=True)
