"""Disagreements on real article pairs (evaluation only: the texts stay in ../shared): how many
diptych reports, and each with its two sentences, for judging by hand.

    .venv/bin/python benchmarks/bench_disagreements.py DEV_DIR [--set news_synth] [--pairs N]
        [--show N]

news_synth pairs are a Wikinews article against a machine rewrite that keeps its facts, so a
reported disagreement there is most often a false alarm (unless the rewrite changed a figure);
news_ecb pairs are two outlets on one event, where figures do differ. Nothing here was tuned on
these files: the rules were written on the constructed pair of tests/data/disagreements.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    from tui.core import compare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", help="the shared dev folder (holding abcd/)")
    parser.add_argument("--set", default="news_synth")
    parser.add_argument("--pairs", type=int, default=0, help="at most this many pairs (0: all)")
    parser.add_argument("--show", type=int, default=30, help="print this many, sampled at random")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    data = json.loads((Path(args.dev) / "abcd" / f"{args.set}.json").read_text(encoding="utf-8"))
    pairs = data["pairs"][: args.pairs or None]
    found, kinds, matches = [], Counter(), 0
    start = time.perf_counter()
    for pair in pairs:
        left = "\n\n".join(data["docs"][pair["left"]]) + "\n"
        right = "\n\n".join(data["docs"][pair["right"]]) + "\n"
        cmp = compare(left, right)
        matches += len(cmp.matches)
        for d in cmp.discrepancies:
            kinds[d.kind] += 1
            sentences = [cmp.doc(s).sentence_at(d.span(s).start) for s in ("left", "right")]
            found.append(
                (
                    pair["id"],
                    d.kind,
                    cmp.left.slice(d.left),
                    cmp.right.slice(d.right),
                    cmp.left.slice(sentences[0].span) if sentences[0] else "",
                    cmp.right.slice(sentences[1].span) if sentences[1] else "",
                )
            )
    seconds = time.perf_counter() - start
    print(
        f"{args.set}: {len(pairs)} pairs, {matches} matches, {len(found)} disagreements "
        f"({len(found) / max(1, matches):.3f} per match) {dict(kinds)}; {seconds:.1f} s"
    )
    random.Random(args.seed).shuffle(found)
    for pair_id, kind, a, b, left, right in found[: args.show]:
        print(f"\n[{pair_id}] {kind}: {a!r} / {b!r}\n  L: {left[:220]}\n  R: {right[:220]}")


if __name__ == "__main__":
    main()
