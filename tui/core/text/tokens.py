"""Word tokens and the normal form (keys) two texts are compared in.

The normal form folds case, diacritics, possessives, hyphenation (by splitting), British/American
spellings, light inflection (arrive/arrives/arrived) and spelled-out numbers, months and weekdays,
so that two wordings of one fact share keys. Stopwords normalise to None.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .words import LIGATURES, MONTHS, NUMBER_WORDS, WEEKDAYS, strip_accents

# Dotted acronyms (U.S.), letter runs with inner apostrophes (Korea's, don't), or digits (with
# thousands separators/decimals/ordinals); hyphens and slashes split words (Rossiya-24 == Rossiya
# 24). Letters are tried first: most words are letters, and the scan of a book is the cost.
WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?"
)
# The same words in ASCII-only text, twice as fast there; split() keeps the text between them too.
_SPLIT = re.compile(
    r"((?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?)"
)
_SPLIT_ASCII = re.compile(
    r"((?:[A-Za-z]\.){2,}|[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?%?)"
)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    upon unto thee thou thy thine ye hath doth shall shalt wilt art hast said say says saith
    also been its it's i'm let us may might must yet s t d ll re ve m o""".split()
)

# Attribution is not the fact: "the RIA news agency reported" is shared by facts that differ.
ATTRIBUTION = frozenset(
    "report reporter news agency told tell accord media sourc statement spokesman spokeswoman "
    "spokesperson interview broadcast quot comment add ask answer wrot writ note cit".split()
)

