"""Navigation order of matches on each side, and the scroll link mapping one pane's position to the
other's."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np

from ...core.align.chains import increasing
from ...core.model import SIDES, Match
from .packed import MatchTable


class Navigator:
    """The matches in the reading order of each side, for next/previous from a selection or a
    position."""

    def __init__(self, matches: Sequence[Match]) -> None:
        self.table = table = MatchTable.of(matches)
        ids = table.ids
        self._row = {match_id: row for row, match_id in enumerate(ids.tolist())}
        self.order: dict[str, list[int]] = {}  # table rows in reading order
        self.starts: dict[str, list[int]] = {}
        self.rank: dict[str, list[int]] = {}  # per table row, its place in the order
        for side in SIDES:
            first = table.first_starts(side)
            order = np.lexsort((ids, first))
            rank = np.empty(len(order), np.int64)
            rank[order] = np.arange(len(order))
            self.order[side], self.starts[side], self.rank[side] = (
                order.tolist(),
                first[order].tolist(),
                rank.tolist(),
            )

    def __len__(self) -> int:
        return len(self.table)

    def in_order(self, side: str) -> list[Match]:
        return [self.table[row] for row in self.order[side]]

    def position(self, side: str, match: Match | None) -> int | None:
        """1-based place of `match` in `side`'s reading order."""
        row = None if match is None else self._row.get(match.id)
        return None if row is None else self.rank[side][row] + 1

    def step(self, side: str, current: Match | None, offset: int, direction: int) -> Match | None:
        """The next (direction 1) or previous (-1) match after `current`, or from text `offset`;
        wraps."""
        order = self.order[side]
        if not order:
            return None
        row = None if current is None else self._row.get(current.id)
        if row is not None:
            return self.table[order[(self.rank[side][row] + direction) % len(order)]]
        i = bisect_left(self.starts[side], offset) - (0 if direction > 0 else 1)
        return self.table[order[i % len(order)]]


def monotone_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (a, b) pairs increasing in both, so the link never scrolls backwards."""
    if not len(pairs):
        return []
    a, b = np.asarray(pairs, np.int64).reshape(-1, 2).T
    # Equal a's sorted by falling b: a chain strictly increasing in b then never repeats an a.
    order = np.lexsort((-b, a))
    a, b = a[order], b[order]
    keep = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])]
    return increasing(list(zip(a[keep].tolist(), b[keep].tolist())))


class ScrollLink:
    """Maps a top line in one pane to the other's by interpolating between aligned match lines."""

    def __init__(
        self, anchors: Sequence[tuple[int, int]], size_a: int, size_b: int, monotone: bool = False
    ) -> None:
        """`monotone`: the anchors are already increasing on both sides (no chain to compute)."""
        chain = [
            (0, 0),
            *(anchors if monotone else monotone_chain(anchors)),
            (max(1, size_a), max(1, size_b)),
        ]
        self.a = [p[0] for p in chain]
        self.b = [p[1] for p in chain]

    def follow(self, y: float, forward: bool = True) -> float:
        """The other pane's line for line `y` of this pane (`forward` maps a->b, else b->a)."""
        src, dst = (self.a, self.b) if forward else (self.b, self.a)
        k = min(max(bisect_right(src, y) - 1, 0), len(src) - 2)
        a0, a1, b0, b1 = src[k], src[k + 1], dst[k], dst[k + 1]
        if a1 <= a0:
            return float(b0)
        return b0 + (min(y, a1) - a0) * (b1 - b0) / (a1 - a0)
