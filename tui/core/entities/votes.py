"""What a name's own words and the words around it say about its type: given names, heads,
gazetteer, acronyms; titles and roles before it, "is a ..." and "was founded" after it."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..text.lexical import zipf
from ..text.tokens import normalise
from .lexicon import (
    COMPASS,
    CONNECTORS,
    DEMONYMS,
    DIGIT_RE,
    FIRST_NAMES,
    GAZ,
    GAZ_SAME,
    ORG,
    ORG_AFTER,
    ORG_HEADS,
    OTHER,
    OTHER_HEADS,
    PERSON,
    PERSON_CUES,
    PERSON_VERBS,
    PLACE,
    PLACE_HEADS,
    PLACE_PREPS,
    SAY,
    SPOKE,
    STOP,
    SURNAMES,
    TITLES,
    WORLD,
    head_word,
    spelling_key,
)

# Titles borne as part of the name that follows them ("King Carlos I", "Pope Francis").
BORNE_TITLES = frozenset(
    "king queen prince princess emperor empress pope duke duchess tsar czar sultan emir".split()
)
_ROMAN_RE = re.compile(r"[IVXLCDM]+")
_COMMON_ZIPF = 4.7  # "era", "live" and "pm" are above; "bbc", "nato" and "fifa" below
_MODEL_RE = re.compile(r"[A-Z]{1,3}-?\d{1,4}[A-Z]?")
_FIGURE_RE = re.compile(r"(\d+(?:[.,]\d+)?)[ \t]$")


def _figure_unit(masked: str, start: int, end: int) -> bool:
    """A short all-capitals word right after a figure that is no year ("a 2.26 ERA", "34 KO"): the
    figure's unit or statistic, not an organisation."""
    word = masked[start:end]
    m = _FIGURE_RE.search(masked, max(0, start - 12), start)
    if m is None or not word.isupper() or len(word) > 4:
        return False
    if len(m.group(1)) == 4 and m.group(1).isdigit():
        return False  # "in 2004 NATO expanded"
    nxt = masked[end : end + 20].split()[:1]
    noun = nxt[0].strip(_PUNCT) if nxt else ""
    # "20 NHL goals", "5 UN peacekeepers": the body named before what it owns.
    return not (noun[:1].islower() and noun.isalpha() and noun not in STOP)


# "the Crystals won 3-2", "Montreal Victorias defeated the champions 4-0": a team and its score.
_SCORED_RE = re.compile(
    r"\s+(?:won|lost|defeated|beat|drew|tied)\b[^.;\n]{0,40}?\b\d{1,2}[-–]\d{1,2}\b"
)
# What only a person has: "Merle Travis's son", "Belgrano's death", "the widow of Uriah".
_KIN = frozenset(
    "son sons daughter daughters wife husband widow father mother brother brothers sister sisters"
    " nephew niece grandson granddaughter parents death birth funeral childhood girlfriend"
    " boyfriend".split()
)
_KIN_RE = re.compile(r"\s?['’]s\s+(?:\w+\s+)?(?:" + "|".join(sorted(_KIN)) + r")\b")
_DATED_RE = re.compile(r"\s*\(\s*\d{4}\s*\)")
_BORN_RE = re.compile(r"\s*[(,]\s*(?:born|b\.|née|n[eé]e|c\.\s*)?\s*\d{3,4}\b|\s*\(\s*born\b")
_DONE_RE = re.compile(
    r"\s+(?:was|were|is|are|has been|had been)\s+(?:first\s+|originally\s+)?"
    r"(born|founded|formed|established|incorporated|headquartered|listed|acquired)\b"
)
# "members of X", "chief executive of X": what stands before "of X" when X is an organisation.
_ORG_OF = frozenset(
    "member members ceo executive chairman shareholders subsidiary division employees founder"
    " founders co-founder owner owners".split()
)
# "mayor of X", "the invasion of X": what stands before "of X" when X is a place.
_PLACE_OF = frozenset(
    "mayor governor residents villagers inhabitants citizens natives invasion outskirts suburbs"
    " shore shores prairie streets occupation liberation".split()
)
_MADE = frozenset(
    "founded led written directed produced composed painted sung performed created designed"
    " invented discovered coached managed edited illustrated translated narrated".split()
)
# Place words that open a name: "River Mersey", "Lake Geneva", "Mount Hood", "Fort Worth".
_PLACE_FIRST = frozenset("river lake mount mt cape fort port gulf bay isle".split())
# Club words that open a club's name.
_CLUB_FIRST = frozenset("fc afc ac sc cf cd sv fk sk club".split())
_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b")
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


