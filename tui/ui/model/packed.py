"""Matches and entities as flat arrays: cheap to send from the alignment process; Match objects made
on demand.

A book's comparison is ~50k matches holding ~400k spans. Pickled as objects it took ~4 s to cross
the pipe (dumps in the child, loads in the reader); as arrays it takes milliseconds, and the reader
only builds the few Match objects a key press looks at.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence

import numpy as np

from ...core.model import SIDES, Entity, Match, Span

SPAN_FIELDS = ("left", "right", "shared_left", "shared_right")
INDEX_FIELDS = ("left_sentences", "right_sentences")
NO_SPAN = 1 << 62  # first start of a side without spans: sorts after every real offset


def _ragged_spans(groups: Sequence[Sequence[Span]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row offsets, starts and ends of spans grouped in rows (row i is [offsets[i], offsets[i +
    1]))."""
    counts = np.fromiter(map(len, groups), np.int64, len(groups))
    flat = [span for group in groups for span in group]
    starts = np.fromiter((s.start for s in flat), np.int64, len(flat))
    ends = np.fromiter((s.end for s in flat), np.int64, len(flat))
    return np.concatenate(([0], np.cumsum(counts))), starts, ends


def _ragged_ints(groups: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.fromiter(map(len, groups), np.int64, len(groups))
    values = np.fromiter((i for group in groups for i in group), np.int64, int(counts.sum()))
    return np.concatenate(([0], np.cumsum(counts))), values


def _spans(starts: np.ndarray, ends: np.ndarray) -> tuple[Span, ...]:
    return tuple(map(Span, starts.tolist(), ends.tolist()))


class MatchTable(Sequence[Match]):
    """The matches of a comparison, as arrays;
    indexing builds (once) and returns the Match object."""

    __slots__ = ("ids", "scores", "spans", "sentences", "evidence", "_made")

    def __init__(
        self,
        ids: np.ndarray,
        scores: np.ndarray,
        spans: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
        sentences: dict[str, tuple[np.ndarray, np.ndarray]],
        evidence: tuple[tuple[str, ...], ...] = (),
        made: list[Match | None] | None = None,
    ) -> None:
        self.ids, self.scores, self.spans, self.sentences = ids, scores, spans, sentences
        self.evidence = evidence
        self._made: list[Match | None] = made if made is not None else [None] * len(ids)

    @classmethod
    def of(cls, matches: Sequence[Match]) -> MatchTable:
        """The table of `matches` (itself if it is one); the given objects are kept, not rebuilt."""
        if isinstance(matches, MatchTable):
            return matches
        matches = list(matches)
        ids = np.fromiter((m.id for m in matches), np.int64, len(matches))
        scores = np.fromiter((m.score for m in matches), np.float64, len(matches))
        spans = {f: _ragged_spans([getattr(m, f) for m in matches]) for f in SPAN_FIELDS}
        sentences = {f: _ragged_ints([getattr(m, f) for m in matches]) for f in INDEX_FIELDS}
        evidence = tuple(m.evidence for m in matches)
        return cls(ids, scores, spans, sentences, evidence, list(matches))

    def __reduce__(self):
        # Only the arrays cross a pipe: the receiver builds the objects it needs.
        return MatchTable, (self.ids, self.scores, self.spans, self.sentences, self.evidence)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        match = self._made[index]
        if match is None:
            match = self._made[index] = self._build(index)
        return match

    def __iter__(self) -> Iterator[Match]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def _build(self, i: int) -> Match:
        fields = {}
        for name, (offsets, starts, ends) in self.spans.items():
            a, b = offsets[i], offsets[i + 1]
            fields[name] = _spans(starts[a:b], ends[a:b])
        for name, (offsets, values) in self.sentences.items():
            fields[name] = tuple(values[offsets[i] : offsets[i + 1]].tolist())
        evidence = self.evidence[i] if self.evidence else ()
        return Match(int(self.ids[i]), score=float(self.scores[i]), evidence=evidence, **fields)

    def side_spans(self, side: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Offsets, starts and ends of every match's passages on `side`."""
        return self.spans[side]

    def first_starts(self, side: str) -> np.ndarray:
        """Per match, where its first passage on `side` starts (NO_SPAN when it has none there)."""
        offsets, starts, _ends = self.spans[side]
        first = np.full(len(self), NO_SPAN, np.int64)
        filled = np.flatnonzero(np.diff(offsets) > 0)
        if len(filled):
            # Empty rows are skipped, so each reduced segment is exactly one filled row.
            first[filled] = np.minimum.reduceat(starts, offsets[filled])
        return first


class PackedEntities:
    """Entities as lists and span arrays (what
    crosses the pipe); `unpack()` rebuilds the objects."""

    __slots__ = ("heads", "mentions")

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.heads = [(e.label, e.type, e.aliases, tuple(e.mentions)) for e in entities]
        self.mentions = {side: _ragged_spans([e.on(side) for e in entities]) for side in SIDES}

    def __getstate__(self):
        return self.heads, self.mentions

    def __setstate__(self, state) -> None:
        self.heads, self.mentions = state

    def unpack(self) -> tuple[Entity, ...]:
        lists = {
            side: (o.tolist(), s.tolist(), e.tolist()) for side, (o, s, e) in self.mentions.items()
        }
        enabled = gc.isenabled()
        gc.disable()  # ~10^5 new objects, all long-lived: collections would only re-walk them
        try:
            out = []
            for i, (label, kind, aliases, keys) in enumerate(self.heads):
                mentions = {}
                for side in keys:
                    offsets, starts, ends = lists[side]
                    a, b = offsets[i], offsets[i + 1]
                    mentions[side] = tuple(map(Span, starts[a:b], ends[a:b]))
                out.append(Entity(label, kind, aliases, mentions))
            return tuple(out)
        finally:
            if enabled:
                gc.enable()
