"""Long comparisons run in a child process,
so pure-Python alignment never holds the reader's GIL."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable

from ..core.comparison import Comparison, compare
from ..core.model import SIDES
from ..core.text.document import Document
from .model.packed import MatchTable, PackedEntities

# Below this many characters (both texts) a comparison takes well under a second: a thread is
# cheaper than a process. Above it, alignment in a thread would stall every key press for seconds.
PROCESS_THRESHOLD = 300_000


class AlignmentError(Exception):
    """The child process failed; the message is its error, one line."""


def _serve(conn, left: Document, right: Document) -> None:
    """Child: answer threshold requests; the first computes, later ones re-select from its cache."""
    comparison: Comparison | None = None
    last = [-1.0]

    def progress(fraction: float) -> None:
        if fraction - last[0] >= 0.01:
            last[0] = fraction
            conn.send(("progress", fraction))

    while True:
        try:
            threshold = conn.recv()
        except EOFError:
            return
        try:
            if comparison is not None and hasattr(comparison, "with_threshold"):
                comparison = comparison.with_threshold(threshold)
            else:
                comparison = compare(left, right, threshold, progress=progress)
            # Only the results cross back, as arrays: the parent has the documents, the scores stay
            # here.
            shared = {side: comparison.shared_sentences(side) for side in SIDES}
            table = MatchTable.of(comparison.matches, shared_sentences=shared)
            conn.send(("done", (table, PackedEntities(comparison.entities), comparison.threshold)))
        except Exception as exc:  # reported to the parent, which shows it as a notice
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _context():
    # fork: the child only aligns and writes to its pipe, so the reader's threads do not matter, and
    # it avoids spawn's re-import and its stderr checks (Textual replaces stderr while it runs).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class AlignmentProcess:
    """One child per document pair, kept alive so threshold changes reuse its scores."""

    def __init__(self, left: Document, right: Document) -> None:
        self.left, self.right = left, right
        self._process = None
        self._conn = None
        self._pending = 0
        self._lock = threading.Lock()

    def _start(self) -> None:
        context = _context()
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, self.left, self.right), daemon=True
        )
        self._process.start()
        child.close()
        self._pending = 0

    def compare(
        self, threshold: float, progress: Callable[[float], None], cancelled: Callable[[], bool]
    ) -> Comparison | None:
        """The comparison at `threshold`, or None once `cancelled()` is true.

        A cancelled request is left running, not killed: the next request (a newer threshold) needs
        the child's scores anyway, so it waits for that answer, drops it, and reuses the cache.
        """
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._start()
            assert self._conn is not None and self._process is not None
            self._conn.send(threshold)
            self._pending += 1
            while True:
                if cancelled():
                    return None
                if not self._conn.poll(0.1):
                    if not self._process.is_alive():
                        code = self._process.exitcode
                        self.close()
                        raise AlignmentError(f"the alignment process ended (exit code {code})")
                    continue
                kind, value = self._conn.recv()
                if kind == "progress":
                    if self._pending == 1:
                        progress(value)
                    continue
                self._pending -= 1
                if self._pending:
                    continue  # the answer to an abandoned request
                if kind == "error":
                    raise AlignmentError(value)
                table, entities, at = value
                return Comparison(self.left, self.right, table, entities.unpack(), at)

    def close(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(1)
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
