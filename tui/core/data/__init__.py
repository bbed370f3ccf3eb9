"""Small word lists shipped with diptych (function words, titles, cue words, a gazetteer), read
once."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_COMMENT = re.compile(r"^[ \t]*#.*$", re.MULTILINE)


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _read(name: str) -> list[str]:
    lines = (line.strip() for line in _text(name).splitlines())
    return [line for line in lines if line and line[0] != "#"]


@cache
def words(name: str) -> frozenset[str]:
    """The whitespace-separated words of a list, lower-cased."""
    return frozenset(_COMMENT.sub("", _text(name)).lower().split())


@cache
def lines(name: str) -> tuple[str, ...]:
    """One entry a line (entries may hold spaces), as written."""
    return tuple(_read(name))
