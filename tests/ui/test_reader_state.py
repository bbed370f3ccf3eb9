"""The reader keeps its place and shows its state (issue 13), driven like a user."""

from __future__ import annotations

import os
import signal

from rich.color import ColorSystem
from textual import events
from textual.keys import _character_to_key

from tui.core import build_document
from tui.ui.widgets.entity_panel import EntityPanel
from tui.ui.widgets.help import HelpScreen

WIDE, SMALL = (160, 48), (80, 24)


def status(app) -> str:
    return str(app.query_one("#status").render())


def visible(view, span) -> bool:
    return view.is_visible(span, partly=True)


def burst(app, text: str, *keys: str) -> None:
    """Post keys to the app at once, as a paste or a slow link delivers them (one read)."""
    for char in text:
        app._driver.send_message(events.Key(_character_to_key(char), char))
    for key in keys:
        app._driver.send_message(events.Key(key, None))


async def test_the_focused_pane_is_marked(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await pilot.press("tab", "j")  # both panes have a cursor now; the right one has focus
        panes = {side: app.query_one(f"#{side}-pane") for side in ("left", "right")}
        titles = {side: app.query_one(f"#{side}-title") for side in ("left", "right")}
        assert panes["right"].has_class("-focused") and not panes["left"].has_class("-focused")
        assert titles["right"].styles.background != titles["left"].styles.background
        assert titles["right"].styles.text_style.bold and not titles["left"].styles.text_style.bold

        def cursor_mark(side: str):
            view = app.view(side)
            cursor = app.selection.cursor(side)
            row = view.row_of(app.docs[side].sentences[cursor].span)
            first = view.render_line(row).__iter__().__next__()
            return first.text, first.style

        (left_mark, left_style), (right_mark, right_style) = map(cursor_mark, ("left", "right"))
        assert left_mark == right_mark == "▌"
        assert right_style.bold and not left_style.bold and left_style.color != right_style.color
        # A click moves the mark back.
        view = app.view("left")
        await pilot.click(view, offset=(5, 2))
        assert panes["left"].has_class("-focused") and not panes["right"].has_class("-focused")


async def test_keys_typed_right_after_slash_go_to_the_search_line(
    seed_docs, make_app, settle
) -> None:
    left, right = seed_docs
    app = make_app(left, right, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        burst(app, "/sanctions", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.search is not None and app.search.query == "sanctions"
        assert app.search.total() >= 1 and app.search.hit() is not None
        # None of the letters ran as a command: the link is still on, nothing was copied.
        assert app.link and app.clipboard == ""
        assert "“sanctions”" in status(app)
        burst(app, "/and/or")  # the last query, selected, is typed over; in the line `/` is text
        await pilot.pause()
        assert app.query_one("#search").value == "and/or"


async def test_the_selection_survives_a_resize(seed_docs, make_app, settle) -> None:
    left, right = seed_docs
    app = make_app(left, right, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n", "n", "n")
        third = app.selection.match
        assert "match 3/" in status(app)
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        assert app.selection.match == third
        assert visible(app.view("left"), third.left[0])
        assert visible(app.view("right"), app.selection.counterpart)
        assert status(app).startswith("match 3/")
        await pilot.press("n")
        assert status(app).startswith("match 4/")


async def test_the_selected_pair_starts_on_the_same_row(long_pair, make_app, settle) -> None:
    """The facts run in opposite orders, so each counterpart starts far from its passage."""
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press(*"n" * 15)  # the middle facts: room above and below on both sides
        for _ in range(10):
            await pilot.press("n")
            match = app.selection.match
            rows = app.view("left").row_of(match.left[0]), app.view("right").row_of(match.right[0])
            assert rows[0] == rows[1] and 0 <= rows[0] < app.view("left").size.height


async def test_side_by_side_down_to_100_columns_the_sidebar_folding_first(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        lv, rv, panel = app.view("left"), app.view("right"), app.query_one(EntityPanel)
        assert panel.display and rv.region.x > lv.region.x
        await pilot.resize_terminal(110, 30)
        await pilot.pause()
        assert not panel.display and rv.region.x > lv.region.x and lv.region.width >= 50
        await pilot.resize_terminal(99, 30)
        await pilot.pause()
        assert rv.region.y > lv.region.y  # stacked


async def test_the_status_line_at_80_columns_keeps_what_matters_first(
    make_app, hand_comparison, settle
) -> None:
    text = "Headline For The Test Story\n\n" + "\n\n".join(
        f"Paragraph {i} says the ferry to Tallinn left at {i} o'clock sharp." for i in range(30)
    )
    left, right = build_document(text, "l"), build_document(text, "r")
    comparison = hand_comparison(left, right, [([1], [1], 0.9), ([1], [20, 29], 0.8)])
    app = make_app(left, right, comparison)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # the headline, then the passage with two counterparts
        line = status(app)
        assert line.startswith("match 1/2 · counterpart 1/3 · score 0.90 · L ")
        await pilot.press("o")
        assert "counterpart 2/3 · score 0.80" in status(app)
        assert "link on" in status(app) and len(status(app)) <= 78
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert "left sentence 2/31" in status(app)  # the full form when there is room


async def test_no_stray_character_follows_the_palette_key(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    for size in ((60, 20), (40, 15)):
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            footer = app.export_screenshot()  # noqa: F841 - renders the frame
            last = "".join(
                strip.text for strip in app.screen._compositor.render_strips()[-1:]
            ).rstrip()
            assert last.endswith("^p palette"), last
        app = make_app(left, right, comparison)


async def test_n_after_a_search_visits_both_panes_in_reading_order(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"narva", "enter")  # 7 hits on each side; the first shown
        seen = [app.search.hit()[0]]
        for _ in range(8):
            await pilot.press("n")
            side, span = app.search.hit()
            seen.append(side)
            assert visible(app.view(side), span)
        assert seen == ["left"] * 7 + ["right"] * 2
        assert app.pane == "right" and "“narva” 9/14" in status(app)
        await pilot.press("N", "N")
        assert app.search.hit()[0] == "left" and app.pane == "left"


async def test_escape_drops_the_entity_and_its_marker(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")
        panel = app.query_one(EntityPanel)

        def rows() -> str:
            options = panel.option_list
            return "\n".join(
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            )

        assert app.chosen is not None and "▶" in rows()
        await pilot.press("escape")
        assert app.chosen is None and panel.selected is None and "▶" not in rows()
        assert not app.view("left").highlights["mention"]


async def test_sigterm_and_sighup_end_the_reader_like_q(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    for number in (signal.SIGTERM, signal.SIGHUP):
        app = make_app(left, right, comparison)
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            os.kill(os.getpid(), number)
            await pilot.pause()
            await pilot.pause()
        assert app.return_code == 128 + number
    # The handlers go with the app: the default action is back.
    assert signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, signal.default_int_handler)


async def test_ctrl_z_asks_to_suspend(long_pair, make_app, settle, monkeypatch) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    asked = []
    monkeypatch.setattr(type(app), "action_suspend_process", lambda self: asked.append(True))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        assert asked == [True]


async def test_the_sidebar_actions_are_in_the_palette_and_enter_in_help(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["People only"].callback()
        assert app.query_one(EntityPanel).type_filter == "PERSON"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        sidebar = text[text.index("Entity sidebar") : text.index("Notes")]
        assert "⏎" in sidebar and "again steps to the next ones" in sidebar  # enter


async def test_the_status_counts_sentences_as_the_title_does(seed_docs, make_app, settle) -> None:
    left, right = seed_docs
    app = make_app(left, right, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        title = str(app.query_one("#left-title").render())
        of = title.split(" of ")[1].split()[0]
        assert f"/{of} ·" in status(app).split("left sentence ")[1]


async def test_with_16_colours_the_selected_match_is_drawn_reversed(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    app.console._color_system = ColorSystem.STANDARD  # what TERM=screen or a Linux console gives
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        view = app.view("left")
        selected = view.render_line(view.row_of(app.selection.match.left[0]))
        other = comparison.matches[1].left[0]  # matched, not selected, on screen below
        plain = view.render_line(view.row_of(other))
        assert any(s.style.reverse for s in selected if s.text.strip())
        assert not any(s.style.reverse for s in plain if s.text.strip())


async def test_the_status_line_says_why_the_selected_pair_was_made(
    seed_docs, make_app, settle
) -> None:
    left, right = seed_docs
    app = make_app(left, right, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        match = app.selection.match
        assert match is not None and match.evidence, "the core names its evidence"
        line = status(app)
        assert f"score {match.score:.2f} for “" in line
        assert match.evidence[0][:20] in line  # the shared passage in the texts' own words
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        # The compact line keeps the score and, as far as the width allows, the first evidence.
        line = status(app)
        assert f"score {match.score:.2f} for “{match.evidence[0][:6]}" in line
        assert line.rstrip().endswith("link on")  # nothing pushed off the line
        assert match.evidence[1:] == () or f"“{match.evidence[1]}" not in line
