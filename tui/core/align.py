"""Alignment: candidate pairs from an inverted index of rare keys, scored, selected -> Match.

Units are sentences (long ones cut at ';' and ':'). A pair's evidence is the rarity-weighted sum of the
keys both share (IDF over the units of both texts, so a story's own names weigh little) plus a bonus
for shared phrases; the score maps evidence and coverage into [0, 1]. Neighbouring links in the same
order raise a pair's score (local order is strong evidence in long texts, a tie-breaker in articles).
Selection is greedy by score: a unit's first counterpart is its best, a further one needs evidence
the earlier ones did not explain. Every decision depends only on higher-scored pairs, so raising the
threshold only filters the result: `Aligner.matches(t)` re-selects without re-reading the texts.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from itertools import chain
from typing import Callable, NamedTuple

from . import tokens
from .document import Document
from .model import Match, Span

DEFAULT_THRESHOLD = 0.375
FLOOR = 0.1  # pairs below this are never kept: the lowest threshold the reader can step down to

NAME_WEIGHT = 0.45  # a key never written in lower case: shared names alone are not a shared fact
NUMBER_WEIGHT = 1.5  # numbers written in digits (10 and up) and dates are precise evidence
ATTRIBUTION_WEIGHT = 0.3  # "the agency reported": who said it is not what was said
MIN_CONTENT = 0.6  # evidence other than names a pair needs before it can score fully
PHRASE_BONUS = 0.25  # per shared near-bigram of content keys, times the two words' weights
COVERAGE_POWER = 0.5  # how much a pair is marked down for the share of its shorter unit left unshared
EVIDENCE_SCALE = 1.6  # evidence worth ~1.6 perfectly rare keys scores 1 - 1/e before coverage
INDEX_FRACTION = 0.005  # keys in more than this share of units (and more than INDEX_MIN) are not indexed
INDEX_MIN = 60
INDEX_MAX = 150  # so that the work grows with the number of units, not with its square
TOP_CANDIDATES = 6  # per unit and direction, ranked by shared rare keys, before exact scoring
CANDIDATE_SHARE = 0.5  # ... and sharing at least this share of the best one's count
MAX_COUNTERPARTS = 3
KEEP = 4  # pairs ranked below this for both their units cannot win a place
DISTINCT = 0.5  # share of a further counterpart's evidence that must be new
ANCHOR = 0.5  # links at least this strong vouch for their neighbours
NEIGHBOUR_BOOST = 0.35
GAP = 300  # gaps up to this long between two links of an ordered chain are searched near its line
BAND = 2
ROUNDS = 2
MIN_CHAIN = 12  # fewer ordered strong links than this say nothing about order
MIN_CLAUSE_WORDS = 5

_CLAUSE = re.compile(r"[;:](?=\s)")
_DIGIT = re.compile(r"\d")
_BLANK = re.compile(r"\s*")
_BITS = 21
_LOW = (1 << _BITS) - 1

Progress = Callable[[float], None]
Pair = tuple[int, int]


class Link(NamedTuple):
    """One selected pair of units and its score."""

    left: int
    right: int
    score: float


class _Side:
    """The units of one document: spans, owning sentence and comparison keys."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.spans: list[Span] = []
        self.sentence: list[int] = []
        for sentence in doc.sentences:
            if not sentence.boilerplate:
                for span in _clauses(doc.text, sentence.start, sentence.end):
                    self.spans.append(span)
                    self.sentence.append(sentence.index)
        text, find, surface = doc.text, tokens.WORD.findall, set()
        self.keys: list[list[str | None]] = []
        self.dates: list[list[str]] = []
        for span in self.spans:
            words = find(text, span.start, span.end)
            surface.update(words)
            keys, dates = tokens.aligned_keys(words, _DIGIT.search(text, span.start, span.end) is not None)
            self.keys.append(keys)
            self.dates.append(dates)
        # From the units only: a page's URLs write names in lower case.
        self.lower, self.digits = tokens.surface_classes(surface)


