"""The reader's keys: one list feeds the footer, the help screen and the command palette."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode

READER_BINDINGS = [
    Binding("n", "next", "Next", tooltip="Next match; next search hit while a search is active"),
    Binding(
        "N",
        "previous",
        "Prev",
        tooltip="Previous match; previous search hit while a search is active",
    ),
    # A priority key: the app opens the search line before the keys behind `/` (a paste, a burst
    # over a slow link) are handed to the pane, so they reach the line, not the reader's commands.
    Binding(
        "slash",
        "search",
        "Search",
        tooltip="Search both texts (literal, ignoring case)",
        priority=True,
    ),
    Binding(
        "e", "entities", "Entities", tooltip="Show and focus the entity sidebar; again to hide it"
    ),
    Binding("question_mark", "help", "Help"),
    Binding("q", "quit", "Quit"),
    Binding(
        "tab",
        "switch_pane",
        "Pane",
        tooltip="Switch pane (then the sidebar, when shown)",
        priority=True,
    ),
    Binding(
        "plus,equals_sign",
        "threshold_up",
        "Stricter",
        tooltip="Raise the match threshold a step (0.05) and re-align",
    ),
    Binding(
        "minus",
        "threshold_down",
        "Looser",
        tooltip="Lower the match threshold a step (0.05) and re-align",
    ),
    Binding("right_square_bracket", "next_match", "Next match", show=False),
    Binding("left_square_bracket", "previous_match", "Previous match", show=False),
    Binding("j,down", "cursor_down", "Next passage", show=False),
    Binding("k,up", "cursor_up", "Previous passage", show=False),
    Binding(
        "o",
        "other_counterpart",
        "Other counterpart",
        tooltip="Show the next counterpart of this passage",
        show=False,
    ),
    Binding("g,home", "top", "Top", show=False),
    Binding("G,end", "bottom", "Bottom", show=False),
    Binding("pagedown,space", "page_down", "Page down", show=False),
    Binding("pageup,b", "page_up", "Page up", show=False),
    Binding(
        "m",
        "next_mention",
        "Next mention",
        tooltip="Next mention of the chosen entity, in both panes",
        show=False,
    ),
    Binding("M", "previous_mention", "Previous mention", show=False),
    Binding(
        "s",
        "toggle_link",
        "Scroll link",
        tooltip="Scroll link on/off: scrolling one pane drags the other",
        show=False,
    ),
    Binding(
        "u",
        "next_only",
        "Next only-here",
        tooltip="Next passage that only the focused pane's text tells",
        show=False,
    ),
    Binding("U", "previous_only", "Previous only-here", show=False),
    Binding(
        "d",
        "next_difference",
        "Next disagreement",
        tooltip="Next disagreement: a figure, date or name told otherwise by the other text",
        show=False,
    ),
    Binding("D", "previous_difference", "Previous disagreement", show=False),
    Binding(
        "exclamation_mark",
        "disagreements",
        "Disagreements",
        tooltip="List the disagreements side by side; enter jumps to one",
        show=False,
    ),
    Binding(
        "y",
        "copy_pair",
        "Copy pair",
        tooltip="Copy both sides of the selected pair, quoted, to the clipboard (OSC 52)",
        show=False,
    ),
    Binding(
        "w",
        "write_report",
        "Write HTML report",
        tooltip="Write the HTML report beside the inputs, under a new name",
        show=False,
    ),
    Binding(
        "c",
        "copy",
        "Copy passage",
        tooltip="Copy the selected passage to the clipboard (OSC 52)",
        show=False,
    ),
    Binding(
        "escape",
        "clear",
        "Clear search/selection",
        tooltip="Close the search line; else end the search; else drop the entity; else the"
        " selection",
        show=False,
    ),
    Binding(
        "ctrl+z",
        "suspend_process",
        "Suspend",
        tooltip="Suspend to the shell (fg resumes)",
        show=False,
    ),
]


def system_commands(
    bindings: Iterable[Binding],
    key_display: Callable[[Binding], str],
    run_action: Callable[[str, DOMNode], object],
    target: DOMNode,
) -> Iterable[SystemCommand]:
    """One palette command per bound action of `target` (quit is already among Textual's own)."""
    seen = set()
    for binding in bindings:
        if binding.action in seen or binding.action == "quit":
            continue
        seen.add(binding.action)
        key = key_display(Binding(binding.key.split(",")[0], binding.action))
        help_text = f"{binding.tooltip}  (key: {key})" if binding.tooltip else f"key: {key}"
        yield SystemCommand(
            binding.description, help_text, partial(run_action, binding.action, target)
        )
