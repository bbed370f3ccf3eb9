"""What only one side says (u/U), disagreements (d/D, !), copying a pair (y) and writing the report
(w), driven like a user on a constructed pair: nine figures, dates and names told otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core import load_document
from tui.ui.widgets.disagreements import DisagreementList

WIDE, SMALL = (160, 48), (80, 24)

PAIR = Path(__file__).resolve().parents[1] / "data" / "disagreements"


@pytest.fixture
def pair_docs(tmp_path):
    for name in ("left.txt", "right.txt"):
        shutil.copy(PAIR / name, tmp_path / name)
    return load_document(str(tmp_path / "left.txt")), load_document(str(tmp_path / "right.txt"))


def values(app, number: int) -> tuple[str, str]:
    shown = app.index.findings.discrepancies[number]
    return tuple(app.docs[s].slice(shown.span(s)) for s in ("left", "right"))


def gutter(app, side: str, offset: int) -> str:
    view = app.view(side)
    row = view.line_of(offset) - int(view.scroll_y)
    return view.render_line(row).text[:2]


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_d_and_shift_d_step_through_every_disagreement(pair_docs, make_app, settle, size):
    app = make_app(*pair_docs, threshold=0.375)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        found = app.index.findings.discrepancies
        assert len(found) == 9
        seen = []
        for _ in range(len(found)):
            await pilot.press("d")
            number = app._differ
            seen.append(values(app, number))
            shown = found[number]
            assert app.selection.match.id == shown.match
            for side in ("left", "right"):
                view = app.view(side)
                assert list(view.highlights["differ-current"].overlapping(0, 1 << 40)) == [
                    shown.span(side)
                ]
                assert view.is_visible(shown.span(side))
                assert gutter(app, side, shown.span(side).start)[1] == "≠"
        assert seen[:3] == [
            ("Monday", "Tuesday"),
            ("March 3, 2025", "March 4, 2025"),
            ("212", "230"),
        ]
        assert len(set(seen)) == 9  # each once, in the left text's order
        await pilot.press("d")  # wraps to the first
        assert values(app, app._differ) == ("Monday", "Tuesday")
        await pilot.press("D")
        assert values(app, app._differ) == ("40 percent", "60 percent")


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_u_steps_through_what_only_the_focused_text_tells(pair_docs, make_app, settle, size):
    app = make_app(*pair_docs, threshold=0.375)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        left = app.docs["left"]
        passages = app.index.findings.only["left"]
        # The headline tells what the right text's lede tells (a match): only this is left alone.
        assert [left.slice(p.span)[:20] for p in passages] == ["Local residents brou"]
        starts = []
        for _ in range(3):
            await pilot.press("u")
            cursor = app.selection.cursor("left")
            starts.append(left.sentences[cursor].start)
            assert app.view("left").is_visible(left.sentences[cursor].span)
            assert gutter(app, "left", left.sentences[cursor].start)[1] == "┊"
        # u wraps around after the last passage; U steps back.
        assert starts == [passages[i % len(passages)].span.start for i in range(3)]
        await pilot.press("U")
        back = passages[1 % len(passages)].span.start
        assert left.sentences[app.selection.cursor("left")].start == back
        await pilot.press("tab", "u")  # the right pane has its own
        right = app.docs["right"]
        cursor = app.selection.cursor("right")
        assert right.slice(right.sentences[cursor].span).startswith("Engineers from the shipyard")


async def test_pane_titles_count_what_only_each_side_tells(pair_docs, make_app, settle):
    app = make_app(*pair_docs, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        left = str(app.query_one("#left-title").render())
        right = str(app.query_one("#right-title").render())
        assert "14 of 15 sentences shared, 1 only here" in left
        assert "14 of 15 sentences shared, 1 only here" in right


async def test_the_disagreement_list_shows_both_values_and_jumps(pair_docs, make_app, settle):
    app = make_app(*pair_docs, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("exclamation_mark")
        screen = app.screen
        assert isinstance(screen, DisagreementList)
        lines = [
            str(screen.query_one("#disagreement-list").get_option_at_index(i).prompt)
            for i in range(9)
        ]
        assert "$4 million  ≠  $6 million" in lines[4]
        assert "Erik Lund  ≠  Anders Berg" in lines[5]
        await pilot.press("down", "down", "down", "down", "down", "enter")
        assert not isinstance(app.screen, DisagreementList)
        assert values(app, app._differ) == ("Erik Lund", "Anders Berg")
        assert app.view("right").is_visible(app.index.findings.discrepancies[5].right)


async def test_y_copies_both_sides_of_the_pair_quoted(pair_docs, make_app, settle):
    app = make_app(*pair_docs, threshold=0.375)
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert copied == []  # nothing selected yet
        await pilot.press("d", "d", "d", "y")  # the third disagreement: 212 / 230 passengers
        (text,) = copied
        first, second = text.split("\n\n")
        assert first.startswith("“The ferry Stella Maris was carrying 212 passengers")
        assert "— Ferry Runs Aground Off Norland Coast (left)" in first
        assert second.startswith("“The Stella Maris was carrying 230 passengers")
        assert "(right)" in second


async def test_w_writes_the_report_beside_the_inputs_never_over_a_file(
    pair_docs, make_app, settle, tmp_path
):
    app = make_app(*pair_docs, threshold=0.375)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
    first = tmp_path / "left-vs-right.diptych.html"
    second = tmp_path / "left-vs-right.diptych-2.html"
    assert first.exists() and second.exists()
    page = first.read_text(encoding="utf-8")
    assert page == second.read_text(encoding="utf-8")
    assert all(f'data-match="{m.id}"' in page for m in app.index.table)
    assert "<td>Erik Lund</td><td>Anders Berg</td>" in page and "<mark class=d" in page
