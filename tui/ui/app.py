"""DiptychApp: two article panes in sync, the entity sidebar, keys, search and re-alignment."""

from __future__ import annotations

import gc
import math
from typing import Callable, Iterable

import numpy as np
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ..core import align as core_align
from ..core.comparison import Comparison
from ..core.document import Document
from ..core.model import LEFT, RIGHT, SIDES, Entity, Match, Span
from .aligning import Aligned, Progress, realign
from .article_view import ArticleView
from .entity_panel import EntityPanel
from .help import HelpScreen, key_rows
from .keys import READER_BINDINGS, system_commands
from .offload import PROCESS_THRESHOLD, AlignmentProcess
from .palette import GuardedCommandPalette
from .search import Search, SearchBar
from .selection import Selection
from .state import Prepared, other
from .status import status_content, title_content
from .sync import ScrollLink

DEFAULT_THRESHOLD = core_align.DEFAULT_THRESHOLD
THRESHOLD_STEP = 0.05
MIN_THRESHOLD = max(0.05, getattr(core_align, "FLOOR", 0.05))
MAX_THRESHOLD = 0.95
NARROW = 120  # below this many columns the panes stack and the sidebar folds away
YOUNG_GC_THRESHOLDS = (10_000, 50, 100)  # Python's defaults are (700, 10, 10)


def grid_step(threshold: float, direction: int) -> float:
    """The next multiple of the step above (or below) `threshold`, so 0.375 goes to 0.40 or 0.35."""
    steps = threshold / THRESHOLD_STEP
    base = math.floor(steps + 1e-9) if direction > 0 else math.ceil(steps - 1e-9)
    return round((base + direction) * THRESHOLD_STEP, 2)


