"""The key help screen, written from the bindings themselves so it never drifts from the keys."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

NOTES = (
    "After a search (/ then enter), n and N step through the hits of both texts in reading order"
    " (the left text, then the right) until escape ends the search; ] and [ always step through"
    " matches.",
    "Matched passages are tinted and marked │ in the gutter; the selected match and its"
    " counterpart are marked ┃ with shared words in bold underline; ▌ marks the passage cursor"
    " (bright in the pane with focus, whose title is highlighted);"
    " boilerplate is dim italic.",
    "With several counterparts (a passage linked to more than one), o shows the next one.",
    "What only one text tells is tinted and marked ┊; u and U step through it in the focused"
    " pane. A figure, date or name the other text tells otherwise is underlined and marked ≠;"
    " d and D step through the disagreements, ! lists them side by side.",
    "The scroll link (s) drags the other pane along the alignment while you scroll.",
)


def key_rows(app, bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, description) for each action, keys of one action joined, in declaration order."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        if not binding.description:
            continue
        keys, _ = rows.setdefault(binding.action, ([], binding.tooltip or binding.description))
        for key in binding.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), binding.action))
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), description) for keys, description in rows.values()]


def help_content(sections: list[tuple[str, list[tuple[str, str]]]]) -> Content:
    """Sections of key rows as plain Content: key names like '[' stay literal."""
    width = max((len(k) for _, rows in sections for k, _ in rows), default=4) + 2
    parts: list[Content] = []
    for title, rows in sections:
        parts.append(Content.styled(title, "bold $accent"))
        for keys, description in rows:
            parts.append(Content.assemble((keys.ljust(width), "bold"), description))
        parts.append(Content(""))
    parts.append(Content.styled("Notes", "bold $accent"))
    parts.extend(Content(note) for note in NOTES)
    return Content("\n").join(parts)


class HelpScreen(ModalScreen[None]):
    """Every key of the reader and the entity sidebar; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "diptych keys"
            yield Static(help_content(self.sections), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
