"""Reading articles: decoding, HTML to text, the side-car manifest, one error per bad file (never silent)."""
from __future__ import annotations

import dataclasses

import csv
import errno
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from extract.dataset.pages import Page, read_page
from extract.nlp.limits import MAX_CHARACTERS
from extract.nlp.normalize import normalize_published, published_from_text

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ["file", "published", "source", "url", "title"]
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm")
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")   # Unicode category Cc but \t and \n
MAX_CONTROL_RATIO = 0.01
# a news article is a few thousand characters; a file far bigger is not one (and would take minutes)
HTML_HINT = re.compile(r"<\s*(html|body|p|div|head|!doctype|article|br)\b", re.IGNORECASE)


UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")   # what would break a message's line or the terminal


def printable(name: str) -> str:
    """A file name for a one-line message: line breaks and control characters (terminal escapes) as escapes."""
    return UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), name)


class ArticleError(ValueError):
    """An article that cannot be read; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{printable(str(path))}: {reason}")   # the path as given: `pages` alone is no help

    def __reduce__(self):
        # rebuilt from (path, reason) when it comes back from a worker process
        return type(self), (self.path, self.reason)


@dataclass(frozen=True)
class Article:
    doc_id: str
    file: str
    text: str
    published: str | None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()   # what its reading found (bytes that were not UTF-8)
    date_unknown: bool = False   # the manifest says its date is known to be unknown: nothing to warn about


# a manifest's `published` that says the date was looked for and is not known (so no build warns of it)
UNKNOWN_DATE = "unknown"


def decode(data: bytes, path: Path | str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, else Windows-1252/Latin-1; binary is
    refused. See decode_with_warnings."""
    return decode_with_warnings(data, path)[0]


