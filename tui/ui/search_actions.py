"""The reader's search: `/` opens the line, enter finds in both texts, n/N step through the hits of
both in reading order; mixed into DiptychApp, whose state (search, selection, pane) it reads and
sets like its own actions."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from ..core.model import LEFT, SIDES
from .model.search import Search


class SearchActions:
    """/, enter in the line, and the `search` watcher. The app provides search, selection, pane,
    docs, screen, notify, _bar, _views, _panes and _origin."""

    def action_search(self) -> None:
        """Open the search line at the bottom."""
        bar = self._bar
        if self.screen.focused is bar:
            # `/` is a priority key; typed in the line it is text, queued behind the keys before it.
            bar.post_message(events.Key("slash", "/"))
            return
        bar.display = True
        bar.value = self.search.query if self.search else ""
        # Focus now, not after this message: the keys queued behind `/` go to the focused widget.
        self.screen.set_focus(bar)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` is a priority key: over a dialog (help, the palette) it must reach the dialog.
        return action != "search" or self.screen is self._views[LEFT].screen

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self._bar:
            return
        query = event.value
        self._close_bar()
        if not query:
            self.search = None
            return
        self.search = Search.of(query, {side: self.docs[side].text for side in SIDES})
        if not self.search.total():
            self.notify(f"Not found: {query}", severity="warning", markup=False)
        else:
            self._step_search(1)

    def _close_bar(self) -> None:
        self._bar.display = False
        self._views[self.pane].focus()

    def _step_search(self, direction: int) -> None:
        """Next (or previous) hit of both texts in reading order: the left text, then the right."""
        search = self.search
        assert search is not None
        hit = search.hit()
        on_screen = hit is not None and self._panes.seen(hit[0], [hit[1]])
        side = self.pane
        self.search = search = search.step(side, self._origin(side), direction, on_screen)
        hit = search.hit()
        if hit is None:
            self.notify("No hits")
            return
        side, span = hit
        if side != self.pane:
            self._views[side].focus()
        self.selection = self.selection.with_cursor(side, self.docs[side].sentence_near(span.start))

    def watch_search(self, old: Search | None, new: Search | None) -> None:
        for side in SIDES:
            view = self._views[side]
            if old is None or new is None or old.hits is not new.hits:
                view.set_layer("search", new.hits[side] if new else ())
            current = new.current_on(side) if new else None
            view.set_layer("search-current", [current] if current else ())
            if current is not None and (old is None or old.current_on(side) != current):
                view.show_span(current)
