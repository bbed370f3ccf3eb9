"""The search flow: `/` opens the query line, enter finds in both texts, n/N step through the hits
like less, escape ends the search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.model import SIDES
from .search import Search, SearchBar
from .state import other

if TYPE_CHECKING:
    from .app import DiptychApp


class SearchFlow:
    """The query line and the active search, if any: its hits highlighted, the current one shown."""

    def __init__(self, app: DiptychApp, bar: SearchBar) -> None:
        self.app, self.bar = app, bar
        self.search: Search | None = None

    def open(self) -> None:
        bar = self.bar
        bar.display = True  # at once, not at the next style pass: keys typed next must reach it
        bar.value = self.search.query if self.search else ""
        bar.focus()

    def submit(self, query: str) -> None:
        """Enter in the query line: search both texts and show the first hit, or end the search."""
        app = self.app
        self.close_bar()
        if not query:
            self.clear()
            return
        self.search = Search(query, {side: app.docs[side].text for side in SIDES})
        for side in SIDES:
            app.view(side).set_search(self.search.hits[side])
        if not any(self.search.hits.values()):
            app.notify(f"Not found: {query}", severity="warning", markup=False)
        else:
            self.step(1)
        app.update_status()

    def close_bar(self) -> None:
        self.bar.display = False
        self.app.view(self.app.side).focus()

    def step(self, direction: int) -> None:
        """Next (or previous) hit in the focused pane, or
        in the other pane when this one has none."""
        app, search = self.app, self.search
        assert search is not None
        side = app.side
        if not search.total(side) and search.total(other(side)):
            side = other(side)
            app.view(side).focus()
            app.side = side
        current = search.current(side)
        on_screen = current is not None and app.view(side).is_visible(current, partly=True)
        hit = search.step(side, app.sel.origin(side), direction, from_current=on_screen)
        if hit is None:
            app.notify("No hits")
            return
        view = app.view(side)
        view.set_search_current(hit)
        view.show_span(hit)
        app.sel.cursor_at(side, hit.start)
        app.update_status()

    def clear(self) -> None:
        self.search = None
        for side in SIDES:
            self.app.view(side).set_search(())
        self.app.update_status()

    def status(self, side: str) -> tuple[str, int | None, int, int] | None:
        """(query, current hit, hits here, hits there)
        for the status line; None without a search."""
        search = self.search
        if search is None:
            return None
        return (search.query, search.index[side], search.total(side), search.total(other(side)))