class DiptychApp(App[int]):
    """The reader: documents show at once, matches arrive from a worker, every action has a key."""

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
        self._compare = compare_fn
        self._process: AlignmentProcess | None = None
        if theme is not None:
            self.theme = theme
        self.docs = {LEFT: left, RIGHT: right}
        self.threshold = threshold
        self.prepared = Prepared.build(Comparison(left, right, (), (), threshold))
        self.computed: Comparison | None = None
        self.aligning = True
        self.side = LEFT
        self.search: Search | None = None
        self.entity: Entity | None = None
        self.mention_index: dict[str, int] = {LEFT: -1, RIGHT: -1}
        self._mentions: dict[str, list[Span]] = {LEFT: [], RIGHT: []}
        self.link = True
        self._link_map: tuple[tuple, ScrollLink] | None = None
        self._sidebar = {"wide": True, "narrow": False}
        self._gc_thresholds: tuple[int, ...] | None = None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                for side in SIDES:
                    with Vertical(classes="pane", id=f"{side}-pane"):
                        yield Static(id=f"{side}-title", classes="pane-title", markup=False)
                        yield ArticleView(self.docs[side], side, id=side)
            yield EntityPanel(id="entities")
        yield SearchBar(placeholder="search both texts (enter to find, escape to cancel)", id="search")
        with Horizontal(id="statusbar"):
            yield Static(id="status", markup=False)
            yield ProgressBar(total=1.0, show_eta=False, id="progress")
        yield Footer()

    def on_mount(self) -> None:
        # Held, not queried: a modal screen on top (help, palette) must not hide them from key handlers.
        self._views = {side: self.query_one(f"#{side}", ArticleView) for side in SIDES}
        self.sel = Selection(self._views, self.docs)
        self._panel = self.query_one(EntityPanel)
        self._bar = self.query_one(SearchBar)
        self._status = self.query_one("#status", Static)
        self._progress = self.query_one("#progress", ProgressBar)
        self._titles = {side: self.query_one(f"#{side}-title", Static) for side in SIDES}
        self._footer = self.query_one(Footer)
        self.view(LEFT).focus()
        self._panel.set_comparison(None)
        self._update_layout(self.size.width)
        self._update_titles()
        self._update_status()
        self._align(self.threshold)

    def on_unmount(self) -> None:
        if self._process is not None:
            self._process.close()
        if self._gc_thresholds is not None:
            gc.set_threshold(*self._gc_thresholds)

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout(event.size.width)

    def _update_layout(self, width: int) -> None:
        if not getattr(self, "_views", None):
            return
        narrow = width < NARROW
        self._views[LEFT].screen.set_class(narrow, "-narrow")
        self._footer.compact = narrow
        self._panel.display = self._sidebar["narrow" if narrow else "wide"]

    def view(self, side: str) -> ArticleView:
        return self._views[side]

    @property
    def comparison(self) -> Comparison:
        return self.prepared.comparison

    # -- alignment in a worker -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def _align(self, threshold: float) -> None:
        worker = get_current_worker()
        last = [-1.0]

        def progress(fraction: float) -> None:
            if fraction - last[0] >= 0.02 and not worker.is_cancelled:
                last[0] = fraction
                self.post_message(Progress(fraction))

        if self._compare is None and len(self.docs[LEFT].text) + len(self.docs[RIGHT].text) > PROCESS_THRESHOLD:
            if self._process is None:
                self._process = AlignmentProcess(self.docs[LEFT], self.docs[RIGHT])
        comparison = realign(
            self.docs[LEFT], self.docs[RIGHT], threshold, progress,
            cancelled=lambda: worker.is_cancelled, compare_fn=self._compare, previous=self.computed, process=self._process,
        )
        if comparison is None:
            return
        prepared = Prepared.build(comparison)
        if not worker.is_cancelled:
            self.post_message(Aligned(prepared))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "align" and event.state == WorkerState.ERROR:
            self.aligning = False
            self._update_status()
            self.notify(f"Alignment failed: {event.worker.error}", severity="error", markup=False, timeout=10)

    def on_progress(self, message: Progress) -> None:
        self._progress.update(progress=message.fraction)

    def on_aligned(self, message: Aligned) -> None:
        if message.prepared.comparison.threshold != self.threshold:
            return  # an older request finished after a newer one started
        self.prepared = message.prepared
        self.computed = message.prepared.comparison
        self.aligning = False
        self._link_map = None
        for side in SIDES:
            self.view(side).set_matched(self.prepared.matched[side])
        if self.entity is not None:
            same = [e for e in self.comparison.entities if (e.label, e.type) == (self.entity.label, self.entity.type)]
            self._set_entity(same[0] if same else None)
        self._reselect()
        self._update_titles()
        self._update_status()
        # The sidebar's rows (~0.5 s for a book's 3,000 entities) and the scroll link wait for the frame
        # that shows the highlights.
        self.call_after_refresh(self._after_aligned, message.prepared)

    def _after_aligned(self, prepared: Prepared) -> None:
        if prepared is not self.prepared:
            return  # a newer comparison arrived meanwhile; its own call follows
        self._panel.set_comparison(self.comparison)
        if self.comparison.matches:
            self._scroll_link()
        # A book's comparison is ~10^6 long-lived objects: keep the cycle collector from walking them
        # again during key presses (0.3-0.5 s pauses measured on the NT pair).
        gc.freeze()
        if self._gc_thresholds is None:
            # A frame that scrolls both panes allocates ~5,000 tracked objects (Textual builds several
            # Strips per line): collect young objects less often and the post-freeze heap rarely, or a
            # full collection (~40 ms on the Bible) lands inside a key press every few dozen jumps.
            self._gc_thresholds = gc.get_threshold()
            gc.set_threshold(*YOUNG_GC_THRESHOLDS)

    def _reselect(self) -> None:
        """After re-alignment keep the selection on the passage under the cursor, if still matched."""
        sentence = self.cursor[self.side]
        matches = self.prepared.matches_at(self.side, sentence) if sentence is not None else []
        self._select(matches[0] if matches else None, self.side, move=False)

    def _start_alignment(self, threshold: float) -> None:
        self.threshold = round(min(MAX_THRESHOLD, max(MIN_THRESHOLD, threshold)), 2)
        self.aligning = True
        self._progress.update(progress=0)
        self._update_status()
        self._align(self.threshold)

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

    def _select(self, match: Match | None, side: str, move: bool = True) -> None:
        self.sel.select(match, side, move=move)
        self._update_status()

    def _step_match(self, direction: int) -> None:
        if not len(self.prepared.navigator):
            self.notify("Still aligning…" if self.aligning else "No shared passages at this threshold")
            return
        self.sel.step_match(self.prepared, self.side, direction)
        self._update_status()

    def _move_cursor(self, delta: int) -> None:
        self.sel.move_cursor(self.prepared, self.side, delta)
        self._update_status()

    # -- actions: navigation ---------------------------------------------------------------------

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
        count = self.sel.next_counterpart(self.prepared, self.side)
        self._update_status()
        if count < 2:
            self.notify("This passage has only one counterpart" if count else "This passage has no counterpart")

    def action_switch_pane(self) -> None:
        """Focus the other pane (and the entity sidebar, when shown)."""
        if self.screen is not self._views[LEFT].screen:
            self.screen.focus_next()  # a dialog is open: tab moves within it
            return
        order = [self.view(LEFT), self.view(RIGHT)]
        panel = self._panel
        if panel.display:
            order.append(panel.option_list)
        focused = self.focused
        position = next((i for i, w in enumerate(order) if w is focused), -1)
        order[(position + 1) % len(order)].focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ArticleView):
            self.side = event.widget.side
            self._update_status()

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
        self._update_status()

    # -- scroll link and clicks ------------------------------------------------------------------

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        if not self.link or not self.comparison.matches:
            return
        source = message.view
        target = self.view(other(source.side))
        link = self._scroll_link()
        y = link.follow(source.scroll_y, forward=source.side == LEFT)
        target.jump_to_line(round(y))

    def _scroll_link(self) -> ScrollLink:
        left, right = self.view(LEFT).ensure_wrapped(), self.view(RIGHT).ensure_wrapped()
        key = (id(self.comparison), left.width, right.width)
        if self._link_map is None or self._link_map[0] != key:
            offsets = np.array(self.prepared.anchors(), np.int64).reshape(-1, 2)
            anchors = zip(left.lines_at(offsets[:, 0]).tolist(), right.lines_at(offsets[:, 1]).tolist())
            self._link_map = (key, ScrollLink(list(anchors), len(left), len(right), monotone=True))
        return self._link_map[1]

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        self.side = message.view.side
        message.view.focus()
        self.sel.click(self.prepared, self.side, message.offset)
        self._update_status()

    # -- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search line at the bottom."""
        bar = self._bar
        bar.display = True  # at once, not at the next style pass: keys typed next must reach it
        bar.value = self.search.query if self.search else ""
        bar.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search_bar()
        query = event.value
        if not query:
            self._clear_search()
            return
        self.search = Search(query, {side: self.docs[side].text for side in SIDES})
        for side in SIDES:
            self.view(side).set_search(self.search.hits[side])
        if not any(self.search.hits.values()):
            self.notify(f"Not found: {query}", severity="warning", markup=False)
        else:
            self._step_search(1)
        self._update_status()

    def _close_search_bar(self) -> None:
        self._bar.display = False
        self.view(self.side).focus()

    def _step_search(self, direction: int) -> None:
        search = self.search
        assert search is not None
        side = self.side
        if not search.total(side) and search.total(other(side)):
            side = other(side)
            self.view(side).focus()
            self.side = side
        current = search.current(side)
        on_screen = current is not None and self.view(side).is_visible(current, partly=True)
        hit = search.step(side, self.sel.origin(side), direction, from_current=on_screen)
        if hit is None:
            self.notify("No hits")
            return
        view = self.view(side)
        view.set_search_current(hit)
        view.show_span(hit)
        self.sel.cursor_at(side, hit.start)
        self._update_status()

    def _clear_search(self) -> None:
        self.search = None
        for side in SIDES:
            self.view(side).set_search(())
        self._update_status()

    # -- entities --------------------------------------------------------------------------------

    def action_entities(self) -> None:
        """Show and focus the entity sidebar; hide it when it already has focus."""
        panel = self._panel
        mode = "narrow" if self.size.width < NARROW else "wide"
        if panel.display and panel.has_focus_within:
            self._sidebar[mode] = panel.display = False
            self.view(self.side).focus()
        else:
            self._sidebar[mode] = panel.display = True
            panel.focus()

    def on_entity_panel_selected(self, message: EntityPanel.Selected) -> None:
        same = self.entity is not None and (self.entity.label, self.entity.type) == (
            message.entity.label,
            message.entity.type,
        )
        if not same:
            self._set_entity(message.entity)
        self._step_mention(1)

    def on_entity_panel_cleared(self, message: EntityPanel.Cleared) -> None:
        self._set_entity(None)

    def _set_entity(self, entity: Entity | None) -> None:
        self.entity = entity
        self.mention_index = {LEFT: -1, RIGHT: -1}
        self._mentions = {side: sorted(entity.on(side)) if entity else [] for side in SIDES}
        for side in SIDES:
            self.view(side).set_mentions(entity.on(side) if entity else ())
        self._update_status()

    def _step_mention(self, direction: int) -> None:
        """Step both panes to their next (or previous) mention of the chosen entity."""
        if self.entity is None:
            self.notify("Pick an entity in the sidebar first (e)")
            return
        for side in SIDES:
            mentions = self._mentions[side]
            if not mentions:
                continue
            self.mention_index[side] = (self.mention_index[side] + direction) % len(mentions)
            current = mentions[self.mention_index[side]]
            self.view(side).set_mention_current(current)
            self.view(side).show_span(current)
        self._update_status()

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    # -- threshold, copy, clear, help --------------------------------------------------------------

    def action_threshold_up(self) -> None:
        """Raise the match threshold (fewer, surer matches) and re-align."""
        self._start_alignment(grid_step(self.threshold, 1))

    def action_threshold_down(self) -> None:
        """Lower the match threshold (more, looser matches) and re-align."""
        self._start_alignment(grid_step(self.threshold, -1))

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
        if self._bar.display:
            self._close_search_bar()
        elif self.search is not None:
            self._clear_search()
        elif self.entity is not None:
            self._set_entity(None)
        else:
            self._select(None, self.side)

    def action_help(self) -> None:
        """Show every key."""
        sections = [("Reader", key_rows(self, self.BINDINGS)), ("Entity sidebar (when focused)", key_rows(self, EntityPanel.BINDINGS))]
        self.push_screen(HelpScreen(sections))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not GuardedCommandPalette.is_open(self):
            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from system_commands(self.BINDINGS, self.get_key_display, self)

    # -- titles and status -------------------------------------------------------------------------

    def _update_titles(self) -> None:
        for side in SIDES:
            counted = None if self.computed is None else (self.prepared.shared_counts[side], self.prepared.content_counts[side])
            self._titles[side].update(title_content(side, self.docs[side].title, counted), layout=False)

    def _update_status(self) -> None:
        if not self.is_mounted:
            return
        side = self.side
        navigator = self.prepared.navigator
        cursor = self.cursor[side]
        search = None
        if self.search is not None:
            search = (self.search.query, self.search.index[side], self.search.total(side), self.search.total(other(side)))
        mentions = None
        if self.entity is not None:
            mentions = (self.entity.label, {s: (self.mention_index[s], len(self.entity.on(s))) for s in SIDES})
        content = status_content(
            side=side,
            position=navigator.position(side, self.selected),
            total=len(navigator),
            threshold=self.threshold,
            aligning=self.aligning,
            sentence=(cursor, len(self.docs[side].sentences)),
            search=search,
            mentions=mentions,
            link=self.link,
        )
        self._status.update(content, layout=False)
        if self._progress.display != self.aligning:
            self._progress.display = self.aligning

def run_app(left: Document, right: Document, threshold: float) -> int:
    """Open the reader on two documents; the exit code for the CLI."""
    app = DiptychApp(left, right, threshold)
    app.run()
    return app.return_code or 0
