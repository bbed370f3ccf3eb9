"""Web pages: recognising HTML, its declared charset, and the article it holds (by trafilatura)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

# Where a charset declaration may sit: browsers look in the first 1,024 bytes; pages with long
# heads put it later, so look a little further.
_HEAD_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_DOCTYPE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_ROOT = re.compile(r"<(?:html|head|body)[\s>]", re.I)
# Tags of page structure and prose: a fragment opening with a tag and holding several is HTML.
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|ul|ol|li|article|section|table|img|em|strong)\b", re.I
)
_MIN_FRAGMENT_TAGS = 3

# trafilatura and its helpers log their doubts as warnings; without a handler of ours Python would
# print them on stderr, where only diptych's one-line messages belong.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(frozen=True, slots=True)
class Article:
    """What a page holds: its article text (paragraphs apart by blank lines) and what it says
    about it."""

    text: str
    title: str | None = None
    site: str | None = None
    date: str | None = None
    author: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in a <meta> tag near its start."""
    found = _META_CHARSET.search(data[:_HEAD_BYTES])
    return found.group(1).decode("ascii").lower() if found else None


def looks_like_html(text: str) -> bool:
    """A document type, an <html>/<head>/<body> tag near the start, or a fragment opening with a
    tag and holding several of prose."""
    head = text[:_HEAD_BYTES]
    if _DOCTYPE.match(head) or _ROOT.search(head):
        return True
    return head.lstrip().startswith("<") and len(_TAG.findall(head)) >= _MIN_FRAGMENT_TAGS


def extract(page: str, url: str | None = None) -> Article:
    """The page's main text and metadata; navigation, scripts, styles, ads and comments left out.

    Falls back to every paragraph of the page when no main text stands out (a bare fragment)."""
    import trafilatura

    found = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        # Dates from the page's markup only: a free search takes "© 2019" for the date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = found.text if found is not None and found.text else ""
    if not text.strip():
        text = trafilatura.baseline(page)[1]
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if found is None:
        return Article("\n\n".join(paragraphs))
    title = _field(found.title)
    # The headline opens the article as a reader sees it, and can share a fact with the other's.
    if title and not (paragraphs and paragraphs[0].startswith(title)):
        paragraphs.insert(0, title)
    return Article(
        "\n\n".join(paragraphs),
        title=title,
        site=_field(found.sitename) or _field(found.hostname),
        date=_field(found.date),
        author=_field(found.author),
    )


def _field(value: object) -> str | None:
    """A metadata value as one trimmed line, or None when empty."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
