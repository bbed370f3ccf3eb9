"""Web-page leftovers (menus, player residue, link lines, disclaimers) marked as boilerplate."""

from __future__ import annotations

import re

from .model import Span

_WORD = re.compile(r"\w+")


def boilerplate_blocks(text: str, blocks: list[Span]) -> set[int]:
    """Indices of blocks that are page furniture rather than article text."""
    marked = set()
    for i, block in enumerate(blocks):
        line = text[block.start : block.end]
        words = _WORD.findall(line)
        if not words or (len(words) <= 2 and not line.rstrip().endswith((".", "!", "?", '"'))):
            marked.add(i)
    return marked
