"""A build's view of its corpus folder on disk, so that its memory does not grow with the corpus: the article
files' names and the manifest's rows are rows of an SQLite scratch file, read back in doc_id order and looked up by
name. A million articles' names and manifest rows are a few hundred megabytes as Python lists and dicts; here they
are a file, and a build holds one name and one row at a time.

The manifest is read as a stream and checked row by row as corpus.read_manifest checks it; when it finds a
problem, read_manifest reads the file again and raises its own error, so a bad manifest is reported the same way
whoever reads it.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterator

from extract.dataset.corpus import (ARTICLE_SUFFIXES, MANIFEST, MANIFEST_COLUMNS, MAX_SIDE_FILE_BYTES, SideFileError,
                                    doc_id_for, open_regular, read_manifest)

BATCH = 4096   # rows inserted at a time
AHEAD = 256    # manifest rows kept of the files article_paths listed, until the reader asks for them
_INHERITED: list[sqlite3.Connection] = []   # connections a forked process inherited (closing one there is unsafe)


def sort_key(name: str) -> bytes:
    """A name as bytes that sort as Python sorts the name (by code point; SQLite compares blobs byte by byte).
    A file name that is not UTF-8 holds lone surrogates (os.fsdecode), which UTF-32 keeps."""
    return name.encode("utf-32-be", "surrogatepass")


def name_of(key: bytes) -> str:
    return key.decode("utf-32-be", "surrogatepass")


def suffix(name: str) -> str:
    """PurePath(name).suffix, without making a path of every file name of a million."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def is_dir(entry: os.DirEntry) -> bool:
    """Path(entry.path).is_dir(), from what the folder's listing says of the entry where it can (no stat of
    every file; a link or an entry of unknown type is asked of the file system as Path asks it)."""
    try:
        return entry.is_dir()
    except OSError:
        return Path(entry.path).is_dir()


class LimitedReader(io.RawIOBase):
    """A binary file read at most `limit` bytes far: one more is a SideFileError, as read_regular says it."""

    def __init__(self, handle, path: Path, limit: int):
        self.handle, self.path, self.limit, self.read_so_far = handle, path, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.handle.readinto(buffer)
        self.read_so_far += count or 0
        if self.read_so_far > self.limit:
            raise SideFileError(self.path, f"too large: more than {self.limit:,} bytes")
        return count


