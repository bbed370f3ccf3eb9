"""The comparison index alone: match order, highlight intervals, the scroll link."""

from __future__ import annotations

import numpy as np
import pytest

from tui.core import Match, Span
from tui.ui.model.index import Navigator
from tui.ui.model.intervals import Intervals
from tui.ui.model.packed import MatchTable
from tui.ui.model.scroll_link import ScrollLink, monotone_chain


def test_intervals_find_overlaps_even_when_spans_nest() -> None:
    found = Intervals([Span(0, 50), Span(10, 12), Span(60, 70)])
    assert found.overlapping(20, 30) == [Span(0, 50)]
    assert found.overlapping(49, 61) == [Span(0, 50), Span(60, 70)]
    assert found.overlapping(50, 60) == []
    from_arrays = Intervals.from_arrays(np.array([60, 10, 0]), np.array([70, 12, 50]))
    assert [from_arrays.overlapping(a, b) for a, b in ((20, 30), (49, 61))] == [
        [Span(0, 50)],
        [Span(0, 50), Span(60, 70)],
    ]


def match(i: int, left: int, right: int) -> Match:
    return Match(i, (Span(left, left + 5),), (Span(right, right + 5),), 0.5)


def test_navigator_orders_matches_by_each_side_and_wraps() -> None:
    matches = [match(0, 100, 10), match(1, 10, 300), match(2, 50, 200)]
    nav = Navigator(MatchTable.of(matches))
    assert [nav.table[row].id for row in nav.order["left"]] == [1, 2, 0]
    assert [nav.table[row].id for row in nav.order["right"]] == [0, 2, 1]
    assert nav.step("left", None, 40, 1).id == 2  # first after the position
    assert nav.step("left", None, 40, -1).id == 1
    assert nav.step("left", matches[0], 0, 1).id == 1  # wraps after the last
    assert nav.position("right", matches[1]) == 3


def test_scroll_link_interpolates_along_a_monotone_chain() -> None:
    chain = monotone_chain([(10, 100), (15, 120), (20, 5), (30, 200), (35, 7), (40, 300)])
    assert chain == [(10, 100), (15, 120), (30, 200), (40, 300)]  # the crossing stragglers dropped
    link = ScrollLink([(10, 100), (30, 200)], 100, 400)
    assert link.follow(0) == 0
    assert link.follow(10) == pytest.approx(100)
    assert link.follow(20) == pytest.approx(150)
    assert link.follow(150, forward=False) == pytest.approx(20)
    assert link.follow(100) == pytest.approx(400)