def _common_noun_before(masked: str, start: int) -> bool:
    """Whether the word before a name is written in lower case: a head noun that describes it
    ("the band Korn", "the label, Soleilmoon"), not the end of another name ("the California
    League, Gaudin took")."""
    words = masked[max(0, start - 40) : start].replace(",", " ").split()
    return bool(words) and words[-1][:1].islower()


# ", Spain" or ", New South Wales" after a name: the larger place it lies in.
_WITHIN_RE = re.compile(r"\s*,\s+((?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w.'’-]*)\s*(?=[,.;)\n]|$)")


def in_region(masked: str, end: int) -> bool:
    """Whether a name is followed by ", <country or region>" and the clause ends there ("Debden,
    England,", "Mojave, California."): a town named with where it lies."""
    m = _WITHIN_RE.match(masked, end, end + 40)
    return m is not None and spelling_key(m.group(1)) in WORLD


# "X is a French rock band", "X, an American singer": the noun saying what X is.
_COPULA_RE = re.compile(
    r"(?:\s+(?:is|was|are|were)|\s*,)\s+(?:a|an|the|one of the|his|her|their|its)\s+"
)
_KIND_END = frozenset({"of", "in", "from", "based", "at", "for", "with", "and", "who", "which"})
# Person cues that are not kinds of person after "is a" ("a general term", "a late addition").
_NOT_KINDS = frozenset({"general", "late", "staff"})


# "X, a pagan people", "X is a Bantu language": a people or a tongue, neither a body nor a place.
_PEOPLES = frozenset({"people", "peoples", "tribe", "tribes", "language", "languages", "dialect"})


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
        if w in _PEOPLES:
            return "people"
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


# "guitarists such as X", "bands including X": a plural kind before a list of examples.
_EXAMPLE_CUES = frozenset({"as", "including", "like"})


def example_kind(before: list[str]) -> str | None:
    """The type that a plural kind noun before "such as" / "including" gives the names after it
    (`before`: the words before the name, lower case, last first)."""
    if not before or before[0] not in _EXAMPLE_CUES:
        return None
    k = 2 if before[0] == "as" else 1
    if k == 2 and before[1:2] != ["such"]:
        return None
    noun = before[k].rstrip(",") if len(before) > k else ""
    for kind in (noun[:-1], noun[:-2], noun[:-2] + "e"):  # "guitarists", "boxes", "houses"
        if not noun.endswith("s") or not kind:
            continue
        if kind in ORG_HEADS:
            return ORG
        if kind in PLACE_HEADS:
            return PLACE
        if kind in PERSON_CUES:
            return PERSON
    return None


# What one does to an organisation and seldom to a person: "joined Korn", "signed with Decca",
# "played for the Athletics", "acquired Datecs".
_DONE_TO_ORG = frozenset({"joined", "formed", "acquired"})
_DONE_TO_ORG_PAIRS = frozenset(
    {
        ("with", "signed"),
        ("to", "signed"),
        ("for", "played"),
        ("for", "pitched"),
        ("to", "traded"),
        ("with", "merged"),
        ("of", "subsidiary"),
        ("of", "division"),
        ("by", "owned"),
        ("by", "sponsored"),
        ("by", "distributed"),
        ("by", "published"),
        ("by", "manufactured"),
        ("by", "acquired"),
        ("by", "operated"),
    }
)


