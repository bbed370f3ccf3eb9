"""Navigation order of matches on each side, and the scroll link mapping one pane's position to the other's."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

from ..core.chains import increasing
from ..core.model import SIDES, Match


def first_start(match: Match, side: str) -> int:
    spans = match.spans(side)
    return min(s.start for s in spans) if spans else 1 << 62


class Navigator:
    """The matches in the reading order of each side, for next/previous from a selection or a position."""

    def __init__(self, matches: Sequence[Match]) -> None:
        self.order = {side: sorted(matches, key=lambda m, s=side: (first_start(m, s), m.id)) for side in SIDES}
        self.starts = {side: [first_start(m, side) for m in self.order[side]] for side in SIDES}
        self.rank = {side: {m.id: i for i, m in enumerate(self.order[side])} for side in SIDES}

    def __len__(self) -> int:
        return len(self.order[SIDES[0]])

    def position(self, side: str, match: Match | None) -> int | None:
        """1-based place of `match` in `side`'s reading order."""
        if match is None or match.id not in self.rank[side]:
            return None
        return self.rank[side][match.id] + 1

    def step(self, side: str, current: Match | None, offset: int, direction: int) -> Match | None:
        """The next (direction 1) or previous (-1) match after `current`, or from text `offset`; wraps."""
        order = self.order[side]
        if not order:
            return None
        if current is not None and current.id in self.rank[side]:
            return order[(self.rank[side][current.id] + direction) % len(order)]
        if direction > 0:
            i = bisect_left(self.starts[side], offset)
            return order[i % len(order)]
        i = bisect_left(self.starts[side], offset) - 1
        return order[i % len(order)]


def monotone_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (a, b) pairs increasing in both, so the link never scrolls backwards."""
    # Equal a's sorted by falling b: a chain strictly increasing in b then never repeats an a.
    return increasing(sorted(set(pairs), key=lambda pair: (pair[0], -pair[1])))


class ScrollLink:
    """Maps a top line in one pane to the other's by interpolating between aligned match lines."""

    def __init__(self, anchors: Sequence[tuple[int, int]], size_a: int, size_b: int, monotone: bool = False) -> None:
        """`monotone`: the anchors are already increasing on both sides (no chain to compute)."""
        chain = [(0, 0), *(anchors if monotone else monotone_chain(anchors)), (max(1, size_a), max(1, size_b))]
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
