"""Candidate pairs: every pair of units when the texts are article-sized, otherwise the pairs an
inverted index of rare keys finds (each unit's best few per direction), so books cost what their
real candidates cost, not the product of their lengths."""

from __future__ import annotations

import numpy as np

from . import keysets
from .keysets import INT
from .vocabulary import Vocabulary

ALL_PAIRS = 40_000  # up to this many unit pairs, all are scored: a paraphrase shares few keys
INDEX_FRACTION = 0.005  # keys in more than this share of units (and more than INDEX_MIN) are not
INDEX_MIN = 60  # indexed
INDEX_MAX = 150  # so that the work grows with the number of units, not with its square
TOP_CANDIDATES = 5  # per unit and direction, ranked by shared rare keys, before exact scoring
CANDIDATE_SHARE = 0.5  # ... and sharing at least this share of the best one's count


def candidates(vocab: Vocabulary) -> np.ndarray:
    """Pairs worth scoring, as sorted codes left * nright + right."""
    left, right = vocab.left, vocab.right
    nl, nr = left.units, max(1, right.units)
    if nl * right.units <= ALL_PAIRS:
        return np.arange(nl * right.units, dtype=INT)
    df = np.bincount(np.concatenate([left.kkey, right.kkey]), minlength=vocab.width)
    cap = min(INDEX_MAX, max(INDEX_MIN, INDEX_FRACTION * (nl + right.units)))
    rare = df <= cap
    lr, rr = rare[left.kkey], rare[right.kkey]
    pairs, counts = keysets.shared_counts(
        left.kunit[lr], left.kkey[lr], right.kunit[rr], right.kkey[rr], nr
    )
    a, b = pairs // nr, pairs % nr
    keep = keysets.top_per_row(a, counts, TOP_CANDIDATES, CANDIDATE_SHARE)
    keep |= keysets.top_per_row(b, counts, TOP_CANDIDATES, CANDIDATE_SHARE)
    return pairs[keep]
