"""The word lists, patterns and spelling keys the entity scanner uses; no state of its own."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import data
from ..model import ENTITY_TYPES
from ..text.words import LIGATURES, strip_accents

PERSON, PLACE, ORG, OTHER, DATE, NUMBER = ENTITY_TYPES

# Function words that are never a name by themselves. Matching has its own, shorter STOPWORDS
# (tokens.py): words that carry no fact; "former" or "everyone" carry some, yet are never names.
STOP = data.words("stopwords.txt")
COMMON = data.words("common_words.txt")
TITLES = frozenset(t.lower() for t in data.lines("titles.txt"))
PERSON_CUES = data.words("person_cues.txt") | {t for t in TITLES if " " not in t}
ORG_HEADS = data.words("org_heads.txt")
PLACE_HEADS = data.words("place_heads.txt")
OTHER_HEADS = data.words("other_heads.txt")
DEMONYMS = data.words("demonyms.txt")
FIRST_NAMES = data.words("first_names.txt")
SURNAMES = data.words("surnames.txt")
COMPASS = frozenset({"north", "south", "east", "west"})
PLACE_PREPS = frozenset(
    {
        "in",
        "to",
        "from",
        "near",
        "into",
        "across",
        "toward",
        "towards",
        "via",
        "outside",
        "visited",
        "at",
        "в",
        "во",
        "из",
    }
)
ORG_AFTER = frozenset({"aide", "aides", "spokesman", "spokeswoman", "official", "officials"})
SAY = frozenset({"said", "says", "told", "added"})
# Verbs only people do: after a name they vote for a person more than "said" (which agencies do).
PERSON_VERBS = frozenset(
    {
        "died",
        "married",
        "smiled",
        "laughed",
        "wept",
        "answered",
        "replied",
        "recalled",
        "spoke",
        "spake",
        "himself",
        "herself",
    }
)
# "said to Moses": after these verbs "to" leads to a listener, not a destination.
SPOKE = frozenset(
    {
        "said",
        "say",
        "says",
        "saying",
        "spoke",
        "spake",
        "speak",
        "speaks",
        "spoken",
        "talked",
        "answered",
        "replied",
        "cried",
        "wrote",
        "prayed",
        "complained",
        "listened",
        "hearkened",
    }
)
# Modifiers an organisation's name gains or swaps over time (Far Eastern State/Federal University).
GENERIC = frozenset(
    {"state", "federal", "national", "public", "royal", "imperial", "international", "municipal"}
)
CONNECTORS = frozenset(
    {
        "of",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "dos",
        "das",
    }
)


def _upper_class() -> str:
    """A regex class of the upper-case letters below U+3000 (Latin, Greek, Cyrillic...)."""
    chars = [chr(c) for c in range(0x3000) if chr(c).isupper()]
    return "".join(re.escape(c) for c in chars)


_UP = _upper_class()
# The commonest sentence openers are refused inside the regex: most capitals in long texts are
# these.
_OPENING = "And|The|I|For|But|Then|He|Now|So|If|Thus|They|In|It|A|We|This|When|She|What|Who|There|As|At|Ye|O"  # noqa: E501


def _refused_openers() -> str:
    """`(?!(?:And|The|...)\b)` asked one character in, once the capital is read: "A" then
    "(?:nd|s|t)\b", or a lone "A" not before a full stop (then it may be an initial)."""
    rests: dict[str, list[str]] = {}
    for word in _OPENING.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    out = []
    for first, rest in rests.items():
        alts = [f"(?:{'|'.join(r for r in rest if r)})\\b"] if any(rest) else []
        if "" in rest:
            alts.append("\\b(?!\\.)")
        out.append(f"(?<={first})(?:{'|'.join(alts)})")
    return "|".join(out)


# The pattern opens with a bare class (the capital), so the engine skips other characters in C.
CAP_RE = re.compile(
    rf"[{_UP}](?<![\w'’-].)(?!{_refused_openers()})"
    rf"(?:\.(?:[{_UP}]\.)+|\w*(?:[-'’](?![sS]\b)\w+|&[{_UP}]\w*)*(?:/[{_UP}]\w*)?)"
)
# A results line: "Leeds 0 Everton 3", "Arsenal 2-1 Chelsea" (team names of one to four words).
_TEAM = rf"[{_UP}][\w.'&-]*(?:[ \t]+[{_UP}][\w.'&-]*){{0,3}}"
RESULT_LINE_RE = re.compile(
    rf"(?m)^[ \t]*{_TEAM}[ \t]+\d{{1,3}}(?:[ \t]*[-–:][ \t]*\d{{1,3}})?[ \t]+{_TEAM}"
    rf"(?:[ \t]+\d{{1,3}})?[ \t]*$"
)
LOWER_RE = re.compile(r"(?<![\w'’])[a-zà-öø-ÿ]+")
DIGIT_RE = re.compile(r"\d")
LOWER_PART_RE = re.compile(r"-(?=[a-zà-ÿ])")
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
GAP_RE = re.compile(r"(\.?)\s+(?:(\w+(?:\s+\w+)?)\s+)?")
SEGMENT_RE = re.compile(r"[^:\[\]()\"“”|•—–]+")
FIRST_RE = re.compile(r"[^\W_]")
NUM_TAIL_RE = re.compile(r"\s(\d{1,3})(?=\s+(\w+))")
COORD_RE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
# After these a capital may only open a clause; "(Reuters)" and "[...]" are not among them.
OPENERS = frozenset(':"“‘—–•*#>|¿¡')
_MASK_ANCHOR = re.compile(r"://|www\.|\.(?:com|org|net|ru|gov)/|@\w|\]\(")


def mask(text: str) -> str:
    """The text with web addresses, handles and link targets blanked (same length, same offsets)."""
    if "/" not in text and "@" not in text and "]" not in text and "www." not in text:
        return text  # no anchor can match (a book): memchr is far quicker than the regex scan
    pieces, last = [], 0
    for m in _MASK_ANCHOR.finditer(text):
        start = m.start() + 2 if m.group() == "](" else m.start()
        while start > last and not text[start - 1].isspace() and m.group() != "](":
            start -= 1
        end = m.end()
        while end < len(text) and not text[end].isspace() and text[end] != ")":
            end += 1
        if start >= last:
            pieces += [text[last:start], " " * (end - start)]
            last = end
    pieces.append(text[last:])
    return "".join(pieces)


_DASHES = str.maketrans(
    {"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'", "\u00a0": " "}
    | LIGATURES
)


@lru_cache(maxsize=65536)
def spelling_key(surface: str) -> str:
    """Spelling-insensitive key: no diacritics, case, dots, hyphens or a leading 'the'."""
    s = surface.translate(_DASHES)
    s = strip_accents(s)
    s = " ".join(_KEY_BREAK.split(s.lower().replace(".", ""))).strip()
    return s[4:] if s.startswith("the ") else s


_KEY_BREAK = re.compile(r"[-/\s]+")


GAZ_SAME = {
    spelling_key(name.strip()): spelling_key(line.split("|")[0].strip())
    for line in data.lines("gazetteer.txt")
    for name in line.split("|")
}
GAZ = frozenset(GAZ_SAME)


# GeoNames towns, regions and countries: a place unless the text says otherwise (weaker than GAZ).
def _place_key(name: str) -> str:
    """spelling_key, skipping its work for the plain ASCII names most places have (faster start)."""
    key = name.lower()
    plain = key.isascii() and key.replace(" ", "").isalpha() and "  " not in key
    return key if plain and not key.startswith("the ") else spelling_key(name)


WORLD = frozenset(map(_place_key, data.lines("places.txt"))) | GAZ


# How a people's word is made from its place's name: (ending, what replaces it in the place).
_DEMONYM_ENDINGS = (
    ("n", ""),  # Prussia-n, Minnesota-n
    ("ian", ""),  # Brazil-ian
    ("ian", "a"),  # Canad-ian
    ("ese", ""),  # Japan-ese
    ("ese", "a"),  # Chin-ese
    ("er", ""),  # Queensland-er, New York-er
)


@lru_cache(maxsize=4096)
def is_demonym(wl: str) -> bool:
    """A nationality or faith word (list), or one made from a known place's name ("Prussian",
    "Minnesotan", "Queenslanders"), unless the word is itself a place or a person's name."""
    forms = (wl, wl[:-1]) if wl.endswith("s") else (wl,)
    if any(word in DEMONYMS for word in forms):
        return True  # "Kenyans", "Americans"
    if wl in WORLD or wl in FIRST_NAMES or wl in SURNAMES or len(wl) < 5:
        return False
    for word in forms:
        for ending, repl in _DEMONYM_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                base = word[: -len(ending)] + repl
                # "-n" only after a longer name in "-a": "Teman" and "Nisan" are no Tema's people
                short = ending == "n" and (base[-1] != "a" or len(base) < 6)
                if base in WORLD and base not in FIRST_NAMES and not short:
                    return True
    return False


