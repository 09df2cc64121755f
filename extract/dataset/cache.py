"""A cache of extracted facts keyed by article content and pipeline version, for incremental builds."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from extract import __version__
from extract.dataset.corpus import Article, ArticleError, read_regular
from extract.dataset.outputs import current_umask
from extract.nlp.gazetteer import data_path
from extract.nlp.limits import MAX_CHARACTERS
from extract.nlp.pipeline import PIPELINE_VERSION
from extract.nlp.records import (COUNT_KINDS, FIELD_NAMES, NUMBER_KIND, RECORD_KINDS, Fact, fact_id, facts_from_dicts,
                                 place_key)

FIELD_SET = frozenset(FIELD_NAMES)


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Changes whenever the code version, the pipeline version or any bundled data file changes."""
    digest = hashlib.sha256(f"{__version__}|{PIPELINE_VERSION}".encode())
    data = Path(data_path("regions.csv")).parent
    for path in sorted(data.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(data).as_posix().encode())
            digest.update(path.read_bytes())
    for path in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class FactCache:
    """Facts per article on disk, one JSON file per (content, publication date, doc_id, pipeline), followed by
    the account of its numerals (kind `number`)."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.mode = 0o666 & ~current_umask()   # mkstemp makes 0600: entries get the user's umask like any file
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        digest = hashlib.sha256()
        for part in (pipeline_fingerprint(), article.doc_id, article.published or "", article.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, article: Article) -> list[Fact] | None:
        """The article's cached facts, or None (a miss) when there are none or they do not fit it: an entry
        that is not a regular file (never opened blocking), too large, not JSON, or whose facts are not
        grounded in the article, is ignored and extracted again."""
        path = self.folder / f"{self.key(article)}.json"
        try:
            rows = json.loads(read_regular(path, MAX_ENTRY_BYTES))
            facts = grounded_facts(rows, article)
        except (ArticleError, ValueError, TypeError, KeyError):
            facts = None
        if facts is None:
            self.misses += 1
            return None
        self.hits += 1
        return facts

    def put(self, article: Article, facts: list[Fact]) -> None:
        """Cache an article's facts; a cache that cannot be written (full disk, read-only) is only slower."""
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            os.fchmod(handle, self.mode)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump([f.to_dict() for f in facts], out, ensure_ascii=False)
            os.replace(tmp, self.folder / f"{self.key(article)}.json")
        except OSError:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)


# a fact is a few hundred bytes of JSON and even a dense article has one per 20-odd characters: far above that
MAX_ENTRY_BYTES = 64 * MAX_CHARACTERS
VALUE_TYPES = {"date": str, "region": str, "pairing": type(None), "missing_number": type(None)}


def grounded_facts(rows, article: Article) -> list[Fact] | None:
    """The facts of a cache entry if every one fits the article: all fields, a known kind, this doc_id, a
    span inside the text whose characters equal `text`, the id its span gives, typed values; else None."""
    if not isinstance(rows, list):
        return None
    text, doc_id = article.text, article.doc_id
    for row in rows:
        if not isinstance(row, dict) or row.keys() != FIELD_SET:
            return None
        start, end, kind, value = row["start"], row["end"], row["kind"], row["value"]
        if kind not in RECORD_KINDS or row["doc_id"] != doc_id or type(start) is not int or type(end) is not int:
            return None
        if not 0 <= start <= end <= len(text) or text[start:end] != row["text"]:
            return None
        if not isinstance(row["rule"], str) or row["fact_id"] != fact_id(
                doc_id, kind, start, end, row["helper"], row["recipient"], place_key(row["rule"], row["region"])):
            return None
        if not isinstance(row["rule"], str) or not row["rule"] or not isinstance(row["candidates"], list):
            return None
        if type(row["missing"]) is not bool or not value_fits(kind, value):
            return None
    return facts_from_dicts(rows)


def value_fits(kind: str, value) -> bool:
    if kind in COUNT_KINDS or kind == NUMBER_KIND:
        return value is None or type(value) is int
    return value is None or isinstance(value, VALUE_TYPES[kind])
