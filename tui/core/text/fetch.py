"""Fetching a page the user named by URL: bounded in time and size, certificates always checked."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import NetworkError
from .loading import MAX_BYTES

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_CHUNK = 1 << 16
# What a reader can read: pages, plain text, Markdown. Anything else (an image, a PDF, JSON) is
# refused before its body is downloaded.
_TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "application/xml",
        "text/xml",
    }
)
_ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.1"


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much a fetch may take: `timeout` seconds to connect and between two reads,
    four times that for the whole download; at most `max_bytes` after decompression."""

    timeout: float = 15.0
    max_bytes: int = MAX_BYTES
    redirects: int = 5


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as served: its final URL (after redirects), body bytes and declared type."""

    url: str
    data: bytes
    media_type: str | None
    charset: str | None


def is_url(arg: str) -> bool:
    """Whether a command-line argument names a URL rather than a file."""
    return bool(_SCHEME.match(arg))


# Told the bytes received so far and the total when the server says it (else None).
Progress = Callable[[int, "int | None"], None]


def fetch(url: str, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None) -> Fetched:
    """GET `url` over http or https; every failure is a NetworkError with a one-line reason."""
    import urllib3

    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise NetworkError(f"{url}: only http:// and https:// URLs can be fetched")
    if not parts.hostname:
        raise NetworkError(f"{url}: no host name in the URL")
    pool = urllib3.PoolManager(
        cert_reqs="CERT_REQUIRED",
        ca_certs=_ca_bundle(),
        timeout=urllib3.Timeout(connect=limits.timeout, read=limits.timeout),
        retries=urllib3.Retry(
            total=limits.redirects,
            connect=0,
            read=0,
            status=0,
            other=0,
            redirect=limits.redirects,
            raise_on_redirect=True,
            raise_on_status=False,
        ),
        headers={
            "User-Agent": f"diptych/{_version()}",
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
    )
    try:
        response = pool.request("GET", url, preload_content=False, decode_content=True)
    except Exception as exc:
        raise NetworkError(f"{url}: {_reason(exc, parts.hostname)}") from None
    try:
        return _read(url, response, limits, progress)
    finally:
        response.release_conn()
        pool.clear()


def _read(url: str, response, limits: Limits, progress: Progress | None) -> Fetched:
    """Check status and type, then read the body, stopping at the size or time limit."""
    if response.status >= 300:
        reason = f" {response.reason}" if response.reason else ""
        raise NetworkError(f"{url}: HTTP {response.status}{reason}")
    media_type, charset = _content_type(response.headers.get("Content-Type"))
    if media_type is not None and media_type not in _TEXT_TYPES:
        raise NetworkError(f"{url}: not a text or HTML page ({media_type})")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limits.max_bytes:
        raise NetworkError(
            f"{url}: too large ({_size(int(length))}; the limit is {_size(limits.max_bytes)})"
        )
    # A compressed body's length says nothing of the bytes it unpacks to.
    total = (
        int(length) if length.isdigit() and not response.headers.get("Content-Encoding") else None
    )
    deadline = time.monotonic() + 4 * limits.timeout
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns what has arrived, so a server trickling bytes meets the deadline too.
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > limits.max_bytes:
                raise NetworkError(f"{url}: too large (over {_size(limits.max_bytes)})")
            if time.monotonic() > deadline:
                raise NetworkError(
                    f"{url}: timed out (the page took over {4 * limits.timeout:g} s)"
                )
            chunks.append(chunk)
            if progress is not None:
                progress(size, total)
    except NetworkError:
        raise
    except Exception as exc:
        raise NetworkError(f"{url}: {_reason(exc, urlsplit(url).hostname)}") from None
    final = response.geturl() or url
    return Fetched(final, b"".join(chunks), media_type, charset)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """The media type and charset of a Content-Type header, lower-cased."""
    if not header:
        return None, None
    media, *params = header.split(";")
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


def _reason(exc: BaseException, host: str | None) -> str:
    """One line saying why a request failed, from urllib3's exception (or the one it wraps)."""
    from urllib3 import exceptions as e

    if isinstance(exc, e.MaxRetryError) and exc.reason is not None:
        exc = exc.reason
    if isinstance(exc, e.NameResolutionError):
        return f"name not found ({host})"
    # NewConnectionError is a kind of ConnectTimeoutError in urllib3 2: ask about it first.
    if isinstance(exc, e.NewConnectionError):
        return "connection refused" if "refused" in str(exc).lower() else "cannot connect"
    if isinstance(exc, e.ConnectTimeoutError):
        return "timed out connecting"
    if isinstance(exc, (e.ReadTimeoutError, TimeoutError)):
        return "timed out waiting for the server"
    if isinstance(exc, e.SSLError):
        return "secure connection failed (certificate not verified)"
    if isinstance(exc, e.ResponseError) and "redirect" in str(exc).lower():
        return "too many redirects"
    if isinstance(exc, (e.LocationValueError, e.LocationParseError)):
        return "not a valid URL"
    if isinstance(exc, e.DecodeError):
        return "the compressed page cannot be decompressed"
    if isinstance(exc, e.ProtocolError):
        return "the connection broke off"
    return f"cannot fetch ({type(exc).__name__})"


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count} bytes"


def _ca_bundle() -> str | None:
    try:
        import certifi
    except ImportError:  # urllib3 then uses the system's certificates
        return None
    return certifi.where()


def _version() -> str:
    from ... import __version__

    return __version__
