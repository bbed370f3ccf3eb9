"""One name under other spellings: a head noun in lower case ("Korean peninsula"), and a Cyrillic
name's Latin form ("Ким Чен Ына" for "Kim Jong Un")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .lexicon import ORG_HEADS, PLACE_HEADS

# Russian (GOST/BGN-like, one Latin spelling per letter): enough to compare sounds, not to print.
_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g u"
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", _LATIN.split()))
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# Russian case endings a name takes in a sentence ("Ына", "Ыном", "Путину"); only endings that
# hold a consonant matter, since vowels drop out of the sound key anyway.
_ENDINGS = ("ом", "ем", "ым", "им", "ой", "ей", "ых", "их", "ую", "ого", "его", "ому", "ему")
# Spellings of one sound across romanisations (Korean "Jong" is Russian "Чен", "Chen").
_SOUNDS = (
    ("shch", "s"),
    ("tch", "j"),
    ("dzh", "j"),
    ("ch", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("sh", "s"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("ng", "n"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
)
_VOWELS_RE = re.compile(r"[aeiouy\-']+")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC_RE.search(text) is not None


def romanise(word: str) -> str:
    """A lower-case Latin spelling of a Cyrillic word, its case ending dropped."""
    w = word.lower()
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            w = w[: -len(ending)]
            break
    return "".join(_CYRILLIC.get(c, c) for c in w)


def sound_key(words: Iterable[str]) -> tuple[str, ...]:
    """Consonant skeleton per word: what survives romanisation, spelling and endings alike."""
    out = []
    for word in words:
        w = romanise(word) if has_cyrillic(word) else word.lower()
        for spelled, sound in _SOUNDS:
            w = w.replace(spelled, sound)
        opening = "_" if w[:1] in "aeiouy" else ""
        w = opening + _VOWELS_RE.sub("", w)
        out.append(re.sub(r"(.)\1+", r"\1", w))
    return tuple(out)


def distinctive(key: tuple[str, ...]) -> bool:
    """Whether a sound key is specific enough to join names across scripts on its own."""
    return (len(key) >= 2 and all(key)) or (len(key) == 1 and len(key[0].lstrip("_")) >= 4)


_HEADS = PLACE_HEADS | ORG_HEADS


def headed_phrases(forms: Iterable[str]) -> dict[str, dict[tuple[str, ...], str]]:
    """For each capitalised form ending in a head noun ("Korean Peninsula"): head in lower case ->
    {words before it as written: the form}."""
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for form in forms:
        words = form.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1].lower() in _HEADS:
            out.setdefault(words[-1].lower(), {})[tuple(words[:-1])] = form
    return out


def lower_head_mentions(
    text: str, phrases: dict[str, dict[tuple[str, ...], str]], taken: bytearray
) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) where the text writes a known name with its head noun in lower case;
    only occurrences of each head word are read, so a book costs little."""
    for head, befores in phrases.items():
        most = max(len(b) for b in befores)
        i = text.find(head)
        while i >= 0:
            end = i + len(head)
            if (i == 0 or not text[i - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            ):
                words = text[max(0, i - 24 * most) : i].split()
                for k in range(most, 0, -1):
                    form = befores.get(tuple(words[-k:])) if len(words) >= k else None
                    if form is None:
                        continue
                    start = text.rfind(words[-k], 0, i)
                    if " ".join(text[start:end].split()) == " ".join(
                        words[-k:] + [head]
                    ) and not any(taken[start:end]):
                        yield start, end, form
                    break
            i = text.find(head, end)
