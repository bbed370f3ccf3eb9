"""Slots: the figures a passage states (numbers, quantities, money, percentages, dates, weekdays),
each with a normalised value, so two wordings of one figure compare equal.

    from tui.core.text.slots import find_slots, relate

    slots = find_slots(text, start, end)      # in text order; offsets are into `text`
    relate(a, b)         -> "agree" | "conflict" | None   (None: not the same slot)
    relate(a, b, 2019)   # the year that dates written without one fall in (to check weekdays)
    same_figure(a, b)    # the same number as written, whatever it counts ("nine seats" / "9")

A `Slot` has `kind`, `value`, `unit`, `start`, `end` (a span of the text) and:

    kind      value                              unit
    number    float                              keys of the (up to two) words after it, the
                                                 counted noun among them ("trip", "peopl died")
    ordinal   float (6 for "sixth")              the same; never ""
    quantity  float in the base unit (m, kg, s)  the dimension: "length", "mass", "time", ...
    money     float                              currency code: "USD", "EUR", "RUB", ...
    percent   float (5 for 5%)                   "%" or "pp" (percentage points)
    date      (year, month, day), None if unsaid  ""
    weekday   int, Monday = 0                    ""

"five percent" and "5%" both give percent 5.0; "25 April" and "April 25" both give date
(None, 4, 25); "700-kilometer" gives quantity 700000.0 "length", as does "435 miles" within
rounding. Two slots are the same slot when kind and unit agree (numbers when their unit words
share a key, dates when they share a field, a weekday and a full date always); then `relate`
says whether their values agree. Hedged figures ("nearly 700", "more than 700") and converted
units agree within a tolerance. `Slot.json_kind` is the kind the JSON names: number, date, money
or percent. `approx` marks a hedged figure, `step` half its rounding unit.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

from . import figure_words as vocab
from .slot_scanner import Scanner, Slot
from .words import MONTHS, NUMBER_WORDS, WEEKDAYS

__all__ = ["Slot", "find_slots", "relate", "same_figure"]


def _trie(words: list[str]) -> str:
    """An alternation of `words` as a prefix tree: Python's regex engine tries plain alternatives
    one by one at every position, a tree only the branch of the next letter."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alternatives = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_TRIGGER_WORDS = sorted(
    {*vocab.SMALL_NUMBERS, *NUMBER_WORDS, *vocab.ORDINAL_WORDS, *MONTHS, *WEEKDAYS}
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in _TRIGGER_WORDS}))
# The words a figure can start with; the lookahead on the first letter skips most positions fast.
_TRIGGER_LOWER = rf"[\d$€£¥₽]|\b(?=[{_FIRST_LETTERS}]){_trie(_TRIGGER_WORDS)}\b"
_TRIGGER = re.compile(_TRIGGER_LOWER)
_TRIGGER_ANY_CASE = re.compile(_TRIGGER_LOWER, re.IGNORECASE)
_BEFORE, _AFTER = 24, 64  # characters kept around a trigger: two hedge words; unit and noun
HEDGED_TOLERANCE = 0.15  # "nearly 700" still agrees with 650, not with 900
CONVERTED_TOLERANCE = 0.05  # "700 km (435 miles)": conversions are rounded
SAME_FIGURE = 0.01  # "5,210" and "5,210.17": one figure rounded, whatever it counts


Relation = Literal["agree", "conflict"] | None


def relate(a: Slot, b: Slot, year: int | None = None) -> Relation:
    """Whether two slots state the same figure ("agree"), another ("conflict"), or are not the
    same slot (None). `year` is the year of dates written without one, to check weekdays."""
    if {a.kind, b.kind} == {"date", "weekday"}:
        date, weekday = (a, b) if a.kind == "date" else (b, a)
        day = _weekday(date.value, year)  # type: ignore[arg-type]
        return None if day is None else ("agree" if day == weekday.value else "conflict")
    if a.kind != b.kind or not _same_unit(a, b):
        return None
    if a.kind == "date":
        common = [(x, y) for x, y in zip(a.value, b.value) if x is not None and y is not None]  # type: ignore[arg-type]
        if not common:
            return None
        return "agree" if all(x == y for x, y in common) else "conflict"
    if a.kind == "weekday":
        return "agree" if a.value == b.value else "conflict"
    return "agree" if _close(a, b) else "conflict"


