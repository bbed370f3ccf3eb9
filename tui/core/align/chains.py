"""Order evidence: the longest ordered chain of links, the cells near the line between its links,
and how many neighbouring anchors agree with a pair."""

from __future__ import annotations

from bisect import bisect_left

import numpy as np

from . import keysets
from .keysets import INT

GAP = 300  # gaps up to this long between two links of an ordered chain are searched near its line
BAND = 2

Pair = tuple[int, int]


def support(anchor_of: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many of the anchors near unit `a` (one
    or two units away) agree with linking it to `b`."""
    x = a + 2
    prev1, next1 = b - anchor_of[x - 1], anchor_of[x + 1] - b
    return (
        ((0 < prev1) & (prev1 <= 2)).astype(INT)
        + ((0 < next1) & (next1 <= 2))
        + (b - anchor_of[x - 2] == 1)
        + (anchor_of[x + 2] - b == 1)
    )


def gap_prior(chain_: list[Pair], nright: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (sorted codes) near the straight line between consecutive links of an ordered chain,
    with a weight that falls off with the distance from that line; long gaps are not searched."""
    if len(chain_) < 2:
        return np.zeros(0, INT), np.zeros(0)
    links = np.array(chain_, INT)
    a0, b0 = links[:-1].T
    a1, b1 = links[1:].T
    da, db = a1 - a0, b1 - b0
    keep = (da <= GAP) & (db <= GAP) & ((da > 1) | (db > 1))
    a0, b0, b1, da, db = a0[keep], b0[keep], b1[keep], da[keep], db[keep]
    owner, a = keysets.expand(np.r_[0, np.cumsum(da + 1)], np.arange(len(da), dtype=INT))
    a = a - np.repeat(np.r_[0, np.cumsum(da + 1)][:-1], da + 1) + a0[owner]
    expected = b0[owner] + (a - a0[owner]) * db[owner] / np.maximum(da[owner], 1)
    low = np.maximum(b0[owner], np.trunc(expected - BAND).astype(INT))
    high = np.minimum(b1[owner], np.trunc(expected + BAND).astype(INT))
    codes, weights = [], []
    for step in range(2 * BAND + 1):
        b = low + step
        ok = b <= high
        codes.append(a[ok] * nright + b[ok])
        weights.append(1.0 - np.abs(b[ok] - expected[ok]) / (BAND + 1))
    codes, weights = np.concatenate(codes), np.concatenate(weights)
    order = np.lexsort((-weights, codes))
    codes, weights = codes[order], weights[order]
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else codes
    return codes[first], weights[first]


def increasing(pairs: list[Pair]) -> list[Pair]:
    """The longest chain of pairs (sorted by
    left) whose right ends increase too (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    back = [-1] * len(pairs)
    for i, (_a, b) in enumerate(pairs):
        k = bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
            tail_index.append(i)
        else:
            tails[k] = b
            tail_index[k] = i
        back[i] = tail_index[k - 1] if k else -1
    out = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.append(pairs[i])
        i = back[i]
    return out[::-1]
