"""The Textual reader: renders what tui.core computed and holds view state only."""