def same_figure(a: Slot, b: Slot) -> bool:
    """Whether two figures (not dates) are the same number as written, whatever they count:
    "nine seats" and "nine", "six days" and "six"."""
    if a.kind in ("date", "weekday") or b.kind in ("date", "weekday"):
        return False
    x, y = float(a.value) / a.written, float(b.value) / b.written  # type: ignore[arg-type]
    return abs(x - y) <= max(a.step / a.written, b.step / b.written) + SAME_FIGURE * max(
        abs(x), abs(y)
    )


def _same_unit(a: Slot, b: Slot) -> bool:
    if a.kind in ("number", "ordinal"):
        return a.unit == b.unit or not set(a.unit.split()).isdisjoint(b.unit.split())
    return a.unit == b.unit


def _close(a: Slot, b: Slot) -> bool:
    x, y = float(a.value), float(b.value)  # type: ignore[arg-type]
    if abs(x - y) <= max(a.step, b.step) + 1e-9 * max(abs(x), abs(y)):
        return True
    tolerance = HEDGED_TOLERANCE if a.approx or b.approx else 0.0
    if a.written != b.written:
        tolerance = max(tolerance, CONVERTED_TOLERANCE)
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def _weekday(value: tuple[int | None, int | None, int | None], year: int | None) -> int | None:
    y, m, d = value
    y = y if y is not None else year
    if y is None or m is None or d is None:
        return None
    try:
        return datetime.date(y, m, d).weekday()
    except ValueError:
        return None


def find_slots(text: str, start: int = 0, end: int | None = None) -> list[Slot]:
    """The slots written in text[start:end], in order, with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Slot] = []
    for lo, hi, first in _windows(text, start, end):
        out.extend(slot for slot in Scanner.read(text, lo, hi) if slot.start >= first)
    return out


def _windows(text: str, start: int, end: int):
    """Stretches of text around the words a figure can start with, merged when they touch: most
    of a long text holds none, and scanning it token by token would cost seconds on a book.
    Each stretch keeps a little before its first trigger (for hedges and names) and enough after
    its last for the figure's unit and counted noun; slots before `first` belong to no trigger."""
    lo = hi = first = -1
    # Matching lower-case text is faster than ignoring case, where offsets stay the same.
    lower = text[start:end].lower()
    same = len(lower) == end - start
    found = _TRIGGER.finditer(lower) if same else _TRIGGER_ANY_CASE.finditer(text, start, end)
    shift = start if same else 0
    for m in found:
        at = m.start() + shift
        if at > hi:
            if hi >= 0:
                yield lo, hi, first
            lo = start if at - _BEFORE <= start else _word_start(text, at - _BEFORE, at)
            first = at
        hi = _word_end(text, min(end, m.end() + shift + _AFTER), end)
    if hi >= 0:
        yield lo, hi, first


def _word_start(text: str, at: int, limit: int) -> int:
    """The first word boundary at or after `at` (a stretch never starts mid-word)."""
    space = text.find(" ", at, limit)
    return limit if space < 0 else space + 1


def _word_end(text: str, at: int, limit: int) -> int:
    space = text.find(" ", at, limit)
    return limit if space < 0 else space


DATELINE_WORDS = 2  # a sentence with at most this many words besides its figures is a dateline
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # words of letters (a timestamp's digits are no words)


def little_but_figures(text: str, start: int, end: int, figures: list[Slot]) -> bool:
    """Whether text[start:end], which holds `figures`, is little else: a dateline or a timestamp
    ("July 13, 2009", "Monday 10 Jun 2013 10:45 am") tells when a text was written, not what
    happened."""
    words = len(_LETTERS.findall(text, start, end))
    inside = sum(len(_LETTERS.findall(text, f.start, f.end)) for f in figures)
    return bool(figures) and words - inside <= DATELINE_WORDS
