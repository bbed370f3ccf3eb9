"""Getting a comparison at a threshold: by hand (tests), by re-selection, in a child process, or
here."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from ..core.comparison import Comparison, compare
from ..core.text.document import Document
from .offload import AlignmentProcess
from .state import Prepared


class Aligned(Message):
    """The worker finished a comparison."""

    def __init__(self, prepared: Prepared) -> None:
        super().__init__()
        self.prepared = prepared


class Progress(Message):
    """How far the alignment got, in [0, 1]."""

    def __init__(self, fraction: float) -> None:
        super().__init__()
        self.fraction = fraction


def realign(
    left: Document,
    right: Document,
    threshold: float,
    progress: Callable[[float], None],
    *,
    cancelled: Callable[[], bool],
    compare_fn: Callable[..., Comparison] | None,
    previous: Comparison | None,
    process: AlignmentProcess | None,
) -> Comparison | None:
    """The comparison at `threshold`, by the
    cheapest route available; None if cancelled meanwhile."""
    if compare_fn is not None:
        return compare_fn(left, right, threshold, progress=progress)
    if process is not None:
        return process.compare(threshold, progress, cancelled)
    if previous is not None and hasattr(previous, "with_threshold"):
        return previous.with_threshold(threshold)
    return compare(left, right, threshold, progress=progress)
