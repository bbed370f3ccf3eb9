"""The pair's vocabulary: key ids shared by both texts (spelling variants folded), each side's units
as sorted key codes and phrases, and what each key is (its rarity, a name, a number, a date)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..model import Span
from ..text import lexical, tokens
from . import keysets
from .keysets import INT
from .units import Units

NAME_WEIGHT = 0.45  # a key never written in lower case: shared names alone are not a shared fact
NUMBER_WEIGHT = 1.5  # numbers written in digits (10 and up) and dates are precise evidence
ATTRIBUTION_WEIGHT = 0.3  # "the agency reported": who said it is not what was said
MIN_RARITY = 0.02
# The span of lexical.background_idf: about the commonest key's, and a key general English lacks.
COMMONEST, UNSEEN = 5.8, lexical.background_idf("")

BITS = 21  # key ids and units in a packed bigram code (unit << 42 | key << 21 | key)
LOW = (1 << BITS) - 1


@dataclass(frozen=True, slots=True)
class Keyed:
    """One side's units in the pair's key ids."""

    key: np.ndarray  # per word of Units: its key id, -1 for a stopword
    codes: np.ndarray  # sorted unit * width + key, one per distinct key of a unit
    kunit: np.ndarray  # codes // width
    kkey: np.ndarray  # codes % width
    kptr: np.ndarray  # unit u's codes lie in [kptr[u], kptr[u + 1])
    bigrams: np.ndarray  # sorted unit << 42 | key << 21 | key: content keys at most one apart
    bptr: np.ndarray  # unit u's bigrams lie in [bptr[u], bptr[u + 1])
    units: int

    def sets(self) -> KeySets:
        """Each unit's key ids as a set (for the few decisions made one pair at a time)."""
        return KeySets(self.kkey.tolist(), self.kptr.tolist())


class KeySets(dict):
    """Unit -> its key ids as a frozenset, each made when first asked for: selection in a book
    asks for a few thousand units' of a hundred thousand."""

    def __init__(self, keys: list[int], ptr: list[int]):
        super().__init__()
        self._keys, self._ptr = keys, ptr

    def __missing__(self, unit: int) -> frozenset[int]:
        found = self[unit] = frozenset(self._keys[self._ptr[unit] : self._ptr[unit + 1]])
        return found


