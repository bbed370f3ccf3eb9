"""Alignment at scale on the Bible translation pairs (issue 4): time and peak memory of `diptych A B
--json`, verse-level recall/precision, and a rapidfuzz baseline measured in the same run.

    .venv/bin/python benchmarks/bench_align.py [BENCH_DIR] [--pieces mark,nt,bible] [--runs N]

Each timed run is a fresh `python -m tui A B --json -o FILE` in a subprocess; peak memory is that of
the largest process (getrusage) and of the whole process tree (sampled); the table shows the median
of the runs (5 by default, 3 for the whole Bible). The unit ceiling is what perfect links between
diptych's alignment units would score: a unit spanning two verses links both, so precision cannot
reach 1. The baseline is the best counterpart per sentence by rapidfuzz `token_set_ratio` (threshold
50): on Mark over all sentence pairs, on NT/Bible over a fixed, evenly spaced sample of left
sentences (the full m x n scan takes minutes to hours); diptych is scored on the same sample for
comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from _common import Verses, links_from_json, load_gold, unit_ceiling, verse_scores  # noqa: E402

SAMPLE = 300


def child_run(cmd: list[str]) -> None:
    """In a child of its own: run `cmd`, print its wall time, CPU time and peak memory: the largest
    process (getrusage) and the peak of the whole process tree's summed RSS, sampled every 20 ms
    (an upper bound: pages a forked child shares with its parent count twice)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    tree_peak = 0
    while proc.poll() is None:
        tree_peak = max(tree_peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024,
                "tree_mb": max(tree_peak, usage.ru_maxrss * 1024) / 2**20,
                "code": proc.returncode,
            }
        )
    )


def _tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and its descendants now (Linux /proc; 0 where unreadable)."""
    total = 0
    try:
        with open(f"/proc/{pid}/statm") as statm:
            total = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            total += sum(_tree_rss(int(child)) for child in children.read().split())
    except (OSError, ValueError):
        pass
    return total


def child_phases(a: str, b: str) -> None:
    """In-process phases of the same work the CLI does: load, align, entities, JSON."""
    from tui.core.align.aligner import Aligner
    from tui.core.comparison import Comparison
    from tui.core.entities.linking import link_entities
    from tui.core.text.document import load_document

    t0 = time.perf_counter()
    left, right = load_document(a), load_document(b)
    t1 = time.perf_counter()
    aligner = Aligner(left, right)
    matches = aligner.matches()
    t2 = time.perf_counter()
    entities = link_entities(left, right)
    t3 = time.perf_counter()
    comparison = Comparison(left, right, tuple(matches), tuple(entities), 0.0, aligner=aligner)
    comparison.to_json()
    t4 = time.perf_counter()
    print(json.dumps({"load": t1 - t0, "align": t2 - t1, "entities": t3 - t2, "json": t4 - t3}))


def measure(cmd: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child-run", *cmd], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    if result["code"] != 0:  # a failed run is no timing
        sys.exit(f"{' '.join(cmd)} exited with {result['code']}")
    return result


def baseline(a: str, b: str, full: bool) -> tuple[list, set[int] | None, float, int, int]:
    """Best counterpart per left sentence by token_set_ratio >= 50, over all or a sample of
    sentences."""
    from rapidfuzz import fuzz, process

    from tui.core.text.document import load_document

    left, right = load_document(a), load_document(b)
    lsent = [s for s in left.sentences if not s.boilerplate]
    rsent = [s for s in right.sentences if not s.boilerplate]
    chosen = lsent if full else [lsent[i * len(lsent) // SAMPLE] for i in range(SAMPLE)]
    choices = [right.slice(s.span) for s in rsent]
    start = time.perf_counter()
    links = []
    for s in chosen:
        best = process.extractOne(
            left.slice(s.span), choices, scorer=fuzz.token_set_ratio, score_cutoff=50
        )
        if best is not None:
            r = rsent[best[2]]
            links.append(([(s.start, s.end)], [(r.start, r.end)]))
    seconds = time.perf_counter() - start
    return (
        links,
        (None if full else {(s.start, s.end) for s in chosen}),
        seconds,
        len(chosen),
        len(lsent),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", default=str(REPO.parent / "shared" / "bench" / "bible"))
    parser.add_argument("--pieces", default="mark,nt,bible")
    parser.add_argument(
        "--runs", type=int, default=0, help="timed runs per row (default 5, 3 for the whole Bible)"
    )
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    bench = Path(args.bench)
    manifest = json.loads((bench / "manifest.json").read_text(encoding="utf-8"))
    pieces = args.pieces.split(",")
    rows, times = [], {}
    for pair in manifest["pairs"]:
        for piece in pieces:
            info = pair["pieces"][piece]
            a, b = str(bench / info["a_text"]), str(bench / info["b_text"])
            lv, rv = (
                Verses(load_gold(bench / info["a_gold"])),
                Verses(load_gold(bench / info["b_gold"])),
            )
            runs = args.runs or (3 if piece == "bible" else 5)
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "out.json")
                cmd = [sys.executable, "-m", "tui", a, b, "--json", "-o", out, "--force"]
                results = [measure(cmd) for _ in range(runs)]
                payload = json.loads(Path(out).read_text(encoding="utf-8"))
            phases = json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--child-phases", a, b],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            seconds = statistics.median(r["seconds"] for r in results)
            cpu = statistics.median(r["cpu"] for r in results)
            rss = max(r["rss_mb"] for r in results)
            tree = max(r["tree_mb"] for r in results)
            times[(pair["difficulty"], piece)] = seconds
            links = links_from_json(payload)
            recall, precision, _made = verse_scores(links, lv, rv)
            row = dict(
                pair=pair["difficulty"],
                piece=piece,
                verses=info["verses"],
                seconds=seconds,
                cpu=cpu,
                rss=rss,
                tree=tree,
                phases=phases,
                recall=recall,
                precision=precision,
                matches=len(payload["matches"]),
                ceiling=ceiling(a, b, lv, rv),
            )
            if not args.no_baseline:
                full = piece == "mark"
                blinks, sample, bsec, n, total = baseline(a, b, full)
                sample_verses = (
                    None if sample is None else {v for s, e in sample for v in lv.overlapping(s, e)}
                )
                row["base"] = verse_scores(blinks, lv, rv, sample_verses)[:2]
                row["base_seconds"] = bsec if full else bsec * total / n
                row["base_how"] = "full" if full else f"sample {n}/{total}, time extrapolated"
                if sample_verses is not None:
                    row["same_sample"] = verse_scores(links, lv, rv, sample_verses)[:2]
            rows.append(row)
            print_row(row, flush=True)
    print()
    print_table(rows, times)


def ceiling(a: str, b: str, lv: Verses, rv: Verses) -> tuple[float, float]:
    """What diptych's units allow at best (see unit_ceiling)."""
    from tui.core.align.units import Units
    from tui.core.text.document import load_document

    spans = [[(s.start, s.end) for s in Units(load_document(p)).spans] for p in (a, b)]
    return unit_ceiling(spans[0], spans[1], lv, rv)


