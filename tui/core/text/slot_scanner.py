"""Reading figures off a run of tokens: the Slot value and the scanner that makes them (see
slots.py for what the values mean and how two compare)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import figure_words as vocab
from .tokens import STOPWORDS, normalise
from .words import MONTHS, NUMBER_WORDS, WEEKDAYS

Value = float | int | tuple[int | None, int | None, int | None]

_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:st|nd|rd|th)?|\d+(?:\.\d+)?(?:st|nd|rd|th)?"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?|US\$|[$€£¥₽%]|\S"
)
JSON_KINDS = {
    "number": "number",
    "ordinal": "number",
    "quantity": "number",
    "money": "money",
    "percent": "percent",
    "date": "date",
    "weekday": "date",
}

_NUMBER_STARTS = frozenset({*vocab.SMALL_NUMBERS, *NUMBER_WORDS, *vocab.ORDINAL_WORDS})
# Lower-cased tokens a slot can start at, besides digits.
_STARTS = frozenset({*_NUMBER_STARTS, *MONTHS, *WEEKDAYS, *(s.lower() for s in vocab.SYMBOLS)})


@dataclass(frozen=True, slots=True)
class Slot:
    """One figure of a text: what kind, its normalised value and unit, and where it is written."""

    kind: str
    value: Value
    unit: str
    start: int
    end: int
    approx: bool = False
    step: float = 0.0  # half the rounding unit of "1.5 million" (50,000); 0 when exact
    written: float = 1.0  # size of the unit it was written in: another one means a conversion

    @property
    def json_kind(self) -> str:
        return JSON_KINDS[self.kind]


def _continues(word: str) -> bool:
    return word in vocab.SMALL_NUMBERS or word in vocab.ORDINAL_WORDS or word == "hundred"


def _combines(previous: float, value: float, joined: bool) -> bool:
    """Whether two small numbers make one: twenty-five, ninety and nine, threescore and ten (a
    ten or a score, then a unit), or six and twenty (a unit, "and", then a ten)."""
    if previous >= 20 and previous % 10 == 0:
        return value < (20 if previous % 20 == 0 and joined else 10)
    return joined and 0 < previous < 10 and value >= 20 and value % 10 == 0


Token = tuple[str, int, int]


class Scanner:
    """Reads slots off a token list, left to right, longest reading first (a date before its
    day number, money before its amount)."""

    @classmethod
    def read(cls, text: str, start: int, end: int):
        """The slots of text[start:end], in order."""
        return cls(
            [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        ).slots()

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.low = [t[0].lower() for t in tokens]

    def slots(self):
        i, n = 0, len(self.tokens)
        low = self.low
        while i < n:
            if low[i] not in _STARTS and not low[i][0].isdigit():
                i += 1
                continue
            slot, after = self._at(i)
            if slot is not None:
                yield slot
            i = max(after, i + 1)

    def _glued(self, i: int, j: int) -> bool:
        """Token j follows token i with no space between."""
        return (
            0 <= i < len(self.tokens)
            and 0 <= j < len(self.tokens)
            and (self.tokens[i][2] == self.tokens[j][1])
        )

    def _at(self, i: int) -> tuple[Slot | None, int]:
        word = self.tokens[i][0]
        if word in vocab.SYMBOLS:
            return self._money_symbol(i)
        if word in vocab.WEEKDAY:
            return self._slot("weekday", vocab.WEEKDAY[word], "", i, i + 1), i + 1
        month = MONTHS.get(self.low[i].rstrip("."))
        if month is not None and word[0].isupper():
            return self._month_first(i, month)
        if word[0].isdigit() or self.low[i] in _NUMBER_STARTS:
            return self._number(i)
        return None, i + 1

    def _slot(self, kind, value, unit, i, j, approx=False, step=0.0, written=1.0) -> Slot:
        return Slot(
            kind, value, unit, self.tokens[i][1], self.tokens[j - 1][2], approx, step, written
        )

    def _hedged(self, i: int) -> bool:
        return any(self.low[k] in vocab.HEDGES for k in (i - 1, i - 2) if k >= 0)

    def _day(self, j: int) -> int | None:
        if j < len(self.tokens) and self.tokens[j][0][0].isdigit():
            digits = self.tokens[j][0].rstrip("stndrh")
            if digits.isdigit() and 1 <= int(digits) <= 31:
                return int(digits)
        return None

    def _year(self, j: int) -> int | None:
        if j < len(self.tokens) and re.fullmatch(r"1[5-9]\d\d|20\d\d", self.tokens[j][0]):
            if not self._glued(j, j + 1) or self.tokens[j + 1][0] in ",.;:)":
                return int(self.tokens[j][0])
        return None

    def _month_first(self, i: int, month: int) -> tuple[Slot | None, int]:
        day = self._day(i + 1)
        if (
            day is not None
            and not self._glued(i + 1, i + 2)
            or (day is not None and self.tokens[i + 2][0] in ",.;:)")
        ):
            j = i + 2
            k = j + 1 if j < len(self.tokens) and self.tokens[j][0] == "," else j
            year = self._year(k)
            if year is not None:
                return self._slot("date", (year, month, day), "", i, k + 1), k + 1
            return self._slot("date", (None, month, day), "", i, j), j
        year = self._year(i + 1)
        if year is not None:
            return self._slot("date", (year, month, None), "", i, i + 2), i + 2
        if (self.low[i] in vocab.MONTH_ALONE and i > 0 and self.tokens[i - 1][0].isalpha()) or (
            i > 0 and self.low[i - 1] in vocab.BEFORE_MONTH and len(self.low[i]) > 2
        ):
            return self._slot("date", (None, month, None), "", i, i + 1), i + 1
        return None, i + 1

    def _money_symbol(self, i: int) -> tuple[Slot | None, int]:
        currency = vocab.SYMBOLS[self.tokens[i][0]]
        parsed = self._amount(i + 1) if i + 1 < len(self.tokens) else None
        if parsed is None or not self._glued(i, i + 1):
            return None, i + 1
        value, j, step, _ = parsed
        value, j, step = self._scale(value, j, step, short=True)
        return self._slot("money", value, currency, i, j, self._hedged(i), step), j

    def _scale(self, value: float, j: int, step: float, short: bool) -> tuple[float, int, float]:
        """Apply "million", "bn" (or, glued to digits, "m", "k") after an amount."""
        if j < len(self.tokens):
            size = vocab.SCALES.get(self.low[j])
            if size is None and short and self._glued(j - 1, j):
                size = vocab.SHORT_SCALES.get(self.low[j])
            if size is not None and size > 100:
                step = (step or 0.5) * size
                return value * size, j + 1, step
        return value, j, step

    def _amount(self, i: int) -> tuple[float, int, float, bool] | None:
        """A figure in digits or words at token i: value, next token, half its rounding unit, and
        whether it is an ordinal."""
        word = self.tokens[i][0]
        if word[0].isdigit():
            digits = word.replace(",", "")
            ordinal = digits[-2:].isalpha()
            if ordinal:
                digits = digits[:-2]
            try:
                value = float(digits)
            except ValueError:
                return None
            decimals = len(digits.partition(".")[2])
            return value, i + 1, (0.5 * 10**-decimals if decimals else 0.0), ordinal
        return self._number_words(i)

    def _number_words(self, i: int) -> tuple[float, int, float, bool] | None:
        """Spelled-out numbers and ordinals: "five", "twenty-five", "one hundred and twenty",
        "five thousand, four hundred", "twenty-fourth", and the older "ninety and nine", "six and
        twenty", "four and twentieth", "threescore and ten", "a thousand thousand"."""
        low, n = self.low, len(self.tokens)
        total, current, j, last = 0.0, 0.0, i, i
        previous: float | None = None  # the last small number of this group, -1 once it is whole
        joined = False  # by "and"
        ordinal = False
        while j < n and not ordinal:
            w = low[j]
            value = vocab.SMALL_NUMBERS.get(w, vocab.ORDINAL_WORDS.get(w))
            if value is not None:
                if previous is not None and not _combines(previous, value, joined):
                    break
                ordinal = w in vocab.ORDINAL_WORDS
                current += value
                previous = value if previous is None else -1.0
            elif w == "hundred":
                current, previous = (current or 1.0) * 100, None
            elif w in ("thousand", "million", "billion"):
                if current == 0 and last == j and total:  # a thousand thousand
                    total *= vocab.SCALES[w]
                else:
                    total, current = total + (current or 1.0) * vocab.SCALES[w], 0.0
                previous = None
            elif w in ("-", "and", ",") and j + 1 < n and _continues(low[j + 1]):
                if w == "," and not (previous is None and total and current == 0):
                    break  # a comma goes on only after a scale: "five thousand, four hundred"
                joined = w == "and"
                j += 1
                continue
            else:
                break
            joined = False
            j += 1
            last = j
        if last == i:
            return None
        return total + current, last, 0.0, ordinal

    def _number(self, i: int) -> tuple[Slot | None, int]:
        word = self.tokens[i][0]
        if word[0].isdigit() and (self._inside_name(i) or self._after_name(i) or self._clock(i)):
            return None, i + 1
        parsed = self._amount(i)
        if parsed is None:
            return None, i + 1
        value, j, step, ordinal = parsed
        approx = self._hedged(i)
        n = len(self.tokens)
        if j + 1 < n and self.low[j] == "-" and self.low[j + 1] in vocab.FRACTIONS:
            return None, j + 2  # two-thirds: a share, not a count
        if ordinal or (word[0].isdigit() and value.is_integer()):
            day = self._day(i)
            of = j + 1 if j < n and self.low[j] == "of" else j
            month = MONTHS.get(self.low[of].rstrip(".")) if of < n else None
            if day is not None and month is not None and self.tokens[of][0][0].isupper():
                k = of + 1
                year = self._year(k)
                if year is not None:
                    return self._slot("date", (year, month, day), "", i, k + 1), k + 1
                return self._slot("date", (None, month, day), "", i, k), k
        if ordinal:
            head = self._head(j)
            if not head:
                return None, j
            return self._slot("ordinal", value, head, i, j), j
        if word[0].isdigit() and j < n and self._glued(j - 1, j) and self.low[j] == "s":
            return None, j + 1  # the 1990s
        if (
            word[0].isdigit()
            and self.low[j : j + 1] in (["m"], ["b"], ["k"])
            and self._glued(j - 1, j)
        ):
            return None, j + 1  # 600m: metres or a million? Only money ($600m) says
        value, j, step = self._scale(value, j, step, short=False)
        if j < n:
            found = self._after_amount(i, j, value, approx, step)
            if found is not None:
                return found
        year = self._year(i) if j == i + 1 else None
        if year is not None and (j >= n or self.low[j] not in vocab.COUNT_AFTER):
            return self._slot("date", (year, None, None), "", i, j), j
        if word[0].isdigit() and self._glued(j - 1, j) and j < n and self.tokens[j][0][0].isalpha():
            return None, j + 1  # 5G, 3D: a name, not a figure
        head = self._head(j)
        if self.low[i] == "one" and not head:
            return None, j
        return self._slot("number", value, head, i, j, approx, step), j

    def _after_amount(self, i, j, value, approx, step) -> tuple[Slot, int] | None:
        """Percent, currency or unit words after an amount."""
        low, n = self.low, len(self.tokens)
        if low[j] in vocab.PERCENT:
            return self._slot("percent", value, "%", i, j + 1, approx, step), j + 1
        if low[j] == "per" and j + 1 < n and low[j + 1] == "cent":
            return self._slot("percent", value, "%", i, j + 2, approx, step), j + 2
        if low[j] == "percentage" and j + 1 < n and low[j + 1].startswith("point"):
            return self._slot("percent", value, "pp", i, j + 2, approx, step), j + 2
        if low[j] in vocab.CURRENCIES:
            return self._slot(
                "money", value, vocab.CURRENCIES[low[j]], i, j + 1, approx, step
            ), j + 1
        k = j + 1 if low[j] == "-" and j + 1 < n else j
        square = low[k] in ("square", "sq") and k + 1 < n
        unit = vocab.UNITS.get(low[k + 1] if square else low[k])
        if unit is None or (k == j and len(low[k]) == 1 and self._glued(j - 1, j)):
            return None
        dimension, size = unit
        if square:
            if dimension != "length":
                return None
            dimension, size, k = "area", size * size, k + 1
        value, k = self._and_more(value, k + 1)
        return (
            self._slot("quantity", value * size, dimension, i, k, approx, step * size, size),
            k,
        )

    def _and_more(self, value: float, k: int) -> tuple[float, int]:
        """The older English of a ten or a score with its unit after the unit: "threescore years
        and ten", "ninety years old and nine"."""
        low = self.low
        at = k + 1 if low[k : k + 1] == ["old"] else k
        if value >= 20 and value % 10 == 0 and low[at : at + 1] == ["and"]:
            more = vocab.SMALL_NUMBERS.get(low[at + 1]) if at + 1 < len(low) else None
            if more is not None and _combines(value, more, True):
                return value + more, at + 2
        return value, k

    def _head(self, j: int) -> str:
        """Keys of the plain words after a figure (up to two), among them the noun it counts."""
        if j < len(self.tokens) and self.low[j] == "-":
            j += 1
        keys = []
        for k in (j, j + 1):
            if k >= len(self.tokens):
                break
            word = self.tokens[k][0]
            if not word[0].isalpha() or not word[0].islower() or self.low[k] in STOPWORDS:
                break
            keys.append(normalise(word) or "")
        return " ".join(keys)

    def _inside_name(self, i: int) -> bool:
        """Digits that are part of a name or code: G20, Rossiya-24, F-16, @user175."""
        before = self.tokens[i - 1][0] if i > 0 else ""
        if self._glued(i - 1, i) and (before[0].isalpha() or before in "@#/_."):
            return True
        return (
            before == "-"
            and self._glued(i - 1, i)
            and i > 1
            and self._glued(i - 2, i - 1)
            and self.tokens[i - 2][0][0].isupper()
        )

    def _after_name(self, i: int) -> bool:
        """Digits after a capitalised word inside a sentence are part of a name: Falcon 9,
        Boeing 737, Apollo 11 (a month or weekday before a day is a date, read before this)."""
        if i < 2 or self._glued(i - 1, i):
            return False
        before = self.tokens[i - 1][0]
        return (
            before[0].isupper()
            and before.isalpha()
            and self.low[i - 1] not in MONTHS
            and before not in vocab.WEEKDAY
            and self.tokens[i - 2][0] not in '.!?"“:'
        )

    def _clock(self, i: int) -> bool:
        """Times and codes: 10:30, 0:00:58, 4/25."""
        n = len(self.tokens)
        return any(
            0 <= k < n and self.tokens[k][0] in ":/" and self._glued(min(k, i), max(k, i))
            for k in (i - 1, i + 1)
        )