class CorpusListing:
    """The article files of a corpus folder (in doc_id order, as every table lists them) and its manifest's rows
    (by file name), in an SQLite file in a private temporary folder; `close` removes it. A forked process opens
    a connection of its own, read-only, on first use; pickled (to a spawned worker), the listing is its path."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.scratch = tempfile.mkdtemp(prefix="aidfacts-listing-")
        self.path = os.path.join(self.scratch, "listing.sqlite")
        self.header: list[str] = []
        self.ahead: dict[str, str | None] = {}   # rows of the files article_paths just listed, by name
        self._db: sqlite3.Connection | None = None
        self._pid: int | None = None
        self.owner = os.getpid()
        try:
            db = self.db
            db.execute("CREATE TABLE article (doc_key BLOB, name_key BLOB)")
            db.execute("CREATE TABLE manifest (name TEXT PRIMARY KEY, name_key BLOB, cells TEXT)")
            self.read_manifest()
            self.list_articles()
        except BaseException:
            self.close()   # a bad manifest leaves no scratch behind
            raise

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            if os.getpid() == self.owner:
                self._db = sqlite3.connect(self.path, isolation_level=None)
                for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", "cache_size = -4096"):
                    self._db.execute(f"PRAGMA {pragma}")
            else:   # a worker: the owner's connection is never used, nor closed, across a fork
                if self._db is not None:
                    _INHERITED.append(self._db)
                self._db = sqlite3.connect(Path(self.path).as_uri() + "?mode=ro", uri=True, isolation_level=None)
            self._pid = os.getpid()
        return self._db

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_db": None, "_pid": None}

    def list_articles(self) -> None:
        """The folder's article files as corpus.article_paths lists them (whatever has an article's suffix and is
        not a folder), written as they are found."""
        db, rows = self.db, []
        db.execute("BEGIN")
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if suffix(entry.name).lower() in ARTICLE_SUFFIXES and not is_dir(entry):
                    rows.append((sort_key(doc_id_for(entry.name)), sort_key(entry.name)))
                    if len(rows) >= BATCH:
                        db.executemany("INSERT INTO article VALUES (?, ?)", rows)
                        rows = []
        db.executemany("INSERT INTO article VALUES (?, ?)", rows)
        db.execute("COMMIT")

    def read_manifest(self) -> None:
        """manifest.csv's rows into the table, checked as corpus.read_manifest checks them."""
        path = self.folder / MANIFEST
        if not os.path.lexists(path):
            return
        try:
            with open_regular(path, SideFileError) as handle:
                self.store_manifest(path, io.TextIOWrapper(io.BufferedReader(
                    LimitedReader(handle, path, MAX_SIDE_FILE_BYTES)), encoding="utf-8-sig", newline=""))
        except (SideFileError, UnicodeDecodeError, csv.Error) as problem:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            read_manifest(self.folder)   # raises the problem as a reader of the whole file words it
            raise problem if isinstance(problem, SideFileError) else SideFileError(path, str(problem)) from None

    def store_manifest(self, path: Path, text) -> None:
        reader = csv.reader(text)
        header = [name.strip() for name in next(reader, [])]
        if not header:
            raise SideFileError(path, f"row 1: no header (expected {','.join(MANIFEST_COLUMNS)})")
        if "file" not in header or "published" not in header or len(set(header)) != len(header):
            raise SideFileError(path, "row 1: bad header")   # read_manifest words it
        self.header = header
        file_at = header.index("file")
        db = self.db
        db.execute("BEGIN")
        insert = db.cursor()
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue   # a blank line, as spreadsheets leave at the end
            name = cells[file_at].strip() if len(cells) == len(header) else ""
            if not name or name != os.path.basename(name):
                raise SideFileError(path, f"row {number}: bad row")   # read_manifest words it
            try:
                insert.execute("INSERT INTO manifest VALUES (?, ?, ?)",
                               (name, sort_key(name), json.dumps(cells, ensure_ascii=False)))
            except sqlite3.IntegrityError:
                raise SideFileError(path, f"row {number}: bad row") from None
        db.execute("COMMIT")

    def get(self, name: str, default=None) -> dict | None:
        """The manifest's row of a file (a dict by the header's names), or `default`."""
        if not self.header:
            return default
        if name in self.ahead:   # listed by article_paths a moment ago, with its row: no query
            cells = self.ahead.pop(name)
            return default if cells is None else dict(zip(self.header, json.loads(cells)))
        try:
            row = self.db.execute("SELECT cells FROM manifest WHERE name = ?", (name,)).fetchone()
        except UnicodeEncodeError:   # a name no manifest row can hold
            return default
        return default if row is None else dict(zip(self.header, json.loads(row[0])))

    def __bool__(self) -> bool:
        return True

    def article_paths(self) -> Iterator[Path]:
        """The article files in doc_id order (then by name), streamed."""
        rows = self.db.execute("SELECT a.name_key, m.cells FROM article AS a LEFT JOIN manifest AS m "
                               "ON m.name_key = a.name_key ORDER BY a.doc_key, a.name_key")
        ahead = self.ahead
        for key, cells in rows:
            name = name_of(key)
            if len(ahead) >= AHEAD:   # nobody asks (workers read the files): keep it bounded
                ahead.clear()
            ahead[name] = cells
            yield self.folder / name

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM article").fetchone()[0]

    def unlisted(self) -> list[str]:
        """The manifest's files that are not in the folder, by name."""
        return [name for (name,) in self.db.execute(
            "SELECT name FROM manifest WHERE name_key NOT IN (SELECT name_key FROM article) ORDER BY name_key")]

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None
        if os.getpid() == self.owner:
            for name in os.listdir(self.scratch):
                os.unlink(os.path.join(self.scratch, name))
            os.rmdir(self.scratch)
