"""Web pages to articles: the main text without the page's boilerplate, and the page's own metadata.

A news page is mostly not the article: navigation, tickers, "related" and "most read" lists, comments and
footers name provinces and numbers too, and read as text they become false facts. trafilatura (a library made
for this) finds the article body and reads the title, publication date, site name and canonical URL from the
page's markup (JSON-LD, <meta>, <time>, <link rel="canonical">). The text is laid out as the corpus's plain-text
articles are: the title, a blank line, then one paragraph per block, blank lines between them.
"""
from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class Page:
    """What a page says: its article text and the metadata it carries (None where it carries none)."""
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()   # what reading its bytes found (bytes that were not UTF-8)


# htmldate's search of the markup only: a date guessed from the body's prose or the URL's digits would be
# stated as the page's own; "original" prefers the publication date to the last modification
DATE_SEARCH = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def read_page(html: str, url: str | None = None) -> Page:
    """The article of an HTML page and its metadata; a page trafilatura finds no article in (a fragment, a
    bare list of paragraphs) is read whole, as text."""
    import trafilatura   # 0.4 s to import: only when a page is read

    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True, date_extraction_params=DATE_SEARCH)
    body = found.text if found is not None else None
    if not body or not body.strip():
        return Page(text=html_to_text(html))
    title = one_line(found.title)
    paragraphs = [one_line(line) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return Page(text="\n\n".join(paragraphs), title=title, published=found.date or None,
                source=without_login(one_line(found.sitename)), url=clean_url(one_line(found.url)))


def clean_url(url: str | None) -> str | None:
    """A URL without its user name and password: credentials are never recorded."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port is not None else "")
    return urlunsplit(parts._replace(netloc=netloc))


def without_login(site: str | None) -> str | None:
    """A site name that is a URL's host part (trafilatura's fallback) without its login: `admin:pw@news.example`
    is `news.example`."""
    if not site or "@" not in site or " " in site:
        return site
    return site.rpartition("@")[2] or None


def one_line(value: str | None) -> str | None:
    return (" ".join(value.split()) or None) if value else None


class _TextExtractor(HTMLParser):
    """HTML to plain text: block elements become line breaks, script and style are dropped."""
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title", "article", "section"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """All the text of an HTML document, one paragraph per block (no boilerplate removed)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n\n".join(line for line in lines if line)
