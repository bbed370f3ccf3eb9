"""Turning a slice of article text plus highlight
layers into a Strip; text is data, never markup."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

import numpy as np
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..core.model import Span

# Anything that could steer the terminal or reorder the line becomes one visible cell, so offsets
# keep lining up with styles. The loader strips these already; this is the second fence.
_SAFE = {code: " " for code in (9, 10, 11, 12, 13)}
_SAFE.update({code: "\ufffd" for code in (*range(0, 9), *range(14, 32), *range(127, 160))})
_SAFE.update(
    {code: "\ufffd" for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
SAFE_TABLE = str.maketrans(_SAFE)


def safe_text(text: str) -> str:
    """The text with control, tab and bidi characters replaced one for one."""
    return text.translate(SAFE_TABLE)


class Intervals:
    """Sorted spans with fast 'which overlap [start, end)' queries (by binary search on ends)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        pairs = sorted((s.start, s.end) for s in spans)
        self._set([a for a, _ in pairs], [b for _, b in pairs])

    @classmethod
    def from_arrays(cls, starts: np.ndarray, ends: np.ndarray) -> Intervals:
        """The spans [starts[i], ends[i]) without building a Span for each (a book has ~10^5)."""
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


def styled_line(
    text: str,
    offset: int,
    layers: Sequence[tuple[Sequence[Span], Style]],
    base: Style,
) -> list[Segment]:
    """Segments for `text` (which starts at document `offset`), each layer's style added over the
    last."""
    size = len(text)
    cuts = {0, size}
    pieces: list[tuple[int, int, Style]] = []
    for spans, style in layers:
        for span in spans:
            a, b = max(0, span.start - offset), min(size, span.end - offset)
            if a < b:
                cuts.add(a)
                cuts.add(b)
                pieces.append((a, b, style))
    if not pieces:
        return [Segment(safe_text(text), base)] if text else []
    bounds = sorted(cuts)
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        style = base
        for start, end, layer in pieces:
            if start <= a and b <= end:
                style = style + layer
        segments.append(Segment(safe_text(text[a:b]), style))
    return segments


def finish(gutter: list[Segment], body: list[Segment], width: int, pad: Style) -> Strip:
    """Gutter plus body, cut or padded to exactly `width` cells."""
    segments = gutter + body
    used = sum(cell_len(segment.text) for segment in segments)
    if used > width:
        return Strip(segments, used).crop_extend(0, width, pad)
    if used < width:
        segments.append(Segment(" " * (width - used), pad))
    # One Strip with its length known: crop_extend would build two more per line drawn.
    return Strip(segments, width)
