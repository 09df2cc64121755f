"""Fetching a web page for `aidfacts add URL`: bounded in time and size, checked, one error line per failure.

httpx does the HTTP: redirects are followed and the final address is what the manifest records. What this
module adds is the bounds a command a user types needs: a deadline for the whole download (a server that
trickles bytes never trips a per-read timeout), a size limit checked both on the declared length and on the
bytes received, and a content type that must be a page or plain text.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from extract import __version__
from extract.dataset.corpus import ArticleError
from extract.nlp.limits import MAX_CHARACTERS

TIMEOUT = 30.0   # seconds for the whole download
MAX_PAGE_BYTES = 4 * MAX_CHARACTERS   # as for a file: no page holding an article the corpus takes is larger
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
MAX_REDIRECTS = 10


class FetchError(ArticleError):
    """A URL that gave no article; str() is one line naming the URL (whole, not its last segment)."""

    def __init__(self, path: str, reason: str):
        super().__init__(path, reason)
        self.args = (f"{path}: {reason}",)

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Download:
    url: str            # the final address, after redirects
    data: bytes
    media_type: str     # text/html, application/xhtml+xml or text/plain
    charset: str | None

    @property
    def is_page(self) -> bool:
        return self.media_type in PAGE_TYPES


def is_url(source: str) -> bool:
    return urlsplit(str(source)).scheme.lower() in ("http", "https")


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Download:
    """GET `url`, following redirects: the body of a page or a text, or a FetchError saying why not."""
    import httpx   # only `add URL` needs it

    headers = {"User-Agent": f"aidfacts/{__version__} (news article intake)",
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                          headers=headers) as client, client.stream("GET", url) as response:
            return read_response(url, response, deadline, timeout, max_bytes)
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    except httpx.HTTPError as error:   # refused connection, unknown host, broken transfer ...
        reason = " ".join(str(error).split()) or type(error).__name__
        raise FetchError(url, f"cannot be fetched ({reason})") from None


def read_response(url: str, response, deadline: float, timeout: float, max_bytes: int) -> Download:
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in PAGE_TYPES + TEXT_TYPES:
        raise FetchError(url, f"not a web page or a text (Content-Type {media_type or 'not given'})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"too large: more than {max_bytes:,} bytes (limit {max_bytes:,})")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out after {timeout:g} s")
        chunks.append(chunk)
    return Download(url=str(response.url), data=b"".join(chunks), media_type=media_type,
                    charset=response.charset_encoding)
