"""Abbreviations a text defines itself, "Long Form (LF)" or "LF (Long Form)", as comparison keys.

The long form is found as Schwartz & Hearst (2003) find it: the shortest run of words before the
parenthesis whose letters hold the abbreviation's letters in order, the first at a word start.
"""

from __future__ import annotations

import re

from tui.core.text.tokens import keys, normalise

# A parenthesis that holds one or two words; the text before it on the same line.
_PARENS = re.compile(r"([^()\n]{1,300}?)\s*\(([^()\n]{1,120})\)")
_WORDS = re.compile(r"\S+")


def abbreviations(text: str) -> dict[str, tuple[str, ...]]:
    """Key of each abbreviation the text defines -> keys of its long form (first definition)."""
    found: dict[str, tuple[str, ...]] = {}
    for m in _PARENS.finditer(text):
        before, inside = m.group(1), m.group(2).strip()
        if len(inside.split()) <= 2:
            short, candidates = inside, before
        else:  # "IAEA (International Atomic Energy Agency)"
            words = before.split()
            if not words:
                continue
            short, candidates = words[-1], inside
            if len(inside.split()) > 2 * len(short) + 2:
                continue
        if not _is_short_form(short):
            continue
        long = _long_form(short, _last_words(candidates, min(len(short) + 5, 2 * len(short))))
        key = normalise(short)
        if long and key is not None and key not in found:
            long_keys = tuple(keys(long))
            if long_keys and key not in long_keys:
                found[key] = long_keys
    return found


def _is_short_form(short: str) -> bool:
    """2 to 10 characters, a letter among them and an upper-case letter (IAEA, U.S., CoE)."""
    return (
        2 <= len(short) <= 10
        and short[0].isalnum()
        and any(c.isalpha() for c in short)
        and any(c.isupper() for c in short)
        and len(short.split()) <= 2
    )


def _last_words(text: str, count: int) -> str:
    words = _WORDS.findall(text)
    return " ".join(words[-count:])


def _long_form(short: str, candidate: str) -> str | None:
    """The shortest tail of candidate whose letters hold short's letters and digits in order, its
    first letter at a word start (Schwartz & Hearst's backward scan)."""
    s, c = len(short) - 1, len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while c >= 0 and (
            candidate[c].lower() != char or (s == 0 and c > 0 and candidate[c - 1].isalnum())
        ):
            c -= 1
        if c < 0:
            return None
        c -= 1
        s -= 1
    start = candidate.rfind(" ", 0, c + 1) + 1
    long = candidate[start:]
    return long if len(long) > len(short) and len(long.split()) > 1 else None
