"""Re-alignment in the reader: the threshold grid, one exclusive thread worker per request, and the
reader brought in step with each comparison it returns."""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.worker import Worker, get_current_worker

from ..core.align import aligner as core_align
from ..core.comparison import Comparison
from ..core.model import LEFT, RIGHT, SIDES
from .aligning import Aligned, Progress, realign
from .offload import PROCESS_THRESHOLD, AlignmentProcess
from .state import Prepared

if TYPE_CHECKING:
    from .app import DiptychApp

DEFAULT_THRESHOLD = core_align.DEFAULT_THRESHOLD
THRESHOLD_STEP = 0.05
MIN_THRESHOLD = max(0.05, getattr(core_align, "FLOOR", 0.05))
MAX_THRESHOLD = 0.95
YOUNG_GC_THRESHOLDS = (10_000, 50, 100)  # Python's defaults are (700, 10, 10)


def grid_step(threshold: float, direction: int) -> float:
    """The next multiple of the step above (or below) `threshold`, so 0.375 goes to 0.40 or 0.35."""
    steps = threshold / THRESHOLD_STEP
    base = math.floor(steps + 1e-9) if direction > 0 else math.ceil(steps - 1e-9)
    return round((base + direction) * THRESHOLD_STEP, 2)


class AlignFlow:
    """Owns the worker, the child process (for books)
    and the heap tuning; the app holds the result."""

    def __init__(self, app: DiptychApp, compare_fn: Callable[..., Comparison] | None) -> None:
        self.app = app
        self._compare = compare_fn
        self._process: AlignmentProcess | None = None
        self._gc_thresholds: tuple[int, ...] | None = None

    def request(self, threshold: float) -> None:
        """Re-align at `threshold`, kept within the grid's bounds; the status shows it at once."""
        app = self.app
        app.threshold = round(min(MAX_THRESHOLD, max(MIN_THRESHOLD, threshold)), 2)
        app.aligning = True
        app.progress_bar.update(progress=0)
        app.update_status()
        self.start(app.threshold)

    def start(self, threshold: float) -> Worker[None]:
        """Align in a thread; starting again cancels the alignment still running."""
        return self.app.run_worker(
            partial(self._align, threshold),
            name="_align",
            group="align",
            description=f"_align({threshold!r})",
            exclusive=True,
            exit_on_error=False,
            thread=True,
        )

    def _align(self, threshold: float) -> None:
        app, worker = self.app, get_current_worker()
        docs = app.docs
        last = [-1.0]

        def progress(fraction: float) -> None:
            if fraction - last[0] >= 0.02 and not worker.is_cancelled:
                last[0] = fraction
                app.post_message(Progress(fraction))

        if (
            self._compare is None
            and len(docs[LEFT].text) + len(docs[RIGHT].text) > PROCESS_THRESHOLD
        ):
            if self._process is None:
                self._process = AlignmentProcess(docs[LEFT], docs[RIGHT])
        comparison = realign(
            docs[LEFT],
            docs[RIGHT],
            threshold,
            progress,
            cancelled=lambda: worker.is_cancelled,
            compare_fn=self._compare,
            previous=app.computed,
            process=self._process,
        )
        if comparison is None:
            return
        prepared = Prepared.build(comparison)
        if not worker.is_cancelled:
            app.post_message(Aligned(prepared))

    def arrived(self, prepared: Prepared) -> None:
        """Show a finished comparison in both panes, keeping the chosen entity and the selection."""
        app = self.app
        if prepared.comparison.threshold != app.threshold:
            return  # an older request finished after a newer one started
        app.prepared = prepared
        app.computed = prepared.comparison
        app.aligning = False
        app.pane_link.reset()
        for side in SIDES:
            app.view(side).set_matched(prepared.matched[side])
        app.entity_flow.follow(app.comparison.entities)
        self._reselect()
        app.update_titles()
        app.update_status()
        # The sidebar's rows (~0.5 s for a book's 3,000 entities) and the scroll link wait for the
        # frame that shows the highlights.
        app.call_after_refresh(self._after_arrived, prepared)

    def _reselect(self) -> None:
        """Keep the selection on the passage under the cursor, if still matched."""
        app = self.app
        sentence = app.cursor[app.side]
        matches = app.prepared.matches_at(app.side, sentence) if sentence is not None else []
        app.select(matches[0] if matches else None, app.side, move=False)

    def _after_arrived(self, prepared: Prepared) -> None:
        app = self.app
        if prepared is not app.prepared:
            return  # a newer comparison arrived meanwhile; its own call follows
        app.panel.set_comparison(app.comparison)
        if app.comparison.matches:
            app.pane_link.anchors(app.prepared)
        # A book's comparison is ~10^6 long-lived objects: keep the cycle collector from walking
        # them again during key presses (0.3-0.5 s pauses measured on the NT pair).
        gc.freeze()
        if self._gc_thresholds is None:
            # A frame that scrolls both panes allocates ~5,000 tracked objects (Textual builds
            # several Strips per line): collect young objects less often and the post-freeze heap
            # rarely, or a full collection (~40 ms on the Bible) lands inside a key press every few
            # dozen jumps.
            self._gc_thresholds = gc.get_threshold()
            gc.set_threshold(*YOUNG_GC_THRESHOLDS)

    def close(self) -> None:
        """On unmount: end the child process and give Python back its collection thresholds."""
        if self._process is not None:
            self._process.close()
        if self._gc_thresholds is not None:
            gc.set_threshold(*self._gc_thresholds)
