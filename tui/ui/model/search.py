"""Literal, case-insensitive search over both texts; n/N step through the hits of both panes in
reading order (the left text, then the right), like less across two files."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import islice
from operator import attrgetter

from ...core.model import LEFT, RIGHT, SIDES, Span

MAX_HITS = 100_000


def find_all(text: str, query: str) -> list[Span]:
    """Every occurrence of `query` in `text`, ignoring case; offsets are the text's own."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    return [Span(*m.span()) for m in islice(pattern.finditer(text), MAX_HITS)]


@dataclass(frozen=True, slots=True)
class Search:
    """One query's hits on each side and the current hit: its number in reading order (0-based)."""

    query: str
    hits: dict[str, list[Span]]
    current: int | None = None

    @classmethod
    def of(cls, query: str, texts: dict[str, str]) -> Search:
        return cls(query, {side: find_all(texts[side], query) for side in SIDES})

    def total(self, side: str | None = None) -> int:
        if side is None:
            return sum(map(len, self.hits.values()))
        return len(self.hits[side])

    def _first(self, side: str) -> int:
        """Number of the first hit on `side` in reading order."""
        return 0 if side == LEFT else len(self.hits[LEFT])

    def located(self, number: int) -> tuple[str, Span]:
        """The side and span of hit `number` (reading order)."""
        left = len(self.hits[LEFT])
        if number < left:
            return LEFT, self.hits[LEFT][number]
        return RIGHT, self.hits[RIGHT][number - left]

    def hit(self) -> tuple[str, Span] | None:
        """The current hit's side and span."""
        return None if self.current is None else self.located(self.current)

    def current_on(self, side: str) -> Span | None:
        hit = self.hit()
        return hit[1] if hit is not None and hit[0] == side else None

    def step(self, side: str, offset: int, direction: int, from_current: bool) -> Search:
        """The next (or previous) hit from the current one, or from text `offset` of `side`; wraps
        from the end of the left text to the right text and from the right back to the left."""
        total = self.total()
        if not total:
            return self
        if from_current and self.current is not None:
            number = self.current + direction
        else:
            hits, start = self.hits[side], attrgetter("start")
            if direction > 0:
                number = self._first(side) + bisect_left(hits, offset, key=start)
            else:
                number = self._first(side) + bisect_right(hits, offset, key=start) - 1
        return replace(self, current=number % total)
