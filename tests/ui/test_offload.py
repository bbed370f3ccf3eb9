"""The child-process alignment gives what compare() gives, and survives abandoned requests."""

from __future__ import annotations

from tui.cli import seed_paths
from tui.core import compare, load_document
from tui.ui.offload import AlignmentProcess


def test_child_process_comparison_equals_the_in_thread_one() -> None:
    left, right = (load_document(p) for p in seed_paths())
    worker = AlignmentProcess(left, right)
    progress: list[float] = []
    try:
        got = worker.compare(0.3, progress.append, lambda: False)
        assert got is not None and got.left is left
        expected = compare(left, right, 0.3)
        assert got.matches == expected.matches and got.entities == expected.entities
        assert [got.matches[i] for i in (3, 0, 3)] == [expected.matches[i] for i in (3, 0, 3)]
        assert got.matches[3] is got.matches[3]  # built once: the selection compares by identity
        # An abandoned request's answer is dropped; the next one gets its own threshold.
        assert worker.compare(0.5, progress.append, lambda: True) is None
        stricter = worker.compare(0.6, progress.append, lambda: False)
        assert stricter.threshold == 0.6
        assert stricter.matches == compare(left, right, 0.6).matches
    finally:
        worker.close()
    assert progress and all(0.0 <= f <= 1.0 for f in progress)