def done_to_org(before: list[str]) -> bool:
    """Whether the words before a name (lower case, last first) say it was joined or signed with."""
    if before[:1] == ["the"]:
        before = before[1:]
    return bool(before) and (before[0] in _DONE_TO_ORG or tuple(before[:2]) in _DONE_TO_ORG_PAIRS)


_DOCTRINES = ("ism", "ology")


_OPEN_QUOTES = frozenset('"“‘«')
_CLOSE_QUOTES = frozenset('"”’»')


def quoted(masked: str, start: int, end: int) -> bool:
    """Whether a name fills a quoted stretch by itself ('the single " Rock Out "', '“The
    Fantasy”') or stands in a quoted title ('" Anarchy in Tokyo "'): a title of a work, a slogan
    or a nickname, not a person, place or organisation."""
    before = masked[max(0, start - 40) : start]
    i = -1
    for q in _OPEN_QUOTES:
        i = max(i, before.rfind(q))
    if i < 0 or "\n" in before[i:]:
        return False  # most names: no quote opens before them on their line
    after = masked[end : end + 40].split("\n", 1)[0]
    j = min((k for k in map(after.find, _CLOSE_QUOTES) if k >= 0), default=-1)
    if j < 0:
        return False
    inside = (before[i + 1 :] + after[:j]).split()
    if not inside:
        return True
    return len(inside) <= 6 and all(w[:1].isupper() or len(w) <= 3 for w in inside)


def _english_word(surface: str) -> bool:
    """A single capitalised word English uses often ("Fellow", "Leadership"): a role or a thing
    before a pronoun more often than the person the pronoun stands for."""
    wl = surface.lower()
    if " " in wl or surface.isupper() or wl in FIRST_NAMES or wl in SURNAMES:
        return False
    return english(wl)


def context_votes(masked: str, start: int, end: int, votes: dict) -> None:
    """Votes from the words around a name: titles and roles, place prepositions, org words."""
    prev, of_head, before = prev_words(masked, start)
    if of_head in PLACE_HEADS or of_head in _PLACE_OF:
        votes[PLACE] += 3
    elif of_head in _ORG_OF:  # "members of Korn", "chief executive of Zorvex"
        votes[ORG] += 2
    elif of_head in _KIN:
        votes[PERSON] += 2
    if prev == "the":  # people seldom take an article: "the Kremlin", "in the Bundestag"
        votes[ORG] += 0.3
        if before in PLACE_PREPS:
            votes[PLACE] += 1
    if prev in PERSON_CUES:
        votes[PERSON] += 2
    elif prev == "to" and before in SPOKE:
        votes[PERSON] += 1
    elif prev == "by" and before in _MADE:  # "founded by Gary LeGare", "directed by X"
        votes[PERSON] += 1.5
    elif prev in ("née", "nee"):
        votes[PERSON] += 2
    elif prev in PLACE_PREPS or prev == "between":
        votes[PLACE] += 1
    elif prev in ORG_HEADS and prev not in OTHER_HEADS and _common_noun_before(masked, start):
        votes[ORG] += 2
    elif prev in PLACE_HEADS and _common_noun_before(masked, start):
        votes[PLACE] += 2
    nxt, appos, who = next_words(masked, end)
    if appos in PERSON_CUES or who:
        votes[PERSON] += 2
    for word in (appos, nxt):
        if word not in ORG_HEADS and word.endswith("ies") and word[:-3] + "y" in ORG_HEADS:
            word = word[:-3] + "y"  # "the Labor or Liberal parties"
        if (
            word in ORG_HEADS and word != "administration"
        ):  # "the Trump administration" is his government
            votes[ORG] += 2
        elif word in PLACE_HEADS:
            votes[PLACE] += 2
    if nxt in ORG_AFTER:
        votes[ORG] += 1
    elif nxt in SAY:
        votes[PERSON] += 0.5
    elif nxt in PERSON_VERBS:
        votes[PERSON] += 1
    if prev in OTHER_HEADS or nxt in OTHER_HEADS:  # "the album Fame", "the Fame album"
        votes[OTHER] += 2
    if quoted(masked, start, end):
        votes[OTHER] += 3
    before_words = masked[max(0, start - 40) : start].lower().split()[::-1][:4]
    if done_to_org(before_words):
        votes[ORG] += 1.5
    example = example_kind(before_words)
    if example:
        votes[example] += 2
    kind = kind_noun(masked, end)
    if kind:
        if kind in ORG_HEADS:
            votes[ORG] += 3
        elif kind in PLACE_HEADS:
            votes[PLACE] += 3
        elif kind in OTHER_HEADS or kind == "people":
            votes[OTHER] += 3
        else:
            votes[PERSON] += 3
    if in_region(masked, end):
        votes[PLACE] += 1.5
    after = masked[end : end + 60]
    done = _DONE_RE.match(after)
    if done:  # "X was founded in 1990", "X was born in Ohio"
        votes[PERSON if done.group(1) == "born" else ORG] += 3
    elif after.startswith(("-based", "–based")):  # "a Dublin-based firm"
        votes[PLACE] += 2
    if masked[start - 2 : start - 1].isdigit() and _figure_unit(masked, start, end):
        votes[OTHER] += 3
    if (prev == "the" or masked[end - 1 : end] == "s") and _SCORED_RE.match(after):
        votes[ORG] += 1.5
    if after[:3].lstrip()[:1] in "'’" and _KIN_RE.match(after):
        votes[PERSON] += 2
    if _DATED_RE.match(after):  # "Hollywood Canteen (1944)": a work and its year
        votes[OTHER] += 2
    elif _BORN_RE.match(after):  # "Hitzig (born 1950)", "Lessing (1729-1781)"
        votes[PERSON] += 2
    else:
        clause = after.split(".", 1)[0]
        if _PRONOUN_RE.search(clause) and not _english_word(masked[start:end]):
            votes[PERSON] += 0.5  # "Budjana released his first album"; not "a Fellow, where he"


