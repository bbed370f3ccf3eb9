"""One pane over a Document: a Line API ScrollView that wraps once per width and draws only visible
lines."""

from __future__ import annotations

from collections.abc import Iterable

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

from ...core.model import Span
from ...core.text.document import Document
from ..model.intervals import Intervals
from .render import finish, styled_line
from .scrollbar import ThumbScrollBar
from .wrap import Wrapped

GUTTER = 2
# Highlight layers, drawn in this order (each style added over the ones before); each has the
# component class "article--NAME". A new kind of highlight is a name here and a style below.
LAYERS = (
    "boilerplate",
    "only",
    "matched",
    "cursor",
    "selected",
    "shared",
    "mention",
    "mention-current",
    "search",
    "search-current",
    "differ",
    "differ-current",
)
# Layers up to this many spans repaint only the lines they touch when they change.
SMALL_LAYER = 64
_EVERYWHERE = 1 << 62


def offset_at_cell(text: str, start: int, end: int, cell: int) -> int:
    """The text offset drawn at screen column `cell` of a line showing text[start:end]."""
    used = 0
    for offset in range(start, end):
        used += get_character_cell_size(text[offset])
        if used > cell:
            return offset
    return max(start, end - 1)


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """A document's paragraphs with highlight layers (matched, only on this side, selected, shared,
    cursor, mentions, search hits, disagreements) given by the app; posts Clicked, Scrolled and
    Rewrapped."""

    COMPONENT_CLASSES = {
        *(f"article--{name}" for name in LAYERS),
        "article--gutter",
        "article--gutter-selected",
        "article--gutter-only",
        "article--gutter-differ",
        "article--gutter-cursor",
        "article--gutter-cursor-blurred",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-y: scroll;
        overflow-x: hidden;
        height: 1fr;
        background: $surface;
        scrollbar-size-vertical: 1;
        & > .article--boilerplate { color: $text-muted; text-style: italic; }
        & > .article--only { background: $secondary 14%; }
        & > .article--matched { background: $primary 22%; }
        & > .article--cursor { background: $foreground 10%; }
        & > .article--selected { background: $accent 38%; }
        & > .article--shared { text-style: bold underline; }
        & > .article--mention { background: $success 35%; text-style: bold underline; }
        & > .article--mention-current { text-style: bold underline reverse; }
        & > .article--search { background: $warning 45%; }
        & > .article--search-current { background: $warning 70%; text-style: bold reverse; }
        & > .article--differ { color: $text-error; text-style: bold italic underline; }
        & > .article--differ-current { background: $error 30%; text-style: bold italic reverse; }
        & > .article--gutter { color: $primary; }
        & > .article--gutter-selected { color: $accent; text-style: bold; }
        & > .article--gutter-only { color: $secondary; }
        & > .article--gutter-differ { color: $text-error; text-style: bold; }
        & > .article--gutter-cursor { color: $text; text-style: bold; }
        & > .article--gutter-cursor-blurred { color: $text-disabled; }
    }
    """

    class Scrolled(Message):
        """The user scrolled this pane (not the scroll link or a jump)."""

        def __init__(self, side: str, y: float) -> None:
            super().__init__()
            self.side, self.y = side, y

    class Clicked(Message):
        """A click on the text at document `offset`."""

        def __init__(self, side: str, offset: int) -> None:
            super().__init__()
            self.side, self.offset = side, offset

    class Rewrapped(Message):
        """The pane's text was wrapped again at a new width (line numbers changed)."""

        def __init__(self, side: str) -> None:
            super().__init__()
            self.side = side

    def __init__(self, document: Document, side: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.side = side
        self.wrapped: Wrapped | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(2000)
        self._styles: dict[str, Style] = {}
        self._quiet = False
        self._prefetch_pending = False
        self.highlights: dict[str, Intervals] = {name: Intervals() for name in LAYERS}
        boilerplate = (s.span for s in document.sentences if s.boilerplate)
        self.highlights["boilerplate"] = Intervals(boilerplate)

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
        self.post_message(self.Rewrapped(self.side))

    def ensure_wrapped(self) -> Wrapped:
        if self.wrapped is None:
            self._rewrap()
        assert self.wrapped is not None
        return self.wrapped

    def top_offset(self) -> int:
        """Document offset of the first visible line."""
        wrapped = self.ensure_wrapped()
        return wrapped.starts[min(int(self.scroll_y), len(wrapped) - 1)]

    def edge_offset(self, bottom: bool) -> int:
        """Document offset of the first (or last) visible line."""
        wrapped, shown = self.ensure_wrapped(), self.visible_lines()
        line = min(len(wrapped), shown.stop) - 1 if bottom else shown.start
        return wrapped.starts[max(0, min(line, len(wrapped) - 1))]

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

    def row_of(self, span: Span) -> int:
        """The screen row (0 at the top) where `span` starts; may lie outside the screen."""
        return self.line_of(span.start) - int(self.scroll_y)

    # -- scrolling: jumps are quiet, user scrolling is announced for the scroll link ------------

    def jump_to_line(self, y: float) -> None:
        """Scroll without telling the scroll link (a jump positions both panes itself)."""
        self._quiet = True
        try:
            self.scroll_to(y=y, animate=False)
        finally:
            self._quiet = False

    def show_span(self, span: Span, center: bool = True) -> None:
        """Bring `span` into view; a third down the screen if it was off it (`center`), else just
        enough; untouched if already visible."""
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

    def show_span_at(self, span: Span, row: int) -> bool:
        """Scroll so that `span` starts on screen row `row` and is whole on screen; False (and no
        scroll) when the text's ends or the pane's height do not allow it."""
        lines = self.ensure_wrapped().lines_of(span)
        height = self.scrollable_content_region.height
        top = lines.start - row
        if row < 0 or row + len(lines) > height or not 0 <= top <= self.max_scroll_y:
            return False
        self.jump_to_line(top)
        return True

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._prefetch_pending:
            self._prefetch_pending = True
            self.call_after_refresh(self._prefetch)
        if not self._quiet and round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self.side, new_value))

    def on_click(self, event: events.Click) -> None:
        wrapped = self.ensure_wrapped()
        line = int(self.scroll_y) + event.y
        if 0 <= line < len(wrapped) and not wrapped.blank[line]:
            start, end = wrapped.starts[line], wrapped.ends[line]
            offset = offset_at_cell(self.document.text, start, end, event.x - GUTTER)
            self.post_message(self.Clicked(self.side, offset))

    def on_focus(self) -> None:
        self._repaint(self.highlights["cursor"].overlapping(0, _EVERYWHERE))

    def on_blur(self) -> None:
        self._repaint(self.highlights["cursor"].overlapping(0, _EVERYWHERE))

    # -- highlight layers: data down; a small layer repaints only the lines it touches ---------

    def set_layer(self, name: str, spans: Intervals | Iterable[Span]) -> None:
        """Highlight `spans` with layer `name`'s style (an empty sequence clears it)."""
        new = spans if isinstance(spans, Intervals) else Intervals(spans)
        old = self.highlights[name]
        self.highlights[name] = new
        if len(old) + len(new) > SMALL_LAYER:
            self._repaint_all()
        else:
            self._repaint(old.overlapping(0, _EVERYWHERE) + new.overlapping(0, _EVERYWHERE))

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

    def few_colours(self) -> bool:
        """16 colours or fewer: tints may collapse into one, so the selection is drawn reversed."""
        return self.app.console.color_system in ("standard", "windows", None)

    def _component_style(self, name: str) -> Style:
        """A component's partial style with translucent colours blended over this pane's
        background."""
        partial = self.get_component_rich_style(name, partial=True)
        styles = self.get_component_styles(name)
        background = self.background_colors[1]
        colors: dict = {}
        if partial.bgcolor is not None:
            background = background + styles.background
            colors["bgcolor"] = background.rich_color
        if partial.color is not None:
            color = styles.color
            if styles.auto_color:  # "auto" means: whatever contrasts with what it is drawn on
                color = background.get_contrast_text(color.a)
            colors["color"] = (background + color).rich_color
        if name == "article--selected" and self.few_colours():
            colors["reverse"] = True
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
        focused = self.has_focus
        found = {name: self.highlights[name].overlapping(start, end) for name in LAYERS}
        if not focused:
            cursor, found["cursor"] = bool(found["cursor"]), []
        else:
            cursor = bool(found["cursor"])
        layers = [(found[name], self._style(f"article--{name}")) for name in LAYERS if found[name]]
        body = styled_line(self.document.text[start:end], start, layers, base)
        if found["differ"]:
            mark = Segment("≠", base + self._style("article--gutter-differ"))
        elif found["selected"]:
            mark = Segment("┃", base + self._style("article--gutter-selected"))
        elif found["matched"]:
            mark = Segment("│", base + self._style("article--gutter"))
        elif found["only"]:
            mark = Segment("┊", base + self._style("article--gutter-only"))
        else:
            mark = Segment(" ", base)
        # Marks that carry the state without colour: cursor ▌ (dim in the pane without focus),
        # a disagreement ≠, selected match ┃, matched │, only on this side ┊.
        if cursor:
            name = "article--gutter-cursor" if focused else "article--gutter-cursor-blurred"
            gutter = [Segment("▌", base + self._style(name)), mark]
        else:
            gutter = [Segment(" ", base), mark]
        return finish(gutter, body, width, base)
