"""Entity extraction and cross-text linking speed on the Bible pairs, Mark / NT / whole Bible.

    .venv/bin/python benchmarks/bench_entities.py [BENCH_DIR] [--runs N] [--pieces mark,nt,bible]

BENCH_DIR defaults to ../shared/bench/bible next to the repository. Per pair and size it prints the
median over N runs (default 3) of extracting each side (`extract_entities`) and of `link_entities`
(which extracts both sides again and joins them), as wall and CPU seconds (CPU is robust to load
from other processes), the entity counts, and the ratio of whole-Bible to NT time measured in the
same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from tui.core.entities.linking import extract_entities, link_entities
from tui.core.text.document import load_document

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "bible"
PAIRS = (("easy_webster-kjvpce", "webster", "kjvpce"), ("hard_webster-bbe", "webster", "bbe"))


def timed(action, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of `action` over `runs` runs, and its last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", default=str(BENCH))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pieces", default="mark,nt,bible")
    args = parser.parse_args()
    bench = Path(args.bench)
    print(
        f"load average {os.getloadavg()[0]:.2f}; medians of {args.runs} runs; seconds as wall / CPU"
    )
    print(
        f"{'pair':<22}{'piece':<7}{'chars':>10}{'extract L':>14}{'extract R':>14}{'link':>14}"
        f"{'entities':>9}{'both':>6}  types"
    )
    for folder, a, b in PAIRS:
        link_cpu: dict[str, float] = {}
        for piece in args.pieces.split(","):
            paths = [bench / folder / f"{piece}.{tag}.txt" for tag in (a, b)]
            if not all(p.is_file() for p in paths):
                print(f"{folder:<22}{piece:<7} missing, skipped")
                continue
            left, right = (load_document(str(p)) for p in paths)
            ext = [timed(lambda d=d: extract_entities(d), args.runs) for d in (left, right)]
            wall, cpu, entities = timed(lambda: link_entities(left, right), args.runs)
            link_cpu[piece] = cpu
            types = Counter(e.type for e in entities)
            both = sum(e.where == "both" for e in entities)
            cells = "".join(f"{w:>7.2f}/{c:<6.2f}" for w, c, _ in ext)
            print(
                f"{folder:<22}{piece:<7}{len(left.text) + len(right.text):>10}{cells}{wall:>7.2f}/{cpu:<6.2f}"
                f"{len(entities):>9}{both:>6}  "
                + " ".join(f"{t}:{n}" for t, n in sorted(types.items()))
            )
        if "nt" in link_cpu and "bible" in link_cpu:
            print(
                f"{folder:<22}link CPU time(whole)/time(NT) = {link_cpu['bible'] / link_cpu['nt']:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