def _common_word(surface: str) -> bool:
    """An all-capitals word English uses often in lower case ("LIVE", "VIDEO", "ERA"), unlike an
    acronym ("NATO", "BBC"): general-English frequency, not this text's."""
    key = normalise(surface.lower()) if " " not in surface else None
    return key is not None and zipf(key) >= _COMMON_ZIPF


# Below this general-English frequency (Zipf) a word is no ordinary English word: "Bresh", "Teofil".
_RARE_ZIPF = 3.5
# From this one on, a word is an ordinary English one: "senior", "major", "coach".
_ENGLISH_ZIPF = 4.0


@lru_cache(maxsize=8192)
def english(wl: str) -> bool:
    """Whether a lower-cased word is one English uses often."""
    key = normalise(wl)
    return key is not None and zipf(key) >= _ENGLISH_ZIPF


def unenglish(words: tuple[str, ...], lw: list[str], lower: Counter) -> bool:
    """Whether every word of a name of two or three (connectors aside) is a capitalised word that
    English seldom uses and the text never writes in lower case ("Thom Bresh", "Teofil
    Lenartowicz", "Augusto Pinochet"): a person's given name and surname, by their shape alone."""
    kept = [(w, wl) for w, wl in zip(words, lw) if wl not in CONNECTORS]
    if not 2 <= len(kept) <= 3:
        return False
    for w, wl in kept:
        if not w[:1].isupper() or (len(w) > 2 and w.isupper()) or DIGIT_RE.search(w):
            return False
        key = normalise(wl)
        if key is None or lower.get(wl) or zipf(key) >= _RARE_ZIPF or wl in DEMONYMS:
            return False
    return True


