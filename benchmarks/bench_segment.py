"""Load + clean + segment speed on whole-Bible texts, against a bare regex splitter in the same run.

    .venv/bin/python benchmarks/bench_segment.py [FILE ...]

Prints, per file, the median of a few runs of read+decode, of build_document (boilerplate
marking, joining, sentences with offsets) and of `re.split` on sentence ends (the floor any
splitter pays), and the ratio of build_document to that floor.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from _common import median_time

from tui.core.text.document import build_document
from tui.core.text.loading import load_text, read_bytes

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "bible"
DEFAULT = [
    BENCH / "hard_webster-bbe" / "bible.webster.txt",
    BENCH / "hard_webster-bbe" / "bible.bbe.txt",
]
RUNS = 5
_NAIVE = re.compile(r"(?<=[.!?])\s+")


def main(paths: list[str]) -> int:
    files = [Path(p) for p in paths] or DEFAULT
    for path in files:
        if not path.is_file():
            print(f"{path}: missing, skipped")
            continue
        load, loaded = median_time(lambda: load_text(read_bytes(str(path)), path.name), RUNS)
        build, doc = median_time(lambda: build_document(loaded.text, path.name), RUNS)
        naive, pieces = median_time(lambda: _NAIVE.split(loaded.text), RUNS)
        longest = max(s.end - s.start for s in doc.sentences)
        print(
            f"{path.name}: {len(loaded.text) / 1e6:.1f} M chars, {len(doc.sentences)} sentences "
            f"(naive split {len(pieces)}), longest {longest}; median load {load:.3f} s, "
            f"build_document {build:.3f} s, naive split {naive:.3f} s, ratio {build / naive:.1f}x; "
            f"boilerplate sentences {sum(s.boilerplate for s in doc.sentences)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
