"""The characters that must never reach a terminal as themselves, defined once: loading removes
them, the reader shows each as one inert cell, error messages escape them."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi marks, embeddings, overrides
# and isolates, which could steer the terminal or reorder what it shows.
_CONTROL_RANGES = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    (0x200E, 0x200F),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
)
# Also out of place inside one line on screen: tab and newline, the Unicode line and paragraph
# separators, and lone surrogates (which cannot be encoded for output).
_LINE_RANGES = ((0x09, 0x0A), (0x2028, 0x2029), (0xD800, 0xDFFF))
_BLANKS = frozenset(map(ord, "\t\n\x0b\x0c\r\u2028\u2029"))


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges)


CONTROLS = _class(_CONTROL_RANGES)
CONTROL_RE = re.compile(f"[{CONTROLS}]")
IN_LINE_RE = re.compile(f"[{CONTROLS}{_class(_LINE_RANGES)}]")
_TABLE = {
    code: " " if code in _BLANKS else "\ufffd"
    for a, b in _CONTROL_RANGES + _LINE_RANGES
    for code in range(a, b + 1)
}


def printable(text: str) -> str:
    """`text` for one line of a terminal: each unsafe character replaced by one cell (a space for
    whitespace, U+FFFD otherwise), so offsets keep lining up with the text."""
    return text.translate(_TABLE)
