"""The panes' scrollbars skip repaints that would draw
the same thumb, but never show a stale one."""

from __future__ import annotations

from tui.core import build_document
from tui.ui.widgets.scrollbar import ThumbScrollBar

WIDE = (160, 48)


def long_text(words: str) -> str:
    return "\n\n".join(f"Paragraph {i} of the report, told {words}." for i in range(6000)) + "\n"


async def test_the_drawn_thumb_follows_jumps_across_a_long_text(
    make_app, hand_comparison, settle
) -> None:
    left = build_document(long_text("quietly"), "left.txt")
    right = build_document(long_text("loudly"), "right.txt")
    app = make_app(left, right, hand_comparison(left, right, [([0], [0], 0.9)]))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        bar = app.view("left").vertical_scrollbar
        assert isinstance(bar, ThumbScrollBar)
        seen = []
        for key in ("j", "G", "g", "pagedown", "pagedown"):
            await pilot.press(key)
            await pilot.pause()
            # What is on screen is what Textual's own renderer would draw for this position.
            assert bar._drawn == bar._thumb()
            seen.append(tuple(bar._drawn))
        assert seen[1] != seen[2]  # bottom and top draw the thumb in different cells
