"""Literal, case-insensitive search over both texts, and stepping through the hits like less/vim."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice

from textual.widgets import Input

from ..core.model import SIDES, Span

MAX_HITS = 100_000


def find_all(text: str, query: str) -> list[Span]:
    """Every occurrence of `query` in `text`, ignoring case; offsets are the text's own."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Span(*m.span()) for m in islice(pattern.finditer(text), MAX_HITS)]


class Search:
    """One query's hits on each side and the current hit per side."""

    def __init__(self, query: str, texts: dict[str, str]) -> None:
        self.query = query
        self.hits = {side: find_all(texts[side], query) for side in SIDES}
        self._starts = {side: [h.start for h in self.hits[side]] for side in SIDES}
        self.index: dict[str, int | None] = {side: None for side in SIDES}

    def total(self, side: str) -> int:
        return len(self.hits[side])

    def current(self, side: str) -> Span | None:
        i = self.index[side]
        return None if i is None else self.hits[side][i]

    def step(self, side: str, offset: int, direction: int, from_current: bool) -> Span | None:
        """Next/previous hit on `side`: from the current
        hit, or from text `offset`; wraps around."""
        hits = self.hits[side]
        if not hits:
            return None
        i = self.index[side]
        if from_current and i is not None:
            i = (i + direction) % len(hits)
        elif direction > 0:
            i = bisect_left(self._starts[side], offset) % len(hits)
        else:
            i = (bisect_right(self._starts[side], offset) - 1) % len(hits)
        self.index[side] = i
        return hits[i]


class SearchBar(Input):
    """The query line at the bottom; the app shows it on `/` and reads its Submitted message."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        border: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        &:focus { border: none; }
    }
    """
