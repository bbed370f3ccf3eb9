"""The characters that must never reach a terminal as themselves, defined once: loading removes
them, the reader shows each as one inert cell, error messages escape them."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi marks, embeddings, overrides
# and isolates, which could steer the terminal or reorder what it shows.
CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL_RE = re.compile(f"[{CONTROLS}]")
# Also out of place inside one line on screen: tab and newline, the Unicode line and paragraph
# separators, and lone surrogates (which cannot be encoded for output).
IN_LINE_RE = re.compile(f"[{CONTROLS}\t\n\u2028\u2029\ud800-\udfff]")

_BLANKS = "\t\n\x0b\x0c\r\u2028\u2029"
_TABLE = str.maketrans(
    {
        code: " " if chr(code) in _BLANKS else "\ufffd"
        for code in range(0x10000)
        if IN_LINE_RE.match(chr(code))
    }
)


def printable(text: str) -> str:
    """`text` for one line of a terminal: each unsafe character replaced by one cell (a space for
    whitespace, U+FFFD otherwise), so offsets keep lining up with the text."""
    return text.translate(_TABLE)
