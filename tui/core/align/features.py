"""Evidence that two units report the same fact, measured per candidate pair as a row of numbers.

Each column is one kind of evidence (shared rare words both ways, coverage of each unit, shared
phrases, names against content, numbers agreeing or not, length, position, and the pair's rank in
its row and column); the fitted pair model (pair_model.py) weighs them. Everything is computed for
all pairs at once with array joins, so books cost what their candidates cost.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process, utils

from ..text.slots import Slot, relate
from . import keysets
from .keysets import INT
from .vocabulary import BITS, LOW, Vocabulary

NAMES = (
    "content",  # rarity of the shared content keys (not names)
    "names",  # rarity of the shared names
    "content_background",  # the same, each key weighed by its rarity in general English instead
    "family",  # word families both hold (retaliate / retaliation), by general-English rarity
    "synonyms",  # synonym sets both hold (purchase / buy)
    "numbers",  # shared numbers and dates
    "slots_agree",  # figures (numbers, dates, money, quantities) the same on both sides
    "slots_conflict",  # the same slot with another value: still one fact, told differently
    "cosine",  # rarity-weighted cosine of the two key sets
    "cosine_background",  # the same with general-English rarity instead
    "evidence",  # evidence weight of the shared keys and phrases (names count less, figures more)
    "saturated",  # that evidence saturating, times the root of the shorter unit's coverage
    "cover_min",  # share of the longer unit's evidence weight that the other one holds
    "cover_max",  # the shorter unit's coverage: a clause told whole inside a long sentence
    "content_cover_min",  # the same for content keys only (names left out)
    "shared_count",  # shared content keys, log
    "phrases",  # shared phrases of two content keys, log
    "length_min",  # keys of the shorter unit, log
    "length_ratio",  # |log ratio| of the units' key counts
    "rank_min",  # log 1 + the pair's rank by cosine among its row's and among its column's pairs
    "rank_max",
    "mutual_best",
    "margin_min",  # cosine minus the best other partner's, in its row and in its column
    "margin_max",
    "position_gap",  # |relative position left - right|
    "lead",  # both among the first units of their text
    "token_set",  # letters of the two units in common, words in any order (rapidfuzz), in [0, 1]
    "token_sort",  # the same with every word counted
    "central_min",  # mean cosine of a unit with the other text's units, the less central of the two
    "central_max",  # ... and the more central: a text's main fact echoes all through the other
)
LEAD_UNITS = 2
PHRASE_BONUS = 0.25  # a shared phrase adds this share of its two words' weight
EVIDENCE_SCALE = 1.6  # evidence worth this many perfectly rare keys saturates to 1 - 1/e
# Columns that depend on where the units stand in their texts; the cosine; the rank columns.
POSITION = (NAMES.index("position_gap"), NAMES.index("lead"))
# Columns measured only where every pair is scored (article-sized texts): spelling-level similarity
# and how central each unit is; elsewhere the model's mean stands in.
WHOLE = tuple(NAMES.index(n) for n in ("token_set", "token_sort", "central_min", "central_max"))
COSINE = NAMES.index("cosine")
RANKS = slice(NAMES.index("rank_min"), NAMES.index("margin_max") + 1)
# The second stage: the first stage's logit, and the pair's rank by it in its row and column.
RANK_NAMES = ("logit", "rank_min", "rank_max", "mutual_best", "margin_min", "margin_max")


def pair_features(
    vocab: Vocabulary,
    pairs: np.ndarray,
    slots: tuple[dict[int, list[Slot]], ...],
    texts: tuple[list[str], list[str]] | None = None,
) -> np.ndarray:
    """One row of NAMES per pair (codes left * nright + right, sorted); `slots` are the figures of
    the left and the right units, `texts` their wording, given when `pairs` are all the pairs (when
    not, the WHOLE columns are NaN: the model's mean stands in)."""
    left, right, width = vocab.left, vocab.right, vocab.width
    nl, nr = left.units, max(1, right.units)
    a, b = pairs // nr, pairs % nr
    count = len(pairs)
    owner, idx = keysets.expand(left.kptr, a)
    key = left.kkey[idx]
    hit = keysets.member(right.codes, b[owner] * width + key)
    owner, key = owner[hit], key[hit]

    def shared(values: np.ndarray) -> np.ndarray:
        return np.bincount(owner, weights=values[key], minlength=count)

    rarity, name, number, weight = vocab.rarity, vocab.name, vocab.number, vocab.weight
    content_rarity = rarity * ~name
    content = shared(content_rarity)
    names = shared(rarity * name)
    numbers = shared(number.astype(float))
    evidence = shared(weight)
    square = shared(rarity * rarity)
    both = vocab.background
    content_both = shared(both * ~name)
    square_both = shared(both * both)
    count_content = shared((~name).astype(float))

    totals = {}
    for side, units in (("l", left), ("r", right)):
        totals[side] = (
            vocab.total(units, weight),
            vocab.total(units, content_rarity),
            vocab.total(units, rarity * rarity),
            vocab.total(units, both * both),
            np.bincount(units.kunit, minlength=units.units).astype(float),
        )
    wl, cl, ql, bl, kl = (t[a] for t in totals["l"])
    wr, cr, qr, br, kr = (t[b] for t in totals["r"])
    cosine = square / np.sqrt(np.maximum(ql * qr, 1e-12))
    agree, conflict = _slots(slots, a, b)
    cover_left = _ratio(evidence, wl)
    cover_right = _ratio(evidence, wr)
    content_cover = np.minimum(_ratio(content, cl), _ratio(content, cr))

    family, synonyms = _concepts(vocab, a, b)
    owner, idx = keysets.expand(left.bptr, a)
    big = left.bigrams[idx] & ((1 << (2 * BITS)) - 1)
    hit = keysets.member(right.bigrams, (b[owner] << (2 * BITS)) | big)
    owner, big = owner[hit], big[hit]
    # A phrase of names only ("Kim Jong") is one name, not a phrase.
    named = ~name[big >> BITS] | ~name[big & LOW]
    phrases = np.bincount(owner, weights=named.astype(float), minlength=count)
    phrase_weight = np.bincount(
        owner, weights=(weight[big >> BITS] + weight[big & LOW]) * named, minlength=count
    )
    evidence_all = evidence + PHRASE_BONUS * phrase_weight
    smaller = np.minimum(wl, wr)
    saturated = (1.0 - np.exp(-evidence_all / EVIDENCE_SCALE)) * np.sqrt(_ratio(evidence, smaller))

    ranks = rank_features(a, b, cosine)
    rel_a = a / max(1, nl - 1)
    rel_b = b / max(1, nr - 1)
    columns = (
        content,
        names,
        content_both,
        family,
        synonyms,
        numbers,
        agree,
        conflict,
        cosine,
        square_both / np.sqrt(np.maximum(bl * br, 1e-12)),
        evidence_all,
        saturated,
        np.minimum(cover_left, cover_right),
        np.maximum(cover_left, cover_right),
        content_cover,
        np.log1p(count_content),
        np.log1p(phrases),
        np.log1p(np.minimum(kl, kr)),
        np.abs(np.log((kl + 1) / (kr + 1))),
        *ranks.T,
        np.abs(rel_a - rel_b),
        ((a < LEAD_UNITS) & (b < LEAD_UNITS)).astype(float),
        *_whole(texts, a, b, cosine, nl, nr).T,
    )
    return np.column_stack(columns) if count else np.zeros((0, len(NAMES)))


def _whole(
    texts: tuple[list[str], list[str]] | None,
    a: np.ndarray,
    b: np.ndarray,
    cosine: np.ndarray,
    nl: int,
    nr: int,
) -> np.ndarray:
    """The WHOLE columns, NaN unless `texts` are given (all pairs are scored).

    rapidfuzz's token-set and token-sort ratios of the two units' wording (lower case, letters and
    digits): a paraphrase keeps word forms the key sets fold away or leave out; computed over the
    whole matrix in one C loop. Then how central each unit is to the other text: its mean cosine
    with the other text's units, the lower and the higher of the two (a text's main fact echoes all
    through the other)."""
    out = np.full((len(a), len(WHOLE)), np.nan)
    if texts is None or not len(a):
        return out
    left, right = texts
    for column, scorer in enumerate((fuzz.token_set_ratio, fuzz.token_sort_ratio)):
        matrix = process.cdist(
            left, right, scorer=scorer, processor=utils.default_process, dtype=np.uint8, workers=1
        )
        out[:, column] = matrix[a, b] / 100.0
    row = np.bincount(a, weights=cosine, minlength=nl) / max(1, nr)
    column = np.bincount(b, weights=cosine, minlength=nr) / max(1, nl)
    out[:, 2] = np.minimum(row[a], column[b])
    out[:, 3] = np.maximum(row[a], column[b])
    return out


def _concepts(vocab: Vocabulary, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair, the weight of the word families and of the synonym sets both units hold."""
    c = vocab.concepts
    owner, idx = keysets.expand(c.lptr, a)
    concept = c.left[idx] % c.width
    hit = keysets.member(c.right, b[owner] * c.width + concept)
    owner, concept = owner[hit], concept[hit]
    weight = c.weight[concept]
    fam = c.family[concept]
    return (
        np.bincount(owner, weights=weight * fam, minlength=len(a)),
        np.bincount(owner, weights=weight * ~fam, minlength=len(a)),
    )


def shares_content(features: np.ndarray) -> np.ndarray:
    """Pairs that share a content key, a word family or synonym, or a figure: sharing only names is
    not a shared fact, and a pair sharing nothing has no evidence to show."""
    columns = [NAMES.index(n) for n in ("content", "family", "synonyms", "numbers")]
    return (features[:, columns] > 0).any(axis=1)


def rank_features(a: np.ndarray, b: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Log rank of each pair by `value` in its row and column (the lower, the higher), mutual best,
    margins: a unit's best partner, by a clear margin, is what a fact shared once looks like. The
    same whichever text is on the left."""
    # Rounded, so that values equal but for float noise (0.7 - 0.5 against 0.5 - 0.3) tie.
    value = np.round(value, 9)
    row_rank, row_margin = _ranks(a, value)
    column_rank, column_margin = _ranks(b, value)
    return np.column_stack(
        (
            np.log1p(np.minimum(row_rank, column_rank)),
            np.log1p(np.maximum(row_rank, column_rank)),
            ((row_rank == 0) & (column_rank == 0)).astype(float),
            np.minimum(row_margin, column_margin),
            np.maximum(row_margin, column_margin),
        )
    )


def _slots(slots: tuple[dict[int, list[Slot]], ...], a: np.ndarray, b: np.ndarray):
    """Per pair, how many figures one unit states as the other does, and how many it states with
    another value (counted from the side that finds more, so either text may be on the left)."""
    left, right = slots
    agree, conflict = np.zeros(len(a)), np.zeros(len(a))
    if not left or not right:
        return agree, conflict
    has_l = np.zeros(int(a.max()) + 1, bool)
    has_l[[u for u in left if u < len(has_l)]] = True
    has_r = np.zeros(int(b.max()) + 1, bool)
    has_r[[u for u in right if u < len(has_r)]] = True
    for i in np.flatnonzero(has_l[a] & has_r[b]).tolist():
        ours, theirs = left[int(a[i])], right[int(b[i])]
        forward, backward = _relations(ours, theirs), _relations(theirs, ours)
        agree[i] = max(forward[0], backward[0])
        conflict[i] = max(forward[1], backward[1])
    return agree, conflict


def _relations(ours: list[Slot], theirs: list[Slot]) -> tuple[int, int]:
    """How many of `ours` a slot of `theirs` agrees with, and how many only conflict."""
    agree = conflict = 0
    for slot in ours:
        found = [relate(slot, other) for other in theirs]
        if "agree" in found:
            agree += 1
        elif "conflict" in found:
            conflict += 1
    return agree, conflict


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.minimum(1.0, part / np.where(whole > 0, whole, 1.0))


def _ranks(group: np.ndarray, value: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each entry's rank in its group by falling value (0: the best; ties share one), and its
    margin over the best other entry of the group (the runner-up's for the best; 0 when alone)."""
    n = len(group)
    if not n:
        return np.zeros(0, INT), np.zeros(0)
    # One float key (group, then falling value) sorts several times faster than a lexsort, and a
    # stable sort (timsort) is quicker still on pairs that come grouped; the order among equal
    # values does not matter: ties share their rank, and their margin is 0.
    low, high = float(value.min()), float(value.max())
    order = np.argsort(group * (high - low + 1.0) + (high - value), kind="stable")
    g, v = group[order], value[order]
    first = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    size = np.diff(np.r_[first, n])
    start = np.repeat(first, size)
    # Ties share the better rank, so that a rank never depends on where the units stand.
    fresh = np.r_[True, (g[1:] != g[:-1]) | (v[1:] != v[:-1])]
    tie_start = np.maximum.accumulate(np.where(fresh, np.arange(n), 0))
    rank = np.empty(n, INT)
    rank[order] = tie_start - start
    best = v[start]
    second = np.where(np.repeat(size, size) > 1, v[np.minimum(start + 1, n - 1)], v[start])
    margin = np.empty(n)
    margin[order] = np.where(np.arange(n) == start, v - second, v - best)
    return rank, margin
