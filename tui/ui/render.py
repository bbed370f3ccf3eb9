"""Turning a slice of article text plus highlight layers into a Strip; text is data, never markup."""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ..core.model import Span

# Anything that could steer the terminal or reorder the line becomes one visible cell, so offsets
# keep lining up with styles. The loader strips these already; this is the second fence.
_SAFE = {code: " " for code in (9, 10, 11, 12, 13)}
_SAFE.update({code: "\ufffd" for code in (*range(0, 9), *range(14, 32), *range(127, 160))})
_SAFE.update({code: "\ufffd" for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})
SAFE_TABLE = str.maketrans(_SAFE)


def safe_text(text: str) -> str:
    """The text with control, tab and bidi characters replaced one for one."""
    return text.translate(SAFE_TABLE)


class Intervals:
    """Sorted spans with fast 'which overlap [start, end)' queries (by binary search on ends)."""

    __slots__ = ("spans", "_ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans = sorted(spans)
        self._ends = [s.end for s in self.spans]
        if any(b < a for a, b in zip(self._ends, self._ends[1:])):
            self.spans = merge(self.spans)
            self._ends = [s.end for s in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def overlapping(self, start: int, end: int) -> list[Span]:
        i = bisect_right(self._ends, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            out.append(self.spans[i])
            i += 1
        return out


def merge(spans: Sequence[Span]) -> list[Span]:
    """Sorted spans with overlaps joined, so their ends are sorted too."""
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start <= out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def styled_line(
    text: str,
    offset: int,
    layers: Sequence[tuple[Sequence[Span], Style]],
    base: Style,
) -> list[Segment]:
    """Segments for `text` (which starts at document `offset`), each layer's style added over the last."""
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
