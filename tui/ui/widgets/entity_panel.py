"""The entity sidebar: entities grouped by type, where each appears, filters by type and side."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import ENTITY_TYPES, LEFT, RIGHT, Entity
from ...core.text.controls import printable
from ..model.chosen_entity import same_entity

GROUP_TITLES = {
    "PERSON": "People",
    "PLACE": "Places",
    "ORG": "Organisations",
    "OTHER": "Other names",
    "DATE": "Dates",
    "NUMBER": "Numbers",
}
SIDE_FILTERS = ("all", "both", "left", "right")
SIDE_FILTER_TITLES = {"all": "all", "both": "both", "left": "left only", "right": "right only"}
# Words, not colours, carry the side: colour only repeats what the word says.
WHERE_STYLES = {"both": "bold $text-success", "left": "", "right": ""}


class HasEntities(Protocol):
    entities: Sequence[Entity]


def entity_counts(entity: Entity) -> tuple[int, int]:
    """Mentions on the left and on the right."""
    return len(entity.on(LEFT)), len(entity.on(RIGHT))


def row_content(entity: Entity, count_width: int, selected: bool, width: int) -> Content:
    """A selection mark, the side as a word, counts, then the label and other spellings wrapped in
    a column of their own, so long names never run back under the counts."""
    where = entity.where
    n_left, n_right = entity_counts(entity)
    counts = f"{n_left}·{n_right}" if where == "both" else str(n_left or n_right)
    prefix = _prefix(selected, where, counts.ljust(count_width))
    room = max(8, width - prefix.cell_length)
    text = printable(entity.label)
    label = Content.styled(text, "bold") if selected else Content(text)
    aliases = [a for a in entity.aliases if a != entity.label]
    if not aliases and cell_len(text) <= room and text == text.strip() and "\n" not in text:
        return Content.assemble(
            prefix, label
        )  # one line, nothing to wrap: most rows of a book's list
    lines = label.wrap(room)
    for alias in aliases:
        lines.extend(Content.styled("= " + printable(alias), "italic $text-muted").wrap(room))
    indent = Content(" " * prefix.cell_length)
    return Content("\n").join(
        Content.assemble(prefix if i == 0 else indent, line.rstrip())
        for i, line in enumerate(lines)
    )


@lru_cache(maxsize=1024)
def _prefix(selected: bool, where: str, counts: str) -> Content:
    """A row's mark, side and counts (shared by the many rows that have the same ones)."""
    return Content.assemble(
        ("▶ " if selected else "  ", "bold $accent"),
        (f"{where:<5}", WHERE_STYLES.get(where, "dim")),
        " ",
        (counts, "dim"),
        " ",
    )


def matches_side(entity: Entity, side_filter: str) -> bool:
    return side_filter == "all" or entity.where == side_filter


class EntityList(OptionList):
    """The sidebar's list; page keys are a no-op
    while it has no room (Textual's own would raise), and a click on a row drawn before the list
    was rebuilt (a filter key pressed meanwhile) is ignored rather than read past its end."""

    def _on_click(self, event: events.Click) -> None:
        # Textual calls each class's handler in turn, this one first; a stale row stops the rest.
        option = event.style.meta.get("option")
        if option is not None and not 0 <= option < self.option_count:
            event.prevent_default()

    def _move_page(self, direction) -> None:
        self._update_lines()
        if self.highlighted is None or self.highlighted in self._index_to_line:
            super()._move_page(direction)


