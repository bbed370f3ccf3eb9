"""First paint of the seed comparison in diptych against a bare Textual app showing the same two
texts.

Each measurement runs in a fresh interpreter (imports included, as a user waits for them), headless,
from process start to the first frame in which both texts are on screen; for diptych also to the
first frame drawn after the alignment is in (highlights). Prints medians and the ratio to the bare
app.

    .venv/bin/python benchmarks/bench_first_paint.py [--runs 7] [--size 160x48] [LEFT RIGHT]

With --tmux, each app runs in a real terminal instead (a detached tmux session of that size: the
`diptych` command itself against the bare app), timed from the session's start until tmux shows
both texts, polling its screen every few milliseconds.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import compileall  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 60.0


def probe_words(text: str) -> list[str]:
    """Two long plain words from early in the text:
    on screen in any layout once the text is drawn."""
    found: list[str] = []
    for word in re.findall(r"[A-Za-z]{8,}", text[:3000]):
        if word not in found:
            found.append(word)
        if len(found) == 2:
            break
    return found


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def watch_frames(app, on_frame) -> None:
    """Call `on_frame(now)` after every frame the
    compositor draws (headless apps draw, not write)."""
    display = app._display

    def hooked(screen, renderable):
        now = time.perf_counter()
        display(screen, renderable)
        if renderable is not None:
            on_frame(now)

    app._display = hooked


def alignment_shown(app) -> bool:
    """diptych holds the worker's comparison (set, with the pane highlights, before this frame)."""
    return getattr(app, "index", None) is not None and not app.aligning


async def measure(
    app, texts: list[str], size: tuple[int, int], wait_alignment: bool
) -> dict[str, float]:
    words = [w for text in texts for w in probe_words(text)]
    marks: dict[str, float] = {}
    done = asyncio.Event()

    def on_frame(now: float) -> None:
        if "text" not in marks:
            shown = screen_text(app)
            if all(w in shown for w in words):
                marks["text"] = now - T0
        if (
            "text" in marks
            and wait_alignment
            and "highlights" not in marks
            and alignment_shown(app)
        ):
            marks["highlights"] = now - T0
        if "text" in marks and (not wait_alignment or "highlights" in marks):
            done.set()

    watch_frames(app, on_frame)
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(done.wait(), TIMEOUT)
        await pilot.pause()
    return marks


def bare_app(left: str, right: str):
    """The baseline: the two plain texts side by side, each in its own scrolling column."""
    from rich.text import Text
    from textual.app import App
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Static

    class Bare(App):
        CSS = "VerticalScroll { width: 1fr; } Static { padding: 0 1; }"

        def compose(self):
            with Horizontal():
                for text in (left, right):
                    with VerticalScroll():
                        yield Static(Text(text))

    return Bare()


def child(mode: str, left_path: str, right_path: str, size: tuple[int, int]) -> None:
    if mode == "bare":
        texts = [Path(p).read_text(encoding="utf-8") for p in (left_path, right_path)]
        app = bare_app(*texts)
    else:
        # What `diptych LEFT RIGHT` imports and runs before its first frame.
        from tui.core.text.document import load_pair
        from tui.ui.app import DiptychApp

        docs = load_pair(left_path, right_path)
        texts = [d.text for d in docs]
        app = DiptychApp(docs[0], docs[1], theme="textual-dark")
    marks = asyncio.run(measure(app, texts, size, wait_alignment=mode == "diptych"))
    print(json.dumps(marks))


def serve_bare(left_path: str, right_path: str) -> None:
    """The bare app in a real terminal (the --tmux baseline)."""
    texts = [Path(p).read_text(encoding="utf-8") for p in (left_path, right_path)]
    bare_app(*texts).run()


def run_in_tmux(mode: str, left: str, right: str, size: str) -> dict[str, float]:
    """Seconds from starting the app in a fresh tmux session until both texts are on its screen."""
    width, height = size.split("x")
    words = [w for p in (left, right) for w in probe_words(Path(p).read_text(encoding="utf-8"))]
    if mode == "bare":
        command = [sys.executable, __file__, "--serve-bare", left, right]
    else:
        command = [str(Path(sys.executable).parent / "diptych"), left, right]
    session = f"first-paint-{os.getpid()}"
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", width, "-y", height, *command],
        check=True,
        cwd=REPO,
    )
    try:
        while time.perf_counter() - start < TIMEOUT:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if all(w in screen for w in words):
                return {"text": time.perf_counter() - start}
            time.sleep(0.003)
        raise RuntimeError(f"{mode}: the texts did not show within {TIMEOUT} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def run_child(mode: str, left: str, right: str, size: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--size", size, left, right],
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
        cwd=REPO,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from tui.cli import seed_paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="LEFT RIGHT (default: the seed pair)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="160x48")
    parser.add_argument("--tmux", action="store_true", help="time in real terminals (tmux)")
    parser.add_argument("--child", choices=["bare", "diptych"], help=argparse.SUPPRESS)
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    left, right = args.paths if len(args.paths) == 2 else seed_paths()
    width, height = map(int, args.size.split("x"))
    if args.child:
        child(args.child, left, right, (width, height))
        return
    if args.serve_bare:
        serve_bare(left, right)
        return
    # An installed package has its bytecode; with PYTHONDONTWRITEBYTECODE set a clone would compile
    # diptych's modules in every timed process while Textual's come compiled.
    compileall.compile_dir(REPO / "tui", quiet=1)
    results: dict[str, list[dict[str, float]]] = {"bare": [], "diptych": []}
    for _ in range(args.runs):
        # Interleaved so that load on the shared machine hits both alike.
        for mode in results:
            run = run_in_tmux if args.tmux else run_child
            results[mode].append(run(mode, left, right, args.size))
    bare = statistics.median(r["text"] for r in results["bare"])
    text = statistics.median(r["text"] for r in results["diptych"])
    where = "tmux sessions" if args.tmux else "fresh processes, headless"
    print(
        f"first paint, {Path(left).name} | {Path(right).name}, {args.size}, median of {args.runs} {where}"
    )
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores,"
        f" load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(f"{'':32} {'ms':>8} {'x bare':>8}")
    print(f"{'bare Textual, two Statics':32} {bare * 1000:8.0f} {1.0:8.2f}")
    print(f"{'diptych, texts on screen':32} {text * 1000:8.0f} {text / bare:8.2f}")
    if not args.tmux:
        highlights = statistics.median(r["highlights"] for r in results["diptych"])
        print(
            f"{'diptych, highlights on screen':32} {highlights * 1000:8.0f} {highlights / bare:8.2f}"
        )
    print(f"goal: texts <= 1.3x bare -> {'met' if round(text / bare, 2) <= 1.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
