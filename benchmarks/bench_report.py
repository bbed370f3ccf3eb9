"""The HTML report at whole-Bible size (issue 12): time of `diptych A B --html -o FILE` in a fresh
process against `--json -o FILE` in the same run (the baseline: the same comparison, another
view), the report's size, the in-process phases (compare, disagreements, rendering), and
optionally how long headless Chromium takes to open the page and paint it.

    .venv/bin/python benchmarks/bench_report.py [BENCH_DIR] [--pairs easy_webster-kjvpce,...]
        [--piece bible] [--runs 3] [--chromium /usr/bin/chromium]

Medians of `--runs` runs (3 by default). Target: the whole-Bible report written in <= 10 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

TARGET_SECONDS = 10.0
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cli_run(a: str, b: str, view: str, tmp: str) -> tuple[float, int]:
    out = Path(tmp) / f"out-{time.monotonic_ns()}.{view}"
    seconds = timed([sys.executable, "-m", "tui", a, b, f"--{view}", "-o", str(out)])
    size = out.stat().st_size
    out.unlink()
    return seconds, size


def phases(a: str, b: str) -> dict[str, float]:
    """In-process: compare, then the disagreements, then the page."""
    from tui.core import compare, load_document
    from tui.core.report import render_report

    t0 = time.perf_counter()
    cmp = compare(load_document(a), load_document(b))
    t1 = time.perf_counter()
    found = len(cmp.discrepancies)
    t2 = time.perf_counter()
    render_report(cmp)
    t3 = time.perf_counter()
    return {"compare": t1 - t0, "disagreements": t2 - t1, "render": t3 - t2, "found": found}


def chromium_paint(binary: str, page: Path, tmp: str) -> float:
    """Seconds for headless Chromium to open the page, select a match and screenshot it."""
    shot = Path(tmp) / "shot.png"
    return timed(
        [
            binary,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp}/profile-{time.monotonic_ns()}",
            f"--screenshot={shot}",
            "--window-size=1500,900",
            f"{page.as_uri()}#m1000",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", nargs="?", default=str(REPO.parent / "shared" / "bench" / "bible"))
    parser.add_argument("--pairs", default="easy_webster-kjvpce,hard_webster-bbe")
    parser.add_argument("--piece", default="bible")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", help="also time headless Chromium opening the report")
    parser.add_argument("--phases", action="store_true", help="also time the in-process phases")
    args = parser.parse_args()
    bench = Path(args.bench)
    manifest = json.loads((bench / "manifest.json").read_text())
    pairs = {p["dir"]: p for p in manifest["pairs"]}
    print(f"{'pair':<22} {'json s':>7} {'html s':>7} {'html/json':>9} {'report MB':>9}  target")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.pairs.split(","):
            piece = pairs[name]["pieces"][args.piece]
            a, b = str(bench / piece["a_text"]), str(bench / piece["b_text"])
            json_s, html_s, size = [], [], 0
            for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
                json_s.append(cli_run(a, b, "json", tmp)[0])
                seconds, size = cli_run(a, b, "html", tmp)
                html_s.append(seconds)
            j, h = statistics.median(json_s), statistics.median(html_s)
            verdict = "met" if h <= TARGET_SECONDS else "NOT met"
            print(
                f"{name:<22} {j:>7.2f} {h:>7.2f} {h / j:>9.2f} {size / 1e6:>9.1f}  "
                f"<= {TARGET_SECONDS:g} s {verdict}"
            )
            rows.append((name, a, b))
        if args.phases:
            for name, a, b in rows:
                runs = [phases(a, b) for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(
                    f"{name}: in process, compare {med['compare']:.2f} s, disagreements "
                    f"{med['disagreements']:.2f} s ({med['found']:.0f} found), "
                    f"render {med['render']:.2f} s"
                )
        if args.chromium:
            from tui.core import compare, load_document
            from tui.core.report import render_report

            for name, a, b in rows:
                page = Path(tmp) / f"{name}.html"
                page.write_text(
                    render_report(compare(load_document(a), load_document(b))), encoding="utf-8"
                )
                opened = statistics.median(
                    chromium_paint(args.chromium, page, tmp) for _ in range(args.runs)
                )
                print(f"{name}: headless Chromium opens, selects and paints it in {opened:.2f} s")


if __name__ == "__main__":
    main()
