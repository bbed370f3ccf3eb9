"""The selected match and each pane's passage cursor, as a value; moves are functions that return
the next value (the app applies it, the panes draw it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...core.model import LEFT, SIDES, Match, Span, other
from ...core.text.document import Document

if TYPE_CHECKING:  # built after alignment; the texts show before numpy loads
    from .index import ComparisonIndex

Docs = Mapping[str, Document]


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected match (chosen from `side`), the counterpart passage shown with it, and each
    pane's cursor sentence."""

    match: Match | None = None
    side: str = LEFT
    counterpart: Span | None = None
    cursors: tuple[int | None, int | None] = (None, None)

    def cursor(self, side: str) -> int | None:
        return self.cursors[SIDES.index(side)]

    def with_cursor(self, side: str, index: int | None) -> Selection:
        cursors = list(self.cursors)
        cursors[SIDES.index(side)] = index
        return replace(self, cursors=(cursors[0], cursors[1]))

    def spans(self, side: str) -> tuple[Span, ...]:
        """The selected match's passages on `side` (none without a selection)."""
        return self.match.spans(side) if self.match is not None else ()


def select(
    sel: Selection,
    docs: Docs,
    match: Match | None,
    side: str,
    counterpart: Span | None = None,
    move: bool = True,
) -> Selection:
    """`match` selected from `side`: the cursors go to its passage (unless `move` is false) and to
    the counterpart shown, by default its first passage on the other side."""
    if match is None:
        return replace(sel, match=None, side=side, counterpart=None)
    far = sorted(match.spans(other(side)))
    counterpart = counterpart or (far[0] if far else None)
    out = replace(sel, match=match, side=side, counterpart=counterpart)
    own = sorted(match.spans(side))
    if move and own:
        first = match.sentences(side)
        out = out.with_cursor(side, first[0] if first else docs[side].sentence_near(own[0].start))
    if counterpart is not None:
        out = out.with_cursor(other(side), docs[other(side)].sentence_near(counterpart.start))
    return out


def step_match(
    sel: Selection,
    index: ComparisonIndex,
    docs: Docs,
    side: str,
    direction: int,
    origin: int,
    selection_seen: bool,
) -> Selection:
    """The next (or previous) match in `side`'s reading order: from the selection while it is on
    screen (`selection_seen`), else from text offset `origin`."""
    current = sel.match if selection_seen else None
    return select(sel, docs, index.navigator.step(side, current, origin, direction), side)


def move_cursor(
    sel: Selection,
    index: ComparisonIndex | None,
    docs: Docs,
    side: str,
    delta: int,
    edge: int | None = None,
) -> Selection:
    """One passage down or up; with `edge` (the offset at the screen's top, or bottom going up)
    the cursor was off screen and enters there instead. The match under it becomes the
    selection."""
    sentences = docs[side].sentences
    if not sentences:
        return sel
    current = sel.cursor(side)
    if current is None or edge is not None:
        start = docs[side].sentence_near(edge if edge is not None else 0) or 0
        if delta > 0 and edge is not None and sentences[start].start < edge:
            start = min(len(sentences) - 1, start + 1)
        target = start
    else:
        target = max(0, min(len(sentences) - 1, current + delta))
    return at_sentence(sel.with_cursor(side, target), index, docs, side, target)


def at_sentence(
    sel: Selection, index: ComparisonIndex | None, docs: Docs, side: str, sentence: int
) -> Selection:
    """The cursor on `sentence`; its match selected (the current one if it still covers it)."""
    sel = sel.with_cursor(side, sentence)
    matches = index.matches_at(side, sentence) if index is not None else []
    keep = sel.match if sel.match in matches else (matches[0] if matches else None)
    return select(sel, docs, keep, side, move=False)


def click(
    sel: Selection, index: ComparisonIndex | None, docs: Docs, side: str, offset: int
) -> Selection:
    """A click at text `offset`: the cursor there and the first match covering it selected."""
    sentence = docs[side].sentence_near(offset)
    if sentence is None:
        return sel
    matches = index.matches_at(side, sentence) if index is not None else []
    first = matches[0] if matches else None
    return select(sel.with_cursor(side, sentence), docs, first, side, move=False)


def counterparts(sel: Selection, index: ComparisonIndex | None) -> list[tuple[Match, Span]]:
    """Every (match, passage) linked to the cursor passage of the side the selection came from."""
    sentence = sel.cursor(sel.side)
    if index is None or sentence is None:
        return []
    return index.counterparts(sel.side, sentence)


def next_counterpart(
    sel: Selection, index: ComparisonIndex | None, docs: Docs, side: str
) -> tuple[Selection, int]:
    """The next (match, passage) linked to `side`'s cursor passage, and how many there are."""
    sentence = sel.cursor(side)
    pairs = index.counterparts(side, sentence) if index is not None and sentence is not None else []
    if not pairs:
        return sel, 0
    here = counterpart_position(sel, pairs)
    match, span = pairs[(here or 0) % len(pairs)]
    return select(sel, docs, match, side, counterpart=span, move=False), len(pairs)


def counterpart_position(sel: Selection, pairs: list[tuple[Match, Span]]) -> int | None:
    """1-based place of the shown counterpart among `pairs`."""
    for i, (match, span) in enumerate(pairs):
        if match == sel.match and span == sel.counterpart:
            return i + 1
    return None
