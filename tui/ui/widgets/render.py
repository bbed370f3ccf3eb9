"""A slice of article text plus highlight layers as a Strip: text is data, never markup, and
every control character is drawn as one inert cell (the loader removed them already: a second
fence)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from ...core.model import Span
from ...core.text.controls import printable


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
        return [Segment(printable(text), base)] if text else []
    bounds = sorted(cuts)
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        style = base
        for start, end, layer in pieces:
            if start <= a and b <= end:
                style = style + layer
        segments.append(Segment(printable(text[a:b]), style))
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
