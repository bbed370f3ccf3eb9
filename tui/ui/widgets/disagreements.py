"""The disagreements side by side, in a dialog: enter jumps to one, escape closes."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.text.controls import printable

VALUE_ROOM = 30


def row_content(number: int, kind: str, left: str, right: str) -> Content:
    """'3  number   212  ≠  230' from plain values (article text is never markup)."""
    return Content.assemble(
        (f"{number:>3}  ", "$text-muted"),
        (f"{kind:<8} ", "italic"),
        (_short(left), "bold"),
        ("  ≠  ", "$text-error"),
        (_short(right), "bold"),
    )


def _short(text: str) -> str:
    text = " ".join(printable(text).split())
    return text if len(text) <= VALUE_ROOM else text[: VALUE_ROOM - 1] + "…"


class DisagreementList(ModalScreen[int | None]):
    """Each disagreement as 'left value ≠ right value'; the chosen one's number is the result."""

    DEFAULT_CSS = """
    DisagreementList {
        align: center middle;
        & > OptionList {
            width: 90;
            max-width: 100%;
            height: auto;
            max-height: 80%;
            border: round $accent;
            background: $surface;
        }
    }
    """

    BINDINGS = [Binding("escape,q,exclamation_mark", "close", "Close")]

    def __init__(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """`rows`: (kind, left value, right value) of each disagreement, in its number order."""
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        options = [
            Option(row_content(n + 1, kind, left, right), id=str(n))
            for n, (kind, left, right) in enumerate(self.rows)
        ]
        box = OptionList(*options, id="disagreement-list")
        box.border_title = f"{len(self.rows)} disagreements: left ≠ right"
        yield box

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_close(self) -> None:
        self.dismiss(None)
