"""The two article panes seen together: what each shows, and moves that involve both (a pair
brought level, the scroll link's drag). The app calls these with the view state; the panes never
call each other."""

from __future__ import annotations

from collections.abc import Iterable

from ...core.model import LEFT, SIDES, Match, Span, other
from ...core.text.document import Document
from .article_view import ArticleView

STACKED_BELOW = 100  # columns: below this the panes stack
SIDEBAR_FROM = 140  # columns: below this the sidebar folds away until `e` asks for it


class Panes:
    """The left and right ArticleViews and their documents."""

    def __init__(self, views: dict[str, ArticleView]) -> None:
        self.views = views
        self.docs: dict[str, Document] = {side: views[side].document for side in SIDES}

    def __getitem__(self, side: str) -> ArticleView:
        return self.views[side]

    def sentence(self, side: str, index: int) -> Span:
        return self.docs[side].sentences[index].span

    def origin(self, side: str, cursor: int | None) -> int:
        """Where stepping starts: the cursor passage if on screen, else the top of the pane."""
        view = self.views[side]
        if cursor is not None and view.is_visible(self.sentence(side, cursor), partly=True):
            return self.sentence(side, cursor).start
        return view.top_offset()

    def seen(self, side: str, spans: Iterable[Span]) -> bool:
        """Some of `spans` is on `side`'s screen."""
        return any(self.views[side].is_visible(span, partly=True) for span in spans)

    def entry(self, side: str, cursor: int | None, delta: int) -> int | None:
        """Where a cursor off screen enters (the top edge going down, the bottom going up); None
        while it is on screen."""
        view = self.views[side]
        if cursor is not None and view.is_visible(self.sentence(side, cursor), partly=True):
            return None
        return view.edge_offset(bottom=delta < 0)

    def show_pair(self, side: str, match: Match, counterpart: Span | None) -> None:
        """Bring `match` into view on `side` and `counterpart` on the other, starting on the same
        screen row when both fit."""
        own_view, far_view = self.views[side], self.views[other(side)]
        own = sorted(match.spans(side))
        if own:
            own_view.show_span(own[0])
        if counterpart is None or (
            own and far_view.show_span_at(counterpart, own_view.row_of(own[0]))
        ):
            return
        # The counterpart cannot come level (near a text's end): bring its passage level with it
        # instead, if that one can move.
        far_view.show_span(counterpart)
        if own:
            own_view.show_span_at(own[0], far_view.row_of(counterpart))

    def show_cursor(self, side: str, cursor: int) -> None:
        """Scroll just enough to show the cursor passage."""
        self.views[side].show_span(self.sentence(side, cursor), center=False)

    def follow(self, link, source: str, y: float) -> None:
        """Scroll the pane facing `source` to the line `link` pairs with `source`'s line `y`."""
        self.views[other(source)].jump_to_line(round(link.follow(y, forward=source == LEFT)))
