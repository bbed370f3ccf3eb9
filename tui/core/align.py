"""Alignment: candidate pairs from an inverted index of rare tokens, scored, selected -> Match."""

from __future__ import annotations

from .document import Document
from .model import Match

DEFAULT_THRESHOLD = 0.5


def align(left: Document, right: Document, threshold: float = DEFAULT_THRESHOLD, progress=None) -> list[Match]:
    """Matches between passages of `left` and `right` that report the same fact."""
    return []
