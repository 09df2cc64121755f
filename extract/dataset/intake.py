"""Taking new articles into the corpus: from a file or a URL, the article's text without the page around it,
the page's metadata, safe doc_ids, UTF-8 copies, manifest rows, no duplicates, all or nothing; and fixing an
article's metadata afterwards."""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit

from extract.dataset.corpus import (MANIFEST, MANIFEST_COLUMNS, MAX_ARTICLE_BYTES, UNKNOWN_DATE, Article,
                                    ArticleError, article_paths, clean_text, decode, doc_id_for, iter_articles,
                                    looks_like_html, read_article_page, read_article_text, read_manifest,
                                    decode_with_warnings)
from extract.dataset.fetch import TIMEOUT, Download, FetchError, fetch, is_url
from extract.dataset.pages import Page, clean_url, read_page, without_login
from extract.dataset.verdicts import ascii_digits
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
        return Metadata(published=self.published or page_date, source=self.source or without_login(page.source),
                        url=clean_url(self.url or page.url), title=self.title or page.title)


def read_source(source: str | Path, timeout: float = TIMEOUT, warn=None) -> tuple[str, Page, bool]:
    """A file or a URL as (name to derive the doc_id from, Page, whether it is a page: a URL or an HTML file):
    the article's text, checked as every build checks it, and the metadata an HTML page carries.
    `warn(message)` hears what the decoding found."""
    warn = warn or (lambda message: None)
    if is_url(str(source)):
        download = fetch(str(source), timeout=timeout)
        text = decode_download(download, warn)
        page = read_page(text, url=download.url) if download.is_page and looks_like_html(text) else Page(text)
        # the address it was fetched from, after redirects, rather than the one the page claims as canonical
        page = Page(checked_text(page.text, download.url), page.title, page.published, page.source,
                    clean_url(download.url))
        return url_name(download.url), page, True
    not_fetched(str(source))
    path = Path(source)
    # the bounded read, the checks and the page reader of every build and extract: one reader of pages
    page = read_article_page(path)
    for warning in page.warnings:
        warn(warning)
    # a page when it is one by its name or by what reading it found (an HTML page's title, date, site, address)
    is_page = path.suffix.lower() in (".html", ".htm") or \
        any(v is not None for v in (page.title, page.published, page.source, page.url))
    return path.name, page, is_page


