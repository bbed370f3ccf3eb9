"""One pane over a Document: a Line API ScrollView that wraps once per width and draws only visible
lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from ..core.model import Span
from ..core.text.document import Document
from .render import Intervals, finish, styled_line
from .scrollbar import ThumbScrollBar
from .wrap import Wrapped

GUTTER = 2


def offset_at_cell(text: str, start: int, end: int, cell: int) -> int:
    """The text offset drawn at screen column `cell` of a line showing text[start:end]."""
    used = 0
    for offset in range(start, end):
        used += get_character_cell_size(text[offset])
        if used > cell:
            return offset
    return max(start, end - 1)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """A document's paragraphs with matched, selected, shared, searched and mentioned passages
    styled."""

    COMPONENT_CLASSES = {
        "article--boilerplate",
        "article--matched",
        "article--cursor",
        "article--selected",
        "article--shared",
        "article--mention",
        "article--mention-current",
        "article--search",
        "article--search-current",
        "article--gutter",
        "article--gutter-selected",
        "article--gutter-cursor",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        height: 1fr;
        background: $surface;
        scrollbar-size-vertical: 1;
        & > .article--boilerplate { color: $text-muted; text-style: italic; }
        & > .article--matched { background: $primary 22%; }
        & > .article--cursor { background: $foreground 10%; }
        & > .article--selected { background: $accent 38%; }
        & > .article--shared { text-style: bold underline; }
        & > .article--mention { background: $success 35%; text-style: bold underline; }
        & > .article--mention-current { text-style: bold underline reverse; }
        & > .article--search { background: $warning 45%; }
        & > .article--search-current { background: $warning 70%; text-style: bold reverse; }
        & > .article--gutter { color: $primary; }
        & > .article--gutter-selected { color: $accent; text-style: bold; }
        & > .article--gutter-cursor { color: $text; text-style: bold; }
    }
    """

    class Scrolled(Message):
        """The user scrolled this pane (not the scroll link or a jump)."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    class Clicked(Message):
        """A click on the text at document `offset`."""

        def __init__(self, view: ArticleView, offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

    def __init__(self, document: Document, side: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.side = side
        self.wrapped: Wrapped | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(2000)
        self._styles: dict[str, Style] = {}
        self._quiet = False
        self._prefetch_pending = False
        self.boilerplate = Intervals(s.span for s in document.sentences if s.boilerplate)
        self.matched = Intervals()
        self.selected: tuple[Span, ...] = ()
        self.shared: tuple[Span, ...] = ()
        self.cursor: Span | None = None
        self.search_hits = Intervals()
        self.search_current: Span | None = None
        self.mentions = Intervals()
        self.mention_current: Span | None = None

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's own (as Widget.vertical_scrollbar makes it), repainted only when its thumb
        moves."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = ThumbScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # -- layout -----------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(8, self.scrollable_content_region.width - GUTTER - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def _rewrap(self) -> None:
        width = self.text_width
        if self.wrapped is not None and self.wrapped.width == width:
            return
        anchor = self.top_offset() if self.wrapped is not None else 0
        self.wrapped = Wrapped(self.document.text, self.document.paragraphs, width)
        self._cache.clear()
        self.virtual_size = Size(width + GUTTER, len(self.wrapped))
        if anchor:
            self.jump_to_line(self.wrapped.line_of(anchor))

    def ensure_wrapped(self) -> Wrapped:
        if self.wrapped is None:
            self._rewrap()
        assert self.wrapped is not None
        return self.wrapped

    def top_offset(self) -> int:
        """Document offset of the first visible line."""
        wrapped = self.ensure_wrapped()
        return wrapped.starts[min(int(self.scroll_y), len(wrapped) - 1)]

    def line_of(self, offset: int) -> int:
        return self.ensure_wrapped().line_of(offset)

    def visible_lines(self) -> range:
        top = int(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    def is_visible(self, span: Span, partly: bool = False) -> bool:
        lines, shown = self.ensure_wrapped().lines_of(span), self.visible_lines()
        if partly:
            return lines.start < shown.stop and shown.start < lines.stop
        return lines.start >= shown.start and lines.stop <= shown.stop

    # -- scrolling: jumps are quiet, user scrolling is announced for the scroll link ------------

    def jump_to_line(self, y: float) -> None:
        """Scroll without telling the scroll link (a jump positions both panes itself)."""
        self._quiet = True
        try:
            self.scroll_to(y=y, animate=False)
        finally:
            self._quiet = False

    def show_span(self, span: Span, center: bool = True) -> None:
        """Bring `span` into view; centred if it was off screen, untouched if already visible."""
        if self.is_visible(span):
            return
        lines = self.ensure_wrapped().lines_of(span)
        height = self.scrollable_content_region.height
        if center:
            self.jump_to_line(max(0, lines.start - max(0, height - len(lines)) // 3))
        elif lines.start < self.scroll_y:
            self.jump_to_line(lines.start)
        else:
            self.jump_to_line(max(0, lines.stop - height))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._prefetch_pending:
            self._prefetch_pending = True
            self.call_after_refresh(self._prefetch)
        if not self._quiet and round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    def on_click(self, event: events.Click) -> None:
        wrapped = self.ensure_wrapped()
        line = int(self.scroll_y) + event.y
        if 0 <= line < len(wrapped) and not wrapped.blank[line]:
            start, end = wrapped.starts[line], wrapped.ends[line]
            self.post_message(
                self.Clicked(self, offset_at_cell(self.document.text, start, end, event.x - GUTTER))
            )

    # -- highlight state: attributes down; each setter repaints only the lines it touches -------

    def set_matched(self, matched: Intervals) -> None:
        self.matched = matched
        self._repaint_all()

    def set_selection(self, spans: Sequence[Span], shared: Sequence[Span] = ()) -> None:
        old = self.selected
        self.selected, self.shared = tuple(spans), tuple(shared)
        self._repaint(old + self.selected)

    def set_cursor(self, span: Span | None) -> None:
        old, self.cursor = self.cursor, span
        self._repaint([s for s in (old, span) if s is not None])

    def set_search(self, hits: Sequence[Span], current: Span | None = None) -> None:
        self.search_hits = Intervals(hits)
        self.search_current = current
        self._repaint_all()

    def set_search_current(self, current: Span | None) -> None:
        old, self.search_current = self.search_current, current
        self._repaint([s for s in (old, current) if s is not None])

    def set_mentions(self, spans: Sequence[Span]) -> None:
        self.mentions = Intervals(spans)
        self.mention_current = None
        self._repaint_all()

    def set_mention_current(self, current: Span | None) -> None:
        old, self.mention_current = self.mention_current, current
        self._repaint([s for s in (old, current) if s is not None])

    def _repaint_all(self) -> None:
        self._cache.clear()
        self.refresh()

    def _repaint(self, spans: Iterable[Span]) -> None:
        if self.wrapped is None:
            return
        shown = self.visible_lines()
        for span in spans:
            lines = self.wrapped.lines_of(span)
            for line in lines:
                self._cache.discard((line, self.wrapped.width))
            first, last = max(lines.start, shown.start), min(lines.stop, shown.stop)
            if first < last:
                self.refresh_lines(first, last - first)

    # -- drawing -------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self._component_style(name)
        return style

    def _component_style(self, name: str) -> Style:
        """A component's partial style with translucent
        colours blended over this pane's background."""
        partial = self.get_component_rich_style(name, partial=True)
        styles = self.get_component_styles(name)
        background = self.background_colors[1]
        colors = {}
        if partial.bgcolor is not None:
            background = background + styles.background
            colors["bgcolor"] = background.rich_color
        if partial.color is not None:
            color = styles.color
            if styles.auto_color:  # "auto" means: whatever contrasts with what it is drawn on
                color = background.get_contrast_text(color.a)
            colors["color"] = (background + color).rich_color
        return partial + Style(**colors) if colors else partial

    def render_line(self, y: int) -> Strip:
        return self._line(int(self.scroll_y) + y, self.scrollable_content_region.width)

    def _line(self, line: int, width: int) -> Strip:
        wrapped = self.ensure_wrapped()
        if not self._styles:
            self._styles["base"] = self.rich_style
        base = self._styles["base"]
        if line >= len(wrapped):
            return Strip.blank(width, base)
        key = (line, wrapped.width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(line, wrapped, width, base)
            self._cache.set(key, strip)
        return strip

    def _prefetch(self) -> None:
        """Draw the page below the screen (and a half page above) into the line cache, after a
        frame.

        A jump to the next match lands there; drawing ~40 new lines inside that key press was a
        tenth of its time on a book."""
        self._prefetch_pending = False
        if self.wrapped is None or not self.is_mounted:
            return
        shown, width = self.visible_lines(), self.scrollable_content_region.width
        height = len(shown)
        for line in (
            *range(shown.stop, shown.stop + height),
            *range(max(0, shown.start - height // 2), shown.start),
        ):
            if line < len(self.wrapped):
                self._line(line, width)

    def _draw(self, line: int, wrapped: Wrapped, width: int, base: Style) -> Strip:
        if wrapped.blank[line]:
            return Strip.blank(width, base)
        start, end = wrapped.starts[line], wrapped.ends[line]
        style = self._style
        selected = [s for s in self.selected if s.start < end and start < s.end]
        layers: list[tuple[Sequence[Span], Style]] = [
            (self.boilerplate.overlapping(start, end), style("article--boilerplate")),
            (self.matched.overlapping(start, end), style("article--matched")),
        ]
        cursor = self.cursor is not None and self.cursor.start < end and start < self.cursor.end
        if cursor:
            layers.append(((self.cursor,), style("article--cursor")))
        if selected:
            layers.append((selected, style("article--selected")))
            layers.append((self.shared, style("article--shared")))
        layers.append((self.mentions.overlapping(start, end), style("article--mention")))
        if self.mention_current is not None:
            layers.append(((self.mention_current,), style("article--mention-current")))
        layers.append((self.search_hits.overlapping(start, end), style("article--search")))
        if self.search_current is not None:
            layers.append(((self.search_current,), style("article--search-current")))
        body = styled_line(self.document.text[start:end], start, layers, base)
        return finish(self._gutter(start, end, cursor, bool(selected), base), body, width, base)

    def _gutter(
        self, start: int, end: int, cursor: bool, selected: bool, base: Style
    ) -> list[Segment]:
        """Marks that carry the state without colour: cursor ▌, selected match ┃, matched │."""
        mark = " "
        mark_style = base
        if selected:
            mark, mark_style = "┃", base + self._style("article--gutter-selected")
        elif self.matched.overlapping(start, end):
            mark, mark_style = "│", base + self._style("article--gutter")
        if cursor:
            return [
                Segment("▌", base + self._style("article--gutter-cursor")),
                Segment(mark, mark_style),
            ]
        return [Segment(" ", base), Segment(mark, mark_style)]
