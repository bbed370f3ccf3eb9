"""What the reader derives once from a Comparison (off the UI thread): orders, counts, highlight
indexes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np

from ..core.comparison import Comparison
from ..core.model import LEFT, RIGHT, SIDES, Match, Span
from .model.packed import MatchTable
from .model.sync import Navigator, monotone_chain
from .render import Intervals


def other(side: str) -> str:
    return RIGHT if side == LEFT else LEFT


def sentence_near(starts: list[int], offset: int) -> int | None:
    """Index of the sentence holding `offset`, or of the last one starting before it (`starts`
    sorted)."""
    if not starts:
        return None
    return max(0, bisect_right(starts, offset) - 1)


def match_sentences(match: Match, side: str, starts: list[int]) -> tuple[int, ...]:
    """The sentence indices a match covers on `side` (from the match, else from its spans)."""
    if match.sentences(side):
        return match.sentences(side)
    found = {sentence_near(starts, span.start) for span in match.spans(side)}
    return tuple(sorted(i for i in found if i is not None))


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


@dataclass(frozen=True, slots=True)
class Prepared:
    """A comparison plus everything the reader looks up per key press, built once per comparison."""

    comparison: Comparison
    navigator: Navigator
    matched: dict[str, Intervals]
    shared_counts: dict[str, int]
    content_counts: dict[str, int]
    by_sentence: dict[str, SentenceIndex]
    first_pairs: (
        np.ndarray
    )  # (left, right) start of each match's first passages, for the scroll link
    _chain: list = field(default_factory=list)

    @classmethod
    def build(cls, comparison: Comparison) -> Prepared:
        """From the match table's arrays: a book's 50k matches are never all turned into objects."""
        table = MatchTable.of(comparison.matches)
        matched = {side: Intervals.from_arrays(*table.side_spans(side)[1:]) for side in SIDES}
        shared = table.shared_sentences or {
            side: comparison.shared_sentences(side) for side in SIDES
        }
        content = {side: len(comparison.doc(side).content_sentences) for side in SIDES}
        (left_offsets, left_starts, _), (right_offsets, right_starts, _) = (
            table.side_spans(s) for s in SIDES
        )
        both = (np.diff(left_offsets) > 0) & (np.diff(right_offsets) > 0)
        # Each match's first passage on each side; line numbers are monotone in offsets, so the
        # chain stays monotone once mapped to lines.
        pairs = np.stack(
            (left_starts[left_offsets[:-1][both]], right_starts[right_offsets[:-1][both]]), axis=1
        )
        by_sentence = {side: SentenceIndex(table, side) for side in SIDES}
        return cls(comparison, Navigator(table), matched, shared, content, by_sentence, pairs)

    def anchors(self) -> list[tuple[int, int]]:
        """(left offset, right offset) of matches, increasing on both sides; computed on first use
        (~0.3 s on a book), which the reader schedules after the highlights are drawn."""
        if not self._chain:
            self._chain.append(monotone_chain(self.first_pairs))
        return self._chain[0]

    def matches_at(self, side: str, sentence: int) -> list[Match]:
        """Matches that include sentence
        `sentence` of `side` (as Comparison.matches_for_sentence)."""
        table = self.navigator.table
        return [table[row] for row in self.by_sentence[side].rows(sentence)]

    def counterparts(self, side: str, sentence: int) -> list[tuple[Match, Span]]:
        """Every (match, passage on the other side) linked
        to a sentence, in the other side's order."""
        pairs = [
            (m, span) for m in self.matches_at(side, sentence) for span in m.spans(other(side))
        ]
        return sorted(pairs, key=lambda pair: pair[1].start)
