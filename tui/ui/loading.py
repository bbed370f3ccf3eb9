"""The wait before the reader when a text comes from the web: each text's download shown as
progress; the reader opens once both are in, and an error ends the wait as one line."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from ..core.model import SIDES
from ..core.text.controls import printable
from ..core.text.document import Document, load_document
from ..core.text.fetch import DEFAULT_LIMITS, Limits


class Received(Message):
    """So many bytes of a side's text have arrived (of `total`, when the server says)."""

    def __init__(self, side: str, size: int, total: int | None) -> None:
        super().__init__()
        self.side, self.size, self.total = side, size, total


class Loaded(Message):
    """A side's text is read and segmented."""

    def __init__(self, side: str, document: Document) -> None:
        super().__init__()
        self.side, self.document = side, document


class LoadingApp(App[tuple[Document, Document] | BaseException | None]):
    """Loads both texts in threads, one progress bar each; returns the documents, the error that
    stopped one, or None when the user quits."""

    DEFAULT_CSS = """
    LoadingApp { align: center middle; }
    LoadingApp .source { width: 80%; margin-top: 1; color: $text-muted; text-wrap: nowrap;
                         text-overflow: ellipsis; }
    LoadingApp ProgressBar { width: 80%; }
    """
    BINDINGS = [Binding("q,escape", "quit", "Quit", show=False)]

    def __init__(
        self,
        sources: dict[str, str],
        limits: Limits = DEFAULT_LIMITS,
        ready: dict[str, Document] | None = None,
    ) -> None:
        super().__init__()
        self.sources = sources
        self.limits = limits
        self.documents: dict[str, Document] = dict(ready or {})
        self._labels = {side: Static(classes="source", markup=False) for side in SIDES}
        self._bars = {side: ProgressBar(show_eta=False, id=f"{side}-load") for side in SIDES}

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("diptych: loading the texts", "bold"), markup=False)
        for side in SIDES:
            yield self._labels[side]
            yield self._bars[side]

    def on_mount(self) -> None:
        for side in SIDES:
            self._labels[side].update(self._label(side, "waiting"))
            if side in self.documents:
                self._done(side)
            else:
                self._load(side, self.sources[side])

    def _label(self, side: str, state: str) -> Content:
        return Content.assemble(
            (f"{side.upper()} ", "bold"), printable(self.sources[side]), f"  {state}"
        )

    @work(thread=True, exit_on_error=False)
    def _load(self, side: str, source: str) -> None:
        def progress(size: int, total: int | None) -> None:
            self.post_message(Received(side, size, total))

        self.post_message(Loaded(side, load_document(source, None, self.limits, progress)))

    def on_received(self, message: Received) -> None:
        bar = self._bars[message.side]
        if message.total:
            bar.update(total=message.total, progress=message.size)
        self._labels[message.side].update(
            self._label(message.side, f"{message.size / 1024:,.0f} KB")
        )

    def on_loaded(self, message: Loaded) -> None:
        self.documents[message.side] = message.document
        self._done(message.side)
        if all(side in self.documents for side in SIDES):
            self.exit((self.documents[SIDES[0]], self.documents[SIDES[1]]))

    def _done(self, side: str) -> None:
        self._bars[side].update(total=1, progress=1)
        self._labels[side].update(self._label(side, "ready"))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.exit(event.worker.error)

    def action_quit(self) -> None:
        self.exit(None)


def load_in_reader(
    sources: dict[str, str],
    limits: Limits = DEFAULT_LIMITS,
    ready: dict[str, Document] | None = None,
) -> tuple[Document, Document]:
    """Both documents, loaded while the terminal shows their progress; the error that stopped one
    is raised once the terminal is restored, and quitting raises KeyboardInterrupt."""
    result = LoadingApp(sources, limits, ready).run()
    if isinstance(result, BaseException):
        raise result
    if result is None:
        raise KeyboardInterrupt
    return result
