"""Word tokens and the normal form (keys) two texts are compared in.

The normal form folds case, diacritics, possessives, hyphenation (by splitting), British/American
spellings, light inflection (arrive/arrives/arrived) and spelled-out numbers, months and weekdays, so
that two wordings of one fact share keys. Stopwords normalise to None.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

# Dotted acronyms (U.S.), letter runs with inner apostrophes (Korea's, don't), or digits (with
# thousands separators/decimals/ordinals); hyphens and slashes split words (Rossiya-24 == Rossiya 24).
# Letters are tried first: most words are letters, and the scan of a book is the cost.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?")
# The same words in ASCII-only text, twice as fast there; split() keeps the text between them too.
_SPLIT = re.compile(r"((?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?)")
_SPLIT_ASCII = re.compile(r"((?:[A-Za-z]\.){2,}|[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?)")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves upon unto thee thou thy thine ye hath doth shall shalt wilt
    art hast said say says saith also been its it's i'm let us may might must yet
    s t d ll re ve m o""".split()
)

# Attribution is not the fact: "the RIA news agency reported" is shared by facts that differ.
ATTRIBUTION = frozenset(
    "report reporter news agency told tell accord media sourc statement spokesman spokeswoman spokesperson "
    "interview broadcast quot comment add ask answer wrot writ note cit".split()
)

