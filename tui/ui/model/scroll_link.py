"""The scroll link: the alignment's anchors as line pairs, mapping one pane's top line to the
other's so scrolling one drags the other along."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

from ...core.align.chains import increasing


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

    @classmethod
    def between(
        cls, offsets: Sequence[tuple[int, int]], lines_a: np.ndarray, lines_b: np.ndarray
    ) -> ScrollLink:
        """The link for monotone anchor `offsets` given each pane's line start offsets (sorted)."""
        pairs = np.asarray(offsets, np.int64).reshape(-1, 2)
        a = np.maximum(0, np.searchsorted(lines_a, pairs[:, 0], side="right") - 1)
        b = np.maximum(0, np.searchsorted(lines_b, pairs[:, 1], side="right") - 1)
        return cls(list(zip(a.tolist(), b.tolist())), len(lines_a), len(lines_b), monotone=True)

    def follow(self, y: float, forward: bool = True) -> float:
        """The other pane's line for line `y` of this pane (`forward` maps a->b, else b->a)."""
        src, dst = (self.a, self.b) if forward else (self.b, self.a)
        k = min(max(bisect_right(src, y) - 1, 0), len(src) - 2)
        a0, a1, b0, b1 = src[k], src[k + 1], dst[k], dst[k + 1]
        if a1 <= a0:
            return float(b0)
        return b0 + (min(y, a1) - a0) * (b1 - b0) / (a1 - a0)
