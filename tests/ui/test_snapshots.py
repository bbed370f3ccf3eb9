"""Snapshot tests of the main views on the seed pair (pytest-textual-snapshot).

Regenerate after a deliberate UI change, look at the report, then commit the SVGs:
    .venv/bin/python -m pytest tests/ui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from textual.pilot import Pilot

from tui.cli import seed_paths
from tui.core import DEFAULT_THRESHOLD, load_document
from tui.ui.app import DiptychApp


def seed_app(theme: str = "textual-dark") -> DiptychApp:
    left, right = seed_paths()
    return DiptychApp(load_document(left), load_document(right), DEFAULT_THRESHOLD, theme=theme)


def after_alignment(*keys: str):
    """A run_before that lets the alignment worker finish, then presses `keys` one at a time."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_reader_with_a_match_selected(snap_compare) -> None:
    """Seed pair at 160x48 with the third match selected and its counterpart in view."""
    # n, n, n: step to the third match.
    assert snap_compare(
        seed_app(), terminal_size=(160, 48), run_before=after_alignment("n", "n", "n")
    )


def test_entity_sidebar_in_use(snap_compare) -> None:
    """The sidebar focused, filtered to entities both texts name, the first one picked."""
    # e: open/focus the sidebar; f: side filter "both"; enter: pick the first entity.
    assert snap_compare(
        seed_app(), terminal_size=(160, 48), run_before=after_alignment("e", "f", "enter")
    )


def test_small_terminal_layout(snap_compare) -> None:
    """80x24: the layout adapts (sidebar folded) and a selected match is still readable."""
    # n: select the first match.
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=after_alignment("n"))


def test_light_theme(snap_compare) -> None:
    """The same reader view in the light theme: tints, highlights and dimming stay readable."""
    # n, n, n: step to the third match.
    assert snap_compare(
        seed_app("textual-light"),
        terminal_size=(160, 48),
        run_before=after_alignment("n", "n", "n"),
    )


def test_help_screen(snap_compare) -> None:
    """`?` opens the help screen listing every key."""
    # ?: open help.
    assert snap_compare(seed_app(), terminal_size=(160, 48), run_before=after_alignment("?"))