# "may", "march" and short forms are also plain words; they count as months only beside a day
# number.
_MONTH_ALWAYS = frozenset(n for n in MONTHS if len(n) > 4 and n != "march")
_LIGATURES = str.maketrans({**LIGATURES, "’": "'"})
_SUFFIXES = (
    ("izations", ""),
    ("isations", ""),
    ("ization", ""),
    ("isation", ""),
    ("ations", ""),
    ("ation", ""),
    ("izing", ""),
    ("ising", ""),
    ("ized", ""),
    ("ised", ""),
    ("izes", ""),
    ("ises", ""),
    ("ize", ""),
    ("ise", ""),
    ("ingly", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("eth", ""),
    ("ed", ""),
    ("es", ""),
    ("ly", ""),
    ("s", ""),
)
# The same list, in the same order, by last letter: a word is only tried against suffixes it can end
# with.
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {}
for _suffix in _SUFFIXES:
    _SUFFIXES_BY_LAST[_suffix[0][-1]] = _SUFFIXES_BY_LAST.get(_suffix[0][-1], ()) + (_suffix,)
_VOWELS = frozenset("aeiouy")

FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 85
NUMBER_PREFIX = "#"
DATE_PREFIX = "@"


def _fold(word: str) -> str:
    return strip_accents(word.casefold().translate(_LIGATURES))


def stem(word: str) -> str:
    """A light suffix stripper: inflections and -ize/-ation families, not a full Porter stemmer."""
    if len(word) > 5 and word.endswith("tre"):
        word = word[:-3] + "ter"  # centre/center, kilometre/kilometer
    if len(word) > 4:
        for suffix, repl in _SUFFIXES_BY_LAST.get(word[-1], ()):
            if word.endswith(suffix):
                base = word[: -len(suffix)] + repl
                if len(base) < 3 or not _VOWELS.intersection(base):
                    continue
                if suffix == "s" and word[-2] in "sui":
                    break  # glass, bus, this
                if (
                    suffix in ("ed", "ing", "eth", "ings", "edly", "ingly")
                    and len(base) >= 4
                    and base[-1] == base[-2]
                    and base[-1] not in _VOWELS
                    and (len(base) >= 6 or base[-1] not in "lsz")
                ):
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
    if not w:  # a word of marks alone (a halfwidth "ﾟ") folds to nothing
        return None
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
    """The text cut into [between, word, between,
    word, ..., between]: WORD's words at odd places."""
    return (_SPLIT_ASCII if text.isascii() else _SPLIT).split(text)


def word_spans(text: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """split_words' words as start and end offsets and strings, by array operations over runs of
    letters and digits instead of a regex scan (several times faster on a book, same words)."""
    code, letter, digit, chars = _kinds(text)
    ls, le = _runs(letter)
    ds, de = _runs(digit)
    code = np.concatenate((code, np.zeros(3, code.dtype)))  # lookahead past the end reads 0
    # Numbers: digit runs glued by one '.' or ',' (1,000.5); a suffix (st nd rd th s) and '%' may
    # follow.
    sep = code[de[:-1]]
    glued = (de[:-1] + 1 == ds[1:]) & ((sep == ord(".")) | (sep == ord(",")))
    first, last = np.ones(len(ds), bool), np.ones(len(ds), bool)
    first[1:] = last[:-1] = ~glued
    cs, ce = ds[first], de[last]
    cut = ce.copy()
    for a, b in _SUFFIX2:
        cut += 2 * ((code[ce] == ord(a)) & (code[ce + 1] == ord(b)))
    cut += (cut == ce) & (code[ce] == ord("s"))
    # Suffix letters belong to the number; the rest of their letter run is a word of its own.
    own = ls.copy()
    has = cut > ce
    own[np.searchsorted(ls, ce[has])] = cut[has]
    percent = code[cut] == ord("%")
    ce = cut + percent
    # Letter runs joined by one apostrophe make one word (don't, Korea's), unless the left is a
    # suffix.
    after = code[le]
    join = np.zeros(len(ls), bool)
    join[:-1] = (
        (le[:-1] + 1 == ls[1:])
        & ((after[:-1] == ord("'")) | (after[:-1] == ord("’")))
        & (own[:-1] < le[:-1])
    )
    joined = np.zeros(len(ls), bool)
    joined[1:] = join[:-1]
    acronym, astart, aend = _acronyms(ls, le, own, joined, after == ord("."))
    word = (own < le) & ~acronym
    starts = np.concatenate((own[word & ~joined], cs, astart))
    ends = np.concatenate((le[word & ~join], ce, aend))
    if len(cs) or len(astart):
        order = np.argsort(starts, kind="stable")  # three sorted runs: a linear merge
        starts, ends = starts[order], ends[order]
    # The marks words hold, put back into the text where all but letters and digits is blank.
    marks = np.concatenate((le[join | acronym], de[:-1][glued], cut[percent]))
    chars[marks] = code[marks]
    return starts, ends, _strings(chars, starts, ends)


def _acronyms(ls, le, own, joined, dotted) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which letter runs dotted acronyms (U.S.) take, and the acronyms' starts and ends.

    An acronym is two or more 'letter.' pairs from where a word starts: runs of one letter then a
    dot chain into pairs, and the first pair may be the last letter of a longer run.
    """
    ends_pair = np.flatnonzero(dotted)
    if not len(ends_pair):
        return np.zeros(len(ls), bool), ends_pair, ends_pair
    chain = dotted[:-1] & dotted[1:] & (le[1:] - ls[1:] == 1) & (le[:-1] + 1 == ls[1:])
    first = np.flatnonzero(np.r_[True, ~chain[ends_pair[:-1]]])
    count = np.diff(np.r_[first, len(ends_pair)])
    run = ends_pair[first]
    keep = count >= 2
    run, count = run[keep], count[keep]
    # Its first letter starts a word if it is all that is left of its run and no apostrophe joins
    # it.
    later = (own[run] != le[run] - 1) | joined[run]
    run, count = run + later, count - later
    keep = count >= 2
    run, count = run[keep], count[keep]
    taken = np.zeros(len(ls) + 1, np.int8)
    np.add.at(taken, run, 1)
    np.add.at(taken, run + count, -1)
    return np.cumsum(taken[:-1]) > 0, le[run] - 1, le[run + count - 1] + 1


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and (exclusive) ends of the runs of True in mask."""
    edges = np.flatnonzero(np.diff(mask, prepend=False, append=False))
    return edges[0::2], edges[1::2]


def _strings(chars: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[str]:
    """The words as strings: blanks between them (no word holds one), so str.split makes them at C
    speed."""
    touching = starts[1:][starts[1:] == ends[:-1]]
    if len(touching):
        chars = np.insert(chars, touching, 32)  # words with nothing between them (1st2, 1stuff)
    return chars.tobytes().decode(_CODECS[chars.dtype.itemsize]).split()


def _kinds(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The code points of text (as uint8, uint16 or uint32: the least that holds them), which are
    letters, which digits, and a writable copy of the code points with all but letters and digits
    blank."""
    if text.isascii():
        raw = text.encode("ascii")
        chars = np.frombuffer(bytearray(raw.translate(_ASCII_BLANKS)), np.uint8)
        return (
            np.frombuffer(raw, np.uint8),
            chars > ord("9"),
            (chars <= ord("9")) & (chars != 32),
            chars,
        )
    code = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), np.uint16)
    if not ((code >> 11) == 0xD800 >> 11).any():
        kind = _bmp_kinds()[code]
    else:  # a surrogate: a char beyond the BMP, or a lone one
        code = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
        astral = code > 0xFFFF
        kind = _bmp_kinds()[np.where(astral, 0, code)]
        distinct, which = np.unique(code[astral], return_inverse=True)
        kind[astral] = _classify("".join(map(chr, distinct.tolist())))[which]
    return code, kind == _LETTER, kind == _DIGIT, np.where(kind > 0, code, code.dtype.type(32))


def _classify(chars: str) -> np.ndarray:
    """The kind of each char of chars, decided by WORD's own character classes."""
    out = np.zeros(len(chars), np.uint8)
    for kind, pattern in ((_LETTER, _LETTERS), (_DIGIT, _DIGITS)):
        for m in pattern.finditer(chars):
            out[m.start() : m.end()] = kind
    return out


@lru_cache(maxsize=1)
def _bmp_kinds() -> np.ndarray:
    """Kinds of all BMP code points (14 ms, on the first non-ASCII text)."""
    return _classify("".join(map(chr, range(0x10000))))


_LETTER, _DIGIT = 1, 2
_LETTERS, _DIGITS = re.compile(r"[^\W\d_]+"), re.compile(r"\d+")
_SUFFIX2 = ("st", "nd", "rd", "th")
_CODECS = {1: "ascii", 2: "utf-16-le", 4: "utf-32-le"}
# ASCII letters and digits stay, all else becomes a blank; then letters are the bytes above '9'.
_ASCII_BLANKS = bytes(c if c < 128 and _classify(chr(c))[0] else 32 for c in range(256))


def month_of(word: str) -> int | None:
    return MONTHS.get(_fold(word).rstrip("."))


def keys(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Comparison keys of text[start:end] in order, stopwords dropped, dates joined (April 25 == 25
    April)."""
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
    """Fold a spelling found in one text only onto a close one found in the other only
    (Dimitry/Dmitry)."""
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
        best = (
            process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if choices
            else None
        )
        if best is not None and abs(len(best[0]) - len(word)) <= 2:
            folded[word] = folded[best[0]] = min(word, best[0])
    return {k: v for k, v in folded.items() if k != v}
