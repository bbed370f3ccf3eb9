"""The entity sidebar on its own: grouping, counts, filters, selection messages, literal text."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tui.core.model import Entity, Span
from tui.ui.widgets.entity_panel import EntityPanel


def spans(n: int) -> tuple[Span, ...]:
    return tuple(Span(10 * i, 10 * i + 4) for i in range(n))


def entity(label: str, type_: str, left: int, right: int, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(label, type_, aliases, {"left": spans(left), "right": spans(right)})


ENTITIES = (
    entity("Vladivostok", "PLACE", 2, 3),
    entity("Vladimir Putin", "PERSON", 3, 2, ("Putin",)),
    entity("Dmitry Medvedev", "PERSON", 1, 0, ("Dmitry Medvedev", "Dimitry Medvedev")),
    entity("Kremlin", "ORG", 0, 4),
    entity("Kim Jong Un", "PERSON", 5, 6, ("Kim",)),
    entity("April 25", "DATE", 1, 1),
    entity("[bold red]Loud[/] [@click=app.quit]Corp", "ORG", 1, 0),
)


@dataclass
class FakeComparison:
    entities: tuple[Entity, ...]


class PanelApp(App):
    """Hosts only the panel and records the messages it posts."""

    CSS = "EntityPanel { width: 1fr; }"

    def __init__(self, entities: tuple[Entity, ...] | None = ENTITIES) -> None:
        super().__init__()
        self.initial = entities
        self.messages: list[EntityPanel.Selected | EntityPanel.Cleared] = []

    def compose(self) -> ComposeResult:
        yield EntityPanel()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        panel = self.query_one(EntityPanel)
        panel.set_comparison(None if self.initial is None else FakeComparison(self.initial))
        panel.focus()

    def on_entity_panel_selected(self, message: EntityPanel.Selected) -> None:
        self.messages.append(message)

    def on_entity_panel_cleared(self, message: EntityPanel.Cleared) -> None:
        self.messages.append(message)


def rows(app: App) -> list[str]:
    option_list = app.query_one(OptionList)
    return [
        option_list.get_option_at_index(i).prompt.plain for i in range(option_list.option_count)
    ]


def screen_lines(app: App) -> list[str]:
    """What the terminal shows, line by line."""
    return [strip.text.lstrip("▏").rstrip() for strip in app.screen._compositor.render_strips()]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))


async def test_groups_by_type_with_counts_in_type_order() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        lines = rows(app)
        headers = [line for line in lines if not line.startswith(" ") and not line.startswith("▶")]
        assert headers == ["PEOPLE  3", "PLACES  1", "ORGANISATIONS  2", "DATES  1"]
        people = lines[1:4]
        # Most mentioned first within a group.
        assert [line.split("\n")[0].split()[-1] for line in people] == ["Un", "Putin", "Medvedev"]


async def test_rows_say_where_and_how_often_in_words() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        # Counts share one column, as wide as the widest "left·right" pair.
        assert "both  3·2 Vladimir Putin" in text
        assert "left  1   Dmitry Medvedev" in text
        assert "right 4   Kremlin" in text


async def test_two_spellings_are_one_entry_with_the_other_spelling_shown() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert text.count("Medvedev") == 2
        assert "= Dimitry Medvedev" in text
        assert "= Dmitry Medvedev" not in text
        assert "= Putin" in text


async def test_entity_text_is_shown_literally_never_as_markup() -> None:
    app = PanelApp()
    async with app.run_test(size=(70, 30)) as pilot:
        await pilot.pause()
        assert "[bold red]Loud[/] [@click=app.quit]Corp" in screen_text(app)
        await pilot.press("3", "down", "enter")
        await pilot.pause()
        assert app.is_running
        assert app.messages[-1].entity.label.startswith("[bold red]")


async def test_type_keys_filter_and_header_names_the_filter() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert rows(app)[0] == "PEOPLE  3" and len(rows(app)) == 4
        assert "Entities 3 of 7" in screen_text(app)
        assert "type People" in screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        assert "No entity matches these filters" in screen_text(app)
        await pilot.press("0")
        await pilot.pause()
        assert "Entities 7 of 7" in screen_text(app) and "type all" in screen_text(app)


async def test_t_cycles_through_the_types_present_then_back_to_all() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        seen = []
        for _ in range(5):
            await pilot.press("t")
            await pilot.pause()
            seen.append(rows(app)[0].split()[0])
        # No NUMBER entities, so the cycle skips Numbers.
        assert seen == ["PEOPLE", "PLACES", "ORGANISATIONS", "DATES", "PEOPLE"]
        assert "type all" in screen_text(app)
        assert len(app.query_one(EntityPanel).visible_entities()) == len(ENTITIES)


async def test_f_cycles_side_filter() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        expected = {
            "both": {"Vladivostok", "Vladimir Putin", "Kim Jong Un", "April 25"},
            "left only": {"Dmitry Medvedev", "[bold red]Loud[/] [@click=app.quit]Corp"},
            "right only": {"Kremlin"},
        }
        for title, labels in expected.items():
            await pilot.press("f")
            await pilot.pause()
            assert f"side {title}" in screen_text(app)
            assert {e.label for e in app.query_one(EntityPanel).visible_entities()} == labels
        await pilot.press("f")
        await pilot.pause()
        assert "side all" in screen_text(app)
        assert len(app.query_one(EntityPanel).visible_entities()) == len(ENTITIES)


async def test_enter_posts_selected_and_marks_the_row_again_to_step() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert [m.entity.label for m in app.messages] == ["Vladimir Putin"]
        assert "▶ both  3·2 Vladimir Putin" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert [m.entity.label for m in app.messages] == ["Vladimir Putin", "Vladimir Putin"]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.messages[-1], EntityPanel.Cleared)
        assert "▶" not in screen_text(app)
        assert app.query_one(EntityPanel).selected is None


async def test_clicking_a_row_selects_it_and_headers_do_nothing() -> None:
    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        header_y = next(y for y, line in enumerate(lines) if line.strip().startswith("PLACES"))
        await pilot.click(EntityPanel, offset=(10, header_y))
        await pilot.pause()
        assert app.messages == []
        await pilot.click(EntityPanel, offset=(20, header_y + 1))
        await pilot.pause()
        assert [m.entity.label for m in app.messages] == ["Vladivostok"]


async def test_waiting_state_then_entities_keep_filters_and_selection() -> None:
    app = PanelApp(entities=None)
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        assert "analysing" in screen_text(app)
        panel = app.query_one(EntityPanel)
        panel.set_comparison(FakeComparison(ENTITIES))
        await pilot.press("f", "enter")
        await pilot.pause()
        chosen = app.messages[-1].entity
        # A re-analysis (threshold change) builds new Entity objects for the same things.
        panel.set_comparison(
            FakeComparison(
                tuple(Entity(e.label, e.type, e.aliases, dict(e.mentions)) for e in ENTITIES)
            )
        )
        await pilot.pause()
        assert panel.side_filter == "both"
        assert panel.selected is not None and panel.selected.label == chosen.label
        assert "▶ both" in screen_text(app)


async def test_no_entities_says_so() -> None:
    app = PanelApp(entities=())
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter", "t", "f", "j")
        await pilot.pause()
        assert "No entities found in either text." in screen_text(app)
        assert app.messages == []


async def test_long_names_wrap_in_their_own_column() -> None:
    long_name = entity("Far Eastern Federal University of Vladivostok", "ORG", 1, 1, ("FEFU",))
    app = PanelApp(entities=(long_name,))
    app.CSS = "EntityPanel { width: 30; }"
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        first = next(y for y, line in enumerate(lines) if "both" in line)
        column = lines[first].index("Far")
        wrapped = [line for line in lines[first + 1 :] if line.strip()]
        assert len(wrapped) >= 2
        assert all(line[:column].strip() == "" for line in wrapped)
        assert wrapped[-1].strip() == "= FEFU"
        label = " ".join(line.strip() for line in [lines[first][column:], *wrapped[:-1]])
        assert label == "Far Eastern Federal University of Vladivostok"


async def test_terminal_controls_in_names_never_reach_the_terminal() -> None:
    hostile = entity("\x1b[31mRed\x1b]0;title\x07 Corp\u202eevil", "ORG", 1, 1, ("\x9bAlias",))
    app = PanelApp(entities=(hostile,))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "\ufffd[31mRed" in text and "\ufffdAlias" in text
        assert not any(c in text for c in "\x1b\x07\x9b\u202e")


async def test_page_keys_in_a_list_with_no_room_do_nothing() -> None:
    class Squeezed(PanelApp):
        # The fuzzer reached a zero-height sidebar list through tiny terminals; pin that state.
        CSS = "EntityPanel { width: 1fr; } #entity-list { height: 0; }"

    app = Squeezed()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("pagedown", "pageup", "t", "pagedown", "enter")
        assert app.is_running
        app.query_one(OptionList).styles.height = "1fr"
        await pilot.pause()
        await pilot.press("pagedown")
        assert app.is_running and app.query_one(OptionList).highlighted > 1


async def test_a_click_on_a_row_drawn_before_a_filter_shrank_the_list_is_ignored() -> None:
    """A click travels with the frame it landed on: when a filter key rebuilt the list meanwhile,
    the row it names may be gone. The reader keeps running and picks nothing."""
    from rich.style import Style
    from textual import events

    app = PanelApp()
    async with app.run_test(size=(60, 30)) as pilot:
        option_list = app.query_one(OptionList)
        last = option_list.option_count - 1
        await pilot.press("1")  # people only: far fewer rows
        await pilot.pause()
        assert option_list.option_count < last

        def click(option: int) -> events.Click:
            event = events.Click(option_list, 2, 2, 0, 0, 1, False, False, False)
            event.style = Style.from_meta({"option": option})
            return event

        option_list.post_message(click(last))
        await pilot.pause()
        assert app.is_running and app.messages == []
        # A click on a row that is still there picks its entity as before.
        row = next(
            i
            for i in range(option_list.option_count)
            if not option_list.get_option_at_index(i).disabled
        )
        option_list.post_message(click(row))
        await pilot.pause()
        assert [type(m) for m in app.messages] == [EntityPanel.Selected]
