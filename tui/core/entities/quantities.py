"""Dates and numbers in text: the patterns, where they may start (found fast in a book), and the
keys that make "April 25" and "25 April" one date."""

from __future__ import annotations

import re

from ..text.words import MONTHS
from .lexicon import spelling_key

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
# Every alternative starts with a digit, a month or a weekday: the look-ahead skips other positions
# fast.
DATE_RE = re.compile(
    rf"(?=[\dJFMASONDTW])(?:\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|\b(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})"
    rf"|\b(?P<iso>{_YEAR}-[01]\d-[0-3]\d)\b"
    r"|\b(?P<m4>January|February|March|April|May|June|July|August|September|October|November|December)\b"
    rf"|(?<![\w$€£.,-])(?P<yr>{_YEAR}s?)(?![\w%]|[.,]\d)"
    r"|\b(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
)
# A month alone is a date only after words like these ("in March"); "May" alone is mostly a verb.
MONTH_PREPS = frozenset(
    "in since until by during early late mid last next this from through".split()
)
_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn)"
_UNIT = (
    r"(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|kilograms?|kg|tons?|tonnes?|feet|foot|inch(?:es)?"
    r"|hectares?|acres?|lit(?:er|re)s?|barrels?|degrees?|years?|months?|weeks?|days?|hours?|minutes?"
    r"|dollars?|euros?|pounds?|rubles?|roubles?|yen|yuan|won|rupees?|francs?|lira|liras|pesos?|rand|naira"
    r"|hryvnias?|shekels?|dirhams?|riyals?|ringgits?|baht|zloty|kronor|kroner|points?|people)"
)
NUMBER_RE = re.compile(
    rf"(?=[\d$€£¥₽]|US|EUR)(?<![\w.,/:#@-])(?:(?P<skip>\d+(?::\d\d)+|\d+x\d+)"
    rf"|(?:US\$|[$€£¥₽]|USD\s|EUR\s)\s?{_N}(?:\s?(?:{_SCALE}\b|[mk]\b))?"
    rf"|{_N}\s?(?:%|percent\b|per cent\b)"
    rf"|{_N}(?:[\s-]{_SCALE})?[\s-]{_UNIT}\b"
    rf"|{_N}(?:\s{_SCALE})?\s(?P<noun>[a-z]{{3,}}s)\b"
    rf"|{_N}(?:\s{_SCALE}\b)?(?![\w%]|[.,]\d))"
)
WORD_NUMBER_BEFORE_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|a|an|several|hundreds|thousands)[\s-]+$",
    re.IGNORECASE,
)

# A bare class first, so the engine skips other code points in C; "U" and "E" only as in "US",
# "EUR".
_NUMBER_START_RE = re.compile(r"[\d$€£¥₽UE](?:(?<=U)(?=S)|(?<=E)(?=UR)|(?<![UE]))")
# Every date starts with an ASCII digit or a month or weekday name. The pattern opens with a bare
# class so the engine skips other code points in C; the look-behind then asks for the rest of the
# name.
_DATE_PREFIXES = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
)
_DATE_START_RE = re.compile(
    "[0-9"
    + "".join(sorted({p[0] for p in _DATE_PREFIXES}))
    + "](?<=[0-9]|"
    + "|".join(f"{p[0]}(?={p[1:]})" for p in _DATE_PREFIXES)
    + ")"
)


def _matches_at(regex: re.Pattern, text: str, positions) -> list[re.Match]:
    """What `regex.finditer(text)` yields, tried only at sorted candidate positions (the others
    cannot match).

    A pattern opening with a look-ahead makes the engine stop at every code point; a book has few
    candidates."""
    found, end = [], 0
    for p in positions:
        if p >= end:
            m = regex.match(text, p)
            if m:
                found.append(m)
                end = m.end()
    return found


def date_matches(text: str) -> list[re.Match]:
    """DATE_RE over the text, tried only where a digit, a month or a weekday starts."""
    return _matches_at(DATE_RE, text, [m.start() for m in _DATE_START_RE.finditer(text)])


def number_matches(text: str) -> list[re.Match]:
    """NUMBER_RE over the text, tried only where a digit, a currency sign, "US" or "EUR" may start
    it."""
    return _matches_at(NUMBER_RE, text, _number_starts(text))


def _number_starts(text: str) -> list[int]:
    """Where a number may start. A book holds few digits: str.find looks for each ASCII needle at
    memchr speed, far ahead of a regex scan, and the few other code points are checked one by one (a
    digit elsewhere in Unicode, a currency sign); when any of them is not rare, the regex finds
    them."""
    limit = len(text) // 64 + 16
    found: list[int] = []
    if not text.isascii():
        for k, m in enumerate(_NON_ASCII_RE.finditer(text)):
            if k > limit:
                return [m.start() for m in _NUMBER_START_RE.finditer(text)]
            if m.group().isdecimal() or m.group() in "€£¥₽":  # isdecimal() is what \d matches
                found.append(m.start())
    for needle in _NUMBER_NEEDLES:
        i = text.find(needle)
        while i >= 0:
            found.append(i)
            if len(found) > limit:
                return [m.start() for m in _NUMBER_START_RE.finditer(text)]
            i = text.find(needle, i + 1)
    return sorted(found)


_NUMBER_NEEDLES = tuple("0123456789") + ("$", "US", "EUR")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def scale_words(text: str) -> list[tuple[int, int]]:
    """Where "hundred", "thousand", "million", "billion" stand as words (str.find beats a regex
    scan)."""
    hits = []
    for word in ("hundred", "thousand", "million", "billion"):
        i = text.find(word)
        while i >= 0:
            end = i + len(word)
            if (end == len(text) or not text[end].isalnum()) and (
                i == 0 or not text[i - 1].isalnum()
            ):
                hits.append((i, end))
            i = text.find(word, end)
    return sorted(hits)


def date_key(m: re.Match) -> str:
    g = m.groupdict()
    month = next((g[k] for k in ("m1", "m2", "m3", "m4") if g[k]), None)
    parts = (
        [str(MONTHS[month.lower().rstrip(".")[: 4 if month.lower().startswith("sept") else 3]])]
        if month
        else []
    )
    day = g["d1"] or g["d2"]
    if day:
        parts.append(str(int(re.match(r"\d+", day).group())))
    parts.append(g["y1"] or g["y2"] or g["y3"] or g["iso"] or g["yr"] or g["wd"] or "")
    return "date:" + "-".join(p for p in parts if p).lower()


def number_key(surface: str) -> str:
    s = (
        spelling_key(surface)
        .replace(",", "")
        .replace("%", " percent")
        .replace("per cent", "percent")
    )
    s = re.sub(r"\b(kilomet(?:er|re)s?|km)\b", "km", s)
    return "number:" + " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in s.split())
