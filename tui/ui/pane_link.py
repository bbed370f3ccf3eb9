"""The scroll link between the panes: the alignment's anchors as wrapped line numbers, so scrolling
one pane drags the other along; rebuilt when the comparison or a pane's width changes."""

from __future__ import annotations

import numpy as np

from ..core.model import LEFT, RIGHT
from .article_view import ArticleView
from .model.sync import ScrollLink
from .state import Prepared, other


class PaneLink:
    """The line map between the two panes for the comparison shown, cached on what it depends on."""

    def __init__(self, views: dict[str, ArticleView]) -> None:
        self.views = views
        self._map: tuple[tuple, ScrollLink] | None = None

    def reset(self) -> None:
        self._map = None

    def anchors(self, prepared: Prepared) -> ScrollLink:
        """The map for `prepared` at the panes' current widths (built on first use, ~0.3 s on a
        book)."""
        left, right = self.views[LEFT].ensure_wrapped(), self.views[RIGHT].ensure_wrapped()
        key = (id(prepared.comparison), left.width, right.width)
        if self._map is None or self._map[0] != key:
            offsets = np.array(prepared.anchors(), np.int64).reshape(-1, 2)
            anchors = zip(
                left.lines_at(offsets[:, 0]).tolist(), right.lines_at(offsets[:, 1]).tolist()
            )
            self._map = (key, ScrollLink(list(anchors), len(left), len(right), monotone=True))
        return self._map[1]

    def drag(self, prepared: Prepared, source: ArticleView) -> None:
        """Scroll the other pane to the line that goes with `source`'s scroll position."""
        target = self.views[other(source.side)]
        y = self.anchors(prepared).follow(source.scroll_y, forward=source.side == LEFT)
        target.jump_to_line(round(y))