def decode_with_warnings(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """The text of an article's bytes and what a reader should know of its decoding. Text that is mostly UTF-8
    is read as UTF-8 with its few bad bytes replaced (U+FFFD) and a warning: one stray byte must not turn every
    `湖北` into Latin-1 gibberish. Another encoding is guessed only with evidence: GB18030 when the text it gives
    is mostly common Chinese characters (GB2312's), never for Windows-1252's curly quotes (`Hubei\x92s` is
    `Hubei抯` in GBK, a rare character); otherwise Windows-1252, else Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise ArticleError(path, f"invalid UTF-16 ({error.reason})") from None
    if b"\x00" in data[:4096]:
        unmarked = utf16_without_bom(data)
        if unmarked is not None:
            return unmarked, []
        raise ArticleError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    wide = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if wide > bad:   # more valid multi-byte characters than bad bytes: UTF-8 with damage, not another encoding
        return replaced, [f"not valid UTF-8: {bad:,} bad byte{'s' if bad != 1 else ''} replaced with U+FFFD"]
    try:
        text = data.decode("gb18030")
        if mostly_chinese(text):
            return text, []
    except UnicodeDecodeError:
        pass
    # Windows-1252 before Latin-1: what is called Latin-1 is usually 1252 (its dashes and quotes)
    try:
        return data.decode("cp1252"), []
    except UnicodeDecodeError:
        return data.decode("latin-1"), []


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes that carry no byte-order mark, told by their NULs: every other byte of its ASCII
    characters is one, on the same side throughout (little- or big-endian). None for anything else (binary
    data has NULs elsewhere, or characters that decode to control codes)."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 8:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) < len(zeros) * 0.9:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        return text if controls == 0 else None
    return None


def mostly_chinese(text: str) -> bool:
    """Chinese text decoded as GB18030 is mostly CJK beyond ASCII, and its characters are mostly the common ones
    (GB2312's); Latin-1 or Windows-1252 bytes read as GB18030 give rare characters (`抯`, `檚`)."""
    wide = [ch for ch in text if ord(ch) > 127]
    cjk = [ch for ch in wide if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"]
    if not wide or len(cjk) < 0.8 * len(wide):
        return False
    common = sum(1 for ch in cjk if in_gb2312(ch))
    return common >= 0.9 * len(cjk)


def in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def looks_like_html(text: str) -> bool:
    return bool(HTML_HINT.search(text[:2000]))


def clean_text(raw: str, path: Path | str) -> str:
    """Line ends to \\n, an HTML page to its article's text, control characters refused, empty text refused."""
    return clean_page(raw, path).text


def clean_page(raw: str, path: Path | str) -> Page:
    """clean_text's article, with the metadata of a page (its title, date, site, canonical URL) kept: the one
    reader of pages, for `extract`, `build` and `add` alike."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # an HTML page: the article without the page's navigation, lists and footer
    page = read_page(text) if looks_like_html(text) else Page(text)
    text = page.text
    controls = len(CONTROL_CHARACTER.findall(text))
    if text and controls / len(text) > MAX_CONTROL_RATIO:
        raise ArticleError(path, "binary file, not text")
    if not text.strip():
        raise ArticleError(path, "empty article (no text)")
    return page


MAX_ARTICLE_BYTES = 4 * MAX_CHARACTERS   # the most bytes MAX_CHARACTERS characters take in any encoding read
MAX_SIDE_FILE_BYTES = 256 * 1024 * 1024   # manifest.csv: a row per article, far below this
FILE_KINDS = ((stat.S_ISDIR, "is a directory, not an article file"), (stat.S_ISFIFO, "is a FIFO, not a regular file"),
              (stat.S_ISSOCK, "is a socket, not a regular file"), (stat.S_ISCHR, "is a device, not a regular file"),
              (stat.S_ISBLK, "is a device, not a regular file"))


def not_regular(mode: int) -> str:
    return next((reason for test, reason in FILE_KINDS if test(mode)), "is not a regular file")


def read_regular(path: Path | str, limit: int, error=None) -> bytes:
    """The bytes of a regular file, at most `limit` of them, or `error(path, reason)` raised: devices, FIFOs and
    sockets are refused without blocking (a FIFO is opened non-blocking and never read), and the size is what
    was read, not what fstat says (a /proc file or a growing file can be larger than its stat)."""
    error = error or ArticleError
    with open_regular(path, error) as handle:
        try:
            # as much as fstat says, then the rest, if any: a read of `limit` bytes at once would allocate them
            want = min(os.fstat(handle.fileno()).st_size, limit) + 1
            data = handle.read(want)
            if len(data) == want <= limit:   # more than fstat said (a /proc file): read on, up to the limit
                data += handle.read(limit + 1 - want)
        except OSError as failure:
            raise error(path, f"cannot be read ({failure.strerror})") from None
    if len(data) > limit:
        raise error(path, f"too large: more than {limit:,} bytes")
    return data


def open_regular(path: Path | str, error=None):
    """A regular file opened for reading in binary, or `error(path, reason)` raised (see read_regular)."""
    error = error or ArticleError
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except OSError as failure:
        if failure.errno == errno.ENXIO:   # a socket cannot be opened: say what it is
            raise error(path, not_regular(os.stat(path).st_mode)) from None
        raise error(path, f"cannot be read ({failure.strerror})") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise error(path, not_regular(mode))
    return os.fdopen(descriptor, "rb")


def read_article_text(path: Path | str) -> str:
    return read_article_page(path).text


def read_article_with_warnings(path: Path | str) -> tuple[str, list[str]]:
    """An article file's text, checked, and the warnings of its decoding."""
    page = read_article_page(path)
    return page.text, list(page.warnings)


def read_article_page(path: Path | str) -> Page:
    """An article file as a Page: its text, the metadata an HTML page carries (None for plain text) and the
    warnings of its decoding."""
    try:
        data = read_regular(path, MAX_ARTICLE_BYTES)
    except ArticleError as error:
        if error.reason.startswith("too large"):
            raise ArticleError(path, f"too large for an article: more than {MAX_ARTICLE_BYTES:,} bytes "
                                     f"(limit {MAX_CHARACTERS:,} characters)") from None
        raise
    text, warnings = decode_with_warnings(data, path)
    page = clean_page(text, path)
    if len(page.text) > MAX_CHARACTERS:
        raise ArticleError(path, f"too large for an article: {len(page.text):,} characters "
                                 f"(limit {MAX_CHARACTERS:,})")
    warnings = tuple(warnings)
    return page if warnings == page.warnings else dataclasses.replace(page, warnings=warnings)


class SideFileError(ValueError):
    """A side file (manifest.csv) that cannot be used: one line naming the file, the row and the problem. Not an
    ArticleError: it stops the build before anything is written, rather than failing every article."""

    def __init__(self, path: Path | str, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{printable(str(path))}: {reason}")

    def __reduce__(self):
        return type(self), (self.path, self.reason)


def refuse_irregular(path: Path | str) -> None:
    """A side file that is there but is no regular file (a FIFO would block whoever opens it) is a
    SideFileError; a missing one is fine."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise SideFileError(path, f"cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(mode):
        raise SideFileError(path, not_regular(mode))


def read_manifest(folder: Path | str) -> dict[str, dict]:
    """file name -> row of manifest.csv beside the articles ({} when there is none), checked: UTF-8 with or
    without BOM, any line ends, a header with `file` and `published`, one row per file, every row as long as
    the header. A bad one is a SideFileError naming the file, the row and the problem."""
    path = Path(folder) / MANIFEST
    if not os.path.lexists(path):
        return {}
    data = read_regular(path, MAX_SIDE_FILE_BYTES, SideFileError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        raise SideFileError(path, f"row {row}: not UTF-8 (byte {error.start:,} of the file)") from None
    return manifest_rows(path, text)


def manifest_rows(path: Path, text: str) -> dict[str, dict]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: dict[str, dict] = {}
    first_at: dict[str, int] = {}
    try:
        header = [name.strip() for name in next(reader, [])]
        if not header:
            raise SideFileError(path, f"row 1: no header (expected {','.join(MANIFEST_COLUMNS)})")
        missing = [name for name in ("file", "published") if name not in header]
        if missing:
            raise SideFileError(path, f"row 1: header {header} lacks {missing} (expected {','.join(MANIFEST_COLUMNS)})")
        twice = next((name for name in header if header.count(name) > 1), None)
        if twice is not None:
            raise SideFileError(path, f"row 1: column {twice!r} appears twice")
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue   # a blank line, as spreadsheets leave at the end
            if len(cells) != len(header):
                raise SideFileError(path, f"row {number}: {len(cells)} fields, the header has {len(header)}")
            row = dict(zip(header, cells))
            name = row["file"].strip()
            if not name or name != os.path.basename(name):
                raise SideFileError(path, f"row {number}: file {row['file']!r} is not a file name")
            if name in rows:
                raise SideFileError(path, f"row {number}: file {name!r} listed twice (first in row {first_at[name]})")
            rows[name], first_at[name] = row, number
    except csv.Error as error:
        raise SideFileError(path, f"row {reader.line_num}: {error}") from None
    return rows


NO_PUBLISHED = "no publication date"   # its dates without a year and its weekdays stay unresolved


def article_warnings(article: Article) -> list[str]:
    """What a reader of an article's facts should know: that it has no publication date (unless its manifest
    says the date is known to be unknown), that bytes of it were not UTF-8."""
    return list(article.warnings) + ([] if article.published or article.date_unknown else [NO_PUBLISHED])


def doc_id_for(path: Path | str) -> str:
    """The file name without its extension (the contract's doc_id)."""
    name = os.path.basename(path)
    return name.rsplit(".", 1)[0] if "." in name else name


def load_article(path: Path | str, manifest: dict[str, dict] | None = None,
                 published: str | None = None) -> Article:
    """One article with its metadata. Its publication date comes from the text's header or byline, else
    from the manifest, else from `published`."""
    page = read_article_page(path)
    text = page.text
    name = os.path.basename(path)
    row = (manifest or {}).get(name, {})
    unknown = (row.get("published") or "").strip().lower() == UNKNOWN_DATE
    try:
        date = published_from_text(text) or normalize_published(None if unknown else row.get("published")) or \
            (None if unknown else page_date(page)) or normalize_published(published)
    except ValueError as error:
        raise ArticleError(path, str(error)) from None
    return Article(doc_id=doc_id_for(name), file=name, text=text, published=date,
                   source=row.get("source") or page.source, url=row.get("url") or page.url,
                   title=row.get("title") or page.title, date_unknown=unknown and not date,
                   warnings=tuple(page.warnings))


def page_date(page: Page) -> str | None:
    """A page's own publication date, if the contract can hold it (a page's odd date is no date)."""
    try:
        return normalize_published(page.published)
    except ValueError:
        return None


def article_paths(folder: Path | str) -> list[Path]:
    """The folder's article files by name. Whatever has an article's suffix and is not a folder is listed,
    FIFOs, devices and broken links included, so that reading it reports why it is not an article."""
    folder = Path(folder)
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and not p.is_dir())


def count_articles(folder: Path | str) -> int:
    """How many files article_paths lists, counted without listing them."""
    with os.scandir(folder) as entries:
        return sum(1 for entry in entries
                   if Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES and not Path(entry.path).is_dir())


def outside(path: Path | str, root: str) -> bool:
    """Whether a symbolic link leads out of the folder `root` (a real path)."""
    return os.path.islink(path) and os.path.commonpath([os.path.realpath(path), root]) != root


class ArticleReader:
    """Reads articles by path, each folder's manifest.csv read once: path -> Article, or the ArticleError that
    says why it could not be read. Picklable, so that worker processes can read articles themselves."""

    def __init__(self, published: str | None = None, root: Path | str | None = None,
                 manifests: dict[str, dict] | None = None):
        self.published = published
        self.root = os.path.realpath(root) if root is not None else None   # links may not leave it
        self.manifests: dict[str, dict] = dict(manifests or {})

    def __call__(self, path: Path | str) -> Article | ArticleError:
        try:
            if self.root is not None and outside(path, self.root):
                raise ArticleError(path, "symbolic link to a file outside the corpus; not read")
            folder = os.path.dirname(path)
            manifest = self.manifests.get(folder)
            if manifest is None:
                manifest = self.manifests[folder] = read_manifest(Path(folder))
            return load_article(path, manifest, self.published)
        except ArticleError as error:
            return error


def iter_articles(paths: list[Path], published: str | None = None) -> Iterator[Article | ArticleError]:
    """Each path as an Article, or the ArticleError that says why it could not be read."""
    read = ArticleReader(published)
    for path in paths:
        yield read(path)
