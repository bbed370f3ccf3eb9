"""Web pages: recognising HTML, its declared charset, and the article it holds (by trafilatura)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

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
# trafilatura's cost grows faster than the page: about 3 s for 15,000 paragraphs, 70 s for 140,000.
# Past this many tags (real articles have 500-15,000) the page's whole text is shown instead.
_MAX_TAGS = 40_000
# Elements whose text is never prose, and elements that end a line of text.
_HIDDEN = frozenset("script style noscript template svg math iframe object select textarea".split())
_BLOCKS = frozenset(
    """p div br li dd dt h1 h2 h3 h4 h5 h6 tr td th article section blockquote pre ul ol dl table
    header footer nav aside main figure figcaption form fieldset legend address hr""".split()
)

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
    notes: tuple[str, ...] = ()


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in a <meta> tag near its start."""
    found = _META_CHARSET.search(data[:_HEAD_BYTES])
    return found.group(1).decode("ascii").lower() if found else None


def looks_like_html(text: str) -> bool:
    """Markup from the first character on: a document type, an <html>/<head>/<body> tag near the
    start, or several tags of prose."""
    head = text[:_HEAD_BYTES]
    if not head.lstrip().startswith("<"):
        return False
    return bool(_DOCTYPE.match(head) or _ROOT.search(head)) or (
        len(_TAG.findall(head)) >= _MIN_FRAGMENT_TAGS
    )


def extract(page: str, url: str | None = None) -> Article:
    """The page's main text and metadata; navigation, scripts, styles, ads and comments left out.

    When no main text stands out (a bare fragment, a page nested past the parser's depth) or the
    page is too large to weigh in good time, its whole visible text is returned, with a note."""
    tags = page.count("<")
    if tags > _MAX_TAGS:
        return _whole_text(
            page, f"{tags:,} tags are too many to find the article in; all text kept"
        )
    if _too_deep(page):
        return _whole_text(page, "no article found in the page; all its text kept")
    import trafilatura

    try:
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
    except RecursionError:  # a tree deeper than Python's stack
        found = None
    if found is None or not (found.text or "").strip():
        return _whole_text(page, "no article found in the page; all its text kept")
    paragraphs = _paragraphs(found.text)
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


def _too_deep(page: str) -> bool:
    """Whether lxml (under trafilatura) would stop at its depth limit and drop what lies deeper."""
    from lxml import etree, html

    parser = html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        html.document_fromstring(page.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return False
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, each with its runs of white space made one space."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _whole_text(page: str, note: str) -> Article:
    """Every visible line of text of the page, in order; scripts, styles and the head left out.

    Python's own HTML parser reads a stream of tags with no tree and no depth limit (lxml stops
    at 2,048 levels), in time linear in the page."""
    reader = _TextReader()
    reader.feed(page)
    reader.close()
    text = "\n\n".join(_paragraphs("".join(reader.pieces)))
    return Article(text, title=_field("".join(reader.title)), notes=(note,))


class _TextReader(HTMLParser):
    """Collects the text outside hidden elements, a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.pieces.append(data)


def _field(value: object) -> str | None:
    """A metadata value as one trimmed line, or None when empty."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