class EntityPanel(Widget):
    """Sidebar listing the comparison's entities; posts `Selected` when the user picks one."""

    DEFAULT_CSS = """
    EntityPanel {
        width: 42;
        height: 1fr;
        layout: vertical;
        background: $surface;
        border-left: vkey $border-blurred;
        &:focus-within { border-left: vkey $border; }
        & > #entity-header {
            height: auto;
            padding: 0 1;
            color: $text-muted;
            background: $panel;
        }
        & > OptionList {
            height: 1fr;
            max-height: 100%;
            border: none;
            padding: 0;
            background: $surface;
            &:focus { border: none; }
            & > .option-list--option-disabled {
                color: $text-accent;
                text-style: bold;
            }
        }
    }
    """

    BINDINGS = [
        Binding(
            "enter",
            "pick",
            "Pick entity",
            tooltip="Highlight its mentions in both texts; again steps to the next ones",
        ),
        Binding("t", "cycle_type", "Entity type"),
        Binding("f", "cycle_side", "Entity side"),
        Binding("0", "filter_type('')", "All types", show=False),
        Binding("1", "filter_type('PERSON')", "People only", show=False),
        Binding("2", "filter_type('PLACE')", "Places only", show=False),
        Binding("3", "filter_type('ORG')", "Organisations only", show=False),
        Binding("4", "filter_type('DATE')", "Dates only", show=False),
        Binding("5", "filter_type('NUMBER')", "Numbers only", show=False),
        Binding("6", "filter_type('OTHER')", "Other names only", show=False),
        Binding("x", "clear", "Clear entity", show=False),
        Binding("j", "cursor('down')", "Next entity", show=False),
        Binding("k", "cursor('up')", "Previous entity", show=False),
    ]

    class Selected(Message):
        """The user picked an entity (again, to step through its mentions)."""

        def __init__(self, entity: Entity) -> None:
            super().__init__()
            self.entity = entity

    class Cleared(Message):
        """The user dropped the entity selection."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._entities: tuple[Entity, ...] | None = None
        self.type_filter = ""
        self.side_filter = "all"
        self.selected: Entity | None = None
        self._row_entities: dict[int, Entity] = {}
        self._wrap_width = 0

    def compose(self) -> ComposeResult:
        yield Static(id="entity-header", markup=False)
        yield EntityList(id="entity-list", markup=False)

    def on_mount(self) -> None:
        self._rebuild()

    def on_resize(self) -> None:
        if self._row_width() != self._wrap_width:
            self._rebuild()

    def _row_width(self) -> int:
        """Cells a row may use: the list's width
        less its scrollbar (before layout, the CSS width)."""
        option_list = self.option_list
        width = option_list.size.width or (self.styles.width.value if self.styles.width else 0) - 1
        return max(12, int(width) - option_list.styles.scrollbar_size_vertical)

    @property
    def option_list(self) -> EntityList:
        return self.query_one("#entity-list", EntityList)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self._entities or ()

    def visible_entities(self) -> list[Entity]:
        """Entities passing the filters, in display order (by type, then most mentioned)."""
        shown = [
            e
            for e in self.entities
            if (not self.type_filter or e.type == self.type_filter)
            and matches_side(e, self.side_filter)
        ]
        order = {t: i for i, t in enumerate(ENTITY_TYPES)}
        return sorted(
            shown, key=lambda e: (order.get(e.type, len(order)), -sum(entity_counts(e)), e.label)
        )

    def set_comparison(self, comparison: HasEntities | None) -> None:
        """Show the entities of `comparison`; None means the analysis is still running."""
        self._entities = None if comparison is None else tuple(comparison.entities)
        if self.selected is not None:
            self.selected = self._same_entity(self.selected)
        self._rebuild()

    def show_chosen(self, entity: Entity | None) -> None:
        """Mark `entity` as the chosen one (▶), or none; the app says which after every change."""
        mine = self._same_entity(entity) if entity is not None else None
        if mine is not self.selected:
            self.selected = mine
            self._rebuild()

    def focus(self, scroll_visible: bool = True) -> EntityPanel:
        """Focus the list, which is what the keys act on."""
        self.option_list.focus(scroll_visible)
        return self

    def action_cycle_type(self) -> None:
        """Next type filter: all, then each type that has entities."""
        present = [t for t in ENTITY_TYPES if any(e.type == t for e in self.entities)]
        cycle = ["", *present]
        position = cycle.index(self.type_filter) if self.type_filter in cycle else 0
        self.action_filter_type(cycle[(position + 1) % len(cycle)])

    def action_filter_type(self, entity_type: str) -> None:
        self.type_filter = entity_type
        self._rebuild()

    def action_cycle_side(self) -> None:
        self.side_filter = SIDE_FILTERS[
            (SIDE_FILTERS.index(self.side_filter) + 1) % len(SIDE_FILTERS)
        ]
        self._rebuild()

    def action_pick(self) -> None:
        """Pick the highlighted entity (the list handles enter itself when it has focus)."""
        self.option_list.action_select()

    def action_clear(self) -> None:
        if self.selected is not None:
            self.selected = None
            self._rebuild()
            self.post_message(self.Cleared())

    def action_cursor(self, direction: str) -> None:
        if direction == "down":
            self.option_list.action_cursor_down()
        else:
            self.option_list.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self._row_entities.get(event.option_index)
        if entity is None:
            return
        changed = entity is not self.selected
        self.selected = entity
        if changed:
            self._rebuild()
        self.post_message(self.Selected(entity))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def _same_entity(self, entity: Entity) -> Entity | None:
        """The entity of the current list that stands for `entity` (after a re-analysis)."""
        return next((e for e in self.entities if same_entity(e, entity)), None)

    def _header(self, shown: int) -> Content:
        total = len(self.entities)
        type_title = GROUP_TITLES.get(self.type_filter, "all") if self.type_filter else "all"
        if self._entities is None:
            first = Content("Entities · analysing…")
        else:
            first = Content.assemble(("Entities", "bold $text"), f" {shown} of {total}")
        second = Content.assemble(
            "type ",
            (type_title, "bold"),
            " · side ",
            (SIDE_FILTER_TITLES[self.side_filter], "bold"),
        )
        return Content("\n").join([first, second])

    def _rebuild(self) -> None:
        """Refill the list from the entities and filters, keeping the cursor on the same entity."""
        option_list = self.option_list
        highlighted = option_list.highlighted
        previous = self._row_entities.get(highlighted) if highlighted is not None else None
        shown = self.visible_entities()
        count_width = max((len(f"{a}·{b}") for a, b in map(entity_counts, shown)), default=1)
        width = self._wrap_width = self._row_width()
        options: list[Option] = []
        rows: dict[int, Entity] = {}
        for entity_type in ENTITY_TYPES + ("",):
            group = [
                e
                for e in shown
                if e.type == entity_type or (not entity_type and e.type not in ENTITY_TYPES)
            ]
            if not group:
                continue
            title = GROUP_TITLES.get(entity_type, "Other")
            options.append(
                Option(Content.assemble((title.upper(), "bold"), f"  {len(group)}"), disabled=True)
            )
            for entity in group:
                rows[len(options)] = entity
                options.append(
                    Option(row_content(entity, count_width, entity is self.selected, width))
                )
        if not options:
            options.append(Option(Content(self._empty_text()), disabled=True))
        self._row_entities = rows
        option_list.set_options(options)
        self.query_one("#entity-header", Static).update(self._header(len(shown)))
        if rows:
            target = next((i for i, e in rows.items() if e is previous), None)
            if target is None:
                target = next((i for i, e in rows.items() if e is self.selected), min(rows))
            option_list.highlighted = target

    def _empty_text(self) -> str:
        if self._entities is None:
            return "Finding names, places and numbers…"
        if not self._entities:
            return "No entities found in either text."
        return "No entity matches these filters (t: type, f: side)."
