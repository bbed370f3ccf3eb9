"""Blocks (lines, paragraphs) and sentences with [start, end) offsets into the text."""

from __future__ import annotations

import re

from .model import Span

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep col lt sgt capt cmdr adm pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    no nos vol vols p pp fig figs approx est dept univ inc ltd co corp bros vs etc al ave blvd rd
    e.g i.e a.m p.m u.s u.k u.n e.u d.c""".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9\u0400-\u04ff])|[.!?…]+[\"'”’»)\]]*(?=\s*$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def blocks(text: str) -> list[Span]:
    """Non-empty lines, trimmed: the units a sentence never crosses unless joined."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Span(start, end))
    return out


def paragraphs(text: str) -> list[Span]:
    """Runs of text separated by blank lines."""
    out = []
    for match in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Span(start, end))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, 0, dot)
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # Initials ("J. R. R. Tolkien") and dotted acronyms ("U.S.").
    if len(token) == 1 and token.isalpha():
        return True
    return "." in token and all(len(part) <= 2 for part in token.split("."))


def sentences(text: str, span: Span) -> list[Span]:
    """Split one block of text into sentence spans."""
    out = []
    start = span.start
    for match in _BOUNDARY.finditer(text, span.start, span.end):
        if _is_abbreviation(text, match.start()) and match.end() < span.end:
            continue
        end = match.end()
        if end > start:
            out.append(Span(start, end))
        start = end
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        out.append(Span(start, span.end))
    return [s for s in out if text[s.start : s.end].strip()]
