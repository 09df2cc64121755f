"""A cache of extracted facts keyed by article content and pipeline version, for incremental builds."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from extract import __version__
from extract.dataset.corpus import Article
from extract.nlp.gazetteer import data_path
from extract.nlp.pipeline import PIPELINE_VERSION
from extract.nlp.records import Fact, facts_from_dicts


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
    """Facts per article on disk, one JSON file per (content, publication date, doc_id, pipeline)."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        digest = hashlib.sha256()
        for part in (pipeline_fingerprint(), article.doc_id, article.published or "", article.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, article: Article) -> list[Fact] | None:
        path = self.folder / f"{self.key(article)}.json"
        try:
            with open(path, encoding="utf-8") as handle:
                rows = json.load(handle)
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return facts_from_dicts(rows)

    def put(self, article: Article, facts: list[Fact]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{self.key(article)}.json"
        handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump([f.to_dict() for f in facts], out, ensure_ascii=False)
        os.replace(tmp, path)
