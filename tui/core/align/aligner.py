"""Alignment: candidate pairs from an inverted index of rare keys, scored, selected -> Match.

Units are sentences (long ones cut at ';' and ':'). A pair's evidence is the rarity-weighted sum of
the keys both share (IDF over the units of both texts, so a story's own names weigh little) plus a
bonus for shared phrases; the score maps evidence and coverage into [0, 1]. Neighbouring links in
the same order raise a pair's score (local order is strong evidence in long texts, a tie-breaker in
articles). Selection is greedy by score: a unit's first counterpart is its best, a further one needs
evidence the earlier ones did not explain. Every decision depends only on higher-scored pairs, so
raising the threshold only filters the result: `Aligner.matches(t)` re-selects without re-reading
the texts.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable

import numpy as np

from ..model import Match, Span
from ..text import tokens
from ..text.document import Document
from . import keysets
from .chains import gap_prior, increasing, support
from .keysets import INT
from .units import Units, shared_spans

DEFAULT_THRESHOLD = 0.375
FLOOR = 0.1  # pairs below this are never kept: the lowest threshold the reader can step down to

NAME_WEIGHT = 0.45  # a key never written in lower case: shared names alone are not a shared fact
NUMBER_WEIGHT = 1.5  # numbers written in digits (10 and up) and dates are precise evidence
ATTRIBUTION_WEIGHT = 0.3  # "the agency reported": who said it is not what was said
MIN_CONTENT = 0.6  # evidence other than names a pair needs before it can score fully
PHRASE_BONUS = 0.25  # per shared near-bigram of content keys, times the two words' weights
COVERAGE_POWER = (
    0.5  # how much a pair is marked down for the share of its shorter unit left unshared
)
EVIDENCE_SCALE = 1.6  # evidence worth ~1.6 perfectly rare keys scores 1 - 1/e before coverage
INDEX_FRACTION = (
    0.005  # keys in more than this share of units (and more than INDEX_MIN) are not indexed
)
INDEX_MIN = 60
INDEX_MAX = 150  # so that the work grows with the number of units, not with its square
TOP_CANDIDATES = 6  # per unit and direction, ranked by shared rare keys, before exact scoring
CANDIDATE_SHARE = 0.5  # ... and sharing at least this share of the best one's count
MAX_COUNTERPARTS = 3
KEEP = 4  # pairs ranked below this for both their units cannot win a place
DISTINCT = 0.5  # share of a further counterpart's evidence that must be new
ANCHOR = 0.5  # links at least this strong vouch for their neighbours
NEIGHBOUR_BOOST = 0.35
ROUNDS = 2
ISOLATION = (
    0.5  # in texts that follow one order, a weak pair no ordered neighbour vouches for scores half
)
EVIDENCE = 3  # shared passages a match names as its evidence
MIN_CHAIN = 12  # fewer ordered strong links than this say nothing about order

_BITS = 21
_LOW = (1 << _BITS) - 1

Progress = Callable[[float], None]
Pair = tuple[int, int]


class Aligner:
    """Everything that does not depend on the threshold, computed once.

    `order=False` leaves out the lift from neighbouring links, so nothing depends on sentence order.
    `left_units` hands over the left text's units (say, computed in another process meanwhile).
    """

    def __init__(
        self,
        left: Document,
        right: Document,
        progress: Progress | None = None,
        order: bool = True,
        left_units: Callable[[], Units] | None = None,
    ):
        # Millions of short-lived objects and no cycles: the collector would only rescan them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build_all(left, right, progress, order, left_units)
        finally:
            if collecting:
                gc.enable()

    def _build_all(
        self,
        left: Document,
        right: Document,
        progress: Progress | None,
        order: bool,
        left_units: Callable[[], Units] | None,
    ) -> None:
        report = progress or (lambda _fraction: None)
        report(0.0)
        self.right = Units(right)
        self.left = left_units() if left_units is not None else Units(left)
        self.left.doc = left
        report(0.35)
        self._vocabulary()
        report(0.5)
        pairs = self._candidates()
        scores, pairs = self._score_codes(pairs)
        report(0.7)
        if order:
            pairs, scores = self._by_order(pairs, scores)
        report(0.9)
        links = self._select(pairs, scores)
        # Selected pairs as columns: left unit, right unit, score (at most 1).
        self.link_left = np.array([link[0] for link in links], INT)
        self.link_right = np.array([link[1] for link in links], INT)
        self.link_score = np.minimum(np.array([link[2] for link in links], float), 1.0)
        self._built: dict[int, Match] = {}
        report(1.0)

    def _vocabulary(self) -> None:
        """Key ids (spelling variants folded), each unit's
        key set and phrases, weights by rarity."""
        left, right = self.left, self.right
        lvocab, rvocab = _vocab(left), _vocab(right)
        variants = tokens.variants(lvocab, rvocab)
        ids: dict[str, int] = {}
        fold = variants.get
        code: dict[str | None, int] = {None: -1}
        every = lvocab | rvocab
        every.update(*left.dates.values(), *right.dates.values())
        for key in sorted(every):
            code[key] = ids.setdefault(fold(key, key), len(ids))
        self.ids, self.variants = ids, variants
        self.width = width = max(1, len(ids))
        for side in (left, right):
            surface_key = np.fromiter(map(code.__getitem__, side.keys), INT, len(side.keys))
            side.key = (
                surface_key[side.word] if len(side.word) else np.zeros(0, INT)
            )  # -1: a stopword
            content = side.key >= 0
            u, k = side.unit[content], side.key[content]
            extra = [(unit, code[d]) for unit, ds in side.dates.items() for d in ds]
            codes = u * width + k
            if extra:
                codes = np.concatenate([codes, np.array([a * width + b for a, b in extra], INT)])
            side.codes = keysets.unique(codes)  # unit * width + key, one per distinct key of a unit
            side.kunit, side.kkey = side.codes // width, side.codes % width
            side.kptr = keysets.csr(side.kunit, len(side.spans))
            # Ordered pairs of content keys at most one key apart: phrases, allowing one word
            # inserted.
            big = [np.zeros(0, INT)]
            for gap in (1, 2):
                same = (u[gap:] == u[:-gap]) & (k[gap:] != k[:-gap])
                big.append(
                    (u[:-gap][same] << (2 * _BITS)) | (k[:-gap][same] << _BITS) | k[gap:][same]
                )
            side.bigrams = keysets.unique(np.concatenate(big))
            side.bptr = keysets.csr(side.bigrams >> (2 * _BITS), len(side.spans))
        df = np.bincount(np.concatenate([left.kkey, right.kkey]), minlength=width)
        n = len(left.spans) + len(right.spans)
        scale = math.log((n + 1) / 2) or 1.0
        lower = {fold(k, k) for k in left.lower | right.lower}
        digits = left.digits | right.digits
        weight = np.zeros(width)
        content = np.zeros(width)
        for key, i in ids.items():
            w = max(0.02, math.log((n + 1) / max(1, df[i])) / scale)
            if key[0] == tokens.DATE_PREFIX or (key in digits and len(key) > 2):
                w *= NUMBER_WEIGHT
            elif key in tokens.ATTRIBUTION:
                w *= ATTRIBUTION_WEIGHT
            if key not in lower and key[0] not in (tokens.NUMBER_PREFIX, tokens.DATE_PREFIX):
                weight[i] = w * NAME_WEIGHT
            else:
                weight[i] = content[i] = w
        self.weight, self.content, self.df, self.n = weight, content, df, n
        self._weight = weight.tolist().__getitem__
        for side in (left, right):
            side.total = np.bincount(
                side.kunit, weights=weight[side.kkey], minlength=len(side.spans)
            )

    def _candidates(self) -> np.ndarray:
        """Pairs sharing rare keys (codes left * nright + right); each unit keeps its best few per
        direction."""
        left, right = self.left, self.right
        cap = min(INDEX_MAX, max(INDEX_MIN, INDEX_FRACTION * self.n))
        rare = self.df <= cap
        lr, rr = rare[left.kkey], rare[right.kkey]
        nr = max(1, len(right.spans))
        pairs, counts = keysets.shared_counts(
            left.kunit[lr], left.kkey[lr], right.kunit[rr], right.kkey[rr], nr
        )
        a, b = pairs // nr, pairs % nr
        keep = keysets.top_per_row(a, b, counts, TOP_CANDIDATES, CANDIDATE_SHARE)
        keep |= keysets.top_per_row(b, a, counts, TOP_CANDIDATES, CANDIDATE_SHARE)
        return pairs[keep]

    def score(self, a: int, b: int) -> float:
        """Evidence that left unit `a` and right unit `b` report the same fact, in [0, 1]."""
        scores, kept = self._score_codes(np.array([a * max(1, len(self.right.spans)) + b], INT))
        return float(scores[0]) if len(kept) else 0.0

    def _score_codes(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Scores of the pairs (sorted codes) that share anything, and those pairs."""
        left, right, width = self.left, self.right, self.width
        nr = max(1, len(right.spans))
        a, b = pairs // nr, pairs % nr
        owner, idx = keysets.expand(left.kptr, a)
        key = left.kkey[idx]
        hit = keysets.member(right.codes, b[owner] * width + key)
        owner, key = owner[hit], key[hit]
        count = len(pairs)
        evidence = np.bincount(owner, weights=self.weight[key], minlength=count)
        own = np.bincount(owner, weights=self.content[key], minlength=count)
        any_shared = np.bincount(owner, minlength=count) > 0
        smaller = np.minimum(left.total[a], right.total[b])
        coverage = np.where(evidence < smaller, evidence / np.where(smaller > 0, smaller, 1.0), 1.0)
        owner, idx = keysets.expand(left.bptr, a)
        big = left.bigrams[idx] & ((1 << (2 * _BITS)) - 1)
        hit = keysets.member(right.bigrams, (b[owner] << (2 * _BITS)) | big)
        owner, big = owner[hit], big[hit]
        first, second = big >> _BITS, big & _LOW
        # A phrase of names only ("Kim Jong") is one name, not a phrase.
        named = (self.content[first] > 0) | (self.content[second] > 0)
        phrase = np.bincount(
            owner, weights=(self.weight[first] + self.weight[second]) * named, minlength=count
        )
        evidence = evidence + PHRASE_BONUS * phrase
        score = (1.0 - np.exp(-evidence / EVIDENCE_SCALE)) * coverage**COVERAGE_POWER
        score = np.where(own >= MIN_CONTENT, score, score * own / MIN_CONTENT)
        return score[any_shared], pairs[any_shared]

    def _by_order(self, pairs: np.ndarray, base: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Raise pairs that agree with the order of the strong links around them.

        Only when the strong links mostly follow one order (translations, versions of one text) is
        order evidence: then pairs next to a strong link, or near the line between two consecutive
        ones, are searched and raised, and weak pairs with no such support are marked down (a
        formula repeated elsewhere in a book, not its counterpart). Articles reorder freely, so
        there order counts for nothing and shuffling a text's sentences does not change its matches.
        """
        nl, nr = len(self.left.spans), max(1, len(self.right.spans))
        current = base
        for _round in range(ROUNDS):
            strong = current >= ANCHOR
            anchors = self._anchors(pairs[strong], current[strong])
            chain_ = increasing(anchors)
            ordered = len(chain_) / len(anchors) if len(chain_) >= MIN_CHAIN else 0.0
            trust = min(1.0, max(0.0, (ordered - 0.5) / 0.4))
            prior, prior_weight = (
                gap_prior(chain_, nr) if trust else (np.zeros(0, INT), np.zeros(0))
            )
            fresh = np.setdiff1d(prior, pairs, assume_unique=True)
            if len(fresh):
                scores, fresh = self._score_codes(fresh)
                merged = np.concatenate([pairs, fresh])
                order = np.argsort(merged, kind="stable")
                pairs, base = merged[order], np.concatenate([base, scores])[order]
            a, b = pairs // nr, pairs % nr
            # Far-off sentinels, two on either end so that a - 2 ... a + 2 never fall outside.
            bl = np.full(nl + 4, _NONE, INT)
            br = np.full(nr + 4, _NONE, INT)
            if anchors:
                al, ar = np.array(anchors, INT).T
                bl[al + 2], br[ar + 2] = ar, al
            # An anchor one unit away may be up to two units off on the other side (a sentence
            # split in two), one two units away must be exactly one off: the order agrees.
            agree = np.maximum(support(bl, a, b), support(br, b, a))
            lift = np.zeros(len(pairs))
            if len(prior):
                pos = np.searchsorted(prior, pairs)
                pos[pos == len(prior)] = 0
                lift = np.where(prior[pos] == pairs, trust * prior_weight[pos], 0.0)
            lift = np.where(agree > 1, 1.0, np.where(agree == 1, np.maximum(lift, 0.5), lift))
            current = base + NEIGHBOUR_BOOST * (1.0 - base) * lift
            if trust:  # a repeated formula far from the order of the rest
                current = np.where(
                    (lift == 0) & (base < ANCHOR), current * (1.0 - ISOLATION * trust), current
                )
        return pairs, current

    def _ranked(self, pairs: np.ndarray, scored: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs above the floor by falling score, less those below the best few of both their units
        (too weak to carry news; a unit's rank among its pairs is known before any selection)."""
        nr = max(1, len(self.right.spans))
        keep = scored >= FLOOR
        pairs, scored = pairs[keep], scored[keep]
        order = np.lexsort((pairs, -scored))
        pairs, scored = pairs[order], scored[order]
        near = (keysets.rank_in_group(pairs // nr) < KEEP) | (
            keysets.rank_in_group(pairs % nr) < KEEP
        )
        return pairs[near], scored[near]

    def _anchors(self, pairs: np.ndarray, scored: np.ndarray) -> list[Pair]:
        """The strongest partner of each unit, greedily (each unit once), sorted by left unit."""
        nr = max(1, len(self.right.spans))
        used_l, used_r = bytearray(len(self.left.spans)), bytearray(nr)
        out = []
        for code in self._ranked(pairs, scored)[0].tolist():
            a, b = divmod(code, nr)
            if not (used_l[a] or used_r[b]):
                used_l[a] = used_r[b] = 1
                out.append(code)
        out.sort()
        return [divmod(code, nr) for code in out]

    def _select(self, pairs: np.ndarray, scored: np.ndarray) -> list[tuple[int, int, float]]:
        """Greedy by score: each unit's best partner first; a further one only with mostly new
        evidence.

        A further counterpart must bring evidence its unit's earlier links did not explain, on some
        side: two wordings of one fact in one text may both link to it (headline and lede), but not
        a pair whose ends are both explained already (a repeated formula).
        """
        nl, nr = len(self.left.spans), max(1, len(self.right.spans))
        pairs, scored = self._ranked(pairs, scored)
        keep = ~self._surely_repeats(pairs // nr, pairs % nr)
        pairs, scored = pairs[keep], scored[keep]
        partners_l: list[list[int] | None] = [None] * nl
        partners_r: list[list[int] | None] = [None] * nr
        lsets, rsets = self.left.sets(), self.right.sets()
        weight = self._weight
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

    def _surely_repeats(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Pairs (in rank order) that selection would turn down whatever happens before them.

        A unit's first pair is certain to be selected when it is its partner's first pair too. A
        later pair of two units that both have such a certain partner already needs new evidence
        against at least those partners; where it has too little even then, it is turned down for
        sure. Finding these at once spares the one-pair-at-a-time loop most of its work on books.
        """
        n = len(a)
        position = np.arange(n, dtype=INT)
        first_a = np.zeros(n, bool)
        first_a[np.unique(a, return_index=True)[1]] = True
        first_b = np.zeros(n, bool)
        first_b[np.unique(b, return_index=True)[1]] = True
        certain = np.flatnonzero(first_a & first_b)
        # Each unit's certain partner, and where in the ranking it is selected (n: never).
        when_l = np.full(len(self.left.spans), n, INT)
        when_r = np.full(max(1, len(self.right.spans)), n, INT)
        partner_of_l, partner_of_r = np.zeros(len(when_l), INT), np.zeros(len(when_r), INT)
        when_l[a[certain]], partner_of_l[a[certain]] = certain, b[certain]
        when_r[b[certain]], partner_of_r[b[certain]] = certain, a[certain]
        later = np.flatnonzero((when_l[a] < position) & (when_r[b] < position))
        out = np.zeros(n, bool)
        if not len(later):
            return out
        left, right, width = self.left, self.right, self.width
        pa, pb = a[later], b[later]
        owner, idx = keysets.expand(left.kptr, pa)
        key = left.kkey[idx]
        hit = keysets.member(right.codes, pb[owner] * width + key)
        owner, key = owner[hit], key[hit]
        weight = self.weight[key]
        shared = np.bincount(owner, weights=weight, minlength=len(later))
        new_l = ~keysets.member(right.codes, partner_of_l[pa][owner] * width + key)
        new_r = ~keysets.member(left.codes, partner_of_r[pb][owner] * width + key)
        outside_l = np.bincount(owner, weights=weight * new_l, minlength=len(later))
        outside_r = np.bincount(owner, weights=weight * new_r, minlength=len(later))
        # A margin for summation order: pairs this close to the line are left to the loop.
        need = DISTINCT * shared - 1e-9 * (1.0 + shared)
        out[later] = (outside_l < need) & (outside_r < need)
        return out

    def matches(self, threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
        """Selected pairs scoring at least `threshold`, as Matches in reading order of the left
        text."""
        la, lb, ls = self.link_left, self.link_right, self.link_score
        chosen = np.flatnonzero(ls >= threshold)
        # Units are numbered in reading order, so this is the order of their offsets.
        chosen = chosen[np.lexsort((lb[chosen], la[chosen]))].tolist()
        built = self._built
        missing = (
            list(enumerate(chosen))
            if not built
            else [(n, i) for n, i in enumerate(chosen) if i not in built]
        )
        if missing:
            collecting = gc.isenabled()
            gc.disable()
            try:
                self._build(missing)
            finally:
                if collecting:
                    gc.enable()
        out = []
        for n, i in enumerate(chosen):
            m = built[i]
            out.append(m if m.id == n else m.renumbered(n))
        return out

    def _build(self, chosen: list[tuple[int, int]]) -> None:
        """Matches (id, link index) for the given
        links, their shared-word spans found all at once."""
        index = np.fromiter((i for _n, i in chosen), INT, len(chosen))
        a, b = self.link_left[index], self.link_right[index]
        shared_l = shared_spans(self.left, a, self.right, b, self.width)
        shared_r = shared_spans(self.right, b, self.left, a, self.width)
        lspans, rspans, lsentence, rsentence = (
            self.left.spans,
            self.right.spans,
            self.left.sentence,
            self.right.sentence,
        )
        text = self.left.doc.text
        for (n, i), u, v, score, sl, sr in zip(
            chosen, a.tolist(), b.tolist(), self.link_score[index].tolist(), shared_l, shared_r
        ):
            self._built[i] = Match(
                n,
                (lspans[u],),
                (rspans[v],),
                round(score, 4),
                sl,
                sr,
                (lsentence[u],),
                (rsentence[v],),
                _evidence(text, sl),
            )


def _evidence(text: str, shared: tuple[Span, ...]) -> tuple[str, ...]:
    """What a match rests on, strongest first: shared runs holding a figure, then the longest runs
    of shared words, longer first (as the left text writes them)."""
    runs = dict.fromkeys(" ".join(text[s.start : s.end].split()) for s in shared)
    ranked = sorted(runs, key=lambda r: (not any(c.isdigit() for c in r), -len(r.split()), -len(r)))
    return tuple(ranked[:EVIDENCE])


def _weight_outside(
    weight, keys: frozenset[int], sets: list[frozenset[int]], units: list[int]
) -> float:
    """Weight of the keys none of the given units hold."""
    rest = keys - sets[units[0]] if len(units) == 1 else keys.difference(*(sets[u] for u in units))
    return sum(map(weight, rest))


_NONE = -(1 << 40)


def _vocab(side: Units) -> set[str]:
    keys = set(side.keys)
    keys.discard(None)
    return keys


def align(
    left: Document,
    right: Document,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress | None = None,
) -> list[Match]:
    """Matches between passages of `left` and `right` that report the same fact."""
    return Aligner(left, right, progress).matches(threshold)
