"""Render the real app on the seed pair to the SVGs the README shows.

    .venv/bin/python screenshots/make_screenshots.py [--png DIR]

--png DIR also writes a PNG of each into DIR (needs rsvg-convert), to look at them without a
browser.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tui.cli import seed_paths
from tui.core import DEFAULT_THRESHOLD, load_document
from tui.ui.app import DiptychApp

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Shot:
    name: str
    size: tuple[int, int]
    keys: tuple[str, ...]
    theme: str = "textual-dark"


SHOTS = (
    # The third match selected: its counterpart scrolled into view and highlighted on the other
    # side.
    Shot("reader", (160, 48), ("n", "n", "n")),
    # The sidebar open, only entities both texts name, the first one picked and its mentions lit.
    Shot("entities", (160, 48), ("e", "f", "enter")),
    Shot("small", (80, 24), ("n", "n")),
    Shot("light", (160, 48), ("n", "n", "n"), theme="textual-light"),
)


async def render(shot: Shot, left: str, right: str) -> Path:
    app = DiptychApp(load_document(left), load_document(right), DEFAULT_THRESHOLD, theme=shot.theme)
    path = HERE / f"{shot.name}.svg"
    async with app.run_test(size=shot.size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(filename=path.name, path=str(HERE))
    return path


def to_png(svg: Path, folder: Path) -> Path:
    """rsvg drops the SVG's non-breaking spaces at text-run edges; plain spaces render as the
    terminal."""
    folder.mkdir(parents=True, exist_ok=True)
    fixed = folder / svg.name
    source = svg.read_text(encoding="utf-8").replace("&#160;", " ")
    fixed.write_text(
        re.sub(r"<svg ", '<svg xml:space="preserve" ', source, count=1), encoding="utf-8"
    )
    png = fixed.with_suffix(".png")
    subprocess.run(["rsvg-convert", str(fixed), "-o", str(png)], check=True)
    fixed.unlink()
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--png", metavar="DIR", type=Path, help="also write PNGs into DIR (rsvg-convert)"
    )
    args = parser.parse_args()
    if args.png and shutil.which("rsvg-convert") is None:
        parser.error("--png needs rsvg-convert (apt-get install librsvg2-bin)")
    left, right = seed_paths()
    for shot in SHOTS:
        svg = asyncio.run(render(shot, left, right))
        print(svg.relative_to(HERE.parent))
        if args.png:
            print(to_png(svg, args.png))


if __name__ == "__main__":
    main()