@dataclass(frozen=True, slots=True)
class Concepts:
    """The meanings (lexical.concepts) each unit's content keys carry, as sorted codes
    unit * width + concept per side; a concept weighs as its rarest key in general English."""

    left: np.ndarray
    right: np.ndarray
    lptr: np.ndarray
    width: int
    weight: np.ndarray
    family: np.ndarray  # a word family (retaliate / retaliation), not a synonym set


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Key ids of both texts and what each key is; `weight` is the evidence a shared key gives."""

    ids: dict[str, int]
    left: Keyed
    right: Keyed
    width: int
    rarity: np.ndarray  # in-pair inverse document frequency over the units of both texts, in (0, 1]
    name: np.ndarray  # never written in lower case
    number: np.ndarray  # a number in digits (10 and up) or a date
    weight: np.ndarray  # rarity, less for names and attribution, more for numbers
    background: np.ndarray  # rarity in general English, in [0, 1]: 0 for the commonest words
    concepts: Concepts  # word families and synonyms (WordNet) of each side's units

    def total(self, side: Keyed, values: np.ndarray) -> np.ndarray:
        """Per unit of `side`, the sum of `values` (per key id) over its distinct keys."""
        return np.bincount(side.kunit, weights=values[side.kkey], minlength=side.units)


def build(left: Units, right: Units) -> Vocabulary:
    """Key ids (spelling variants folded), each unit's key set and phrases, keys' kinds."""
    lvocab, rvocab = _vocab(left), _vocab(right)
    fold = tokens.variants(lvocab, rvocab).get
    ids: dict[str, int] = {}
    code: dict[str | None, int] = {None: -1}
    every = lvocab | rvocab
    every.update(*left.dates.values(), *right.dates.values())
    for key in sorted(every):
        code[key] = ids.setdefault(fold(key, key), len(ids))
    width = max(1, len(ids))
    lk, rk = _keyed(left, code, width), _keyed(right, code, width)
    df = np.bincount(np.concatenate([lk.kkey, rk.kkey]), minlength=width)
    n = lk.units + rk.units
    scale = math.log((n + 1) / 2) or 1.0
    lower = {fold(k, k) for k in left.lower | right.lower}
    digits = left.digits | right.digits
    rarity = np.maximum(MIN_RARITY, np.log((n + 1) / np.maximum(1, df)) / scale)
    name, number = np.zeros(width, bool), np.zeros(width, bool)
    factor = np.ones(width)
    for key, i in ids.items():
        if key[0] == tokens.DATE_PREFIX or (key in digits and len(key) > 2):
            number[i] = True
            factor[i] = NUMBER_WEIGHT
        elif key in tokens.ATTRIBUTION:
            factor[i] = ATTRIBUTION_WEIGHT
        if key not in lower and key[0] not in (tokens.NUMBER_PREFIX, tokens.DATE_PREFIX):
            name[i] = True
            factor[i] *= NAME_WEIGHT
    background = np.fromiter(map(lexical.background_idf, ids), float, len(ids))
    background = np.clip((background - COMMONEST) / (UNSEEN - COMMONEST), 0.0, 1.0)
    concepts = _concepts(ids, lk, rk, name, background)
    return Vocabulary(
        ids, lk, rk, width, rarity, name, number, rarity * factor, background, concepts
    )


def _concepts(
    ids: dict[str, int], left: Keyed, right: Keyed, name: np.ndarray, background: np.ndarray
) -> Concepts:
    dense: dict[int, int] = {}
    owner, found = [], []
    for key, i in ids.items():
        if not name[i]:
            for concept in lexical.concepts(key):
                owner.append(i)
                found.append(dense.setdefault(concept, len(dense)))
    width = max(1, len(dense))
    key_of, concept = np.array(owner, INT), np.array(found, INT)
    weight = np.zeros(width)
    np.maximum.at(weight, concept, background[key_of] if len(key_of) else np.zeros(0))
    family = np.zeros(width, bool)
    for c, d in dense.items():
        family[d] = lexical.kind(c) == lexical.FAMILY
    order = np.argsort(key_of, kind="stable")
    key_of, concept = key_of[order], concept[order]
    ptr = keysets.csr(key_of, len(ids))
    codes = []
    for side in (left, right):
        owner_, idx = keysets.expand(ptr, side.kkey)
        codes.append(keysets.unique(side.kunit[owner_] * width + concept[idx]))
    return Concepts(
        codes[0], codes[1], keysets.csr(codes[0] // width, left.units), width, weight, family
    )


def _keyed(side: Units, code: dict[str | None, int], width: int) -> Keyed:
    surface_key = np.fromiter(map(code.__getitem__, side.keys), INT, len(side.keys))
    key = surface_key[side.word] if len(side.word) else np.zeros(0, INT)
    content = key >= 0
    u, k = side.unit[content], key[content]
    codes = u * width + k
    extra = [(unit, code[d]) for unit, ds in side.dates.items() for d in ds]
    if extra:
        codes = np.concatenate([codes, np.array([a * width + b for a, b in extra], INT)])
    codes = keysets.unique(codes)
    units = len(side.spans)
    kunit = codes // width
    # Ordered pairs of content keys at most one key apart: phrases, allowing one word inserted.
    big = [np.zeros(0, INT)]
    for gap in (1, 2):
        same = (u[gap:] == u[:-gap]) & (k[gap:] != k[:-gap])
        big.append((u[:-gap][same] << (2 * BITS)) | (k[:-gap][same] << BITS) | k[gap:][same])
    bigrams = keysets.unique(np.concatenate(big))
    return Keyed(
        key,
        codes,
        kunit,
        codes % width,
        keysets.csr(kunit, units),
        bigrams,
        keysets.csr(bigrams >> (2 * BITS), units),
        units,
    )


def _vocab(side: Units) -> set[str]:
    keys = set(side.keys)
    keys.discard(None)
    return keys


def shared_spans(
    side: Units, keyed: Keyed, units: np.ndarray, other: Keyed, partners: np.ndarray, width: int
) -> list[tuple[Span, ...]]:
    """Per unit, spans of the words whose keys its partner holds too; runs one stopword apart
    merge."""
    return shared_runs(side, keyed, units, other, partners, width)[0]


def shared_runs(
    side: Units,
    keyed: Keyed,
    units: np.ndarray,
    other: Keyed,
    partners: np.ndarray,
    width: int,
    phrases: bool = False,
) -> tuple[list[tuple[Span, ...]], list[tuple[tuple[int, int], ...]] | None]:
    """Per unit, the shared_spans; and with `phrases`, as (start, end) pairs, the same runs cut
    where the partner does not write the two words next to each other (in either order, one word
    apart at most): phrases both texts write, and single shared words ("Putin arrives" in one and
    "Kim arrives ... with Putin" in the other share two words, not the phrase)."""
    owner, idx = keysets.expand(side.wptr, units)
    key = keyed.key[idx]
    hit = np.flatnonzero(
        (key >= 0) & keysets.member(other.codes, partners[owner] * width + np.maximum(key, 0))
    )
    if not len(hit):
        return [()] * len(units), ([()] * len(units) if phrases else None)
    o, w = owner[hit], idx[hit]
    gap = np.diff(w)
    # A run goes on over one stopword, not over a content word both do not share.
    between = keyed.key[np.minimum(w[:-1] + 1, len(keyed.key) - 1)]
    cont = (o[1:] == o[:-1]) & ((gap == 1) | ((gap == 2) & (between == -1)))
    spans = _spans(side, o, w, cont, len(units))
    if not phrases:
        return spans, None
    unit = partners[o[:-1]] << (2 * BITS)
    k1, k2 = keyed.key[w[:-1]], keyed.key[w[1:]]
    written = keysets.member(other.bigrams, unit | (k1 << BITS) | k2)
    written |= keysets.member(other.bigrams, unit | (k2 << BITS) | k1)
    return spans, _spans(side, o, w, cont & written, len(units), tuple)


def _spans(
    side: Units, o: np.ndarray, w: np.ndarray, cont: np.ndarray, units: int, kind=Span
) -> list[tuple]:
    """Per unit, spans (`kind`: Span, or a plain (start, end) tuple) of the runs of words `w`
    (owned by units `o`) that `cont` joins."""
    first = np.flatnonzero(np.r_[True, ~cont])
    last = np.r_[first[1:] - 1, len(w) - 1]
    starts, ends = side.start[w[first]].tolist(), side.end[w[last]].tolist()
    spans = list(map(Span, starts, ends)) if kind is Span else list(zip(starts, ends))
    bounds = np.searchsorted(o[first], np.arange(units + 1)).tolist()
    return [tuple(spans[lo:hi]) for lo, hi in zip(bounds, bounds[1:])]
