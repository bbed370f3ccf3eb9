"""Word-wrapping a document's paragraphs into screen lines of offsets (no widgets, no styling)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import get_character_cell_size

from ...core.model import Span

# Code points outside these ranges may take 0 or 2 cells; a paragraph holding one is wrapped cell by
# cell.
_MAYBE_WIDE = re.compile(
    "[^\x20-\x7e\n\t\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]"
)


class Wrapped:
    """A text wrapped at one width: line i covers text[starts[i]:ends[i]]; blank lines separate
    paragraphs."""

    __slots__ = ("width", "starts", "ends", "blank")

    def __init__(self, text: str, paragraphs: Sequence[Span], width: int) -> None:
        self.width = width = max(1, width)
        starts, ends = array("q"), array("q")
        blank = bytearray()
        for number, para in enumerate(paragraphs):
            if number:
                # The separator sits at the paragraph's end so `starts` stays sorted.
                starts.append(para.start)
                ends.append(para.start)
                blank.append(1)
            before = len(starts)
            if _MAYBE_WIDE.search(text, para.start, para.end) is None:
                _wrap_narrow(text, para.start, para.end, width, starts, ends)
            else:
                _wrap_cells(text[para.start : para.end], para.start, width, starts, ends)
            blank.extend(b"\0" * (len(starts) - before))
        if not starts:
            starts.append(0)
            ends.append(0)
            blank.append(1)
        self.starts, self.ends, self.blank = starts, ends, blank

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The line showing `offset` (or the nearest line before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def lines_of(self, span: Span) -> range:
        """Lines a span covers (at least one)."""
        first = self.line_of(span.start)
        last = self.line_of(max(span.start, span.end - 1))
        return range(first, last + 1)


@lru_cache(maxsize=8)
def _line_pattern(width: int) -> re.Pattern:
    # Longest run of at most `width` chars from a non-space to a non-space followed by a space or
    # the end; else (one word longer than the line) `width` chars of it. One C-level search per
    # line.
    if width == 1:
        return re.compile(r"\S", re.DOTALL)
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S{{1,{width}}}", re.DOTALL)


def _wrap_narrow(text: str, start: int, end: int, width: int, starts: array, ends: array) -> None:
    """Greedy wrap of text[start:end] where every code point is one cell."""
    # endpos makes `$` and the lookahead see the paragraph's end, so no slice of a 4 MB text is
    # needed.
    spans = [match.span() for match in _line_pattern(width).finditer(text, start, end)]
    starts.extend([a for a, _ in spans])
    ends.extend([b for _, b in spans])


def _wrap_cells(piece: str, base: int, width: int, starts: array, ends: array) -> None:
    """Greedy wrap counting terminal cells (wide CJK, zero-width marks); breaks at spaces or
    anywhere."""
    pos, size = 0, len(piece)
    while pos < size:
        used, i, last_space = 0, pos, -1
        while i < size:
            char = piece[i]
            if char in " \n\t":
                last_space = i
                cells = 1
            else:
                cells = get_character_cell_size(char)
            if used + cells > width and i > pos:
                break
            used += cells
            i += 1
        if i >= size:
            starts.append(base + pos)
            ends.append(base + size)
            return
        if last_space > pos:
            cut, nxt = last_space, last_space + 1
        else:
            cut = nxt = i
        starts.append(base + pos)
        ends.append(base + cut)
        while nxt < size and piece[nxt] in " \n\t":
            nxt += 1
        pos = nxt
