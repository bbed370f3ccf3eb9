"""DiptychApp: wires the view model to the widgets. The state (comparison index, selection, search,
chosen entity, threshold, scroll link) lives in reactives; watchers hand it down to the widgets,
widgets post messages up, and the status line is one value computed from it all."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from ..core.model import LEFT, RIGHT, SIDES
from ..core.text.document import NOT_ENGLISH, Document
from .alignment import Aligned, Alignment, Progress
from .entity_actions import EntityActions
from .findings_actions import FindingsActions
from .keys import READER_BINDINGS, system_commands
from .model import selection as moves
from .model.chosen_entity import ChosenEntity, follow
from .model.search import Search
from .model.selection import Selection
from .model.status import StatusFields, numbers, status_fields
from .model.threshold import grid, label
from .navigation_actions import NavigationActions
from .search_actions import SearchActions
from .widgets.article_view import ArticleView
from .widgets.entity_panel import EntityPanel
from .widgets.help import HelpScreen, key_rows
from .widgets.palette import GuardedCommandPalette
from .widgets.panes import SIDEBAR_FROM, STACKED_BELOW, Panes
from .widgets.search_bar import SearchBar
from .widgets.status import StatusLine, title_content

if TYPE_CHECKING:  # the core's comparison and the index (numpy) load after the first frame
    from ..core.comparison import Comparison
    from .model.index import ComparisonIndex

SIGNALS = ("SIGTERM", "SIGHUP")  # end the reader like `q`, restoring the terminal


class DiptychApp(NavigationActions, SearchActions, EntityActions, FindingsActions, App[int]):
    """The reader: the texts show at once, the comparison arrives from a worker as a message, every
    action has a key."""

    CSS_PATH = "app.tcss"
    TITLE = "diptych"
    BINDINGS = READER_BINDINGS

    index: var[ComparisonIndex | None] = var(None, init=False)
    threshold: var[float | None] = var(None, init=False)  # None: the aligner's default
    aligning: var[bool] = var(True, init=False)
    selection: var[Selection] = var(Selection(), init=False)
    search: var[Search | None] = var(None, init=False)
    chosen: var[ChosenEntity | None] = var(None, init=False)
    link: var[bool] = var(True, init=False)
    # The pane the keys act on: the focused one, or the one focused last while the sidebar or the
    # search line has focus.
    pane: var[str] = var(LEFT, init=False)
    status: var[StatusFields | None] = var(None, init=False)  # see compute_status

    def __init__(
        self,
        left: Document,
        right: Document,
        threshold: float | None = None,
        theme: str | None = None,
        compare_fn: Callable[..., Comparison] | None = None,
    ) -> None:
        """`compare_fn` replaces `tui.core.compare` (tests pass a comparison built by hand)."""
        super().__init__()
        self.docs = {LEFT: left, RIGHT: right}
        self.set_reactive(DiptychApp.threshold, threshold)
        self.alignment = Alignment(left, right, compare_fn)
        self.numbers = numbers(self.docs)
        self._views = {side: ArticleView(self.docs[side], side, id=side) for side in SIDES}
        self._panes = Panes(self._views)
        self._titles = {
            side: Static(id=f"{side}-title", classes="pane-title", markup=False) for side in SIDES
        }
        self._panel = EntityPanel(id="entities")
        self._bar = SearchBar(
            placeholder="search both texts (enter to find, escape to cancel)", id="search"
        )
        self._status_line = StatusLine(id="status")
        self._progress = ProgressBar(total=1.0, show_eta=False, id="progress")
        self._footer = Footer()
        self._sidebar = {"roomy": True, "tight": False}  # shown or not, per kind of width
        self._link_cache: tuple[tuple, object] | None = None
        self._told_language = False
        self._differ: int | None = None  # the disagreement d/D showed last
        if theme is not None:
            self.theme = theme  # last: setting it computes the status, which reads the above

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                for side in SIDES:
                    with Vertical(classes="pane", id=f"{side}-pane"):
                        yield self._titles[side]
                        yield self._views[side]
            yield self._panel
        yield self._bar
        with Horizontal(id="statusbar"):
            yield self._status_line
            yield self._progress
        yield self._footer

    def on_mount(self) -> None:
        self._views[LEFT].focus()
        self._panel.set_comparison(None)
        self._update_layout(self.size.width)
        self._update_titles()
        self._status_line.show(self.compute_status())
        self._catch_signals(True)
        # The texts first: alignment (and the imports only it needs) starts after the first frame.
        self.call_after_refresh(self._start_alignment)

    def on_unmount(self) -> None:
        self._catch_signals(False)
        self.alignment.close()

    def _catch_signals(self, on: bool) -> None:
        try:
            loop = asyncio.get_running_loop()
            for name in SIGNALS:
                number = getattr(signal, name, None)
                if number is None:
                    continue
                if on:
                    loop.add_signal_handler(number, partial(self.exit, return_code=128 + number))
                else:
                    loop.remove_signal_handler(number)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without these signals: nothing to restore

    def on_resize(self, event: events.Resize) -> None:
        self._update_layout(event.size.width)

    def _update_layout(self, width: int) -> None:
        main = self._views[LEFT]
        if not main.is_attached:
            return
        main.screen.set_class(width < STACKED_BELOW, "-narrow")
        self._footer.compact = width < STACKED_BELOW
        self._panel.display = self._sidebar["roomy" if width >= SIDEBAR_FROM else "tight"]

    def view(self, side: str) -> ArticleView:
        return self._views[side]

    # -- alignment: a worker computes, the result arrives as a message ---------------------------

    def _language_notice(self) -> None:
        """One notice naming the texts that read as another language (once the first comparison is
        in: the judge lives with the entities, which the worker has loaded by then)."""
        foreign = [side for side in SIDES if not self.docs[side].likely_english]
        if foreign:
            which = "Both texts" if len(foreign) == 2 else f"The {foreign[0]} text"
            note = NOT_ENGLISH if len(foreign) == 1 else NOT_ENGLISH.replace("does", "do", 1)
            self.notify(f"{which} {note}.", severity="warning", markup=False, timeout=10)

    def _start_alignment(self) -> None:
        self.aligning = True
        self._progress.update(progress=0)
        self._align(self.threshold)

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def _align(self, threshold: float | None) -> None:
        worker = get_current_worker()
        index = self.alignment.run(
            grid().default if threshold is None else threshold,
            lambda fraction: self.post_message(Progress(fraction)),
            cancelled=lambda: worker.is_cancelled,
        )
        if index is not None and not worker.is_cancelled:
            self.post_message(Aligned(index))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "align" and event.state == WorkerState.ERROR:
            self.aligning = False
            self.notify(
                f"Alignment failed: {event.worker.error}",
                severity="error",
                markup=False,
                timeout=10,
            )

    def on_progress(self, message: Progress) -> None:
        self._progress.update(progress=message.fraction)

    def on_aligned(self, message: Aligned) -> None:
        index = message.index
        if self.threshold is not None and index.threshold != self.threshold:
            return  # an older request finished after a newer one started
        self.threshold = index.threshold
        self.index = index
        self.aligning = False

    def watch_index(self, index: ComparisonIndex | None) -> None:
        if index is None:
            return
        findings = index.findings
        self._differ = None
        for side in SIDES:
            view = self._views[side]
            view.set_layer("matched", index.matched[side])
            view.set_layer("only", findings.only_spans(side))
            view.set_layer("differ", findings.differ_spans(side))
            view.set_layer("differ-current", ())
        self._link_cache = None
        sel = self.selection
        sentence = sel.cursor(self.pane)
        self.selection = (
            moves.at_sentence(sel, index, self.docs, self.pane, sentence)
            if sentence is not None
            else moves.select(sel, self.docs, None, self.pane)
        )
        self.chosen = follow(self.chosen, index.entities)
        self._update_titles()
        # The sidebar's rows (~0.5 s for a book's 3,000 entities) wait for the frame that shows
        # the highlights.
        self.call_after_refresh(self._after_index, index)

    def _after_index(self, index: ComparisonIndex) -> None:
        if index is not self.index:
            return  # a newer comparison arrived meanwhile; its own call follows
        if not self._told_language:
            self._told_language = True
            self._language_notice()
        self._panel.set_comparison(index)
        self._panel.show_chosen(self.chosen.entity if self.chosen else None)
        self.alignment.settle()

    def watch_aligning(self, aligning: bool) -> None:
        self._progress.display = aligning

    # -- the selection and the pane cursors --------------------------------------------------------

    def watch_selection(self, old: Selection, new: Selection) -> None:
        index = self.index
        if self._differ is not None and index is not None:
            shown = index.findings.discrepancies[self._differ]
            if new.match is None or new.match.id != shown.match:
                self._differ = None
                for side in SIDES:
                    self._views[side].set_layer("differ-current", ())
        for side in SIDES:
            view = self._views[side]
            view.set_layer("selected", new.spans(side))
            view.set_layer("shared", new.match.shared(side) if new.match else ())
            cursor = new.cursor(side)
            view.set_layer(
                "cursor", [self.docs[side].sentences[cursor].span] if cursor is not None else ()
            )
        pair_moved = (old.match, old.counterpart) != (new.match, new.counterpart)
        self._reveal(
            new, pair=pair_moved, cursors=[s for s in SIDES if old.cursor(s) != new.cursor(s)]
        )

    def _reveal(self, sel: Selection, pair: bool = True, cursors: Iterable[str] = SIDES) -> None:
        """Bring the selected pair into view, level when both fit; then the cursors of
        `cursors`."""
        if pair and sel.match is not None:
            self._panes.show_pair(sel.side, sel.match, sel.counterpart)
        for side in cursors:
            index = sel.cursor(side)
            if index is not None:
                self._panes.show_cursor(side, index)

    def on_article_view_rewrapped(self, message: ArticleView.Rewrapped) -> None:
        # Line numbers changed: after both panes settle at their new size, show the place again.
        self._link_cache = None
        self.call_after_refresh(self._reveal, self.selection)

    def _origin(self, side: str) -> int:
        """Where stepping starts on `side`: the cursor passage if on screen, else the pane's top."""
        return self._panes.origin(side, self.selection.cursor(side))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        focused = event.widget
        for side in SIDES:
            mine = focused is self._views[side]
            self.query_one(f"#{side}-pane").set_class(mine, "-focused")
            if mine:
                self.pane = side

    # -- scroll link and clicks ------------------------------------------------------------------

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        index = self.index
        if not self.link or index is None or not len(index):
            return
        left, right = (self._views[s].ensure_wrapped() for s in SIDES)
        key = (id(index), left.width, right.width)
        if self._link_cache is None or self._link_cache[0] != key:
            self._link_cache = (key, index.scroll_link(left.starts, right.starts))
        self._panes.follow(self._link_cache[1], message.side, message.y)

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        self._views[message.side].focus()
        self.selection = moves.click(
            self.selection, self.index, self.docs, message.side, message.offset
        )

    # -- threshold, copy, clear, help --------------------------------------------------------------

    def _step_threshold(self, direction: int) -> None:
        steps = grid()
        current = steps.default if self.threshold is None else self.threshold
        wanted = steps.next(current, direction)
        if wanted == current:
            end = "Highest" if direction > 0 else "Lowest"
            why = "" if direction > 0 else ": pairs scoring below it are never kept"
            self.notify(f"{end} threshold, {label(current)}{why}")
            return
        self.threshold = wanted
        self._start_alignment()

    def action_threshold_up(self) -> None:
        """Raise the match threshold (fewer, surer matches) and re-align."""
        self._step_threshold(1)

    def action_threshold_down(self) -> None:
        """Lower the match threshold (more, looser matches) and re-align."""
        self._step_threshold(-1)

    def action_copy(self) -> None:
        """Copy the selected passage of the focused pane to the clipboard (OSC 52)."""
        side, doc, sel = self.pane, self.docs[self.pane], self.selection
        cursor = sel.cursor(side)
        if sel.spans(side):
            text = " ".join(doc.slice(s) for s in sorted(sel.spans(side)))
        elif cursor is not None:
            text = doc.slice(doc.sentences[cursor].span)
        else:
            self.notify("Nothing selected to copy")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters from the {side} text")

    def action_clear(self) -> None:
        """Escape: close the search line, else end the search, else drop the entity, else the
        selection."""
        if self._bar.display:
            self._close_bar()
        elif self.search is not None:
            self.search = None
        elif self.chosen is not None:
            self.chosen = None
        else:
            self.selection = moves.select(self.selection, self.docs, None, self.pane)

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
        yield from system_commands(self.BINDINGS, self.get_key_display, self.run_action, self)
        yield from system_commands(
            EntityPanel.BINDINGS, self.get_key_display, self.run_action, self._panel
        )

    # -- titles and status -------------------------------------------------------------------------

    def _update_titles(self) -> None:
        index = self.index
        for side in SIDES:
            counted = (
                None
                if index is None
                else (
                    index.shared_counts[side],
                    len(self.numbers[side]),
                    index.findings.only_sentences(side),
                )
            )
            self._titles[side].update(
                title_content(side, self.docs[side].label, counted), layout=False
            )

    def compute_status(self) -> StatusFields:
        return status_fields(
            side=self.pane,
            index=self.index,
            selection=self.selection,
            search=self.search,
            chosen=self.chosen,
            numbers=self.numbers[self.pane],
            threshold=self.threshold,
            aligning=self.aligning,
            link=self.link,
        )

    def watch_status(self, fields: StatusFields | None) -> None:
        if fields is not None:
            self._status_line.show(fields)


def run_app(left: Document, right: Document, threshold: float | None = None) -> int:
    """Open the reader on two documents; the exit code for the CLI."""
    app = DiptychApp(left, right, threshold)
    app.run()
    return app.return_code or 0
