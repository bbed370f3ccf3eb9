"""Alignment in the reader: the comparison at a threshold, computed off the UI thread (in a child
process for long texts), reported back as Progress and Aligned messages.

Nothing here is imported or run before the texts are on screen: the core's aligner and numpy load
inside the worker.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message

from ..core.model import LEFT, RIGHT
from ..core.text.document import Document

if TYPE_CHECKING:
    from ..core.comparison import Comparison
    from .model.index import ComparisonIndex

# Python's defaults are (700, 10, 10); see Alignment.settle.
YOUNG_GC_THRESHOLDS = (10_000, 50, 100)


class Progress(Message):
    """How far the alignment got, in [0, 1]."""

    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction


class Aligned(Message):
    """A comparison is ready, with its lookups built."""

    def __init__(self, index: ComparisonIndex) -> None:
        super().__init__()
        self.index = index


class _ChildAligner:
    """Runs in the child process: the first request compares, later ones re-select from its
    scores. Only arrays cross back: the reader has the documents."""

    def __init__(self, left: Document, right: Document) -> None:
        self.left, self.right = left, right
        self.comparison: Comparison | None = None

    def __call__(self, threshold: float, progress: Callable[[float], None]) -> Any:
        from ..core.comparison import compare
        from .model.packed import MatchTable, PackedEntities

        if self.comparison is None:
            self.comparison = compare(self.left, self.right, threshold, progress=progress)
        else:
            self.comparison = self.comparison.with_threshold(threshold)
        comparison = self.comparison
        return (
            MatchTable.of(comparison.matches),
            PackedEntities(comparison.entities),
            threshold,
            comparison.discrepancies,
        )


class Alignment:
    """The comparison of two documents at any threshold: by `compare_fn` when given (tests pass
    one), by re-selecting from the last comparison's scores, or in a child process for books."""

    def __init__(
        self, left: Document, right: Document, compare_fn: Callable[..., Comparison] | None = None
    ) -> None:
        self.left, self.right = left, right
        self._compare = compare_fn
        self._last: Comparison | None = None
        self._server = None
        self._gc_thresholds: tuple[int, ...] | None = None

    def run(
        self,
        threshold: float,
        progress: Callable[[float], None],
        cancelled: Callable[[], bool],
    ) -> ComparisonIndex | None:
        """The comparison at `threshold` with its lookups (call in a worker thread); None if
        cancelled meanwhile."""
        from ..core.parallel import FORK_THRESHOLD, Server
        from .model.index import ComparisonIndex

        last = [-1.0]

        def report(fraction: float) -> None:
            if fraction - last[0] >= 0.02 and not cancelled():
                last[0] = fraction
                progress(fraction)

        if self._compare is not None:
            comparison = self._compare(self.left, self.right, threshold, progress=report)
        elif len(self.left.text) + len(self.right.text) > FORK_THRESHOLD:
            if self._server is None:
                self._server = Server(_ChildAligner(self.left, self.right))
            answer = self._server.ask(threshold, report, cancelled)
            if answer is None:
                return None
            table, entities, at, discrepancies = answer
            docs = {LEFT: self.left, RIGHT: self.right}
            return ComparisonIndex(docs, table, entities.unpack(), at, discrepancies).prime()
        elif self._last is not None:
            comparison = self._last.with_threshold(threshold)
        else:
            from ..core.comparison import compare

            comparison = compare(self.left, self.right, threshold, progress=report)
        self._last = comparison
        return None if cancelled() else ComparisonIndex.of(comparison).prime()

    def settle(self) -> None:
        """After a comparison is shown: keep the cycle collector off its objects."""
        # A book's comparison is ~10^6 long-lived objects: keep the collector from walking them
        # again during key presses (0.3-0.5 s pauses measured on the NT pair).
        gc.freeze()
        if self._gc_thresholds is None:
            # A frame that scrolls both panes allocates ~5,000 tracked objects (Textual builds
            # several Strips per line): collect young objects less often and the post-freeze heap
            # rarely, or a full collection (~40 ms on the Bible) lands inside a key press every few
            # dozen jumps.
            self._gc_thresholds = gc.get_threshold()
            gc.set_threshold(*YOUNG_GC_THRESHOLDS)

    def close(self) -> None:
        """End the child process and give Python back its collection thresholds."""
        if self._server is not None:
            self._server.close()
        if self._gc_thresholds is not None:
            gc.set_threshold(*self._gc_thresholds)
