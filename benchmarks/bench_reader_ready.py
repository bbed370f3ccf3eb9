"""Time until the reader is ready on a book-length pair, against `diptych --json` on the same pair.

Each run is a fresh interpreter (imports included), headless at 160x48, timed from process start to
the first frame showing both texts, to the first frame showing the highlights (alignment done), and
to the first frame with the entity sidebar filled. Runs alternate with `diptych LEFT RIGHT --json`
(wall time of the whole command), so load on the shared machine hits both alike. Prints medians.

    .venv/bin/python benchmarks/bench_reader_ready.py [--runs 3] [LEFT RIGHT]
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from bench_first_paint import alignment_shown, probe_words, screen_text, watch_frames  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIBLE = REPO.parent / "shared" / "bench" / "bible" / "easy_webster-kjvpce"
DEFAULT = [str(BIBLE / "bible.webster.txt"), str(BIBLE / "bible.kjvpce.txt")]
TIMEOUT = 180.0
STAGES = ("text", "highlights", "sidebar")


async def measure(app, texts: list[str]) -> dict[str, float]:
    words = [w for text in texts for w in probe_words(text)]
    marks: dict[str, float] = {}
    done = asyncio.Event()

    def on_frame(now: float) -> None:
        if "text" not in marks and all(w in screen_text(app) for w in words):
            marks["text"] = now - T0
        if "text" in marks and "highlights" not in marks and alignment_shown(app):
            marks["highlights"] = now - T0
        if (
            "highlights" in marks
            and "sidebar" not in marks
            and app.query_one("EntityPanel").entities
        ):
            marks["sidebar"] = now - T0
            done.set()

    watch_frames(app, on_frame)
    async with app.run_test(size=(160, 48)) as pilot:
        await asyncio.wait_for(done.wait(), TIMEOUT)
        await pilot.pause()
    return marks


def child(left: str, right: str) -> None:
    from tui.core import DEFAULT_THRESHOLD, load_document
    from tui.ui.app import DiptychApp

    docs = [load_document(p) for p in (left, right)]
    app = DiptychApp(docs[0], docs[1], DEFAULT_THRESHOLD, theme="textual-dark")
    print(json.dumps(asyncio.run(measure(app, [d.text for d in docs]))))


def run_reader(left: str, right: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", left, right],
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
        cwd=REPO,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_json(left: str, right: str) -> float:
    command = Path(sys.executable).with_name("diptych")
    start = time.perf_counter()
    subprocess.run(
        [str(command), left, right, "--json"],
        stdout=subprocess.DEVNULL,
        timeout=TIMEOUT,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="LEFT RIGHT (default: the whole-Bible easy pair)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    left, right = args.paths if len(args.paths) == 2 else DEFAULT
    if args.child:
        child(left, right)
        return
    readers, jsons = [], []
    for _ in range(args.runs):
        readers.append(run_reader(left, right))
        jsons.append(run_json(left, right))
    baseline = statistics.median(jsons)
    print(
        f"reader ready, {Path(left).name} | {Path(right).name}, 160x48 headless, median of {args.runs} fresh processes"
    )
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores,"
        f" load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(f"{'':34} {'s':>7} {'x --json':>9}")
    print(f"{'diptych --json (whole command)':34} {baseline:7.2f} {1.0:9.2f}")
    for stage, title in zip(
        STAGES, ("texts on screen", "highlights on screen", "entity sidebar filled")
    ):
        value = statistics.median(r[stage] for r in readers)
        print(f"{'reader, ' + title:34} {value:7.2f} {value / baseline:9.2f}")


if __name__ == "__main__":
    main()
