"""The passage cursor of each pane and the selected match: moving them keeps both panes showing
them."""

from __future__ import annotations

from ..core.model import SIDES, Match, Span
from ..core.text.document import Document
from .article_view import ArticleView
from .state import Prepared, match_sentences, other, sentence_near


class Selection:
    """View state only: which sentence each pane's cursor is on, which match is selected, which
    counterpart shows."""

    def __init__(self, views: dict[str, ArticleView], docs: dict[str, Document]) -> None:
        self.views, self.docs = views, docs
        self.starts = {side: [s.start for s in docs[side].sentences] for side in SIDES}
        self.cursor: dict[str, int | None] = {side: None for side in SIDES}
        self.selected: Match | None = None
        self.counterpart: Span | None = None

    def set_cursor(self, side: str, index: int | None) -> None:
        self.cursor[side] = index
        self.views[side].set_cursor(
            self.docs[side].sentences[index].span if index is not None else None
        )

    def cursor_at(self, side: str, offset: int) -> None:
        self.set_cursor(side, sentence_near(self.starts[side], offset))

    def select(
        self, match: Match | None, side: str, counterpart: Span | None = None, move: bool = True
    ) -> None:
        """Make `match` the selection, seen from `side`;
        show it and its counterpart in both panes."""
        self.selected = match
        for s in SIDES:
            self.views[s].set_selection(
                match.spans(s) if match else (), match.shared(s) if match else ()
            )
        if match is None:
            self.counterpart = None
            return
        own, far = sorted(match.spans(side)), sorted(match.spans(other(side)))
        self.counterpart = counterpart or (far[0] if far else None)
        if move and own:
            sentences = match_sentences(match, side, self.starts[side])
            self.set_cursor(side, sentences[0] if sentences else None)
        if own:
            self.views[side].show_span(own[0])
        if self.counterpart is not None:
            self.cursor_at(other(side), self.counterpart.start)
            self.views[other(side)].show_span(self.counterpart)

    def origin(self, side: str) -> int:
        """Where stepping starts: the cursor passage if on screen, else the top of the pane."""
        view, index = self.views[side], self.cursor[side]
        if index is not None:
            span = self.docs[side].sentences[index].span
            if view.is_visible(span, partly=True):
                return span.start
        return view.top_offset()

    def step_match(self, prepared: Prepared, side: str, direction: int) -> None:
        current = self.selected
        if current is not None and not any(
            self.views[side].is_visible(s, partly=True) for s in current.spans(side)
        ):
            current = None  # scrolled away: continue from what is on screen
        self.select(prepared.navigator.step(side, current, self.origin(side), direction), side)

    def move_cursor(self, prepared: Prepared, side: str, delta: int) -> None:
        """One passage down or up; from the edge of the screen if the cursor is off it."""
        view, sentences = self.views[side], self.docs[side].sentences
        if not sentences:
            return
        index = self.cursor[side]
        if index is None or not view.is_visible(sentences[index].span, partly=True):
            shown, wrapped = view.visible_lines(), view.ensure_wrapped()
            edge = wrapped.starts[
                max(0, shown.start if delta > 0 else min(len(wrapped), shown.stop) - 1)
            ]
            index = sentence_near(self.starts[side], edge) or 0
            if delta > 0 and sentences[index].start < edge:
                index = min(len(sentences) - 1, index + 1)
        else:
            index = max(0, min(len(sentences) - 1, index + delta))
        self.set_cursor(side, index)
        view.show_span(sentences[index].span, center=False)
        matches = prepared.matches_at(side, index)
        keep = self.selected if self.selected in matches else (matches[0] if matches else None)
        self.select(keep, side, move=False)

    def next_counterpart(self, prepared: Prepared, side: str) -> int:
        """Show the next (match, passage) linked to
        the cursor passage; returns how many there are."""
        index = self.cursor[side]
        pairs = prepared.counterparts(side, index) if index is not None else []
        if pairs:
            current = next(
                (
                    i
                    for i, (m, s) in enumerate(pairs)
                    if m is self.selected and s == self.counterpart
                ),
                -1,
            )
            match, span = pairs[(current + 1) % len(pairs)]
            self.select(match, side, counterpart=span, move=False)
        return len(pairs)

    def click(self, prepared: Prepared, side: str, offset: int) -> None:
        index = sentence_near(self.starts[side], offset)
        if index is None:
            return
        self.set_cursor(side, index)
        matches = prepared.matches_at(side, index)
        self.select(matches[0] if matches else None, side, move=False)
