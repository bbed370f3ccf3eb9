"""Shared by the alignment benchmark and its
smoke test: verse-level scoring against the Bible gold."""

from __future__ import annotations

import json
import statistics
import time
from bisect import bisect_right
from pathlib import Path


def load_gold(path: Path) -> list[tuple[str, int, int]]:
    return [(vid, start, end) for vid, start, end in json.loads(path.read_text(encoding="utf-8"))]


class Verses:
    """The gold verses of one text, found by offset."""

    def __init__(self, gold: list[tuple[str, int, int]]):
        self.gold = gold
        self.starts = [start for _vid, start, _end in gold]

    def overlapping(self, start: int, end: int) -> list[int]:
        i = max(0, bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.gold) and self.gold[i][1] < end:
            if self.gold[i][2] > start:
                out.append(i)
            i += 1
        return out


def verse_scores(
    links, left: Verses, right: Verses, sample: set[int] | None = None
) -> tuple[float, float, int]:
    """Recall: share of left verses linked to their true counterpart; precision: share of verse
    links that are true. `links` are (left spans, right spans) of each match, spans as (start, end).
    With `sample`, only links from those left verses count (for baselines too slow to run in full).
    """
    made: set[tuple[int, int]] = set()
    for lspans, rspans in links:
        lv = {v for s, e in lspans for v in left.overlapping(s, e)}
        rv = {v for s, e in rspans for v in right.overlapping(s, e)}
        made.update((a, b) for a in lv if sample is None or a in sample for b in rv)
    right_index = {vid: i for i, (vid, _s, _e) in enumerate(right.gold)}
    true = {(a, b) for a, b in made if left.gold[a][0] == right.gold[b][0]}
    universe = range(len(left.gold)) if sample is None else sorted(sample)
    linked = sum(1 for a in universe if (a, right_index.get(left.gold[a][0])) in true)
    recall = linked / len(universe) if universe else 0.0
    precision = len(true) / len(made) if made else 0.0
    return recall, precision, len(made)


def links_from_json(payload: dict) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    return [
        ([(s["start"], s["end"]) for s in m["left"]], [(s["start"], s["end"]) for s in m["right"]])
        for m in payload["matches"]
    ]


def unit_ceiling(left_units, right_units, left: Verses, right: Verses) -> tuple[float, float]:
    """Recall and precision if every alignment unit were linked to exactly the units holding its
    verses' true counterparts: what the unit boundaries allow, since a unit that spans two verses
    links both. Units are (start, end) pairs."""
    index = {vid: i for i, (vid, _s, _e) in enumerate(right.gold)}
    holding: dict[int, list[int]] = {}
    for u, (start, end) in enumerate(right_units):
        for v in right.overlapping(start, end):
            holding.setdefault(v, []).append(u)
    links = []
    for start, end in left_units:
        counterparts = {
            u
            for v in left.overlapping(start, end)
            for u in holding.get(index.get(left.gold[v][0]), ())
        }
        links += [([(start, end)], [right_units[u]]) for u in sorted(counterparts)]
    return verse_scores(links, left, right)[:2]


def median_time(action, runs: int) -> tuple[float, object]:
    """Median wall seconds of `runs` calls of `action`, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
