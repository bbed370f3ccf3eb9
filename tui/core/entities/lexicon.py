"""The word lists, patterns and spelling keys the entity scanner uses; no state of its own."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .. import data
from ..model import ENTITY_TYPES

PERSON, PLACE, ORG, OTHER, DATE, NUMBER = ENTITY_TYPES

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
        "was born",
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

MONTHS = {
    m.lower(): i
    for i, m in enumerate(
        (
            "January February March April May June July August September October November December"
        ).split(),
        1,
    )
}
MONTHS.update({m[:3].lower(): i for m, i in list(MONTHS.items())} | {"sept": 9})
WEEKDAYS = frozenset(d + "day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"))


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
    "(?:nd|s|t|)\b"."""
    rests: dict[str, list[str]] = {}
    for word in _OPENING.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"(?<={first})(?:{'|'.join(rest)})\\b" for first, rest in rests.items())


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


_DASHES = str.maketrans(
    {"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'", "\u00a0": " "}
    # Letters NFKD leaves whole: "Alphæus" is "Alphaeus", "Łódź" is "Lodz".
    | {
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
    }
)


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


@lru_cache(maxsize=65536)
def spelling_key(surface: str) -> str:
    """Spelling-insensitive key: no diacritics, case, dots, hyphens or a leading 'the'."""
    s = surface.translate(_DASHES)
    if not s.isascii():  # ASCII has nothing to decompose
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
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
    """The word that says what a name is: "University" in "University of Tokyo", else the last."""
    if "of" in lw:
        before = lw[lw.index("of") - 1] if lw.index("of") else ""
        if before in ORG_HEADS or before in PLACE_HEADS:
            return before
    return lw[-1]


_PUNCT = "\"'“”‘’()[],.;:!?"


def prev_words(masked: str, start: int) -> tuple[str, str, str]:
    """The word before a name on its line, the head of an "X of" before it, the word before a "the"
    or "to"."""
    line = masked[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    words = line.replace(",", " ").rsplit(None, 2)  # the last two words are all it reads
    last = words[-1] if words else ""
    if (
        last.endswith((".", "!", "?", ";", ":"))
        and last.lower() not in TITLES
        and last.count(".") < 2
    ):
        return (
            "",
            "",
            "",
        )  # the word before belongs to another sentence ("Mr." and "U.S." do not end one)
    prev = last.strip(_PUNCT).rsplit("-", 1)[-1].lower()
    before = words[-2].strip(_PUNCT).lower() if len(words) > 1 else ""
    return prev, (before if prev == "of" else ""), (before if prev in ("the", "to") else "")


# "X is a French rock band", "X, an American singer": the noun saying what X is.
_COPULA_RE = re.compile(r"(?:\s+(?:is|was|are|were)|\s*,)\s+(?:a|an|the|one of the)\s+")
_KIND_END = frozenset({"of", "in", "from", "based", "at", "for", "with", "and", "who", "which"})
# Person cues that are not kinds of person after "is a" ("a general term", "a late addition").
_NOT_KINDS = frozenset({"general", "late", "staff"})


def kind_noun(masked: str, end: int) -> str:
    """The first head or person noun of an "is a ..." or ", a ..." after a name, else ""."""
    m = _COPULA_RE.match(masked, end, end + 20)
    if m is None:
        return ""
    for word in masked[m.end() : m.end() + 60].split()[:6]:
        w = word.strip(_PUNCT).lower()
        if w in _KIND_END:
            break
        if w in ORG_HEADS or w in PLACE_HEADS or w in OTHER_HEADS:
            return w
        if w in PERSON_CUES and w not in _NOT_KINDS:
            return w
        if word[-1:] in ",.;:":
            break
    return ""


def next_words(masked: str, end: int) -> tuple[str, str, bool]:
    """The word after a name on its line, an apposition's noun (", a professor") and ", who"."""
    line = masked[end : end + 40].split("\n", 1)[0]
    if line.startswith(","):
        words = line[1:].split()
        if words and words[0] in ("a", "an", "the") and len(words) > 1:
            return "", words[1].strip(_PUNCT).lower(), False
        return "", "", bool(words) and words[0] == "who"
    if line[:1] in (" ", "\t", "\xa0"):
        words = line.split()
        return (words[0].strip(_PUNCT).lower() if words else ""), "", False
    return "", "", False
