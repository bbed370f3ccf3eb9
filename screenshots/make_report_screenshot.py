"""Open HTML reports in headless Chromium, check what the browser built, and save screenshots:
screenshots/report.png (the seed pair) and report-disagreements.png (the constructed pair of
tests/data/disagreements, figures told otherwise).

    .venv/bin/python screenshots/make_report_screenshot.py [--chromium PATH]

Chromium is Debian's package (`apt-get install chromium`); it runs with a fresh profile, no
sandbox, no GPU and no background networking. The page is checked as the browser parsed it
(--dump-dom): every match marked on both panes, no element made from article text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from tui.core import compare, load_document  # noqa: E402
from tui.core.report import render_report  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--hide-scrollbars",
]


class Marks(HTMLParser):
    """The data-match ids of each pane and every tag name, as the browser left them."""

    def __init__(self):
        super().__init__()
        self.pane = None
        self.ids = {"left": set(), "right": set()}
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "section" and attrs.get("id") in self.ids:
            self.pane = attrs["id"]
        elif tag == "section":
            self.pane = None
        if self.pane and "data-match" in attrs:
            self.ids[self.pane].add(int(attrs["data-match"]))


def chromium(binary: str, profile: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        check=True,
    )


PAIRS = [
    (
        REPO / "seeds" / "rferl-kim-arrives-vladivostok.txt",
        REPO / "seeds" / "moscowtimes-kim-arrives-russia.txt",
        3,
        HERE / "report.png",
    ),
    (
        REPO / "tests" / "data" / "disagreements" / "left.txt",
        REPO / "tests" / "data" / "disagreements" / "right.txt",
        5,
        HERE / "report-disagreements.png",
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    for left, right, match, out in PAIRS:
        shoot(
            args.chromium, compare(load_document(str(left)), load_document(str(right))), match, out
        )


def shoot(binary: str, cmp, match: int, out: Path) -> None:
    """Check the report of `cmp` as Chromium parsed it, then screenshot it with `match` selected."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render_report(cmp), encoding="utf-8")
        url = page.as_uri()
        dom = chromium(binary, f"{tmp}/profile-dom", "--dump-dom", url).stdout.decode()
        marks = Marks()
        marks.feed(dom)
        expected = {m.id for m in cmp.matches}
        for side, ids in marks.ids.items():
            assert ids == expected, f"{side}: matches {sorted(expected - ids)} not marked"
        assert not marks.tags & {"img", "iframe", "object", "embed"}, marks.tags
        chromium(
            binary,
            f"{tmp}/profile-shot",
            f"--screenshot={out}",
            "--window-size=1500,900",
            f"{url}#m{match}",
        )
    print(f"{len(expected)} matches marked on both sides; screenshot: {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
