"""The reader's alignment in a child process gives what compare() gives, and survives abandoned
requests."""

from __future__ import annotations

from tui.cli import seed_paths
from tui.core import compare, load_document
from tui.ui.alignment import Alignment


def test_child_process_comparison_equals_the_in_thread_one(monkeypatch) -> None:
    monkeypatch.setattr("tui.core.parallel.FORK_THRESHOLD", 0)  # the seeds count as a book
    left, right = (load_document(p) for p in seed_paths())
    alignment = Alignment(left, right)
    progress: list[float] = []
    try:
        got = alignment.run(0.3, progress.append, lambda: False)
        assert got is not None and got.docs["left"] is left
        expected = compare(left, right, 0.3)
        assert list(got.table) == list(expected.matches) and got.entities == expected.entities
        assert got.table[3] is got.table[3]  # built once: the selection compares it
        # An abandoned request's answer is dropped; the next one gets its own threshold.
        assert alignment.run(0.5, progress.append, lambda: True) is None
        stricter = alignment.run(0.6, progress.append, lambda: False)
        assert stricter.threshold == 0.6
        assert list(stricter.table) == list(compare(left, right, 0.6).matches)
    finally:
        alignment.close()
    assert progress and all(0.0 <= f <= 1.0 for f in progress)