HOST_LIKE = re.compile(r"^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.IGNORECASE)


def not_fetched(source: str) -> None:
    """A source that is meant as an address but is no http(s) URL is refused as such, rather than looked up as
    a file (`ftp://host/a.html: no such file` would send the user looking for a file)."""
    scheme = urlsplit(source).scheme
    if "://" in source and scheme:
        raise ArticleError(source, f"not fetched: a URL needs http:// or https:// (this one is {scheme}://)")
    if HOST_LIKE.match(source) and not os.path.lexists(source):
        raise ArticleError(source, f"no such file; a URL needs http:// or https:// (https://{source})")


MIN_SENTENCES = 2   # a page (a URL, an HTML file) with fewer is no article: a listing, a stub, an error page
SENTENCE = re.compile(r"[^.!?\u3002\uff01\uff1f\n]+[.!?\u3002\uff01\uff1f]")
WORD = re.compile(r"[^\W_]{2,}|\d+")
CJK = re.compile(r"[\u3400-\u9fff]")


def sentence_count(text: str) -> int:
    """How many sentences a text holds: runs ending in a full stop, a question or an exclamation mark, of three
    words or more (or eight Chinese characters). A title, a file name (`a.html`), a menu are none."""
    return sum(1 for match in SENTENCE.finditer(text)
               if len(WORD.findall(match.group())) >= 3 or len(CJK.findall(match.group())) >= 8)


def not_an_article(page: Page) -> str | None:
    """Why a page is no article (None when it is one): fewer than MIN_SENTENCES sentences of text once the page
    around it is left out (a directory listing, a page of two words, a cookie wall)."""
    found = sentence_count(page.text)
    if found >= MIN_SENTENCES:
        return None
    words = len(page.text.split())
    return (f"not an article: {found} sentence{'' if found == 1 else 's'} in {words:,} word{'' if words == 1 else 's'} "
            f"of text (a page needs {MIN_SENTENCES} or more; --force takes it anyway)")


def decode_download(download: Download, warn=None) -> str:
    if download.charset:
        try:
            codec = codecs.lookup(download.charset)
            if getattr(codec, "_is_text_encoding", True) and codec.name not in ("punycode", "idna"):
                return download.data.decode(codec.name)
        except (LookupError, ValueError):   # UnicodeError is a ValueError: bytes the charset cannot hold
            pass   # a wrong, unknown or non-text charset in the header: read the bytes as a file's are
    text, warnings = decode_with_warnings(download.data, download.url)
    for warning in warnings:
        (warn or (lambda message: None))(warning)
    return text


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
    from extract.dataset.batch import ARTICLE_SECONDS, MAX_FACTS, OverBudget, time_budget
    from extract.nlp.pipeline import extract_doc
    from extract.nlp.records import doc_to_facts

    seconds = CHECK_SECONDS or ARTICLE_SECONDS
    try:
        with time_budget(seconds):
            count = len(doc_to_facts(extract_doc(text, doc_id, published), doc_id))
    except MemoryError:
        raise ArticleError(where, f"out of memory while extracting its {len(text):,} characters") from None
    except OverBudget:
        raise ArticleError(where, f"not extracted within {seconds:g} s (the per-article time budget of "
                                  f"builds)") from None
    except Exception as error:   # any failure of the rules on this text: the article is refused, nothing written
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ArticleError(where, f"cannot be extracted ({reason})") from None
    if count > MAX_FACTS:
        raise ArticleError(where, f"too many facts for one article: {count:,} (limit {MAX_FACTS:,})")


def add_article(path: Path | str, corpus: Path | str, published: str | None = None, source: str | None = None,
                url: str | None = None, title: str | None = None, known: dict[str, str] | None = None,
                timeout: float = TIMEOUT, warn=None, force: bool = False) -> str:
    """Copy one article (a file or a URL) into the corpus as UTF-8 text and record it in manifest.csv; returns
    its doc_id. The metadata given here win over the page's own. All or nothing: an article that cannot be
    read, fetched or extracted, or a duplicate, leaves the corpus and its manifest as they were.
    `known` (from corpus_hashes, kept up to date here) spares reading the corpus again for each article.

    The duplicate check, the choice of doc_id and the writes happen under the corpus lock, against the corpus
    as it is then: two `add`s at once (or an `add` and a `meta`) never take the same name or lose a manifest
    row. The manifest row is written before the text, so a process killed between the two leaves a row
    without its text (which builds ignore and a re-add overwrites), never a text without its row that a
    re-add would refuse as a duplicate.

    A page (a URL, an HTML file) with fewer than MIN_SENTENCES sentences is no article and is refused unless
    `force`. A text removed before (corpus/removed/, see removal.py) takes its doc_id, manifest row and verdicts
    back (`warn` hears how many verdicts came back)."""
    from extract.dataset.removal import kept_doc_id, kept_entries, kept_row, restore_verdicts

    corpus = Path(corpus)
    name, page, is_page = read_source(path, timeout, warn)
    where = str(path)
    if is_page and not force:
        reason = not_an_article(page)
        if reason:
            raise (FetchError if is_url(where) else ArticleError)(where, reason)
    given = Metadata(published, source, clean_url(url), title)
    metadata = given.over(page)
    digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    if known is not None and digest in known and (corpus / known[digest]).exists():
        # the common case answered before the pipeline runs; checked again under the lock below
        raise ArticleError(where, f"duplicate of {known[digest]} already in the corpus (same sha256)")
    provisional = safe_doc_id(name, set())
    check_extracts(page.text, provisional, published_from_text(page.text) or metadata.published, where)
    corpus.mkdir(parents=True, exist_ok=True)
    with corpus_lock(corpus):
        known = refresh_hashes(corpus, known if known is not None else {})
        manifest = read_manifest(corpus)   # a manifest that cannot be read stops here, before the copy
        if digest in known:
            raise ArticleError(where, f"duplicate of {known[digest]} already in the corpus (same sha256)")
        entries = kept_entries(corpus, digest)   # this text was removed before: its doc_id, row and verdicts
        kept = kept_row(entries)
        row = {field: getattr(given, field) or kept.get(field) or getattr(metadata, field) or ""
               for field in ("published", "source", "url", "title")}
        taken = {doc_id_for(p) for p in article_paths(corpus)}
        old_id = kept_doc_id(entries[-1]) if entries else None
        if old_id and old_id not in taken and safe_doc_id(old_id, set()) == old_id:
            doc_id = old_id
        else:
            doc_id = safe_doc_id(name, taken)
        target = corpus / f"{doc_id}.txt"
        old_row = manifest.get(target.name)   # a row left without its text: replaced
        manifest[target.name] = dict(file=target.name, **row)
        write_manifest(corpus, manifest)
        try:
            write_atomic(target, page.text)
        except BaseException:
            if old_row is None:
                manifest.pop(target.name, None)
            else:
                manifest[target.name] = old_row
            try:
                write_manifest(corpus, manifest)   # all or nothing: no row for an article not written
            except OSError:
                pass
            raise
        known[digest] = target.name
        if entries:
            count = restore_verdicts(corpus, entries, doc_id)
            (warn or (lambda message: None))(f"removed before as {doc_id}: its manifest row and {count} "
                                              f"verdict(s) restored")
    return doc_id


LOCK_FILE = ".corpus.lock"   # hidden and without an article suffix: never read as an article
LOCK_TIMEOUT = 60   # seconds an `add` or `meta` waits for another before giving up with one line


@contextmanager
def corpus_lock(corpus: Path):
    """The lock every read-modify-write of the corpus's articles and manifest holds (filelock, as verdicts.csv's
    writers hold theirs)."""
    from filelock import FileLock, Timeout

    try:
        with FileLock(corpus / LOCK_FILE, timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise ArticleError(corpus / MANIFEST, f"still locked by another aidfacts add or meta after "
                                              f"{LOCK_TIMEOUT} s") from None


def refresh_hashes(corpus: Path, known: dict[str, str]) -> dict[str, str]:
    """`known` brought up to date with the corpus as it is now (another process may have added articles):
    files it does not hold are hashed, files gone are dropped."""
    present = {p.name: p for p in article_paths(corpus)}
    for digest, name in list(known.items()):
        if name not in present:
            del known[digest]
    seen = set(known.values())
    for name, other in present.items():
        if name in seen:
            continue
        try:
            known.setdefault(hashlib.sha256(read_article_text(other).encode("utf-8")).hexdigest(), name)
        except ArticleError:
            continue
    return known


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
        fields["published"] = normalize_published(ascii_digits(fields["published"]))   # ValueError: not a date
    if fields.get("url"):
        fields["url"] = clean_url(fields["url"])
    with corpus_lock(corpus):   # read, change and write the manifest as one step against concurrent adds
        manifest = read_manifest(corpus)
        row = manifest.get(path.name) or dict(file=path.name)
        row = {**row, **{column: row.get(column, "") or "" for column in MANIFEST_COLUMNS}}   # (its own columns kept)
        row.update({name: value for name, value in fields.items() if value is not None})
        manifest[path.name] = row
        write_manifest(corpus, manifest)
    stated = published_from_text(read_article_text(path)) if fields.get("published") not in (None, "", UNKNOWN_DATE) \
        else None
    return row, stated if stated and stated != fields.get("published") else None


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """A whole new file swapped in (never half a file), with the permissions the user's umask gives a new file
    (mkstemp makes 0600); the temporary file never stays behind, even on a full disk."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_manifest(corpus: Path, rows: dict[str, dict]) -> None:
    """The manifest, its rows sorted by file; columns the user added after the contract's are kept, in their
    order (a writer never drops what the user wrote)."""
    columns = list(MANIFEST_COLUMNS)
    for row in rows.values():
        columns += [c for c in row if c not in columns]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for name in sorted(rows):
        writer.writerow({c: rows[name].get(c, "") for c in columns})
    write_atomic(corpus / MANIFEST, out.getvalue())