MONTHS = {
    name: i
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec"), 1)
    for name in names.split()
}
# "may", "march" and short forms are also plain words; they count as months only beside a day number.
_MONTH_ALWAYS = frozenset(n for n in MONTHS if len(n) > 4 and n != "march")
WEEKDAYS = {d + "day": d[:3] for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split())
}
NUMBER_WORDS.update({w: str(10 * i) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
NUMBER_WORDS.update({"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000"})

_LIGATURES = str.maketrans({"æ": "ae", "œ": "oe", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "’": "'", "ı": "i"})
_SUFFIXES = (
    ("izations", ""), ("isations", ""), ("ization", ""), ("isation", ""), ("ations", ""), ("ation", ""),
    ("izing", ""), ("ising", ""), ("ized", ""), ("ised", ""), ("izes", ""), ("ises", ""), ("ize", ""),
    ("ise", ""), ("ingly", ""), ("ings", ""), ("ing", ""), ("edly", ""), ("ies", "y"), ("ied", "y"),
    ("eth", ""), ("ed", ""), ("es", ""), ("ly", ""), ("s", ""),
)
_VOWELS = frozenset("aeiouy")

FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 85
NUMBER_PREFIX = "#"
DATE_PREFIX = "@"


def _fold(word: str) -> str:
    word = word.casefold().translate(_LIGATURES)
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light suffix stripper: inflections and -ize/-ation families, not a full Porter stemmer."""
    if len(word) > 5 and word.endswith("tre"):
        word = word[:-3] + "ter"  # centre/center, kilometre/kilometer
    if len(word) > 4:
        for suffix, repl in _SUFFIXES:
            if word.endswith(suffix):
                base = word[: -len(suffix)] + repl
                if len(base) < 3 or not _VOWELS.intersection(base):
                    continue
                if suffix == "s" and word[-2] in "sui":
                    break  # glass, bus, this
                if suffix in ("ed", "ing", "eth", "ings", "edly", "ingly") and len(base) >= 4 and base[-1] == base[-2] \
                        and base[-1] not in _VOWELS and (len(base) >= 6 or base[-1] not in "lsz"):
                    base = base[:-1]  # stopped, travelled
                word = base
                break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 5 and "our" in word[1:]:
        word = word[0] + word[1:].replace("our", "or")  # honour/honor, labour/labor
    return word


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str | None:
    """The comparison key of one surface word, or None for a stopword."""
    w = _fold(word)
    if w[0].isdigit():
        return _number(w)
    if w.endswith("'s"):
        w = w[:-2]
    if "'" in w:
        w = w.replace("'", "")
    if "." in w:
        return w.strip(".")  # U.S. -> u.s
    if w in STOPWORDS or len(w) < 2:
        return None
    if w in NUMBER_WORDS:
        return NUMBER_PREFIX + NUMBER_WORDS[w]
    if w in WEEKDAYS:
        return DATE_PREFIX + WEEKDAYS[w]
    if w in _MONTH_ALWAYS:
        return DATE_PREFIX + "m" + str(MONTHS[w])
    return stem(w)


def _number(w: str) -> str:
    w = w.rstrip("%")
    for suffix in ("st", "nd", "rd", "th", "s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", w):
        w = w.replace(",", "")
    return NUMBER_PREFIX + w


def split_words(text: str) -> list[str]:
    """The text cut into [between, word, between, word, ..., between]: WORD's words at odd places."""
    return (_SPLIT_ASCII if text.isascii() else _SPLIT).split(text)


def month_of(word: str) -> int | None:
    return MONTHS.get(_fold(word).rstrip("."))


def keys(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Comparison keys of text[start:end] in order, stopwords dropped, dates joined (April 25 == 25 April)."""
    per_word, dates = aligned_keys(WORD.findall(text, start, len(text) if end is None else end))
    return [k for k in per_word if k is not None] + dates


def aligned_keys(words: list[str], digits: bool = True) -> tuple[list[str | None], list[str]]:
    """The key of each word (None for stopwords), and the date keys the words make together.

    `digits=False` says the words hold no digit, so no date either (a shortcut for long texts).
    """
    per_word = list(map(normalise, words))
    return per_word, (_dates(words) if digits and any(w[0].isdigit() for w in words) else [])


def _dates(words: list[str]) -> list[str]:
    """A date key for each day number written beside a month name, in either order."""
    out = []
    for i, word in enumerate(words):
        if not word[0].isdigit():
            continue
        key = normalise(word)
        if key is None or not key[1:].isdigit() or not 1 <= int(key[1:]) <= 31:
            continue
        for j in (i - 1, i + 1):
            month = month_of(words[j]) if 0 <= j < len(words) and words[j][0].isalpha() else None
            if month is not None:
                # Ambiguous month words ("may", "march") count as months here, beside a day.
                out += (f"{DATE_PREFIX}{month}-{int(key[1:])}", f"{DATE_PREFIX}m{month}")
                break
    return out


def surface_classes(words: set[str]) -> tuple[set[str], set[str]]:
    """Keys ever written in lower case (what is never so is a name) and keys written in digits."""
    lower = {normalise(w) for w in words if w[0].islower()}
    digits = {normalise(w) for w in words if w[0].isdigit()}
    lower.discard(None)
    return lower, digits


def variants(lkeys: set[str], rkeys: set[str]) -> dict[str, str]:
    """Keys to fold onto another key of the two texts: demonyms, then spelling variants.

    Symmetric: swapping the texts folds the same keys onto the same canonical keys.
    """
    folded = _demonyms(lkeys | rkeys)
    folded.update(_fuzzy_variants(lkeys - folded.keys(), rkeys - folded.keys()))
    return folded


def _demonyms(keys: set[str]) -> dict[str, str]:
    """Fold a demonym onto its country when both occur (Korean/Korea, Russian/Russia)."""
    return {k: k[:-1] for k in keys if len(k) > 5 and k.endswith("an") and k[:-1] in keys}


def _fuzzy_variants(lkeys: set[str], rkeys: set[str]) -> dict[str, str]:
    """Fold a spelling found in one text only onto a close one found in the other only (Dimitry/Dmitry)."""
    only = {k: 0 for k in lkeys - rkeys} | {k: 1 for k in rkeys - lkeys}
    groups: dict[tuple[str, int], list[str]] = {}
    for k in sorted(only):
        if len(k) >= FUZZY_MIN_LENGTH and k.isalpha():
            groups.setdefault((k[0], only[k]), []).append(k)
    folded: dict[str, str] = {}
    for word in sorted(only):
        if word in folded or len(word) < FUZZY_MIN_LENGTH or not word.isalpha():
            continue
        choices = [c for c in groups.get((word[0], 1 - only[word]), ()) if c not in folded]
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF) if choices else None
        if best is not None and abs(len(best[0]) - len(word)) <= 2:
            folded[word] = folded[best[0]] = min(word, best[0])
    return {k: v for k, v in folded.items() if k != v}
