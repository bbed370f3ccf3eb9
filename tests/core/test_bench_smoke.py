"""Smoke test of the scale benchmark on the
Gospel of Mark: two translations align verse by verse."""

import importlib.util
from pathlib import Path

import pytest

from tui.core import compare, load_document

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "tests" / "data" / "bench"

_spec = importlib.util.spec_from_file_location("bench_common", ROOT / "benchmarks" / "_common.py")
common = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(common)


def mark(pair: str, a: str, b: str) -> tuple[float, float]:
    folder = BENCH / pair
    left = load_document(str(folder / f"mark.{a}.txt"))
    right = load_document(str(folder / f"mark.{b}.txt"))
    matches = compare(left, right).matches
    links = [
        ([(s.start, s.end) for s in m.left], [(s.start, s.end) for s in m.right]) for m in matches
    ]
    lv = common.Verses(common.load_gold(folder / f"mark.{a}.verses.json"))
    rv = common.Verses(common.load_gold(folder / f"mark.{b}.verses.json"))
    recall, precision, _ = common.verse_scores(links, lv, rv)
    return recall, precision


# Floors sit below the figures measured when they were set (easy 0.996 / 0.87, hard 0.93 / 0.74).
@pytest.mark.parametrize(
    ("pair", "a", "b", "recall_floor", "precision_floor"),
    [
        ("easy_webster-kjvpce", "webster", "kjvpce", 0.98, 0.80),
        ("hard_webster-bbe", "webster", "bbe", 0.88, 0.65),
    ],
)
def test_mark_verses_find_their_counterparts(pair, a, b, recall_floor, precision_floor):
    recall, precision = mark(pair, a, b)
    print(f"\n{pair} Mark: verse recall {recall:.3f}, precision {precision:.3f}")
    assert recall >= recall_floor and precision >= precision_floor
