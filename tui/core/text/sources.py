"""From what the user named (a file, stdin, a URL) to clean text of a known kind (plain, a web
page, Markdown) with what the page says about itself."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import InputError
from . import html, markdown
from .fetch import DEFAULT_LIMITS, Limits, Progress, fetch, is_url
from .loading import clean_text, load_text, read_bytes

_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
}
_MEDIA_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A text read and converted: what every offset will index, and where it came from."""

    text: str
    name: str
    source: str | None
    kind: str
    encoding: str
    notes: tuple[str, ...] = ()
    title: str | None = None
    site: str | None = None
    date: str | None = None
    author: str | None = None


def read_source(
    arg: str, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> Source:
    """Read a path, '-' (stdin) or an http(s) URL (telling `progress` how the download goes);
    raises InputError or NetworkError."""
    if is_url(arg):
        page = fetch(arg, limits, progress)
        host = urlsplit(page.url).hostname or arg
        return convert(
            page.data,
            name=host,
            source=arg,
            hint=_MEDIA_TYPES.get(page.media_type or ""),
            declared=page.charset,
            url=page.url,
        )
    label = "stdin" if arg == "-" else arg
    hint = _EXTENSIONS.get(os.path.splitext(arg)[1].lower())
    name = "stdin" if arg == "-" else os.path.basename(arg)
    return convert(
        read_bytes(arg), name=name, source=None if arg == "-" else arg, hint=hint, label=label
    )


def convert(
    data: bytes,
    name: str,
    source: str | None = None,
    hint: str | None = None,
    declared: str | None = None,
    url: str | None = None,
    label: str | None = None,
) -> Source:
    """Decode bytes, tell their kind (the hint of an extension or media type, else the content)
    and turn pages and Markdown into plain text."""
    label = label or source or name
    page_charset = html.declared_charset(data) if hint in (None, "html") else None
    loaded = load_text(data, label, declared or page_charset)
    kind = hint or _kind_of(loaded.text)
    if kind == "text":
        return Source(loaded.text, name, source, kind, loaded.encoding, loaded.notes)
    article = html.extract(loaded.text, url) if kind == "html" else markdown.extract(loaded.text)
    # Entities such as &#27; can put back what loading removed.
    text, _ = clean_text(article.text)
    if not text.strip():
        raise InputError(
            f"{label}: no text found in the {'page' if kind == 'html' else 'document'}"
        )
    return Source(
        text,
        name,
        source,
        kind,
        loaded.encoding,
        loaded.notes + article.notes,
        title=_one_line(article.title),
        site=_one_line(article.site),
        date=_one_line(article.date),
        author=_one_line(article.author),
    )


def _kind_of(text: str) -> str:
    if html.looks_like_html(text):
        return "html"
    if markdown.looks_like_markdown(text):
        return "markdown"
    return "text"


def _one_line(value: str | None) -> str | None:
    """Metadata as shown in a title: control characters removed, at most 200 characters."""
    if value is None:
        return None
    text, _ = clean_text(value)
    return " ".join(text.split())[:200] or None
