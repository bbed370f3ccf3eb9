"""General-English knowledge of word keys (the keys tokens.normalise makes), read lazily once.

- zipf(key): background frequency, log10 of uses per billion words (wordfreq; "lik" 6.5,
  "sanction" 3.8); keys absent from the table (names, rare words, numbers, dates) get UNSEEN_ZIPF.
- background_idf(key): -ln of that probability, the rarity to weigh a shared key by.
- concepts(key): ids of the meanings a key carries (WordNet). Two keys whose ids intersect are
  one word family (retaliate / retaliation, went / go, reelect / elect) or synonyms among their
  first senses (purchase / buy, declared / announced). related(a, b) says which (family first),
  kind(id) says it of one id; links(left, right) lists the joined key pairs of two key sets.
  Weaker evidence than a shared key: weigh it less, and by rarity."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat

# The table stops at Zipf 2.0; a key missing from it is rarer, as most names and numbers are.
UNSEEN_ZIPF = 1.5
FREQUENCY_FILE = "zipf_en.txt"
CONCEPTS_FILE = "concepts_en.txt"
FAMILY, SYNONYM = "family", "synonym"
_LN10 = math.log(10)


def zipf(key: str) -> float:
    """The background Zipf value of a key (log10 of uses per billion words)."""
    return _zipf_table().get(key, UNSEEN_ZIPF)


def background_idf(key: str) -> float:
    """-ln of the key's background probability: 5.8 for the commonest key, 17.3 unseen."""
    return (9.0 - _zipf_table().get(key, UNSEEN_ZIPF)) * _LN10


@cache
def _zipf_table() -> dict[str, float]:
    """Key -> Zipf, from lines of "Zipf x10, then its keys" (a bucket per line loads fast)."""
    table: dict[str, float] = {}
    for line in _data_text(FREQUENCY_FILE).splitlines():
        if line.startswith("#"):
            continue
        value, *words = line.split()
        table.update(zip(words, repeat(int(value) / 10)))
    return table


def concepts(key: str) -> tuple[int, ...]:
    """The concept ids of a key, ascending; () for keys WordNet joins to no other."""
    ids = _concept_table()[0].get(key)
    return () if ids is None else _parse_ids(ids)


def related(a: str, b: str) -> str | None:
    """FAMILY if the keys are one word family, SYNONYM if they share a synonym set, else None."""
    shared = set(concepts(a)).intersection(concepts(b))
    if not shared:
        return None
    return kind(min(shared))


def links(left: Iterable[str], right: Iterable[str]) -> list[tuple[str, str, str]]:
    """(left key, right key, FAMILY or SYNONYM) for each pair of keys, one only in left and one
    only in right, that share a concept; sorted."""
    lset, rset = set(left), set(right)
    by_concept: dict[int, list[str]] = {}
    for key in lset - rset:
        for concept in concepts(key):
            by_concept.setdefault(concept, []).append(key)
    found: dict[tuple[str, str], str] = {}
    for key in rset - lset:
        for concept in concepts(key):
            for other in by_concept.get(concept, ()):
                if found.get((other, key)) != FAMILY:
                    found[(other, key)] = kind(concept)
    return sorted((a, b, k) for (a, b), k in found.items())


def kind(concept: int) -> str:
    """FAMILY or SYNONYM: what sharing this concept id makes two keys."""
    return FAMILY if concept < _concept_table()[1] else SYNONYM


@lru_cache(maxsize=50_000)
def _parse_ids(ids: str) -> tuple[int, ...]:
    return tuple(map(int, ids.split()))


@cache
def _concept_table() -> tuple[dict[str, str], int]:
    """Key -> its ids still as text (parsed when asked), and how many ids are families' (those
    come first)."""
    table: dict[str, str] = {}
    families = 0
    for line in _data_text(CONCEPTS_FILE).splitlines():
        if line.startswith("#"):
            continue
        key, _, ids = line.partition(" ")
        if key == "@families":
            families = int(ids)
        else:
            table[key] = ids
    return table, families


def _data_text(name: str) -> str:
    return resources.files("tui.core.data").joinpath(name).read_text(encoding="utf-8")
