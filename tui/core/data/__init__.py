"""Small word lists shipped with diptych (function words, titles, cue words, a gazetteer), read
once."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _read(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and line[0] != "#"]


@cache
def words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a list, lower-cased."""
    return frozenset(w.lower() for line in _read(name) for w in line.split())


@cache
def lines(name: str) -> tuple[str, ...]:
    """One entry a line (entries may hold spaces), as written."""
    return tuple(_read(name))
