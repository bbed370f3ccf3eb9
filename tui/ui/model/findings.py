"""What only one side says and where the two disagree, as the reader steps through them: passages
and disagreements in each side's reading order, found from a text offset."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence

from ...core.align.discrepancies import Discrepancy
from ...core.align.unmatched import Passage, passages
from ...core.model import SIDES, Span
from ...core.text.document import Document


class Findings:
    """Only-one-side passages and disagreements of one comparison, per side in reading order."""

    def __init__(
        self,
        docs: Mapping[str, Document],
        matched: Mapping[str, Collection[int]],
        discrepancies: Sequence[Discrepancy],
    ) -> None:
        self.only = {side: passages(docs[side], matched[side], side) for side in SIDES}
        self._only_starts = {side: [p.span.start for p in self.only[side]] for side in SIDES}
        self.discrepancies = tuple(discrepancies)
        self._order = {
            side: sorted(range(len(discrepancies)), key=lambda i: discrepancies[i].span(side))
            for side in SIDES
        }
        self._starts = {
            side: [discrepancies[i].span(side).start for i in self._order[side]] for side in SIDES
        }

    def only_sentences(self, side: str) -> int:
        """How many content sentences of `side` no match covers."""
        return sum(len(p.sentences) for p in self.only[side])

    def only_spans(self, side: str) -> list[Span]:
        return [p.span for p in self.only[side]]

    def differ_spans(self, side: str) -> list[Span]:
        return [d.span(side) for d in self.discrepancies]

    def step_only(self, side: str, offset: int, direction: int) -> Passage | None:
        """The next passage starting after `offset` (direction 1), or the previous one starting
        before it (-1); wraps around the text."""
        found = self.only[side]
        if not found:
            return None
        starts = self._only_starts[side]
        if direction > 0:
            return found[bisect_right(starts, offset) % len(found)]
        return found[(bisect_left(starts, offset) - 1) % len(found)]

    def step_differ(
        self, side: str, current: int | None, offset: int, direction: int
    ) -> int | None:
        """The number of the next (or previous) disagreement in `side`'s reading order: after
        disagreement `current` when given, else from text `offset`; wraps."""
        order = self._order[side]
        if not order:
            return None
        if current is not None and current in order:
            return order[(order.index(current) + direction) % len(order)]
        starts = self._starts[side]
        if direction > 0:
            return order[bisect_right(starts, offset) % len(order)]
        return order[(bisect_left(starts, offset) - 1) % len(order)]
