"""DiptychApp: two article panes in sync, the entity sidebar, keys, search and re-alignment."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from ..core.comparison import Comparison
from ..core.model import LEFT, RIGHT, SIDES, Entity, Match, Span
from ..core.text.document import Document
from .align_flow import DEFAULT_THRESHOLD, AlignFlow, grid_step
from .aligning import Aligned, Progress
from .article_view import ArticleView
from .entity_flow import EntityFlow
from .entity_panel import EntityPanel
from .help import HelpScreen, key_rows
from .keys import READER_BINDINGS, system_commands
from .palette import GuardedCommandPalette
from .pane_link import PaneLink
from .search import Search, SearchBar
from .search_flow import SearchFlow
from .selection import Selection
from .state import Prepared
from .status import status_content, title_content

NARROW = 120  # below this many columns the panes stack and the sidebar folds away


class DiptychApp(App[int]):
    """The reader: documents show at once, matches arrive from a worker, every action has a key.
    Textual looks up `action_*` and `on_*` handlers on the App: they stay here and hand each matter
    to its flow."""

    CSS_PATH = "app.tcss"
    TITLE = "diptych"

    BINDINGS = READER_BINDINGS

    def __init__(
        self,
        left: Document,
        right: Document,
        threshold: float = DEFAULT_THRESHOLD,
        theme: str | None = None,
        compare_fn: Callable[..., Comparison] | None = None,
    ) -> None:
        """`compare_fn` replaces `tui.core.compare` (tests pass a comparison built by hand)."""
        super().__init__()
        self.align_flow = AlignFlow(self, compare_fn)
        if theme is not None:
            self.theme = theme
        self.docs = {LEFT: left, RIGHT: right}
        self.threshold = threshold
        self.prepared = Prepared.build(Comparison(left, right, (), (), threshold))
        self.computed: Comparison | None = None
        self.aligning = True
        self.side = LEFT
        self.entity_flow = EntityFlow(self)
        self.link = True
        self._sidebar = {"wide": True, "narrow": False}

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                for side in SIDES:
                    with Vertical(classes="pane", id=f"{side}-pane"):
                        yield Static(id=f"{side}-title", classes="pane-title", markup=False)
                        yield ArticleView(self.docs[side], side, id=side)
            yield EntityPanel(id="entities")
        yield SearchBar(
            placeholder="search both texts (enter to find, escape to cancel)", id="search"
        )
        with Horizontal(id="statusbar"):
            yield Static(id="status", markup=False)
            yield ProgressBar(total=1.0, show_eta=False, id="progress")
        yield Footer()

    def on_mount(self) -> None:
        # Held, not queried: a modal screen on top (help, palette) must not hide them from key
        # handlers.
        self._views = {side: self.query_one(f"#{side}", ArticleView) for side in SIDES}
        self.sel = Selection(self._views, self.docs)
        self.pane_link = PaneLink(self._views)
        self.panel = self.query_one(EntityPanel)
        self.search_flow = SearchFlow(self, self.query_one(SearchBar))
        self._status = self.query_one("#status", Static)
        self.progress_bar = self.query_one("#progress", ProgressBar)
        self._titles = {side: self.query_one(f"#{side}-title", Static) for side in SIDES}
        self._footer = self.query_one(Footer)
        self.view(LEFT).focus()
        self.panel.set_comparison(None)
        self._update_layout(self.size.width)
        self.update_titles()
        self.update_status()
        self.align_flow.start(self.threshold)

    def on_unmount(self) -> None:
        self.align_flow.close()

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout(event.size.width)

    def _update_layout(self, width: int) -> None:
        if not getattr(self, "_views", None):
            return
        narrow = width < NARROW
        self._views[LEFT].screen.set_class(narrow, "-narrow")
        self._footer.compact = narrow
        self.panel.display = self._sidebar["narrow" if narrow else "wide"]

    def view(self, side: str) -> ArticleView:
        return self._views[side]

    @property
    def comparison(self) -> Comparison:
        return self.prepared.comparison

    # -- alignment (the worker and its result in AlignFlow) ----------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "align" and event.state == WorkerState.ERROR:
            self.aligning = False
            self.update_status()
            self.notify(
                f"Alignment failed: {event.worker.error}",
                severity="error",
                markup=False,
                timeout=10,
            )

    def on_progress(self, message: Progress) -> None:
        self.progress_bar.update(progress=message.fraction)

    def on_aligned(self, message: Aligned) -> None:
        self.align_flow.arrived(message.prepared)

    # -- selection (state in Selection; these keep the status line in step) ----------------------

    @property
    def selected(self) -> Match | None:
        return self.sel.selected

    @property
    def cursor(self) -> dict[str, int | None]:
        return self.sel.cursor

    @property
    def counterpart(self) -> Span | None:
        return self.sel.counterpart

    def select(self, match: Match | None, side: str, move: bool = True) -> None:
        self.sel.select(match, side, move=move)
        self.update_status()

    def _step_match(self, direction: int) -> None:
        if not len(self.prepared.navigator):
            self.notify(
                "Still aligning…" if self.aligning else "No shared passages at this threshold"
            )
            return
        self.sel.step_match(self.prepared, self.side, direction)
        self.update_status()

    def _move_cursor(self, delta: int) -> None:
        self.sel.move_cursor(self.prepared, self.side, delta)
        self.update_status()

    # -- actions: navigation ---------------------------------------------------------------------

    def action_next(self) -> None:
        """Next search hit while a search is active, else next match."""
        if self.search is not None:
            self.search_flow.step(1)
        else:
            self._step_match(1)

    def action_previous(self) -> None:
        """Previous search hit while a search is active, else previous match."""
        if self.search is not None:
            self.search_flow.step(-1)
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
        count = self.sel.next_counterpart(self.prepared, self.side)
        self.update_status()
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
        order = [self.view(LEFT), self.view(RIGHT)]
        panel = self.panel
        if panel.display:
            order.append(panel.option_list)
        focused = self.focused
        position = next((i for i, w in enumerate(order) if w is focused), -1)
        order[(position + 1) % len(order)].focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ArticleView):
            self.side = event.widget.side
            self.update_status()

    def action_top(self) -> None:
        self.view(self.side).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.view(self.side).scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.view(self.side).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.view(self.side).scroll_page_up(animate=False)

    def action_toggle_link(self) -> None:
        """Turn the scroll link between the panes on or off."""
        self.link = not self.link
        self.update_status()

    # -- scroll link and clicks ------------------------------------------------------------------

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        if self.link and self.comparison.matches:
            self.pane_link.drag(self.prepared, message.view)

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        self.side = message.view.side
        message.view.focus()
        self.sel.click(self.prepared, self.side, message.offset)
        self.update_status()

    # -- search (in SearchFlow) ------------------------------------------------------------------

    @property
    def search(self) -> Search | None:
        return self.search_flow.search

    def action_search(self) -> None:
        """Open the search line at the bottom."""
        self.search_flow.open()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_flow.submit(event.value)

    # -- entities (the chosen one in EntityFlow) ---------------------------------------------------

    @property
    def entity(self) -> Entity | None:
        return self.entity_flow.entity

    def action_entities(self) -> None:
        """Show and focus the entity sidebar; hide it when it already has focus."""
        panel = self.panel
        mode = "narrow" if self.size.width < NARROW else "wide"
        if panel.display and panel.has_focus_within:
            self._sidebar[mode] = panel.display = False
            self.view(self.side).focus()
        else:
            self._sidebar[mode] = panel.display = True
            panel.focus()

    def on_entity_panel_selected(self, message: EntityPanel.Selected) -> None:
        self.entity_flow.pick(message.entity)

    def on_entity_panel_cleared(self, message: EntityPanel.Cleared) -> None:
        self.entity_flow.choose(None)

    def action_next_mention(self) -> None:
        self.entity_flow.step(1)

    def action_previous_mention(self) -> None:
        self.entity_flow.step(-1)

    # -- threshold, copy, clear, help --------------------------------------------------------------

    def action_threshold_up(self) -> None:
        """Raise the match threshold (fewer, surer matches) and re-align."""
        self.align_flow.request(grid_step(self.threshold, 1))

    def action_threshold_down(self) -> None:
        """Lower the match threshold (more, looser matches) and re-align."""
        self.align_flow.request(grid_step(self.threshold, -1))

    def action_copy(self) -> None:
        """Copy the selected passage of the focused pane to the clipboard (OSC 52)."""
        side, doc = self.side, self.docs[self.side]
        if self.selected is not None and self.selected.spans(side):
            text = " ".join(doc.slice(s) for s in sorted(self.selected.spans(side)))
        elif self.cursor[side] is not None:
            text = doc.slice(doc.sentences[self.cursor[side]].span)
        else:
            self.notify("Nothing selected to copy")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters from the {side} text")

    def action_clear(self) -> None:
        """Escape: close the search line, else end the search, else drop entity and selection."""
        if self.search_flow.bar.display:
            self.search_flow.close_bar()
        elif self.search is not None:
            self.search_flow.clear()
        elif self.entity is not None:
            self.entity_flow.choose(None)
        else:
            self.select(None, self.side)

    def action_help(self) -> None:
        """Show every key."""
        sections = [
            ("Reader", key_rows(self, self.BINDINGS)),
            ("Entity sidebar (when focused)", key_rows(self, EntityPanel.BINDINGS)),
        ]
        self.push_screen(HelpScreen(sections))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not GuardedCommandPalette.is_open(self):
            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from system_commands(self.BINDINGS, self.get_key_display, self)

    # -- titles and status -------------------------------------------------------------------------

    def update_titles(self) -> None:
        for side in SIDES:
            counted = (
                None
                if self.computed is None
                else (self.prepared.shared_counts[side], self.prepared.content_counts[side])
            )
            self._titles[side].update(
                title_content(side, self.docs[side].title, counted), layout=False
            )

    def update_status(self) -> None:
        if not self.is_mounted:
            return
        side = self.side
        navigator = self.prepared.navigator
        cursor = self.cursor[side]
        content = status_content(
            side=side,
            position=navigator.position(side, self.selected),
            total=len(navigator),
            threshold=self.threshold,
            aligning=self.aligning,
            sentence=(cursor, len(self.docs[side].sentences)),
            search=self.search_flow.status(side),
            mentions=self.entity_flow.status(),
            link=self.link,
        )
        self._status.update(content, layout=False)
        if self.progress_bar.display != self.aligning:
            self.progress_bar.display = self.aligning


def run_app(left: Document, right: Document, threshold: float) -> int:
    """Open the reader on two documents; the exit code for the CLI."""
    app = DiptychApp(left, right, threshold)
    app.run()
    return app.return_code or 0
