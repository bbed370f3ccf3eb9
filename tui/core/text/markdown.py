"""Markdown as the plain text a reader sees: headings, emphasis, links (their words, not the
URL), lists and code kept as text; the first heading is the title."""

from __future__ import annotations

import re
from functools import cache

from .html import Article

_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+(?:\s+\"[^\"\n]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)[^\s*_](?:[^\n]*?[^\s*_])?\1")
_FENCE = re.compile(r"^(```|~~~)", re.M)
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S", re.M)
_QUOTE = re.compile(r"^>[ \t]?\S", re.M)
# Headings, links and fences are rare in plain prose; lists, quotes and bold are not, so they
# count only beside one of the rarer three.
_DISTINCTIVE = ("heading", "link", "fence")
_SIGNS = {
    "heading": _HEADING,
    "link": _LINK,
    "fence": _FENCE,
    "emphasis": _EMPHASIS,
    "list": _LIST,
    "quote": _QUOTE,
}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:.*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_SAMPLE_CHARS = 20_000


def looks_like_markdown(text: str) -> bool:
    """Two kinds of Markdown syntax near the start, one of them a heading, a link or a fence."""
    sample = text[:_SAMPLE_CHARS]
    kinds = {kind for kind, sign in _SIGNS.items() if sign.search(sample)}
    return len(kinds) >= 2 and any(kind in kinds for kind in _DISTINCTIVE)


@cache
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def extract(source: str) -> Article:
    """The text of a Markdown document, one block a paragraph, with its title (front matter's, or
    the first heading's), date and author when front matter names them."""
    meta, body = _front_matter(source)
    blocks: list[str] = []
    lines: list[str] = []  # the rows of the list or table being read
    markers: list[int | None] = []  # per open list: the next number, None when bulleted
    cells: list[str] | None = None  # the cells of the table row being read
    heading: str | None = None
    item = ""
    for token in _parser().parse(body):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            markers.append(None if kind[0] == "b" else int(start) if start else 1)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
            if not markers:
                blocks.append("\n".join(lines))
                lines = []
        elif kind == "list_item_open":
            number = markers[-1]
            item = "  " * (len(markers) - 1) + ("- " if number is None else f"{number}. ")
            if number is not None:
                markers[-1] = number + 1
        elif kind == "tr_open":
            cells = []
        elif kind == "tr_close" and cells is not None:
            lines.append(" | ".join(cells))
            cells = None
        elif kind == "table_close":
            blocks.append("\n".join(lines))
            lines = []
        elif kind == "inline":
            text = _inline(token.children or [])
            if cells is not None:
                cells.append(text)
            elif markers:
                lines.append(item + text if item else "  " * len(markers) + text)
                item = ""
            else:
                blocks.append(text)
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            (lines if markers else blocks).append(code)
        elif kind == "html_block":
            blocks.append(_html_text(token.content))
        if kind == "heading_close" and heading is None:
            heading = blocks[-1] if blocks else None
    paragraphs = [b.strip("\n") for b in blocks if b.strip()]
    return Article(
        "\n\n".join(paragraphs),
        title=meta.get("title") or heading or None,
        date=meta.get("date"),
        author=meta.get("author"),
    )


def _inline(children) -> str:
    """Inline tokens as text: words and code kept, link targets, images and raw tags dropped."""
    out = []
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
    return "".join(out).strip()


def _html_text(fragment: str) -> str:
    """The words of a raw HTML block, without its tags, scripts or styles."""
    from lxml import etree, html

    try:
        tree = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(tree, "script", "style", etree.Comment, with_tail=False)
    return " ".join(tree.text_content().split())


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter's simple `key: value` lines, and the text after it."""
    found = _FRONT_MATTER.match(source)
    if not found:
        return {}, source
    meta = {}
    for line in found.group(1).splitlines():
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if sep and value and not key.startswith((" ", "\t")):
            meta[key.strip().lower()] = " ".join(value.split())
    return meta, source[found.end() :]
