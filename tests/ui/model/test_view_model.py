"""The view model alone, without Textual: selection moves, search order, the threshold grid, the
chosen entity, sentence numbers."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from tui.core import Entity, Span, build_document
from tui.ui.model import selection as moves
from tui.ui.model.chosen_entity import ChosenEntity, follow
from tui.ui.model.index import ComparisonIndex
from tui.ui.model.search import Search
from tui.ui.model.selection import Selection
from tui.ui.model.status import SentenceNumbers, status_fields
from tui.ui.model.threshold import Grid, grid, label


@pytest.fixture
def pair(long_pair):
    left, right, comparison = long_pair
    return {"left": left, "right": right}, ComparisonIndex.of(comparison)


def test_the_view_model_imports_no_textual() -> None:
    code = (
        "import sys, tui.ui.model.selection, tui.ui.model.search, tui.ui.model.index,"
        " tui.ui.model.status, tui.ui.model.threshold, tui.ui.model.chosen_entity;"
        " print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stepping_matches_follows_each_sides_reading_order(pair) -> None:
    docs, index = pair
    sel = Selection()
    seen = []
    for _ in range(3):
        sel = moves.step_match(sel, index, docs, "left", 1, origin=0, selection_seen=True)
        seen.append(sel.match.id)
    assert seen == [0, 1, 2]
    # The cursors follow: on the match's passage and on the counterpart shown.
    assert docs["left"].sentences[sel.cursor("left")].span == sel.match.left[0]
    assert docs["right"].sentences[sel.cursor("right")].span == sel.counterpart
    # Scrolled away, stepping starts from the screen's position, not from the selection.
    far = docs["left"].sentences[61].start
    sel = moves.step_match(sel, index, docs, "left", 1, origin=far, selection_seen=False)
    assert sel.match.left[0].start >= far
    # From the right, reading order is the right text's (the facts run backwards there).
    sel = moves.step_match(Selection(), index, docs, "right", 1, 0, True)
    assert sel.match.id == 39 and sel.side == "right"


def test_the_cursor_selects_the_match_under_it_and_keeps_it(pair) -> None:
    docs, index = pair
    sel = moves.move_cursor(Selection(), index, docs, "left", 1)
    assert sel.cursor("left") == 0 and sel.match is None  # the headline
    sel = moves.move_cursor(sel, index, docs, "left", 1)
    assert sel.cursor("left") == 1 and sel.match.id == 0
    # Off screen, the cursor enters at the screen's top edge.
    edge = docs["left"].sentences[20].start + 1
    sel = moves.move_cursor(sel, index, docs, "left", 1, edge=edge)
    assert sel.cursor("left") == 21


def test_counterparts_cycle_and_are_counted(pair) -> None:
    docs, index = pair
    sel = moves.at_sentence(Selection(), index, docs, "left", 1)
    pairs = moves.counterparts(sel, index)
    assert len(pairs) == 1 and moves.counterpart_position(sel, pairs) == 1
    again, count = moves.next_counterpart(sel, index, docs, "left")
    assert count == 1 and again.match == sel.match


def test_a_click_selects_what_is_under_it(pair) -> None:
    docs, index = pair
    sel = moves.click(Selection(), index, docs, "right", docs["right"].sentences[1].start + 3)
    assert sel.side == "right" and sel.match.id == 39 and sel.cursor("right") == 1


def test_search_steps_through_both_texts_in_reading_order() -> None:
    search = Search.of("ab", {"left": "ab ab", "right": "xx ab ab ab"})
    assert (search.total("left"), search.total("right"), search.total()) == (2, 3, 5)
    search = search.step("left", 0, 1, from_current=False)
    visited = [search.hit()]
    for _ in range(5):
        search = search.step("left", 0, 1, from_current=True)
        visited.append(search.hit())
    assert [side for side, _ in visited] == ["left", "left", "right", "right", "right", "left"]
    # From a position in the right text, back to the last hit before it, across to the left.
    back = search.step("right", 1, -1, from_current=False)
    assert back.hit() == ("left", Span(3, 5))


def test_the_threshold_grid_holds_the_default_and_clamps_at_the_ends() -> None:
    steps = Grid(default=0.375, lowest=0.1)
    assert steps.next(0.375, 1) == 0.425 and steps.next(0.425, -1) == 0.375
    assert steps.next(0.3, 1) == 0.325  # off the grid: onto it
    assert steps.next(0.125, -1) == 0.1 and steps.next(0.1, -1) == 0.1  # clamped at the floor
    assert steps.next(0.975, 1) == 1.0 and steps.next(1.0, 1) == 1.0
    assert not steps.accepts(0.05) and not steps.accepts(math.nan) and steps.accepts(0.1)
    assert (label(0.375), label(0.4), label(1.0)) == ("0.375", "0.40", "1.00")
    from tui.core.align.aligner import DEFAULT_THRESHOLD, FLOOR

    assert (grid().default, grid().lowest) == (DEFAULT_THRESHOLD, FLOOR)


def test_the_chosen_entity_steps_both_sides_and_follows_a_new_comparison() -> None:
    spans = {"left": (Span(30, 35), Span(10, 15)), "right": (Span(5, 9),)}
    chosen = ChosenEntity(Entity("Narva", "PLACE", (), spans))
    assert chosen.current("left") is None
    chosen = chosen.step(1)
    assert chosen.current("left") == Span(10, 15) and chosen.current("right") == Span(5, 9)
    chosen = chosen.step(1)
    assert chosen.current("left") == Span(30, 35) and chosen.counts()["left"] == (1, 2)
    rebuilt = Entity("Narva", "PLACE", (), {"left": (Span(10, 15),)})
    assert follow(chosen, [rebuilt]).entity is rebuilt
    assert follow(chosen, [Entity("Tallinn", "PLACE")]) is None


def test_sentence_numbers_leave_boilerplate_out() -> None:
    doc = build_document("Share this article\n\nA first real sentence here. A second one here.\n")
    numbers = SentenceNumbers(doc)
    flags = [s.boilerplate for s in doc.sentences]
    content = [i for i, b in enumerate(flags) if not b]
    assert len(numbers) == len(content)
    assert [numbers.number(i) for i in content] == list(range(1, len(content) + 1))
    assert all(numbers.number(i) is None for i, b in enumerate(flags) if b)


def test_status_fields_say_the_counterpart_count_and_the_score(make_app, hand_comparison) -> None:
    text = "Headline For The Test Story\n\n" + "\n\n".join(
        f"Paragraph {i} says the ferry to Tallinn left at {i} o'clock sharp." for i in range(30)
    )
    left, right = build_document(text, "l"), build_document(text, "r")
    docs = {"left": left, "right": right}
    index = ComparisonIndex.of(
        hand_comparison(left, right, [([1], [1], 0.9), ([1], [20, 29], 0.8)])
    )
    sel = moves.at_sentence(Selection(), index, docs, "left", 1)
    sel, _ = moves.next_counterpart(sel, index, docs, "left")
    fields = status_fields(
        side="left",
        index=index,
        selection=sel,
        search=None,
        chosen=None,
        numbers=SentenceNumbers(left),
        threshold=0.375,
        aligning=False,
        link=True,
    )
    assert (fields.matches, fields.position, fields.counterpart) == (2, 2, (2, 3))
    assert fields.score == 0.8 and fields.sentence == 2 and fields.sentences == 31
