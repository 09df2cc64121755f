"""Taking new articles into the corpus: from a file or a URL, the article's text without the page around it,
the page's metadata, safe doc_ids, UTF-8 copies, manifest rows, no duplicates, all or nothing; and fixing an
article's metadata afterwards."""
from __future__ import annotations

import csv
import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from extract.dataset.corpus import (MANIFEST, MANIFEST_COLUMNS, MAX_ARTICLE_BYTES, UNKNOWN_DATE, Article,
                                    ArticleError, article_paths, clean_text, decode, doc_id_for, iter_articles,
                                    looks_like_html, read_article_page, read_article_text, read_manifest)
from extract.dataset.fetch import TIMEOUT, Download, FetchError, fetch, is_url
from extract.dataset.pages import Page, read_page
from extract.nlp.limits import MAX_CHARACTERS
from extract.nlp.normalize import normalize_published, published_from_text

MAX_ID_LENGTH = 80
CHECK_SECONDS: float | None = None   # the pipeline's time for an article added; None: a build's budget


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


@dataclass(frozen=True)
class Metadata:
    """What the manifest records of an article; the command line's values win over the page's."""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def over(self, page: Page) -> Metadata:
        try:
            page_date = normalize_published(page.published)
        except ValueError:   # a page's date the contract cannot hold is no date
            page_date = None
        return Metadata(published=self.published or page_date, source=self.source or page.source,
                        url=self.url or page.url, title=self.title or page.title)


def read_source(source: str | Path, timeout: float = TIMEOUT) -> tuple[str, Page]:
    """A file or a URL as (name to derive the doc_id from, Page): the article's text, checked as every build
    checks it, and the metadata an HTML page carries."""
    if is_url(str(source)):
        download = fetch(str(source), timeout=timeout)
        text = decode_download(download)
        page = read_page(text, url=download.url) if download.is_page and looks_like_html(text) else Page(text)
        # the address it was fetched from, after redirects, rather than the one the page claims as canonical
        page = Page(checked_text(page.text, download.url), page.title, page.published, page.source, download.url)
        return url_name(download.url), page
    not_fetched(str(source))
    path = Path(source)
    # the bounded read, the checks and the page reader of every build and extract: one reader of pages
    return path.name, read_article_page(path)