def lower_counts(text: str) -> Counter:
    """How often each lower-case word (LOWER_RE) occurs: counted once per distinct
    whitespace-separated token, since a match never crosses a space and its look-behind sees a space
    at a token's start."""
    counts: Counter = Counter()
    find = LOWER_RE.findall
    for token, n in Counter(text.split()).items():
        for word in find(token):
            counts[word] += n
    return counts


def is_common(wl: str, lower: Counter) -> bool:
    """A word the text or the language uses as an ordinary word (inflections included)."""
    if wl in STOP or wl in COMMON or lower.get(wl):
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("ful", ""),
        ("est", ""),  # "Answerest thou nothing?": the older second and third persons
        ("eth", ""),
        ("eth", "e"),
    ):
        if wl.endswith(suffix) and len(wl) > len(suffix) + 2:
            base = wl[: -len(suffix)] + repl
            if base in COMMON or lower.get(base):
                return True
    return False


def head_word(lw: list[str]) -> str:
    """The word that says what a name is: "University" in "University of Tokyo" or "Institute for
    X", else the last."""
    for k in range(1, len(lw) - 1):
        if lw[k] in _HEAD_CONNECTORS and (lw[k - 1] in ORG_HEADS or lw[k - 1] in PLACE_HEADS):
            return lw[k - 1]
    if len(lw) > 1 and _NUMERAL_RE.fullmatch(lw[-1]):
        return lw[-2]  # "World War II", "NCAA Division II": the numeral tells one from another
    return lw[-1]


_NUMERAL_RE = re.compile(r"[ivx]+|\d+")


_HEAD_CONNECTORS = frozenset({"of", "for", "of the"})
