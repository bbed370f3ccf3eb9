"""The seed pair scored against the shared-facts gold exactly as its "about" field says."""

import json
from pathlib import Path

from tui.core import compare, load_document

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "data" / "seeds-shared-facts.json").read_text(encoding="utf-8"))
RECALL_TARGET, PRECISION_TARGET = 0.92, 0.90


def snippet_spans(text: str, snippets: list[str]) -> list[tuple[int, int]]:
    out = []
    for snippet in snippets:
        start = text.find(snippet)
        assert start >= 0, f"gold snippet not in the article: {snippet!r}"
        out.append((start, start + len(snippet)))
    return out


def overlaps(spans, snippets) -> bool:
    return any(s.start < end and start < s.end for s in spans for start, end in snippets)


def facts(left, right) -> list[tuple[str, str, list, list]]:
    """(id, kind, left snippet spans, right snippet spans) of each gold fact."""
    return [
        (
            f["id"],
            f["kind"],
            snippet_spans(left.text, f["left"]),
            snippet_spans(right.text, f["right"]),
        )
        for f in GOLD["facts"]
    ]


def score_matches(left, right, matches) -> tuple[float, float, list[str]]:
    """Recall of the must facts, precision of the matches, and the must facts missed."""
    gold = facts(left, right)
    found, true_matches = set(), 0
    for m in matches:
        hit = {fid for fid, _kind, ls, rs in gold if overlaps(m.left, ls) and overlaps(m.right, rs)}
        found |= hit
        true_matches += bool(hit)
    must = [fid for fid, kind, _l, _r in gold if kind == "must"]
    recall = sum(fid in found for fid in must) / len(must)
    precision = true_matches / len(matches) if matches else 0.0
    return recall, precision, [fid for fid in must if fid not in found]


def score_seeds() -> tuple[float, float, list[str]]:
    left = load_document(str(ROOT / GOLD["left"]))
    right = load_document(str(ROOT / GOLD["right"]))
    return score_matches(left, right, compare(left, right).matches)


def test_seed_pair_meets_the_gold_targets():
    recall, precision, missed = score_seeds()
    print(
        f"\nseed gold: recall of must facts {recall:.3f} (target {RECALL_TARGET}), "
        f"precision {precision:.3f} (target {PRECISION_TARGET}); missed: {missed or 'none'}"
    )
    assert recall >= RECALL_TARGET, missed
    assert precision >= PRECISION_TARGET
