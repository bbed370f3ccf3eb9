"""The reader's actions on what only one side says and where the two disagree (u/U, d/D, !), on
copying a pair (y) and on writing the HTML report (w); mixed into DiptychApp, whose state they read
and set like its own actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from ..core.model import SIDES, other
from .model import selection as moves
from .widgets.disagreements import DisagreementList

if TYPE_CHECKING:
    from .model.index import ComparisonIndex


class FindingsActions:
    """u/U, d/D, !, y and w. The app provides index, pane, selection, docs, _views, _origin and
    _differ (the disagreement shown last)."""

    def _index_or_say(self) -> ComparisonIndex | None:
        if self.index is None:
            self.notify("Still aligning…")
        return self.index

    def _start(self, side: str, direction: int) -> int:
        """Where stepping starts: after the cursor passage's start when it is on screen; else from
        the top of the pane, a passage starting right there included."""
        origin = self._origin(side)
        cursor = self.selection.cursor(side)
        at_cursor = cursor is not None and self.docs[side].sentences[cursor].start == origin
        return origin if at_cursor or direction < 0 else origin - 1

    def _step_only(self, direction: int) -> None:
        index = self._index_or_say()
        if index is None:
            return
        side = self.pane
        passage = index.findings.step_only(side, self._start(side, direction), direction)
        if passage is None:
            self.notify(f"Everything the {side} text tells, the other tells too")
            return
        sel = self.selection.with_cursor(side, passage.sentences[0])
        self.selection = moves.select(sel, self.docs, None, side)
        self._views[side].show_span(passage.span)

    def action_next_only(self) -> None:
        """Next passage only the focused pane's text tells."""
        self._step_only(1)

    def action_previous_only(self) -> None:
        """Previous passage only the focused pane's text tells."""
        self._step_only(-1)

    def _step_difference(self, direction: int) -> None:
        index = self._index_or_say()
        if index is None:
            return
        side, found = self.pane, index.findings
        current = self._differ
        if current is not None and not self._views[side].is_visible(
            found.discrepancies[current].span(side), partly=True
        ):
            current = None
        # From the cursor passage, its own disagreements included.
        offset = self._origin(side) - (1 if direction > 0 else 0)
        number = found.step_differ(side, current, offset, direction)
        if number is None:
            self.notify("No disagreements at this threshold")
            return
        self._show_difference(number)

    def _show_difference(self, number: int | None) -> None:
        index = self.index
        if number is None or index is None:
            return
        found = index.findings.discrepancies
        shown = found[number]
        match = index.match_by_id(shown.match)
        side = self.pane
        far = shown.span(other(side))
        counterpart = (
            next((s for s in match.spans(other(side)) if s.start <= far.start < s.end), None)
            if match
            else None
        )
        self.selection = moves.select(self.selection, self.docs, match, side, counterpart)
        self._differ = number
        for s in SIDES:
            self._views[s].set_layer("differ-current", [shown.span(s)])
            self._views[s].show_span(shown.span(s))
        values = [" ".join(self.docs[s].slice(shown.span(s)).split()) for s in SIDES]
        self.notify(
            f"{shown.kind}: {values[0]} ≠ {values[1]}  ({number + 1} of {len(found)})",
            markup=False,
            timeout=4,
        )

    def action_next_difference(self) -> None:
        """Next disagreement in the focused pane's reading order."""
        self._step_difference(1)

    def action_previous_difference(self) -> None:
        """Previous disagreement in the focused pane's reading order."""
        self._step_difference(-1)

    def action_disagreements(self) -> None:
        """List the disagreements side by side; the one chosen is shown in both panes."""
        index = self._index_or_say()
        if index is None:
            return
        found = index.findings.discrepancies
        if not found:
            self.notify("No disagreements at this threshold")
            return
        rows = [(d.kind, *(self.docs[s].slice(d.span(s)) for s in SIDES)) for d in found]
        self.push_screen(DisagreementList(rows), self._show_difference)

    def action_copy_pair(self) -> None:
        """Copy both sides of the selected pair, each quoted with its text's title (OSC 52)."""
        sel = self.selection
        if sel.match is None:
            self.notify("Select a pair first (n, j/k or a click)")
            return
        quoted = []
        for side in SIDES:
            spans = (
                [sel.counterpart]
                if side != sel.side and sel.counterpart is not None
                else sorted(sel.spans(side))
            )
            doc = self.docs[side]
            text = " … ".join(" ".join(doc.slice(span).split()) for span in spans)
            quoted.append(f"“{text}”\n    — {doc.title} ({side})")
        self.copy_to_clipboard("\n\n".join(quoted))
        self.notify("Copied the pair, both sides quoted")

    def action_write_report(self) -> None:
        """Write the HTML report beside the inputs, under a new name."""
        index = self._index_or_say()
        if index is not None:
            self.notify("Writing the HTML report…", timeout=2)
            self._write_report(index)

    @work(thread=True, group="report", exit_on_error=False)
    def _write_report(self, index: ComparisonIndex) -> None:
        from ..core.report import render_report
        from .export import report_name, write_new

        try:
            folder, stem = report_name([self.docs[side].source for side in SIDES])
            path = write_new(render_report(index.comparison()), folder, stem)
        except OSError as exc:
            self.call_from_thread(
                self.notify, f"Report not written: {exc}", severity="error", markup=False
            )
            return
        self.call_from_thread(self.notify, f"Report written: {path}", markup=False, timeout=8)
