"""Selection: scored pairs -> links, greedily by score.

A unit's first counterpart is its best. A further counterpart needs evidence its unit's earlier
links did not explain, on some side: two wordings of one fact in one text
may both link to it (headline and lede), but not a pair whose ends are both explained already (a
repeated formula). Every decision depends only on higher-scored pairs, so raising the threshold
only filters the result.
"""

from __future__ import annotations

import numpy as np

from . import keysets
from .keysets import INT
from .vocabulary import KeySets, Vocabulary

# Pairs below this are never kept: the lowest threshold the reader can step down to. So low that,
# stepped down to it, a sentence whose counterpart is told in other words shows its best guess.
FLOOR = 0.01
# In books (pairs found by an index of rare keys) weak pairs are the many look-alikes a long text
# holds: the floor there is this, which spares the selection most of them.
BOOK_FLOOR = 0.1
MAX_COUNTERPARTS = 3
KEEP = 4  # pairs ranked below this for both their units cannot win a place
DISTINCT = 0.5  # share of a further counterpart's evidence that must be new

Link = tuple[int, int, float]


def ranked(
    vocab: Vocabulary, pairs: np.ndarray, scored: np.ndarray, floor: float = FLOOR
) -> tuple[np.ndarray, ...]:
    """Pairs at or above the floor by falling score, less those below the best few of both their
    units (too weak to carry news; a unit's rank among its pairs is known before any selection)."""
    nr = max(1, vocab.right.units)
    keep = scored >= floor
    pairs, scored = pairs[keep], scored[keep]
    order = np.lexsort((pairs, -scored))
    pairs, scored = pairs[order], scored[order]
    near = (keysets.rank_in_group(pairs // nr) < KEEP) | (keysets.rank_in_group(pairs % nr) < KEEP)
    return pairs[near], scored[near]


def anchors(vocab: Vocabulary, pairs: np.ndarray, scored: np.ndarray) -> list[tuple[int, int]]:
    """The strongest partner of each unit, greedily (each unit once), sorted by left unit."""
    nr = max(1, vocab.right.units)
    used_l, used_r = bytearray(vocab.left.units), bytearray(nr)
    out = []
    for code in ranked(vocab, pairs, scored)[0].tolist():
        a, b = divmod(code, nr)
        if not (used_l[a] or used_r[b]):
            used_l[a] = used_r[b] = 1
            out.append(code)
    out.sort()
    return [divmod(code, nr) for code in out]


def select(
    vocab: Vocabulary,
    pairs: np.ndarray,
    scored: np.ndarray,
    ordered: bool = False,
    floor: float = FLOOR,
) -> list[Link]:
    """Greedy by score: each unit's best partner first; a further one only with mostly new
    evidence; at most MAX_COUNTERPARTS a unit. Unless the texts follow one order, a pair one of
    whose units has no partner yet needs no new evidence (an article tells a fact once, another
    may tell it in two sentences)."""
    nl, nr = vocab.left.units, max(1, vocab.right.units)
    pairs, scored = ranked(vocab, pairs, scored, floor)
    keep = ~_surely_repeats(vocab, pairs // nr, pairs % nr)
    pairs, scored = pairs[keep], scored[keep]
    partners_l: list[list[int] | None] = [None] * nl
    partners_r: list[list[int] | None] = [None] * nr
    lsets = rsets = None
    weight = vocab.weight.tolist().__getitem__
    links = []
    for a, b, s in zip((pairs // nr).tolist(), (pairs % nr).tolist(), scored.tolist()):
        seen_l, seen_r = partners_l[a], partners_r[b]
        if seen_l is None and seen_r is None:  # most pairs: the first partner of both units
            partners_l[a], partners_r[b] = [b], [a]
            links.append((a, b, s))
            continue
        if (seen_l is not None and len(seen_l) >= MAX_COUNTERPARTS) or (
            seen_r is not None and len(seen_r) >= MAX_COUNTERPARTS
        ):
            continue
        if ordered or (seen_l is not None and seen_r is not None):
            if lsets is None:
                lsets, rsets = vocab.left.sets(), vocab.right.sets()
            shared = lsets[a] & rsets[b]
            need = DISTINCT * sum(map(weight, shared))
            if not (
                (seen_l is not None and _weight_outside(weight, shared, rsets, seen_l) >= need)
                or (seen_r is not None and _weight_outside(weight, shared, lsets, seen_r) >= need)
            ):
                continue
        if seen_l is None:
            partners_l[a] = [b]
        else:
            seen_l.append(b)
        if seen_r is None:
            partners_r[b] = [a]
        else:
            seen_r.append(a)
        links.append((a, b, s))
    return links


def _weight_outside(weight, keys: frozenset[int], sets: KeySets, units: list[int]):
    """Weight of the keys none of the given units hold."""
    rest = keys - sets[units[0]] if len(units) == 1 else keys.difference(*(sets[u] for u in units))
    return sum(map(weight, rest))


def _surely_repeats(vocab: Vocabulary, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs (in rank order) that selection would turn down whatever happens before them.

    A unit's first pair is certain to be selected when it is its partner's first pair too. A later
    pair of two units that both have such a certain partner already needs new evidence against at
    least those partners; where it has too little even then, it is turned down for sure. Finding
    these at once spares the one-pair-at-a-time loop most of its work on books.
    """
    n = len(a)
    position = np.arange(n, dtype=INT)
    first_a = np.zeros(n, bool)
    first_a[np.unique(a, return_index=True)[1]] = True
    first_b = np.zeros(n, bool)
    first_b[np.unique(b, return_index=True)[1]] = True
    certain = np.flatnonzero(first_a & first_b)
    # Each unit's certain partner, and where in the ranking it is selected (n: never).
    when_l = np.full(vocab.left.units, n, INT)
    when_r = np.full(max(1, vocab.right.units), n, INT)
    partner_of_l, partner_of_r = np.zeros(len(when_l), INT), np.zeros(len(when_r), INT)
    when_l[a[certain]], partner_of_l[a[certain]] = certain, b[certain]
    when_r[b[certain]], partner_of_r[b[certain]] = certain, a[certain]
    later = np.flatnonzero((when_l[a] < position) & (when_r[b] < position))
    out = np.zeros(n, bool)
    if not len(later):
        return out
    left, right, width = vocab.left, vocab.right, vocab.width
    pa, pb = a[later], b[later]
    owner, idx = keysets.expand(left.kptr, pa)
    key = left.kkey[idx]
    hit = keysets.member(right.codes, pb[owner] * width + key)
    owner, key = owner[hit], key[hit]
    weight = vocab.weight[key]
    shared = np.bincount(owner, weights=weight, minlength=len(later))
    new_l = ~keysets.member(right.codes, partner_of_l[pa][owner] * width + key)
    new_r = ~keysets.member(left.codes, partner_of_r[pb][owner] * width + key)
    outside_l = np.bincount(owner, weights=weight * new_l, minlength=len(later))
    outside_r = np.bincount(owner, weights=weight * new_r, minlength=len(later))
    # A margin for summation order: pairs this close to the line are left to the loop.
    need = DISTINCT * shared - 1e-9 * (1.0 + shared)
    out[later] = (outside_l < need) & (outside_r < need)
    return out
