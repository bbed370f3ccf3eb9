"""The reader's moves through the texts: next/previous match (or search hit), passage cursor,
counterparts, pane switching, paging and the scroll link; mixed into DiptychApp, whose state
(selection, pane, link) they read and set like its own actions."""

from __future__ import annotations

from ..core.model import LEFT, RIGHT
from .model import selection as moves


class NavigationActions:
    """n/N, ]/[, j/k, o, tab, g/G, page keys, s. The app provides index, selection, pane, docs,
    search, aligning, link, notify, screen, focused, _views, _panes, _panel, _origin and
    _step_search."""

    def _step_match(self, direction: int) -> None:
        index = self.index
        if index is None or not len(index):
            self.notify(
                "Still aligning…" if self.aligning else "No shared passages at this threshold"
            )
            return
        side, sel = self.pane, self.selection
        seen = self._panes.seen(side, sel.spans(side))
        self.selection = moves.step_match(
            sel, index, self.docs, side, direction, self._origin(side), seen
        )

    def _move_cursor(self, delta: int) -> None:
        side, sel = self.pane, self.selection
        edge = self._panes.entry(side, sel.cursor(side), delta)
        self.selection = moves.move_cursor(sel, self.index, self.docs, side, delta, edge)

    def action_next(self) -> None:
        """Next search hit while a search is active, else next match."""
        if self.search is not None:
            self._step_search(1)
        else:
            self._step_match(1)

    def action_previous(self) -> None:
        """Previous search hit while a search is active, else previous match."""
        if self.search is not None:
            self._step_search(-1)
        else:
            self._step_match(-1)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def action_cursor_down(self) -> None:
        self._move_cursor(1)

    def action_cursor_up(self) -> None:
        self._move_cursor(-1)

    def action_other_counterpart(self) -> None:
        """Cycle the counterparts of the passage under the cursor (several matches or spans)."""
        self.selection, count = moves.next_counterpart(
            self.selection, self.index, self.docs, self.pane
        )
        if count < 2:
            self.notify(
                "This passage has only one counterpart"
                if count
                else "This passage has no counterpart"
            )

    def action_switch_pane(self) -> None:
        """Focus the other pane (and the entity sidebar, when shown)."""
        if self.screen is not self._views[LEFT].screen:
            self.screen.focus_next()  # a dialog is open: tab moves within it
            return
        order = [self._views[LEFT], self._views[RIGHT]]
        if self._panel.display:
            order.append(self._panel.option_list)
        position = next((i for i, w in enumerate(order) if w is self.focused), -1)
        order[(position + 1) % len(order)].focus()

    def action_top(self) -> None:
        self._views[self.pane].scroll_home(animate=False)

    def action_bottom(self) -> None:
        self._views[self.pane].scroll_end(animate=False)

    def action_page_down(self) -> None:
        self._views[self.pane].scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._views[self.pane].scroll_page_up(animate=False)

    def action_toggle_link(self) -> None:
        """Turn the scroll link between the panes on or off."""
        self.link = not self.link