def print_row(row: dict, flush: bool = False) -> None:
    print(
        f"# {row['pair']} {row['piece']}: {row['seconds']:.2f}s (cpu {row['cpu']:.2f}s) rss {row['rss']:.0f}MB "
        f"recall {row['recall']:.3f} precision {row['precision']:.3f} phases "
        + " ".join(f"{k} {v:.2f}" for k, v in row["phases"].items()),
        file=sys.stderr,
        flush=flush,
    )


def print_table(rows: list[dict], times: dict) -> None:
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}, "
        f"load average at the end {os.getloadavg()[0]:.1f}"
    )
    print(
        "| pair | piece | verses | `diptych --json` median s (CPU s) | peak RSS MB (process / tree) | load / align / entities / JSON s "
        "| recall | precision | unit ceiling recall / precision | baseline recall / precision | baseline s | baseline measured on |"
    )
    print("|---|---|---:|---:|---:|---|---:|---:|---|---|---:|---|")
    for r in rows:
        ph = r["phases"]
        phases = f"{ph['load']:.2f} / {ph['align']:.2f} / {ph['entities']:.2f} / {ph['json']:.2f}"
        base = same = "-"
        if "base" in r:
            base = f"{r['base'][0]:.3f} / {r['base'][1]:.3f}"
            if "same_sample" in r:
                same = f"(diptych on that sample: {r['same_sample'][0]:.3f} / {r['same_sample'][1]:.3f})"
        print(
            f"| {r['pair']} | {r['piece']} | {r['verses']} | {r['seconds']:.2f} ({r['cpu']:.2f}) | {r['rss']:.0f} / {r['tree']:.0f} | {phases} | "
            f"{r['recall']:.3f} | {r['precision']:.3f} | {r['ceiling'][0]:.3f} / {r['ceiling'][1]:.3f} | {base} | {r.get('base_seconds', 0):.1f} | "
            f"{r.get('base_how', '-')} {same if same != '-' else ''} |"
        )
    for pair in sorted({p for p, _ in times}):
        if (pair, "nt") in times and (pair, "bible") in times:
            print(
                f"{pair}: time(bible)/time(nt) = {times[(pair, 'bible')] / times[(pair, 'nt')]:.2f} (target <= 5)"
            )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child-run":
        child_run(sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-phases":
        child_phases(sys.argv[2], sys.argv[3])
    else:
        main()
