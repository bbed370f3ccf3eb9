"""Alignment units (sentences, long ones cut into clauses) of one document, and their words as
flat arrays: one scan of the whole text, offsets kept for the shared-word spans of the matches."""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter

import numpy as np

from ..model import Span
from ..text import tokens
from ..text.document import Document
from . import keysets
from .keysets import INT

MIN_CLAUSE_WORDS = 5

_CLAUSE = re.compile(r"[;:](?=\s)")
_BLANK = re.compile(r"\s*")


class Units:
    """The units of one document: spans, owning sentence, and its words as flat arrays."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.spans: list[Span] = []
        self.sentence: list[int] = []
        text = doc.text
        marks = [m.end() for m in _CLAUSE.finditer(text)]
        for sentence in doc.sentences:
            if not sentence.boilerplate:
                start, end = sentence.start, sentence.end
                first, last = bisect_right(marks, start), bisect_right(marks, end)
                if first < last:
                    for span in _clauses(text, start, end, marks[first:last]):
                        self.spans.append(span)
                        self.sentence.append(sentence.index)
                else:
                    self.spans.append(Span(start, end))
                    self.sentence.append(sentence.index)
        n = len(self.spans)
        ustart = np.fromiter(map(_span_start, self.spans), INT, n)
        uend = np.fromiter(map(_span_end, self.spans), INT, n)
        # One scan of the whole text; words outside the units (boilerplate, gaps) are dropped.
        start, end, words = tokens.word_spans(text)
        unit = np.searchsorted(ustart, start, "right") - 1
        inside = (
            (unit >= 0) & (end <= uend[np.maximum(unit, 0)]) if n else np.zeros(len(words), bool)
        )
        keep = np.flatnonzero(inside)
        if len(keep) < len(words):
            words = [words[i] for i in keep.tolist()]
        self.unit, self.start, self.end = unit[keep], start[keep], end[keep]
        self.wptr = keysets.csr(self.unit, n)
        index = dict.fromkeys(words)
        self.surface = list(index)
        index = {w: i for i, w in enumerate(self.surface)}
        self.word = np.fromiter(map(index.__getitem__, words), INT, len(words))
        # Date keys, from the units that hold a digit only (a shortcut for long texts).
        digit = np.fromiter((w[0].isdigit() for w in self.surface), bool, len(self.surface))
        self.dates: dict[int, list[str]] = {}
        if digit.any():
            ptr = self.wptr.tolist()
            for u in keysets.unique(self.unit[digit[self.word]]).tolist():
                found = tokens.aligned_keys(words[ptr[u] : ptr[u + 1]])[1]
                if found:
                    self.dates[u] = found
        self.keys = list(map(tokens.normalise, self.surface))
        # From the units only: a page's URLs write names in lower case.
        self.lower, self.digits = tokens.surface_classes(set(self.surface))
        self._sets: list[frozenset[int]] | None = None

    def __getstate__(self) -> dict:
        # Sent back from a forked child, which the caller's copy of the document already is.
        return {k: v for k, v in self.__dict__.items() if k != "doc"}

    def sets(self) -> list[frozenset[int]]:
        """Each unit's key ids as a set (built once,
        for the few decisions made one pair at a time)."""
        if self._sets is None:
            keys, ptr = self.kkey.tolist(), self.kptr.tolist()
            self._sets = [frozenset(keys[ptr[u] : ptr[u + 1]]) for u in range(len(self.spans))]
        return self._sets


def _clauses(text: str, start: int, end: int, cuts: list[int]) -> list[Span]:
    """Cut a sentence at its marks (after ';' and ':') where both sides keep enough words to stand
    alone: a unit should hold about one fact (and long texts' verses often end there)."""
    out, begin = [], start
    spaces = MIN_CLAUSE_WORDS - 1  # words are counted by the spaces between them
    for cut in cuts:
        if text.count(" ", begin, cut) >= spaces:
            if text.count(" ", cut, end) < spaces:
                break  # later cuts leave even fewer words after them
            out.append(Span(begin, cut))
            begin = _BLANK.match(text, cut).end()
    out.append(Span(begin, end))
    return out


def shared_spans(
    side: Units, units: np.ndarray, other: Units, partners: np.ndarray, width: int
) -> list[tuple[Span, ...]]:
    """Per unit, spans of the words whose keys
    its partner holds too; runs one stopword apart merge."""
    owner, idx = keysets.expand(side.wptr, units)
    key = side.key[idx]
    hit = np.flatnonzero(
        (key >= 0) & keysets.member(other.codes, partners[owner] * width + np.maximum(key, 0))
    )
    if not len(hit):
        return [()] * len(units)
    o, w = owner[hit], idx[hit]
    gap = np.diff(w)
    # A run goes on over one stopword, not over a content word both do not share.
    between = side.key[np.minimum(w[:-1] + 1, len(side.key) - 1)]
    cont = (o[1:] == o[:-1]) & ((gap == 1) | ((gap == 2) & (between == -1)))
    first = np.flatnonzero(np.r_[True, ~cont])
    last = np.r_[first[1:] - 1, len(w) - 1]
    spans = list(map(Span, side.start[w[first]].tolist(), side.end[w[last]].tolist()))
    bounds = np.searchsorted(o[first], np.arange(len(units) + 1)).tolist()
    return [tuple(spans[lo:hi]) for lo, hi in zip(bounds, bounds[1:])]


_span_start = attrgetter("start")
_span_end = attrgetter("end")