def name_votes(
    surface: str, words: tuple[str, ...], cap_all: Counter, lower: Counter | None = None
) -> tuple[str, dict]:
    """The key of a name and the votes it earns by itself: gazetteer, head word, given name,
    acronym, digits."""
    votes: dict = {}
    key = spelling_key(surface)
    key = GAZ_SAME.get(key, key)  # "U.S." and "United States" are one place
    if len(words) > 1 and words[0].lower() in BORNE_TITLES:
        key = key.split(" ", 1)[1]  # "King Solomon" is Solomon: one entity with the bare name
    if key in GAZ:
        votes[PLACE] = 3.0
    elif key in WORLD:
        votes[PLACE] = 2.0
    elif key.endswith("s") and key[:-1] in GAZ:
        votes[PLACE] = 2.0
    elif " " in key and key.split(" ", 1)[0] in DEMONYMS and key.split(" ", 1)[1] in WORLD:
        votes[PLACE] = 2.0  # "Western Australia", "British Columbia": a place of the place's name
    lw = [w.lower() for w in words]
    head = head_word(lw).replace(".", "")  # "Sunderland A.F.C." is headed by "afc"
    if head in ORG_HEADS:
        votes[ORG] = 3.0
    elif head in PLACE_HEADS:
        votes[PLACE] = votes.get(PLACE, 0.0) + 3
    elif head in OTHER_HEADS:
        votes[OTHER] = 3.0
    elif lw[0].startswith("all-"):
        votes[OTHER] = 3.0  # "All-American", "All-State": an honour, not a body or a place
    elif len(lw) > 1 and lw[0] in _CLUB_FIRST:
        votes[ORG] = 3.0  # "FC Basel", "AC Milan", "Club Atlético": a club's word opening its name
    elif len(lw) > 1 and lw[0] in _PLACE_FIRST:
        votes[PLACE] = votes.get(PLACE, 0.0) + 3
    elif len(lw) > 1 and lw[0] in COMPASS:
        votes[PLACE] = votes.get(PLACE, 0.0) + 2  # "West Germany", "North Bridgton"
    elif len(lw) == 1 and lw[0].endswith(_DOCTRINES):
        votes[OTHER] = 3.0  # "Catholicism", "Physiology": a doctrine or a field, not a place
    elif _MODEL_RE.fullmatch(words[0]):
        votes[OTHER] = 3.0  # "F-86 Sabre", "CH-53 Sea Stallion", "A380": a model, not a maker
    elif any(w in ORG_HEADS and w not in OTHER_HEADS for w in lw[1:-1]):
        votes[ORG] = 2.0  # "Major League Baseball", "Royal Bank Plaza": an organisation inside
    elif len(lw) > 1 and lw[0] in WORLD and words[-1].isupper() and len(words[-1]) <= 3:
        votes[ORG] = 2.0  # "Montreal HC", "Sydney FC": a town and a club's letters
    elif len(lw) > 1 and lw[0] in FIRST_NAMES and lw[-1] not in GAZ:
        votes[PERSON] = 2.0  # "Jesse Auton", "David Irving": a given name opening a name
    elif (
        len(lw) > 1
        and (lw[0] in WORLD or " ".join(lw[:2]) in WORLD)
        and words[-1][-1:] == "s"
        and lw[-1] not in WORLD
    ):
        votes[ORG] = 2.0  # "Montreal Canadiens", "Chicago Bulls": a town and a plural, a team
    elif len(lw) > 1 and head not in WORLD:
        if lw[-1] in SURNAMES or (len(words[0]) == 2 and words[0][1] == "."):
            votes[PERSON] = 1.0  # "Chick Corea", "J. Smith"
    if not votes and len(lw) > 1 and lower is not None and unenglish(words, lw, lower):
        votes[PERSON] = 0.5
    if (
        surface.replace(".", "").replace("/", "").isupper()
        and key not in WORLD
        and not cap_all.get(surface.title())
        and not _ROMAN_RE.fullmatch(surface)
        and not DIGIT_RE.search(surface)
        and not _common_word(surface)
    ):  # "CUPERTINO" in a dateline is no acronym, nor "XXX", "EZ2DJ" or "LIVE VIDEO"
        votes[ORG] = votes.get(ORG, 0.0) + 2
    if words[-1].isdigit():  # "Rossiya 24", "Channel 4"; "F-86" is a model, not a firm
        votes[ORG] = votes.get(ORG, 0.0) + 1
    return key, votes