def _clauses(text: str, start: int, end: int) -> list[Span]:
    """Cut a sentence at ';' and ':' where both sides keep enough words to stand alone: a unit
    should hold about one fact (and long texts' verses often end there)."""
    cuts = [m.end() for m in _CLAUSE.finditer(text, start, end)]
    if not cuts:
        return [Span(start, end)]
    out, begin = [], start
    for cut in cuts:
        if _words(text, begin, cut) >= MIN_CLAUSE_WORDS and _words(text, cut, end) >= MIN_CLAUSE_WORDS:
            out.append(Span(begin, cut))
            begin = _BLANK.match(text, cut).end()
    out.append(Span(begin, end))
    return out


def _words(text: str, start: int, end: int) -> int:
    return text.count(" ", start, end) + 1


class Aligner:
    """Everything that does not depend on the threshold, computed once.

    `order=False` leaves out the lift from neighbouring links, so nothing depends on sentence order.
    """

    def __init__(self, left: Document, right: Document, progress: Progress | None = None, order: bool = True):
        report = progress or (lambda _fraction: None)
        report(0.0)
        self.left, self.right = _Side(left), _Side(right)
        report(0.35)
        self._vocabulary()
        report(0.5)
        scored = self._score(self._candidates())
        report(0.7)
        if order:
            scored = self._by_order(scored)
        report(0.9)
        self.links = self._select(scored)
        self._built: dict[int, Match] = {}
        report(1.0)

    def _vocabulary(self) -> None:
        """Key ids (spelling variants folded) and weights by rarity over the units of both texts."""
        left, right = self.left, self.right
        lvocab, rvocab = _vocab(left), _vocab(right)
        variants = tokens.variants(lvocab, rvocab)
        ids: dict[str, int] = {}
        fold = variants.get
        code: dict[str | None, int] = {None: -1}
        every = lvocab | rvocab
        every.update(chain.from_iterable(left.dates), chain.from_iterable(right.dates))
        for key in sorted(every):
            code[key] = ids.setdefault(fold(key, key), len(ids))
        encode = code.__getitem__
        # Per word, -1 for a stopword: kept to find the shared words again without re-reading.
        self.lseq = [list(map(encode, ks)) for ks in left.keys]
        self.rseq = [list(map(encode, ks)) for ks in right.keys]
        self.ids, self.variants = ids, variants
        self.lsets = [_set(seq, map(encode, dates)) for seq, dates in zip(self.lseq, left.dates)]
        self.rsets = [_set(seq, map(encode, dates)) for seq, dates in zip(self.rseq, right.dates)]
        self.lbig = [_bigrams(seq) for seq in self.lseq]
        self.rbig = [_bigrams(seq) for seq in self.rseq]
        left.keys = right.keys = []  # the ids above replace them; on a 4 MB text they weigh ~100 MB
        df = Counter(chain.from_iterable(self.lsets))
        df.update(chain.from_iterable(self.rsets))
        n = len(self.lsets) + len(self.rsets)
        scale = math.log((n + 1) / 2) or 1.0
        lower = {fold(k, k) for k in left.lower | right.lower}
        digits = left.digits | right.digits
        weight = [0.0] * len(ids)
        content = [0.0] * len(ids)
        for key, i in ids.items():
            w = max(0.02, math.log((n + 1) / df[i]) / scale)
            if key[0] == tokens.DATE_PREFIX or (key in digits and len(key) > 2):
                w *= NUMBER_WEIGHT
            elif key in tokens.ATTRIBUTION:
                w *= ATTRIBUTION_WEIGHT
            if key not in lower and key[0] not in (tokens.NUMBER_PREFIX, tokens.DATE_PREFIX):
                weight[i] = w * NAME_WEIGHT
            else:
                weight[i] = content[i] = w
        self.weight, self.content, self.df, self.n = weight, content, df, n
        self._weight, self._content = weight.__getitem__, content.__getitem__
        # A phrase of names only ("Kim Jong") is one name, not a phrase.
        self._phrase = lambda p: weight[p >> _BITS] + weight[p & _LOW] if content[p >> _BITS] or content[p & _LOW] else 0.0
        self.lweight = [sum(map(self._weight, s)) for s in self.lsets]
        self.rweight = [sum(map(self._weight, s)) for s in self.rsets]

    def _candidates(self) -> set[Pair]:
        """Pairs sharing rare keys, from posting lists; each unit keeps its best few per direction."""
        cap = min(INDEX_MAX, max(INDEX_MIN, INDEX_FRACTION * self.n))
        rare = {t for t, c in self.df.items() if c <= cap}
        lrare = [s & rare for s in self.lsets]
        rrare = [s & rare for s in self.rsets]
        lpost = _postings(lrare)
        rpost = _postings(rrare)
        pairs: set[Pair] = set()
        empty: list[int] = []
        for a, ts in enumerate(lrare):
            if ts:
                counts = Counter(chain.from_iterable(rpost.get(t, empty) for t in ts))
                pairs.update((a, b) for b in _best(counts))
        for b, ts in enumerate(rrare):
            if ts:
                counts = Counter(chain.from_iterable(lpost.get(t, empty) for t in ts))
                pairs.update((a, b) for a in _best(counts))
        return pairs

    def score(self, a: int, b: int) -> float:
        """Evidence that left unit `a` and right unit `b` report the same fact, in [0, 1]."""
        return self._score([(a, b)]).get((a, b), 0.0)

    def _score(self, pairs) -> dict[Pair, float]:
        """Scores of the pairs that share anything (one loop: this is the hot path on long texts)."""
        lsets, rsets, lbig, rbig, lw, rw = self.lsets, self.rsets, self.lbig, self.rbig, self.lweight, self.rweight
        weight, content, phrase, exp = self._weight, self._content, self._phrase, math.exp
        out = {}
        for pair in pairs:
            a, b = pair
            shared = lsets[a] & rsets[b]
            if not shared:
                continue
            evidence = sum(map(weight, shared))
            own = sum(map(content, shared))
            smaller = lw[a] if lw[a] < rw[b] else rw[b]
            coverage = evidence / smaller if evidence < smaller else 1.0
            phrases = lbig[a] & rbig[b]
            if phrases:
                evidence += PHRASE_BONUS * sum(map(phrase, phrases))
            score = (1.0 - exp(-evidence / EVIDENCE_SCALE)) * coverage**COVERAGE_POWER
            out[pair] = score if own >= MIN_CONTENT else score * own / MIN_CONTENT
        return out

    def _by_order(self, base: dict[Pair, float]) -> dict[Pair, float]:
        """Raise pairs that agree with the order of the strong links around them.

        Only when the strong links mostly follow one order (translations, versions of one text) is
        order evidence: then pairs next to a strong link, or near the line between two consecutive
        ones, are searched and raised. Articles reorder freely, so there order counts for nothing
        and shuffling a text's sentences does not change its matches.
        """
        current = base
        for _round in range(ROUNDS):
            strong = {pair: s for pair, s in current.items() if s >= ANCHOR}
            anchors = sorted((l.left, l.right) for l in self._select(strong, primary_only=True))
            chain_ = _increasing(anchors)
            ordered = len(chain_) / len(anchors) if len(chain_) >= MIN_CHAIN else 0.0
            trust = min(1.0, max(0.0, (ordered - 0.5) / 0.4))
            prior = _gap_prior(chain_) if trust else {}
            base.update(self._score(prior.keys() - base.keys()))
            # Far-off sentinels, padded by two at the end so that a - 2 ... a + 2 never fall outside.
            bl, br = [_NONE] * (len(self.lsets) + 2), [_NONE] * (len(self.rsets) + 2)
            for a, b in anchors:
                bl[a], br[b] = b, a
            current = {}
            get = prior.get
            for pair, s in base.items():
                a, b = pair
                # An anchor one unit away may be up to two units off on the other side (a sentence
                # split in two), one two units away must be exactly one off: the order agrees.
                support = max(
                    (0 < b - bl[a - 1] <= 2) + (0 < bl[a + 1] - b <= 2) + (b - bl[a - 2] == 1) + (bl[a + 2] - b == 1),
                    (0 < a - br[b - 1] <= 2) + (0 < br[b + 1] - a <= 2) + (a - br[b - 2] == 1) + (br[b + 2] - a == 1),
                )
                lift = trust * get(pair, 0.0) if prior else 0.0
                if support:
                    lift = max(lift, 1.0 if support > 1 else 0.5)
                current[pair] = s + NEIGHBOUR_BOOST * (1.0 - s) * lift if lift else s
        return current

    def _select(self, scored: dict[Pair, float], primary_only: bool = False) -> list[Link]:
        """Greedy by score: each unit's best partner first; a further one only with mostly new evidence.

        A further counterpart must bring evidence its unit's earlier links did not explain, on some
        side: two wordings of one fact in one text may both link to it (headline and lede), but not a
        pair whose ends are both explained already (a repeated formula).
        """
        nl, nr = len(self.lsets), len(self.rsets)
        explained_l: list[set[int] | None] = [None] * nl
        explained_r: list[set[int] | None] = [None] * nr
        count_l, count_r = [0] * nl, [0] * nr
        rank_l, rank_r = [0] * nl, [0] * nr
        lsets, rsets, weight = self.lsets, self.rsets, self._weight
        links = []
        for (a, b), s in sorted(scored.items(), key=_by_score):
            if s < FLOOR:
                break
            rank_l[a] += 1
            rank_r[b] += 1
            if rank_l[a] > KEEP and rank_r[b] > KEEP:
                continue  # below the best few of both its units: too weak to carry news
            seen_l, seen_r = explained_l[a], explained_r[b]
            shared = None
            if seen_l is not None or seen_r is not None:
                if primary_only or count_l[a] >= MAX_COUNTERPARTS or count_r[b] >= MAX_COUNTERPARTS:
                    continue
                shared = lsets[a] & rsets[b]
                need = DISTINCT * sum(map(weight, shared))
                if not ((seen_l is not None and sum(map(weight, shared - seen_l)) >= need)
                        or (seen_r is not None and sum(map(weight, shared - seen_r)) >= need)):
                    continue
            if primary_only:
                explained_l[a] = explained_r[b] = _EMPTY
            else:
                shared = shared if shared is not None else lsets[a] & rsets[b]
                if seen_l is None:
                    explained_l[a] = seen_l = set()
                if seen_r is None:
                    explained_r[b] = seen_r = set()
                seen_l.update(shared)
                seen_r.update(shared)
                count_l[a] += 1
                count_r[b] += 1
            links.append(Link(a, b, s if s < 1.0 else 1.0))
        return links

    def matches(self, threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
        """Selected pairs scoring at least `threshold`, as Matches in reading order of the left text."""
        chosen = [(i, link) for i, link in enumerate(self.links) if link.score >= threshold]
        chosen.sort(key=lambda item: (self.left.spans[item[1].left].start, self.right.spans[item[1].right].start))
        return [self._match(n, i, link) for n, (i, link) in enumerate(chosen)]

    def _match(self, n: int, i: int, link: Link) -> Match:
        built = self._built.get(i)
        if built is None:
            lspan, rspan = self.left.spans[link.left], self.right.spans[link.right]
            shared = self.lsets[link.left] & self.rsets[link.right]
            built = self._built[i] = Match(
                id=n,
                left=(lspan,),
                right=(rspan,),
                score=round(link.score, 4),
                shared_left=self._shared_spans(self.left.doc.text, lspan, self.lseq[link.left], shared),
                shared_right=self._shared_spans(self.right.doc.text, rspan, self.rseq[link.right], shared),
                left_sentences=(self.left.sentence[link.left],),
                right_sentences=(self.right.sentence[link.right],),
            )
        if built.id != n:
            built = Match(n, built.left, built.right, built.score, built.shared_left, built.shared_right,
                          built.left_sentences, built.right_sentences)
        return built

    @staticmethod
    def _shared_spans(text: str, span: Span, seq: list[int], shared: frozenset[int]) -> tuple[Span, ...]:
        """Spans of the words whose keys both units share; runs one stopword apart are merged."""
        hits = [i for i, key in enumerate(seq) if key in shared]
        if not hits:
            return ()
        offsets = list(map(_span_of, tokens.WORD.finditer(text, span.start, span.end)))
        runs = []
        first = last = hits[0]
        for i in hits[1:]:
            if i - last > 2 or (i - last == 2 and seq[last + 1] != -1):
                runs.append(Span(offsets[first][0], offsets[last][1]))
                first = i
            last = i
        runs.append(Span(offsets[first][0], offsets[last][1]))
        return tuple(runs)


def _best(counts: Counter[int]) -> list[int]:
    """The units sharing the most rare keys, down to a share of the best count."""
    top = counts.most_common(TOP_CANDIDATES)
    floor = math.ceil(top[0][1] * CANDIDATE_SHARE) if top else 0
    return [unit for unit, count in top if count >= floor]


def _by_score(item: tuple[Pair, float]) -> tuple[float, Pair]:
    return -item[1], item[0]


_span_of = re.Match.span
_EMPTY: set[int] = set()
_NONE = -(1 << 40)


def _postings(sets: list[frozenset[int]]) -> dict[int, list[int]]:
    post: dict[int, list[int]] = {}
    for unit, keys in enumerate(sets):
        for key in keys:
            post.setdefault(key, []).append(unit)
    return post


def _vocab(side: _Side) -> set[str]:
    keys = set(chain.from_iterable(side.keys))
    keys.discard(None)
    return keys


def _set(seq: list[int], extra) -> frozenset[int]:
    keys = set(seq)
    keys.update(extra)
    keys.discard(-1)
    return frozenset(keys)


def _bigrams(seq: list[int]) -> frozenset[int]:
    """Ordered pairs of content keys at most one key apart: phrases, allowing one word inserted."""
    seq = [k for k in seq if k >= 0]
    return frozenset((a << _BITS) | b for a, b in chain(zip(seq, seq[1:]), zip(seq, seq[2:])) if a != b)


def _gap_prior(chain_: list[Pair]) -> dict[Pair, float]:
    """Pairs near the straight line between consecutive links of an ordered chain, with a weight that
    falls off with the distance from that line; long gaps are not searched."""
    out: dict[Pair, float] = {}
    for (a0, b0), (a1, b1) in zip(chain_, chain_[1:]):
        da, db = a1 - a0, b1 - b0
        if da > GAP or db > GAP or (da <= 1 and db <= 1):
            continue
        for a in range(a0, a1 + 1):
            expected = b0 + (a - a0) * db / da if da else b0
            for b in range(max(b0, int(expected - BAND)), min(b1, int(expected + BAND)) + 1):
                weight = 1.0 - abs(b - expected) / (BAND + 1)
                if weight > out.get((a, b), 0.0):
                    out[(a, b)] = weight
    return out


def _increasing(pairs: list[Pair]) -> list[Pair]:
    """The longest chain of pairs (sorted by left) whose right ends increase too (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    back = [-1] * len(pairs)
    for i, (_a, b) in enumerate(pairs):
        k = bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
            tail_index.append(i)
        else:
            tails[k] = b
            tail_index[k] = i
        back[i] = tail_index[k - 1] if k else -1
    out = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.append(pairs[i])
        i = back[i]
    return out[::-1]


def align(left: Document, right: Document, threshold: float = DEFAULT_THRESHOLD, progress: Progress | None = None) -> list[Match]:
    """Matches between passages of `left` and `right` that report the same fact."""
    return Aligner(left, right, progress).matches(threshold)
