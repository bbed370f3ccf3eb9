"""Alignment: units of both texts -> candidate pairs -> features -> fitted probability -> selection
-> Match.

A pair's score is the fitted model's probability that the two units report the same fact
(pair_model.py). Where the strong links mostly follow one order (translations, versions of one
text) neighbouring links raise a pair; articles reorder freely, so there order counts for nothing.
Everything that does not depend on the threshold is computed once: `Aligner.matches(t)` re-selects
without re-reading the texts.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable

import numpy as np

from ..model import Match
from ..text.document import Document
from . import keysets, select, vocabulary
from .candidates import candidates
from .chains import gap_prior, increasing, support
from .features import (
    COSINE,
    NAMES,
    POSITION,
    RANKS,
    WHOLE,
    pair_features,
    rank_features,
    shares_content,
)
from .keysets import INT
from .pair_model import PairModel, shipped, shipped_threshold
from .units import Units

DEFAULT_THRESHOLD = shipped_threshold()
FLOOR = select.FLOOR
# Order evidence, set on the Gospel of Mark's verse gold (NT and the whole Bible held out):
ANCHOR = 0.8  # links at least this strong vouch for their neighbours
NEIGHBOUR_BOOST = 0.5
ROUNDS = 2
ISOLATION = 0.5  # in ordered texts, a weak pair no ordered neighbour vouches for scores half
MIN_CHAIN = 30  # fewer ordered strong links than this say nothing about order (an article has few)
EVIDENCE = 3  # shared phrases, numbers or words a match names as its evidence
NAMES_ONLY = 0.05  # the most a pair sharing only names scores (where every pair is scored)
NAMED = NAMES.index("names")

Progress = Callable[[float], None]
Pair = tuple[int, int]


class Aligner:
    """Everything that does not depend on the threshold, computed once.

    `order=False` leaves out the lift from neighbouring links and the position prior, so nothing
    depends on sentence order.
    `left_units` hands over the left text's units (say, computed in another process meanwhile).
    `model` replaces the shipped pair model (fitting and out-of-fold measurement use it).
    """

    def __init__(
        self,
        left: Document,
        right: Document,
        progress: Progress | None = None,
        order: bool = True,
        left_units: Callable[[], Units] | None = None,
        model: PairModel | None = None,
    ):
        self.model = model or shipped()
        self.order = order
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
        self.left_doc, self.right_doc = left, right
        report(0.35)
        self.vocab = vocabulary.build(self.left, self.right)
        report(0.5)
        pairs = candidates(self.vocab)
        every = len(pairs) == self.vocab.left.units * self.vocab.right.units
        self.model = self.model.for_texts(every)
        scores, guesses = self._scores(pairs)
        report(0.7)
        trust = 0.0
        if order:
            pairs, scores, trust = self._by_order(pairs, scores)
        if every:  # (order adds no pairs when all are scored)
            scores = np.maximum(scores, guesses)
        report(0.9)
        floor = FLOOR if every else select.BOOK_FLOOR
        links = select.select(self.vocab, pairs, scores, ordered=trust > 0, floor=floor)
        # Selected pairs as columns: left unit, right unit, score.
        self.link_left = np.array([link[0] for link in links], INT)
        self.link_right = np.array([link[1] for link in links], INT)
        self.link_score = np.array([link[2] for link in links], float)
        self._built: dict[int, Match] = {}
        report(1.0)

    def _scores(self, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Probabilities of the pairs (sorted codes), each ranked among the others, 0 for pairs
        that share no content; and the guesses: pairs sharing only names (the same people and
        places, perhaps another fact) at most NAMES_ONLY, which the threshold shows only when
        stepped down to it and order never raises. The pairs' cosines and first-stage logits are
        kept for pairs added later (_added)."""
        features = self._features(pairs)
        self._cosine, self._logit = features[:, COSINE], self.model.evidence.logit(features)
        nr = max(1, len(self.right.spans))
        scores = self.model.ranked_probability(self._logit, pairs // nr, pairs % nr)
        content = shares_content(features)
        guesses = np.where(~content & (features[:, NAMED] > 0), np.minimum(scores, NAMES_ONLY), 0.0)
        return np.where(content, scores, 0.0), guesses

    def _features(self, pairs: np.ndarray) -> np.ndarray:
        texts = None
        nl, nr = len(self.left.spans), len(self.right.spans)
        if len(pairs) == nl * nr:  # all pairs are scored (article-sized texts)
            texts = (self.left.wording(self.left_doc), self.right.wording(self.right_doc))
        features = pair_features(self.vocab, pairs, (self.left.slots, self.right.slots), texts)
        whole = list(WHOLE)
        unmeasured = np.isnan(features[:, whole])
        if unmeasured.any():  # the model's mean: the columns then add nothing either way
            features[:, whole] = np.where(
                unmeasured, self.model.evidence.mean[whole], features[:, whole]
            )
        if not self.order:  # the model's mean: the columns then add nothing either way
            features[:, POSITION] = self.model.evidence.mean[list(POSITION)]
        return features

    def _sharing(self, pairs: np.ndarray) -> np.ndarray:
        """The pairs whose units share a key (the others would score 0)."""
        left, right, width = self.vocab.left, self.vocab.right, self.vocab.width
        nr = max(1, len(self.right.spans))
        owner, idx = keysets.expand(left.kptr, pairs // nr)
        hit = keysets.member(right.codes, (pairs % nr)[owner] * width + left.kkey[idx])
        return pairs[np.bincount(owner[hit], minlength=len(pairs)) > 0]

    def _added(self, pairs: np.ndarray, fresh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The scored pairs with `fresh` ones added in code order, and the fresh pairs' scores,
        ranked among all (the pairs scored before keep theirs)."""
        features = self._features(fresh)
        merged = np.concatenate([pairs, fresh])
        order = np.argsort(merged, kind="stable")
        merged = merged[order]
        nr = max(1, len(self.right.spans))
        a, b = merged // nr, merged % nr
        cosine = np.concatenate([self._cosine, features[:, COSINE]])[order]
        where = np.empty_like(order)  # the inverse permutation: where each pair went
        where[order] = np.arange(len(order))
        fresh_rows = where[len(pairs) :]
        # A rank depends on its row and column only: ranked among the pairs that share a unit
        # with a fresh one (the second round adds a few dozen pairs to a book's half million).
        near = _sharing_a_unit(a, b, fresh_rows)
        at = np.searchsorted(near, fresh_rows)
        features[:, RANKS] = rank_features(a[near], b[near], cosine[near])[at]
        logit = np.concatenate([self._logit, self.model.evidence.logit(features)])[order]
        self._cosine, self._logit = cosine, logit
        scores = self.model.ranked_probability(logit[near], a[near], b[near])[at]
        return merged, np.where(shares_content(features), scores, 0.0)

    def score(self, a: int, b: int) -> float:
        """The probability that left unit `a` and right unit `b` report the same fact, scored
        among all pairs of their row and column."""
        nr = max(1, len(self.right.spans))
        row = np.arange(len(self.right.spans), dtype=INT) + a * nr
        column = np.arange(len(self.left.spans), dtype=INT) * nr + b
        pairs = np.union1d(row, column)
        return float(self._scores(pairs)[0][np.searchsorted(pairs, a * nr + b)])

    def _by_order(
        self, pairs: np.ndarray, base: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, float]:
        """Raise pairs that agree with the order of the strong links around them; also how far
        the texts are trusted to follow one order (0 to 1).

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
            anchors = select.anchors(self.vocab, pairs[strong], current[strong])
            chain_ = increasing(anchors)
            ordered = len(chain_) / len(anchors) if len(chain_) >= MIN_CHAIN else 0.0
            trust = min(1.0, max(0.0, (ordered - 0.5) / 0.4))
            if not trust:
                return pairs, current, trust
            prior, prior_weight = gap_prior(chain_, nr)
            fresh = self._sharing(np.setdiff1d(prior, pairs, assume_unique=True))
            if len(fresh):
                merged, scores = self._added(pairs, fresh)
                old = np.zeros(len(merged), bool)
                old[np.searchsorted(merged, pairs)] = True
                merged_base = np.empty(len(merged))
                merged_base[old], merged_base[~old] = base, scores
                pairs, base = merged, merged_base
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
                lift = np.where(prior[pos] == pairs, prior_weight[pos], 0.0)
            lift = np.where(agree > 1, 1.0, np.where(agree == 1, np.maximum(lift, 0.5), lift))
            # Order raises a pair that shares something; it is no evidence alone.
            current = base + NEIGHBOUR_BOOST * trust * (1.0 - base) * lift * (base > 0)
            # A repeated formula far from the order of the rest.
            current = np.where(
                (lift == 0) & (base < ANCHOR), current * (1.0 - ISOLATION * trust), current
            )
        return pairs, current, trust

    def matches(self, threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
        """Selected pairs scoring at least `threshold`, as Matches in reading order of the left
        text."""
        la, lb, ls = self.link_left, self.link_right, self.link_score
        chosen = np.flatnonzero(ls >= threshold)
        # Units are numbered in reading order, so this is the order of their offsets.
        chosen = chosen[np.lexsort((lb[chosen], la[chosen]))].tolist()
        built = self._built
        missing = [(n, i) for n, i in enumerate(chosen) if i not in built]
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
        """Matches (id, link index) for the given links, their shared-word spans found all at
        once."""
        index = np.fromiter((i for _n, i in chosen), INT, len(chosen))
        a, b = self.link_left[index], self.link_right[index]
        vocab, width = self.vocab, self.vocab.width
        shared_l, phrases = vocabulary.shared_runs(
            self.left, vocab.left, a, vocab.right, b, width, phrases=True
        )
        shared_r = vocabulary.shared_spans(self.right, vocab.right, b, vocab.left, a, width)
        lspans, rspans = self.left.spans, self.right.spans
        lsentence, rsentence = self.left.sentence, self.right.sentence
        text = self.left_doc.text
        for (n, i), u, v, score, sl, sr, ph in zip(
            chosen,
            a.tolist(),
            b.tolist(),
            self.link_score[index].tolist(),
            shared_l,
            shared_r,
            phrases,
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
                _evidence(text, ph),
            )


def _sharing_a_unit(a: np.ndarray, b: np.ndarray, some: np.ndarray) -> np.ndarray:
    """Indices (sorted) of the pairs whose left or right unit is one of the pairs `some`'s."""
    rows = np.zeros(int(a.max(initial=0)) + 1, bool)
    columns = np.zeros(int(b.max(initial=0)) + 1, bool)
    rows[a[some]], columns[b[some]] = True, True
    return np.flatnonzero(rows[a] | columns[b])


def _evidence(text: str, shared: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """What a match rests on, strongest first: shared phrases holding a figure, then the longest
    phrases both texts write, then shared words, longer first (as the left text writes them)."""
    runs = list(dict.fromkeys(" ".join(text[start:end].split()) for start, end in shared))
    if len(runs) > 1:  # a book's matches share one run or two: each sort counts
        runs.sort(key=_strength)
    return tuple(runs[:EVIDENCE])


def _strength(run: str) -> tuple[bool, int, int]:
    """Sort key of a shared run, strongest first: a figure, more words, more letters (a run holds
    words, one space apart)."""
    return _DIGIT.search(run) is None, -run.count(" "), -len(run)


_NONE = -(1 << 40)
_DIGIT = re.compile(r"\d")
