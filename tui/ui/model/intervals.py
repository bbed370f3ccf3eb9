"""Sorted spans with fast 'which overlap [start, end)' queries: the highlight layers' storage."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...core.model import Span

if TYPE_CHECKING:
    import numpy as np


class Intervals:
    """Spans sorted by start with overlaps joined, so their ends are sorted too (binary search)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        pairs = sorted((s.start, s.end) for s in spans)
        self._set([a for a, _ in pairs], [b for _, b in pairs])

    @classmethod
    def from_arrays(cls, starts: np.ndarray, ends: np.ndarray) -> Intervals:
        """The spans [starts[i], ends[i]) without building a Span for each (a book has ~10^5)."""
        import numpy as np  # only a comparison's matches come as arrays: not needed to show a text

        order = np.lexsort((ends, starts))
        starts, ends = starts[order], ends[order]
        out = cls.__new__(cls)
        out._set(starts.tolist(), ends.tolist(), sorted_ends=not np.any(ends[1:] < ends[:-1]))
        return out

    def _set(self, starts: list[int], ends: list[int], sorted_ends: bool | None = None) -> None:
        if sorted_ends is None:
            sorted_ends = all(a <= b for a, b in zip(ends, ends[1:]))
        if not sorted_ends:
            starts, ends = merge(starts, ends)
        self._starts, self._ends = starts, ends

    def __len__(self) -> int:
        return len(self._starts)

    def overlapping(self, start: int, end: int) -> list[Span]:
        i = bisect_right(self._ends, start)
        out = []
        starts, ends = self._starts, self._ends
        while i < len(starts) and starts[i] < end:
            out.append(Span(starts[i], ends[i]))
            i += 1
        return out


def merge(starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
    """Spans sorted by start with overlaps joined, so their ends are sorted too."""
    out_starts: list[int] = []
    out_ends: list[int] = []
    for a, b in zip(starts, ends):
        if out_ends and a <= out_ends[-1]:
            if b > out_ends[-1]:
                out_ends[-1] = b
        else:
            out_starts.append(a)
            out_ends.append(b)
    return out_starts, out_ends
