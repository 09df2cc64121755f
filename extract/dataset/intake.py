"""Taking new articles into the corpus: safe doc_ids, UTF-8 copies, manifest rows, no duplicates."""
from __future__ import annotations

import csv
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from extract.dataset.corpus import MANIFEST, MANIFEST_COLUMNS, ArticleError, article_paths, read_article_text, read_manifest

MAX_ID_LENGTH = 80


def safe_doc_id(name: str, taken: set[str]) -> str:
    """A doc_id from a file name: ASCII letters, digits, `_` and `-` only, no path, unique in the corpus."""
    stem = Path(Path(name).name).stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_stem).strip("_-.")[:MAX_ID_LENGTH] or "article"
    if stem and not ascii_stem.strip():
        base = "article_" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def corpus_hashes(corpus: Path) -> dict[str, str]:
    """sha256 of each readable article's text -> its file name."""
    hashes = {}
    for other in article_paths(corpus):
        try:
            hashes[hashlib.sha256(read_article_text(other).encode("utf-8")).hexdigest()] = other.name
        except ArticleError:
            continue
    return hashes


def add_article(path: Path | str, corpus: Path | str, published: str | None = None, source: str | None = None,
                url: str | None = None, title: str | None = None, known: dict[str, str] | None = None) -> str:
    """Copy one article into the corpus as UTF-8 text and record it in manifest.csv; returns its doc_id.
    `known` (from corpus_hashes, kept up to date here) spares reading the corpus again for each article."""
    path, corpus = Path(path), Path(corpus)
    text = read_article_text(path)
    corpus.mkdir(parents=True, exist_ok=True)
    known = corpus_hashes(corpus) if known is None else known
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest in known:
        raise ArticleError(path, f"duplicate of {known[digest]} already in the corpus (same sha256)")
    doc_id = safe_doc_id(path.name, {p.name.rsplit(".", 1)[0] for p in article_paths(corpus)})
    target = corpus / f"{doc_id}.txt"
    write_atomic(target, text)
    known[digest] = target.name
    manifest = read_manifest(corpus)
    manifest[target.name] = dict(file=target.name, published=published or "", source=source or "",
                                 url=url or "", title=title or "")
    write_manifest(corpus, manifest)
    return doc_id


def write_atomic(path: Path, text: str) -> None:
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(tmp, path)


def write_manifest(corpus: Path, rows: dict[str, dict]) -> None:
    handle, tmp = tempfile.mkstemp(dir=corpus, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=MANIFEST_COLUMNS, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for name in sorted(rows):
            writer.writerow({c: rows[name].get(c, "") for c in MANIFEST_COLUMNS})
    os.replace(tmp, corpus / MANIFEST)