HOST_LIKE = re.compile(r"^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.IGNORECASE)


def not_fetched(source: str) -> None:
    """A source that is meant as an address but is no http(s) URL is refused as such, rather than looked up as
    a file (`ftp://host/a.html: no such file` would send the user looking for a file)."""
    scheme = urlsplit(source).scheme
    if "://" in source and scheme:
        raise ArticleError(source, f"not fetched: a URL needs http:// or https:// (this one is {scheme}://)")
    if HOST_LIKE.match(source) and not os.path.lexists(source):
        raise ArticleError(source, f"no such file; a URL needs http:// or https:// (https://{source})")


def decode_download(download: Download) -> str:
    if download.charset:
        try:
            return download.data.decode(download.charset)
        except (LookupError, UnicodeDecodeError):
            pass   # a wrong or unknown charset in the header: read the bytes as a file's are
    return decode(download.data, download.url)


def checked_text(text: str, where: str) -> str:
    """A fetched article's text held to a file's limits (not empty, not binary, not too long)."""
    try:
        text = clean_text(text, where)
    except ArticleError as error:
        raise FetchError(where, error.reason) from None
    if len(text) > MAX_CHARACTERS:
        raise FetchError(where, f"too large for an article: {len(text):,} characters (limit {MAX_CHARACTERS:,})")
    return text


def url_name(url: str) -> str:
    """The part of a URL a doc_id is made from: its last path segment, else its host."""
    parts = urlsplit(url)
    segment = next((s for s in reversed(parts.path.split("/")) if s), "")
    return segment or parts.hostname or "page"


def check_extracts(text: str, doc_id: str, published: str | None, where: str) -> None:
    """An article enters the corpus only if the pipeline takes it within a build's time budget: one that would
    fail or be left out of the build is refused before anything is written."""
    from extract.dataset.batch import ARTICLE_SECONDS, OverBudget, time_budget
    from extract.nlp.pipeline import extract_doc
    from extract.nlp.records import doc_to_facts

    seconds = CHECK_SECONDS or ARTICLE_SECONDS
    try:
        with time_budget(seconds):
            doc_to_facts(extract_doc(text, doc_id, published), doc_id)
    except OverBudget:
        raise ArticleError(where, f"not extracted within {seconds:g} s (the per-article time budget of "
                                  f"builds)") from None
    except Exception as error:   # any failure of the rules on this text: the article is refused, nothing written
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ArticleError(where, f"cannot be extracted ({reason})") from None


def add_article(path: Path | str, corpus: Path | str, published: str | None = None, source: str | None = None,
                url: str | None = None, title: str | None = None, known: dict[str, str] | None = None,
                timeout: float = TIMEOUT) -> str:
    """Copy one article (a file or a URL) into the corpus as UTF-8 text and record it in manifest.csv; returns
    its doc_id. The metadata given here win over the page's own. All or nothing: an article that cannot be
    read, fetched or extracted, or a duplicate, leaves the corpus and its manifest as they were.
    `known` (from corpus_hashes, kept up to date here) spares reading the corpus again for each article."""
    corpus = Path(corpus)
    name, page = read_source(path, timeout)
    where = str(path)
    metadata = Metadata(published, source, url, title).over(page)
    if known is None:
        known = corpus_hashes(corpus) if corpus.is_dir() else {}
    digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    if digest in known:
        raise ArticleError(where, f"duplicate of {known[digest]} already in the corpus (same sha256)")
    taken = {p.name.rsplit(".", 1)[0] for p in article_paths(corpus)} if corpus.is_dir() else set()
    doc_id = safe_doc_id(name, taken)
    check_extracts(page.text, doc_id, published_from_text(page.text) or metadata.published, where)
    corpus.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(corpus)   # a manifest that cannot be read stops here, before the copy
    target = corpus / f"{doc_id}.txt"
    write_atomic(target, page.text)
    manifest[target.name] = dict(file=target.name, published=metadata.published or "",
                                 source=metadata.source or "", url=metadata.url or "", title=metadata.title or "")
    try:
        write_manifest(corpus, manifest)
    except BaseException:
        target.unlink(missing_ok=True)   # all or nothing: no article without its manifest row
        raise
    known[digest] = target.name
    return doc_id


STDIN = "-"


def read_stream_article(stream, published: str | None = None, name: str = "stdin") -> Article:
    """An article piped in (`aidfacts extract -`): read to its end, at most a file's size limit, then decoded and
    checked as a file is."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(name, f"too large for an article: more than {MAX_ARTICLE_BYTES:,} bytes")
    text = clean_text(decode(data, name), name)
    if len(text) > MAX_CHARACTERS:
        raise ArticleError(name, f"too large for an article: {len(text):,} characters (limit {MAX_CHARACTERS:,})")
    return Article(doc_id=name, file=name, text=text, published=published_from_text(text) or published)


def iter_sources(sources: list[str], published: str | None, stdin) -> Iterator[Article | ArticleError]:
    """iter_articles over file names, where `-` is the article on standard input."""
    for source in sources:
        if source == STDIN:
            try:
                yield read_stream_article(stdin, published)
            except ArticleError as error:
                yield error
        else:
            yield from iter_articles([Path(source)], published)


def set_metadata(corpus: Path | str, doc_id: str, **fields: str | None) -> tuple[dict, str | None]:
    """Set some of an article's manifest fields (published, source, url, title; None leaves one as it is, ""
    clears it); returns the new row, and the date the text states itself when it differs from the new
    `published` (the text's own date wins, as in every build). Fact ids hash the text and the span, so they do
    not change; the cache key holds the publication date, so a new date re-extracts only this article."""
    corpus = Path(corpus)
    unknown = set(fields) - set(MANIFEST_COLUMNS[1:])
    if unknown:
        raise ValueError(f"no such manifest field: {', '.join(sorted(unknown))}")
    matches = [p for p in article_paths(corpus) if doc_id_for(p) == doc_id] if corpus.is_dir() else []
    if not matches:
        raise ArticleError(corpus / doc_id, f"no article {doc_id} in {corpus}")
    path = matches[0]
    if fields.get("published") and fields["published"] != UNKNOWN_DATE:
        fields["published"] = normalize_published(fields["published"])   # ValueError: not a date
    manifest = read_manifest(corpus)
    row = manifest.get(path.name) or dict(file=path.name)
    row = {column: row.get(column, "") or "" for column in MANIFEST_COLUMNS}
    row.update({name: value for name, value in fields.items() if value is not None})
    manifest[path.name] = row
    write_manifest(corpus, manifest)
    stated = published_from_text(read_article_text(path)) if fields.get("published") not in (None, "", UNKNOWN_DATE) \
        else None
    return row, stated if stated and stated != fields.get("published") else None


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
