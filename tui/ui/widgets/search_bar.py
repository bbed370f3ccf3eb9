"""The search line at the bottom: the app shows it on `/` and reads its Submitted message."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    """One line for the query; hidden until `/`."""

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        border: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        &:focus { border: none; }
    }
    """
