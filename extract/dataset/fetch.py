"""Fetching a web page for `aidfacts add URL`: bounded in time and size, checked, one error line per failure.

httpx does the HTTP: redirects are followed and the final address is what the manifest records. What this
module adds is the bounds a command a user types needs: a deadline for the whole fetch, redirects and headers
included (every socket operation's timeout is what is left of it, so a server that trickles header bytes or a
chain of slow redirects cannot hold the command past it), a size limit on the decoded bytes as they come (a
small gzip bomb never grows past it in memory), one content encoding at most (gzip or deflate: stacked ones are
refused), and a content type that must be a page or plain text.
"""
from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from extract import __version__
from extract.dataset.corpus import ArticleError, printable
from extract.nlp.limits import MAX_CHARACTERS

TIMEOUT = 30.0   # seconds for the whole download
MAX_PAGE_BYTES = 4 * MAX_CHARACTERS   # as for a file: no page holding an article the corpus takes is larger
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
MAX_REDIRECTS = 10
ENCODINGS = ("gzip", "x-gzip", "deflate")   # what we ask for; anything else (or two at once) is refused


class FetchError(ArticleError):
    """A URL that gave no article; str() is one line naming the URL (whole, not its last segment, and without
    its credentials), its control characters and a server's reason phrase escaped for the terminal."""

    def __init__(self, path: str, reason: str):
        super().__init__(path, reason)
        self.args = (f"{printable(shown_url(path))}: {printable(reason)}",)

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


def shown_url(url: str) -> str:
    """A URL as a message shows it: without a password (the user name stays, to tell accounts apart)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))
    except ValueError:
        return url


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_PAGE_BYTES) -> Download:
    """GET `url`, following redirects, all within `timeout` seconds: the body of a page or a text, or a
    FetchError saying why not."""
    import httpx   # only `add URL` needs it

    headers = {"User-Agent": f"aidfacts/{__version__} (news article intake)",
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9", "Accept-Encoding": "gzip, deflate"}
    deadline = time.monotonic() + timeout
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout,
                          headers=headers) as client:
            bound_by(client, deadline)
            with client.stream("GET", url) as response:
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


def bound_by(client, deadline: float) -> None:
    """Every connection of the client's transports (the direct one and any proxy's) made through a network
    backend whose every connect, read and write waits at most until `deadline`: httpx's own timeouts are per
    operation, so a server sending a header byte a second, or eight slow redirects, would outlast them."""
    import httpcore

    class DeadlineStream(httpcore.NetworkStream):
        def __init__(self, stream):
            self.stream = stream

        def read(self, max_bytes, timeout=None):
            return self.stream.read(max_bytes, left(timeout, httpcore.ReadTimeout))

        def write(self, buffer, timeout=None):
            self.stream.write(buffer, left(timeout, httpcore.WriteTimeout))

        def close(self):
            self.stream.close()

        def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            return DeadlineStream(self.stream.start_tls(ssl_context, server_hostname,
                                                        left(timeout, httpcore.ConnectTimeout)))

        def get_extra_info(self, info):
            return self.stream.get_extra_info(info)

    class DeadlineBackend(httpcore.NetworkBackend):
        def __init__(self, inner):
            self.inner = inner

        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            return DeadlineStream(self.inner.connect_tcp(host, port, left(timeout, httpcore.ConnectTimeout),
                                                         local_address, socket_options))

        def connect_unix_socket(self, path, timeout=None, socket_options=None):
            return DeadlineStream(self.inner.connect_unix_socket(path, left(timeout, httpcore.ConnectTimeout),
                                                                 socket_options))

        def sleep(self, seconds):
            self.inner.sleep(min(seconds, max(0.0, deadline - time.monotonic())))

    def left(timeout, error):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise error("the deadline of the whole fetch has passed")
        return remaining if timeout is None else min(timeout, remaining)

    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if pool is None or not hasattr(pool, "_network_backend"):
            raise RuntimeError("this httpx has no network backend to bound: cannot keep the fetch's deadline")
        pool._network_backend = DeadlineBackend(pool._network_backend)


def read_response(url: str, response, deadline: float, timeout: float, max_bytes: int) -> Download:
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    if response.is_redirect or 300 <= response.status_code < 400:   # (httpx follows every redirect it can)
        raise FetchError(url, f"HTTP {response.status_code}: a redirect without a Location to follow")
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in PAGE_TYPES + TEXT_TYPES:
        raise FetchError(url, f"not a web page or a text (Content-Type {media_type or 'not given'})")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    encodings = [e.strip().lower() for e in ",".join(response.headers.get_list("content-encoding")).split(",")]
    encodings = [e for e in encodings if e and e != "identity"]
    if len(encodings) > 1:
        raise FetchError(url, f"Content-Encoding {', '.join(encodings)}: more than one encoding is not accepted")
    if encodings and encodings[0] not in ENCODINGS:
        raise FetchError(url, f"Content-Encoding {encodings[0]} is not accepted (only gzip or deflate)")
    decode = Decoder(encodings[0] if encodings else None, url)
    chunks, size = [], 0

    def take(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > max_bytes:
            raise FetchError(url, f"too large: more than {max_bytes:,} bytes (limit {max_bytes:,})")
        chunks.append(data)

    for raw in response.iter_raw():   # raw bytes, decoded here: httpx would inflate a whole chunk at once
        for data in decode(raw, max_bytes - size + 1):
            take(data)
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out after {timeout:g} s")
    for data in decode.flush(max_bytes - size + 1):
        take(data)
    if size == 0 and decode.started_without_end():
        raise FetchError(url, f"broken {decode.encoding} content (it never ends, and gives no text)")
    return Download(url=str(response.url), data=b"".join(chunks), media_type=media_type,
                    charset=response.charset_encoding)


class Decoder:
    """One content encoding undone a bounded piece at a time: each call to zlib gives at most `room` bytes, so
    a few kilobytes that inflate to gigabytes stop at the size limit instead of filling memory first."""

    def __init__(self, encoding: str | None, url: str):
        self.encoding, self.url = encoding, url
        if encoding in ("gzip", "x-gzip"):
            self.zlib = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            self.zlib = zlib.decompressobj()   # zlib-wrapped, as the standard says; raw deflate is tried below
        else:
            self.zlib = None
        self.started = False

    def __call__(self, data: bytes, room: int):
        if self.zlib is None:
            if data:
                yield data
            return
        try:
            if self.encoding == "deflate" and not self.started and data:
                self.started = True
                try:
                    first = self.zlib.decompress(data, max(1, room))
                except zlib.error:   # servers that send raw deflate under the name
                    self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    first = self.zlib.decompress(data, max(1, room))
                room -= len(first)
                yield first
                data = self.zlib.unconsumed_tail
            while data:
                out = self.zlib.decompress(data, max(1, room))
                room -= len(out)
                yield out
                data = self.zlib.unconsumed_tail   # the caller stops us once its count passes the limit
        except zlib.error as error:
            raise FetchError(self.url, f"broken {self.encoding} content ({error})") from None

    def started_without_end(self) -> bool:
        """An encoded body that was begun but never reached its end (`\\x1f\\x8b\\x08\\x00garbage`)."""
        return self.zlib is not None and not self.zlib.eof

    def flush(self, room: int):
        if self.zlib is None:
            return
        try:
            while self.zlib.unconsumed_tail and room > 0:
                out = self.zlib.decompress(self.zlib.unconsumed_tail, max(1, room))
                room -= len(out)
                yield out
            yield self.zlib.flush()
        except zlib.error as error:
            raise FetchError(self.url, f"broken {self.encoding} content ({error})") from None
