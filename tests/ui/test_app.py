"""The reader driven like a user: keys, sync between panes, search, threshold, help, clicks,
layouts."""

from __future__ import annotations

from tui.core import build_document
from tui.ui.app import DiptychApp
from tui.ui.widgets.article_view import ArticleView
from tui.ui.widgets.entity_panel import EntityPanel
from tui.ui.widgets.help import HelpScreen

WIDE, SMALL = (160, 48), (80, 24)


def line_visible(view: ArticleView, offset: int) -> bool:
    return view.line_of(offset) in view.visible_lines()


def status(app: DiptychApp) -> str:
    return str(app.query_one("#status").render())


async def test_next_match_scrolls_the_counterpart_into_view(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(6):
            await pilot.press("n")
            match = app.selection.match
            assert match is not None
            seen.append(match.id)
            assert line_visible(app.view("left"), match.left[0].start)
            assert line_visible(app.view("right"), match.right[0].start)
        # Reading order of the left text: the facts in order, one per n.
        assert seen == [0, 1, 2, 3, 4, 5]
        await pilot.press("N", "N")
        assert app.selection.match.id == 3
        assert line_visible(app.view("right"), app.selection.match.right[0].start)
        assert "match 4/40" in status(app)
        await pilot.press("right_square_bracket")
        assert app.selection.match.id == 4


async def test_counterpart_far_away_is_scrolled_to(long_pair, make_app, settle) -> None:
    """The last left fact is the first on the right: the right pane must jump back to its top."""
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("N")  # from the top, previous wraps to the last match on the left
        assert app.selection.match.id == 39
        assert line_visible(app.view("left"), app.selection.match.left[0].start)
        assert line_visible(app.view("right"), app.selection.match.right[0].start)
        await pilot.press("tab", "n")  # in the right pane, reading order is the right text's
        assert app.pane == "right"
        assert line_visible(app.view("left"), app.selection.match.left[0].start)


async def test_passage_cursor_selects_the_match_under_it(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the headline: in no match
        assert app.selection.cursor("left") == 0 and app.selection.match is None
        await pilot.press("j")
        assert app.selection.cursor("left") == 1 and app.selection.match.id == 0
        await pilot.press("down")
        assert app.selection.cursor("left") == 2 and app.selection.match is None
        await pilot.press("k")
        assert app.selection.match.id == 0
        await pilot.press("escape")
        assert app.selection.match is None


async def test_search_finds_and_cycles_then_escape_returns_n_to_matches(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"NARVA", "enter")  # case-insensitive
        search = app.search
        assert search is not None and search.total("left") == 7 and search.total("right") == 7
        first = app.search.current_on("left")
        assert left.text[first.start : first.end] == "Narva"
        assert line_visible(app.view("left"), first.start)
        await pilot.press("n")
        second = app.search.current_on("left")
        assert second.start > first.start and line_visible(app.view("left"), second.start)
        await pilot.press("N")
        assert app.search.current_on("left") == first
        assert "“NARVA” 1/14 (7 left, 7 right)" in status(app)
        await pilot.press("escape")
        assert app.search is None
        await pilot.press("n")
        assert app.selection.match is not None


async def test_threshold_change_realigns(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison, threshold=0.3)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert len(app.index) == 40
        for _ in range(5):
            await pilot.press("plus")
        await settle(pilot)
        # Off the grid at 0.3, the first step lands on it (0.325), then steps of 0.05.
        assert app.threshold == 0.525
        # Scores cycle 0.3, 0.5, 0.7, 0.9: half of them are at least 0.525.
        assert len(app.index) == 20
        assert "20 matches" in status(app) and "threshold 0.525" in status(app)
        assert "20 of 81 sentences shared" in str(app.query_one("#left-title").render())
        await pilot.press("minus")
        await settle(pilot)
        assert app.threshold == 0.475 and len(app.index) == 30
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert app.threshold == 0.375  # the default is on the grid: it can always be reached


async def test_help_opens_and_closes(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for words in (
            "Next match",
            "Search both texts",
            "Raise the match threshold",
            "clipboard",
            "Entity type",
        ):
            assert words in text
        assert "[" in text and "]" in text  # bracket keys shown literally, not eaten as markup
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_clicking_a_passage_selects_its_match(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.view("right")
        target = comparison.matches[38]  # second fact on the right, near its top
        line = view.line_of(target.right[0].start)
        await pilot.click(view, offset=(5, line - int(view.scroll_y)))
        assert app.pane == "right" and app.selection.match.id == 38
        assert line_visible(app.view("left"), target.left[0].start)


async def test_small_terminal_stacks_the_panes(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        lv, rv = app.view("left"), app.view("right")
        assert lv.region.height >= 5 and rv.region.height >= 5
        assert rv.region.y > lv.region.y  # stacked
        assert not app.query_one(EntityPanel).display  # folded away
        await pilot.press("n")
        assert line_visible(rv, app.selection.match.right[0].start)
        await pilot.press("e")
        assert app.query_one(EntityPanel).display
        await pilot.press("e")
        assert not app.query_one(EntityPanel).display


async def test_entity_selection_highlights_and_steps_mentions(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter")  # focus the sidebar, pick its first (only) entity
        assert app.chosen is not None and app.chosen.entity.label == "Narva"
        for side in ("left", "right"):
            view = app.view(side)
            assert len(view.highlights["mention"]) == 7
            assert line_visible(view, sorted(app.chosen.entity.on(side))[0].start)
        await pilot.press("m")
        for side in ("left", "right"):
            assert line_visible(app.view(side), sorted(app.chosen.entity.on(side))[1].start)
        assert "Narva 2/7 left 2/7 right" in status(app)


async def test_scroll_link_drags_the_other_pane(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        lv, rv = app.view("left"), app.view("right")
        assert lv.scroll_y > 0
        # Texts in opposite orders: the monotone link keeps the right pane in step (top to top).
        assert rv.scroll_y > 0
        await pilot.press("s", "pagedown")
        await pilot.pause()
        before = rv.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        assert rv.scroll_y == before


async def test_markup_in_the_text_is_shown_literally(make_app, hand_comparison, settle) -> None:
    hostile = "Tricky [bold red]x[/] [@click=app.quit]q[/] headline here\n\nBody with [link=http://e.x]a link[/link] and\ttab.\n"
    left = build_document(hostile, "[b]left[/b].txt")
    right = build_document("Plain other text about something else entirely.\n", "right.txt")
    app = make_app(left, right, hand_comparison(left, right, []))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = app.export_screenshot()
        assert "[bold red]x[/] [@click=app.quit]q[/]" in screen.replace("&#160;", " ")
        view = app.view("left")
        lines = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "[bold red]x[/] [@click=app.quit]q[/]" in lines
        assert "[link=http://e.x]a link[/link] and tab." in lines
        assert "Tricky [bold red]x[/]" in str(app.query_one("#left-title").render())
        await pilot.press("slash", *"[@click", "enter")
        assert "[@click" in status(app)
        assert app.is_running


async def test_every_action_is_in_the_command_palette(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        described = {b.description for b in app.BINDINGS if b.action != "quit"}
        assert described <= titles
        # The sidebar's own actions too, each run on the sidebar.
        assert {"Entity type", "Entity side", "People only", "Pick entity"} <= titles


async def test_other_counterpart_cycles_every_linked_passage(
    make_app, hand_comparison, settle
) -> None:
    text = "Headline For The Test Story\n\n" + "\n\n".join(
        f"Paragraph {i} says the ferry to Tallinn left at {i} o'clock sharp." for i in range(30)
    )
    left, right = build_document(text, "l"), build_document(text, "r")
    # Left sentence 1 is linked to right 1 (one match) and to right 20 and 29 (another, two spans).
    comparison = hand_comparison(left, right, [([1], [1], 0.9), ([1], [20, 29], 0.8)])
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        assert app.selection.match.id == 0 and app.selection.counterpart == right.sentences[1].span
        shown = []
        for _ in range(3):
            await pilot.press("o")
            shown.append(right.sentence_near(app.selection.counterpart.start))
            assert line_visible(app.view("right"), app.selection.counterpart.start)
        assert shown == [20, 29, 1]
        assert app.selection.match.id == 0  # back to the first


async def test_copy_puts_the_selected_passage_on_the_clipboard(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n", "c")
        assert app.clipboard == left.slice(comparison.matches[0].left[0])
        await pilot.press("tab", "c")
        assert app.clipboard == right.slice(comparison.matches[0].right[0])


async def test_keys_work_while_the_alignment_is_still_running(long_pair, settle) -> None:
    import threading

    left, right, comparison = long_pair
    release = threading.Event()

    def slow_compare(left, right, threshold, progress=None):
        progress(0.5)
        release.wait(10)
        return comparison

    app = DiptychApp(left, right, 0.0, theme="textual-dark", compare_fn=slow_compare)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.aligning and "aligning" in status(app)
        await pilot.press("j", "j", "pagedown")
        assert app.selection.cursor("left") is not None and app.view("left").scroll_y > 0
        await pilot.press("n")  # nothing to step to yet: a notice, no crash
        release.set()
        await settle(pilot)
        assert not app.aligning and len(app.index) == 40
        await pilot.press("n")
        assert app.selection.match is not None


async def test_theme_change_repaints_with_the_new_colours(long_pair, make_app, settle) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.view("left")
        line = view.line_of(comparison.matches[0].left[0].start) - int(view.scroll_y)
        dark = view.render_line(line)
        app.theme = "textual-light"
        await pilot.pause()
        light = view.render_line(line)
        assert dark.text == light.text
        assert [s.style.bgcolor for s in dark] != [s.style.bgcolor for s in light]


async def test_the_current_mention_is_marked_apart_from_the_others(
    long_pair, make_app, settle
) -> None:
    left, right, comparison = long_pair
    app = make_app(left, right, comparison)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("e", "enter", "m")
        view = app.view("left")
        first, second = sorted(app.chosen.entity.on("left"))[:2]
        assert view.highlights["mention-current"].overlapping(0, 10**9) == [second]
        rows = {view.line_of(first.start), view.line_of(second.start)}
        styles = {}
        for span in (first, second):
            strip = view.render_line(view.line_of(span.start) - int(view.scroll_y))
            text, pos = strip.text, 0
            column = text.index("Narva")
            styles[span] = next(seg.style for seg in strip if (pos := pos + len(seg.text)) > column)
        assert len(rows) == 2 and styles[second].reverse and not styles[first].reverse
