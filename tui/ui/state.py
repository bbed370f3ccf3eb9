"""What the reader derives once from a Comparison (off the UI thread): orders, counts, highlight indexes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..core.comparison import Comparison
from ..core.model import LEFT, RIGHT, SIDES, Match, Span
from .render import Intervals
from .sync import Navigator, monotone_chain


def other(side: str) -> str:
    return RIGHT if side == LEFT else LEFT


def sentence_near(starts: list[int], offset: int) -> int | None:
    """Index of the sentence holding `offset`, or of the last one starting before it (`starts` sorted)."""
    if not starts:
        return None
    return max(0, bisect_right(starts, offset) - 1)


def match_sentences(match: Match, side: str, starts: list[int]) -> tuple[int, ...]:
    """The sentence indices a match covers on `side` (from the match, else from its spans)."""
    if match.sentences(side):
        return match.sentences(side)
    found = {sentence_near(starts, span.start) for span in match.spans(side)}
    return tuple(sorted(i for i in found if i is not None))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A comparison plus everything the reader looks up per key press, built once per comparison."""

    comparison: Comparison
    navigator: Navigator
    matched: dict[str, Intervals]
    shared_counts: dict[str, int]
    content_counts: dict[str, int]
    anchors: list[tuple[int, int]]  # (left offset, right offset) of matches, increasing on both sides

    @classmethod
    def build(cls, comparison: Comparison) -> Prepared:
        matched = {side: Intervals(span for m in comparison.matches for span in m.spans(side)) for side in SIDES}
        shared = {side: comparison.shared_sentences(side) for side in SIDES}
        content = {side: len(comparison.doc(side).content_sentences) for side in SIDES}
        comparison.matches_for_sentence(LEFT, 0)  # builds its lookup table here, not on the first key
        # Built here, in the worker: line numbers are monotone in offsets, so the chain stays monotone.
        anchors = monotone_chain([(m.left[0].start, m.right[0].start) for m in comparison.matches if m.left and m.right])
        return cls(comparison, Navigator(comparison.matches), matched, shared, content, anchors)

    def matches_at(self, side: str, sentence: int) -> list[Match]:
        return self.comparison.matches_for_sentence(side, sentence)

    def counterparts(self, side: str, sentence: int) -> list[tuple[Match, Span]]:
        """Every (match, passage on the other side) linked to a sentence, in the other side's order."""
        pairs = [(m, span) for m in self.matches_at(side, sentence) for span in m.spans(other(side))]
        return sorted(pairs, key=lambda pair: pair[1].start)
