"""Units' keys as flat numpy arrays, and the joins alignment needs over them at C speed.

A side's key sets are sorted codes `unit * width + key` (one per distinct key of a unit), so that
"does unit u hold key k" for a million (u, k) at once is one `searchsorted`.
"""

from __future__ import annotations

import numpy as np

INT = np.int64


def csr(units: np.ndarray, n: int) -> np.ndarray:
    """Row pointers of `units` (sorted): entries of unit u lie in [ptr[u], ptr[u + 1])."""
    return np.searchsorted(units, np.arange(n + 1, dtype=INT)).astype(INT)


def expand(ptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of `rows`, the indices of its entries; and the position in `rows` each came from."""
    starts = ptr[rows]
    lengths = ptr[rows + 1] - starts
    owner = np.repeat(np.arange(len(rows), dtype=INT), lengths)
    offsets = np.cumsum(lengths) - lengths
    return owner, np.arange(len(owner), dtype=INT) + np.repeat(starts - offsets, lengths)


def member(codes: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Which of `query` occur in the sorted array `codes`."""
    if not len(codes):
        return np.zeros(len(query), dtype=bool)
    pos = np.searchsorted(codes, query)
    pos[pos == len(codes)] = 0
    return codes[pos] == query


def top_per_row(rows: np.ndarray, counts: np.ndarray, top: int, share: float) -> np.ndarray:
    """Mask of the entries ranked best `top` in their row by count, at least `share` of the row's
    best; among equal counts the earlier entry ranks first (the candidates pass pairs in code
    order, so that is the lower column)."""
    if not len(rows):
        return np.zeros(0, dtype=bool)
    best = np.zeros(rows.max() + 1, INT)
    np.maximum.at(best, rows, counts)
    keep = np.zeros(len(rows), dtype=bool)
    near = np.flatnonzero(counts >= np.ceil(best[rows] * share))
    keep[near] = _top(rows[near], counts[near], top)
    return keep


def _top(rows: np.ndarray, counts: np.ndarray, top: int) -> np.ndarray:
    # One int64 key (row, then more shared keys first), sorted stably so that ties keep their
    # order: faster than a lexsort, and nearly free when the rows come sorted.
    most = int(counts.max())
    order = np.argsort(rows * (most + 1) + (most - counts), kind="stable")
    r = rows[order]
    first = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    length = np.diff(np.r_[first, len(r)])
    keep = np.zeros(len(rows), dtype=bool)
    keep[order] = np.arange(len(r)) - np.repeat(first, length) < top
    return keep


def shared_counts(
    lunit: np.ndarray, lkey: np.ndarray, runit: np.ndarray, rkey: np.ndarray, nright: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of units holding a common key (codes `left * nright + right`) and how many keys they
    share."""
    order = np.argsort(rkey, kind="stable")
    rk, ru = rkey[order], runit[order]
    lo = np.searchsorted(rk, lkey, "left")
    hi = np.searchsorted(rk, lkey, "right")
    lengths = hi - lo
    owner = np.repeat(np.arange(len(lkey), dtype=INT), lengths)
    offsets = np.cumsum(lengths) - lengths
    b = ru[np.arange(len(owner), dtype=INT) + np.repeat(lo - offsets, lengths)]
    # Per left unit, one sorted run per shared key: a stable sort (timsort) merges runs.
    codes = np.sort(lunit[owner] * nright + b, kind="stable")
    first = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.zeros(0, INT)
    return codes[first], np.diff(np.r_[first, len(codes)])


def unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: numpy's hashing unique is slower on millions of ints)."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def rank_in_group(groups: np.ndarray) -> np.ndarray:
    """For each entry, how many entries of the same group come before it."""
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    first = np.flatnonzero(np.r_[True, g[1:] != g[:-1]]) if len(g) else np.zeros(0, INT)
    rank = np.empty(len(groups), INT)
    rank[order] = np.arange(len(g)) - np.repeat(first, np.diff(np.r_[first, len(g)]))
    return rank
