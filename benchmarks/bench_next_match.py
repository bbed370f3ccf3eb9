"""Next-match latency on a book-length pair: press `n`, time until the next frame is drawn.

Headless Pilot at 160x48: times first paint of the texts, alignment completion, then `--presses`
presses of `n`, each from the key press to the first frame drawn after it (the one showing the new
selection), and to the last frame it caused; also the CPU time the app's thread spent until that
frame (wall time on a shared machine includes other processes' turns).

.venv/bin/python benchmarks/bench_next_match.py [LEFT RIGHT] [--presses 200] [--profile out.html]
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
from pathlib import Path  # noqa: E402

from bench_first_paint import probe_words, screen_text, watch_frames  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIBLE = REPO.parent / "shared" / "bench" / "bible" / "easy_webster-kjvpce"
DEFAULT = [str(BIBLE / "bible.webster.txt"), str(BIBLE / "bible.kjvpce.txt")]
FRAME_TIMEOUT = 2.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(
    left: str, right: str, presses: int, size: tuple[int, int], profile: str | None
) -> None:
    from tui.core import DEFAULT_THRESHOLD, load_document
    from tui.ui.app import DiptychApp

    docs = [load_document(p) for p in (left, right)]
    loaded = time.perf_counter() - T0
    app = DiptychApp(docs[0], docs[1], DEFAULT_THRESHOLD, theme="textual-dark")
    words = [w for d in docs for w in probe_words(d.text)]
    marks: dict[str, float] = {}
    frame = asyncio.Event()

    def on_frame(now: float) -> None:
        marks.setdefault("first_cpu", time.thread_time())
        marks.setdefault("first_frame", now)
        marks["last_frame"] = now
        if "text" not in marks and all(w in screen_text(app) for w in words):
            marks["text"] = now - T0
        frame.set()

    watch_frames(app, on_frame)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        marks["aligned"] = time.perf_counter() - T0
        await pilot.pause()
        latencies: list[float] = []
        settled: list[float] = []
        cpu: list[
            float
        ] = []  # the app's (and Pilot's) thread: what other load on the machine cannot add
        missed = 0
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        for _ in range(presses):
            frame.clear()
            marks.pop("first_frame", None)
            marks.pop("first_cpu", None)
            start, start_cpu = time.perf_counter(), time.thread_time()
            await pilot.press("n")
            try:
                await asyncio.wait_for(frame.wait(), FRAME_TIMEOUT)
            except asyncio.TimeoutError:
                missed += 1
                continue
            # Pilot returns once the app is idle: by then every frame the press caused is drawn.
            await pilot.pause()
            latencies.append(marks["first_frame"] - start)
            cpu.append(marks["first_cpu"] - start_cpu)
            settled.append(marks["last_frame"] - start)
        if profiler is not None:
            profiler.stop()
            report = (
                profiler.output_html()
                if profile.endswith(".html")
                else profiler.output_text(show_all=False)
            )
            Path(profile).write_text(report)
    print(f"next match, {Path(left).name} | {Path(right).name}, {size[0]}x{size[1]}, headless")
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores,"
        f" load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(f"{'documents loaded':34} {loaded * 1000:9.0f} ms")
    print(f"{'texts on screen':34} {marks.get('text', float('nan')) * 1000:9.0f} ms")
    print(f"{'alignment done (worker finished)':34} {marks['aligned'] * 1000:9.0f} ms")
    if latencies:
        p95 = percentile(latencies, 0.95)
        print(
            f"{'n -> frame, median':34} {statistics.median(latencies) * 1000:9.1f} ms  ({len(latencies)} presses)"
        )
        print(
            f"{'n -> frame, p95':34} {p95 * 1000:9.1f} ms  goal <= 30 ms -> {'met' if p95 <= 0.030 else 'NOT met'}"
        )
        slowest = max(range(len(latencies)), key=latencies.__getitem__)
        print(f"{'n -> frame, max':34} {latencies[slowest] * 1000:9.1f} ms  (press {slowest + 1})")
        print(
            f"{'n -> last frame it caused, median':34} {statistics.median(settled) * 1000:9.1f} ms"
        )
        print(
            f"{'n -> frame, CPU time, median / p95':34} {statistics.median(cpu) * 1000:9.1f} / {percentile(cpu, 0.95) * 1000:.1f} ms"
        )
    if missed:
        print(f"presses that drew no frame within {FRAME_TIMEOUT:.0f} s: {missed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="LEFT RIGHT (default: the whole-Bible easy pair)")
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--size", default="160x48")
    parser.add_argument(
        "--profile", metavar="FILE", help="profile the presses with pyinstrument (.html or text)"
    )
    args = parser.parse_args()
    left, right = args.paths if len(args.paths) == 2 else DEFAULT
    width, height = map(int, args.size.split("x"))
    asyncio.run(run(left, right, args.presses, (width, height), args.profile))


if __name__ == "__main__":
    main()
