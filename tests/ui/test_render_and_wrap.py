"""The pane's pieces without a running app: wrapping, styled lines, click columns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from tui.core import Span, build_document
from tui.core.text.controls import printable
from tui.ui.widgets.render import styled_line
from tui.ui.widgets.wrap import Wrapped


def wrapped_lines(text: str, width: int) -> list[str]:
    doc = build_document(text, "t")
    wrapped = Wrapped(doc.text, doc.paragraphs, width)
    return [
        doc.text[a:b]
        for a, b, blank in zip(wrapped.starts, wrapped.ends, wrapped.blank)
        if not blank
    ]


words = st.text(alphabet="abcdefghij", min_size=1, max_size=14)
wide = st.sampled_from(["世界", "ñ", "e\u0301", "🍞", "Ж"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(words, wide), min_size=1, max_size=60),
    st.integers(min_value=4, max_value=30),
)
def test_wrapping_keeps_every_word_in_order_within_the_width(tokens, width) -> None:
    text = " ".join(tokens)
    lines = wrapped_lines(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert all(line == line.strip() for line in lines)
    assert "".join(re.sub(r"\s+", "", line) for line in lines) == re.sub(r"\s+", "", text)


def test_wrapping_is_greedy_and_breaks_long_words() -> None:
    assert wrapped_lines("aaa bbb ccc ddd", 7) == ["aaa bbb", "ccc ddd"]
    assert wrapped_lines("aaa bbb ccc ddd", 8) == ["aaa bbb", "ccc ddd"]
    assert wrapped_lines("abcdefghijkl xy", 5) == ["abcde", "fghij", "kl xy"]
    assert wrapped_lines("世界世界世界 ab", 5) == ["世界", "世界", "世界", "ab"]


def test_paragraphs_are_separated_by_a_blank_line_and_offsets_map_back() -> None:
    doc = build_document("First paragraph here.\n\nSecond one, longer than the width.\n", "t")
    wrapped = Wrapped(doc.text, doc.paragraphs, 12)
    assert list(wrapped.blank).count(1) == 1
    second = doc.text.index("Second")
    line = wrapped.line_of(second)
    assert (
        wrapped.blank[line - 1]
        and doc.text[wrapped.starts[line] : wrapped.ends[line]] == "Second one,"
    )
    assert wrapped.lines_of(Span(second, len(doc.text) - 1)) == range(line, len(wrapped))


def test_wrapping_a_long_text_scales() -> None:
    text = "\n\n".join(" ".join(f"word{i} and{j}" for j in range(300)) for i in range(200))
    doc = build_document(text, "t")
    wrapped = Wrapped(doc.text, doc.paragraphs, 60)
    assert len(wrapped) > 5000
    assert wrapped.line_of(len(text) - 1) == len(wrapped) - 1


def test_styled_line_layers_add_up_and_text_stays_literal() -> None:
    text = "[bold]x[/] and\tmore"
    tint, strong = Style(bgcolor="blue"), Style(bold=True)
    segments = styled_line(
        text, 100, [([Span(100, 110)], tint), ([Span(104, 108)], strong)], Style()
    )
    assert "".join(s.text for s in segments) == "[bold]x[/] and more"
    styles = {s.text: s.style for s in segments}
    assert styles["[bol"].bgcolor.name == "blue" and not styles["[bol"].bold
    assert styles["d]x["].bold and styles["d]x["].bgcolor.name == "blue"
    assert styles[" and more"] == Style()


def test_control_and_bidi_characters_never_reach_the_terminal() -> None:
    nasty = "a\x1b[31mb\x9b\u202eevil\u2066c\x07"
    shown = printable(nasty)
    assert len(shown) == len(nasty)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 or c in "\u202e\u2066" for c in shown)


def test_a_click_column_maps_to_the_character_drawn_there() -> None:
    from tui.ui.widgets.article_view import offset_at_cell

    text = "ab世界cd"
    assert [offset_at_cell(text, 0, len(text), x) for x in range(8)] == [0, 1, 2, 2, 3, 3, 4, 5]
    assert offset_at_cell(text, 0, len(text), 99) == 5
