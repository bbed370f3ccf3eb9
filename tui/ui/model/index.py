"""What the reader looks up per key press, built once per comparison off the UI thread: reading
orders, highlight intervals, counts, sentence-to-match rows and the scroll link's anchors."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ...core.align.discrepancies import Discrepancy
from ...core.comparison import Comparison
from ...core.model import SIDES, Entity, Match, Span, other
from ...core.text.document import Document
from .findings import Findings
from .intervals import Intervals
from .packed import MatchTable
from .scroll_link import ScrollLink, monotone_chain


class Navigator:
    """The matches in the reading order of each side, for next/previous from a selection or a
    position."""

    def __init__(self, table: MatchTable) -> None:
        self.table = table
        ids = table.ids
        self._row = {match_id: row for row, match_id in enumerate(ids.tolist())}
        self.order: dict[str, list[int]] = {}  # table rows in reading order
        self.starts: dict[str, list[int]] = {}
        self.rank: dict[str, list[int]] = {}  # per table row, its place in the order
        for side in SIDES:
            first = table.first_starts(side)
            order = np.lexsort((ids, first))
            rank = np.empty(len(order), np.int64)
            rank[order] = np.arange(len(order))
            self.order[side] = order.tolist()
            self.starts[side] = first[order].tolist()
            self.rank[side] = rank.tolist()

    def __len__(self) -> int:
        return len(self.table)

    def row(self, match_id: int) -> int | None:
        """The table row of match `match_id`."""
        return self._row.get(match_id)

    def position(self, side: str, match: Match | None) -> int | None:
        """1-based place of `match` in `side`'s reading order."""
        row = None if match is None else self._row.get(match.id)
        return None if row is None else self.rank[side][row] + 1

    def step(self, side: str, current: Match | None, offset: int, direction: int) -> Match | None:
        """The next (direction 1) or previous (-1) match after `current`, or from text `offset`;
        wraps."""
        order = self.order[side]
        if not order:
            return None
        row = None if current is None else self._row.get(current.id)
        if row is not None:
            return self.table[order[(self.rank[side][row] + direction) % len(order)]]
        i = bisect_left(self.starts[side], offset) - (0 if direction > 0 else 1)
        return self.table[order[i % len(order)]]


class SentenceIndex:
    """Which table rows (matches) include each sentence of one side, in table order."""

    __slots__ = ("_sentences", "_rows")

    def __init__(self, table: MatchTable, side: str) -> None:
        offsets, values = table.sentences[f"{side}_sentences"]
        rows = np.repeat(np.arange(len(table)), np.diff(offsets))
        order = np.argsort(values, kind="stable")
        self._sentences, self._rows = values[order].tolist(), rows[order].tolist()

    def rows(self, sentence: int) -> list[int]:
        return self._rows[
            bisect_left(self._sentences, sentence) : bisect_right(self._sentences, sentence)
        ]

    def sentences(self) -> set[int]:
        return set(self._sentences)


@dataclass(frozen=True, eq=False)
class ComparisonIndex:
    """A comparison's matches (as a table), entities and threshold, with the lookups the reader
    makes per key press."""

    docs: dict[str, Document]
    table: MatchTable
    entities: tuple[Entity, ...]
    threshold: float
    discrepancies: tuple[Discrepancy, ...] = ()

    @classmethod
    def of(cls, comparison: Comparison) -> ComparisonIndex:
        docs = {side: comparison.doc(side) for side in SIDES}
        table = MatchTable.of(comparison.matches)
        return cls(docs, table, comparison.entities, comparison.threshold, comparison.discrepancies)

    def __len__(self) -> int:
        return len(self.table)

    @cached_property
    def navigator(self) -> Navigator:
        return Navigator(self.table)

    @cached_property
    def by_sentence(self) -> dict[str, SentenceIndex]:
        return {side: SentenceIndex(self.table, side) for side in SIDES}

    @cached_property
    def matched(self) -> dict[str, Intervals]:
        """Every matched passage of each side, for the tint layer."""
        return {s: Intervals.from_arrays(*self.table.side_spans(s)[1:]) for s in SIDES}

    @cached_property
    def shared_counts(self) -> dict[str, int]:
        """Per side, how many non-boilerplate sentences take part in some match."""
        counts = {}
        for side in SIDES:
            sentences = self.docs[side].sentences
            used = self.by_sentence[side].sentences()
            counts[side] = sum(1 for i in used if not sentences[i].boilerplate)
        return counts

    @cached_property
    def findings(self) -> Findings:
        """What only one side says and the disagreements, in each side's reading order."""
        matched = {side: self.by_sentence[side].sentences() for side in SIDES}
        return Findings(self.docs, matched, self.discrepancies)

    def match_by_id(self, match_id: int) -> Match | None:
        row = self.navigator.row(match_id)
        return None if row is None else self.table[row]

    def comparison(self) -> Comparison:
        """The comparison again, as the views that take one (the HTML report) read it."""
        left, right = (self.docs[side] for side in SIDES)
        derived = {"discrepancies": self.discrepancies}
        return Comparison(
            left, right, tuple(self.table), self.entities, self.threshold, _derived=derived
        )

    @cached_property
    def anchors(self) -> list[tuple[int, int]]:
        """(left offset, right offset) of each match's first passages, increasing on both sides
        (~0.3 s on a book, which the reader schedules after the highlights are drawn)."""
        (lo, ls, _), (ro, rs, _) = (self.table.side_spans(s) for s in SIDES)
        both = (np.diff(lo) > 0) & (np.diff(ro) > 0)
        pairs = np.stack((ls[lo[:-1][both]], rs[ro[:-1][both]]), axis=1)
        return monotone_chain(pairs)

    def scroll_link(self, lines_left: array, lines_right: array) -> ScrollLink:
        """The scroll link for panes whose wrapped lines start at these offsets (int64 arrays)."""
        return ScrollLink.between(
            self.anchors, np.frombuffer(lines_left, np.int64), np.frombuffer(lines_right, np.int64)
        )

    def prime(self) -> ComparisonIndex:
        """Build the per-key-press lookups now (in the worker), not on the first key."""
        for name in ("navigator", "by_sentence", "matched", "shared_counts", "findings"):
            getattr(self, name)
        return self

    def matches_at(self, side: str, sentence: int) -> list[Match]:
        """Matches that include sentence `sentence` of `side`."""
        return [self.table[row] for row in self.by_sentence[side].rows(sentence)]

    def counterparts(self, side: str, sentence: int) -> list[tuple[Match, Span]]:
        """Every (match, passage on the other side) linked to a sentence, in the other side's
        order."""
        pairs = [
            (m, span) for m in self.matches_at(side, sentence) for span in m.spans(other(side))
        ]
        return sorted(pairs, key=lambda pair: pair[1].start)
