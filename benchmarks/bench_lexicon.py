"""Cost of the general-English tables: their first lookup in a fresh interpreter.

    .venv/bin/python benchmarks/bench_lexicon.py [RUNS]

Each run is a fresh `python` that imports tokens (the baseline every comparison pays, timed too),
then times importing lexical and each table's first lookup (which reads the table). Prints medians.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

PROBE = """
import json, time
t0 = time.perf_counter()
import tui.core.text.tokens
t1 = time.perf_counter()
from tui.core.text import lexical
lexical.zipf("peopl")
t2 = time.perf_counter()
lexical.zipf("sanction")
t3 = time.perf_counter()
lexical.related("retaliat", "retali")
t4 = time.perf_counter()
lexical.related("arriv", "reach")
t5 = time.perf_counter()
print(json.dumps({"import tokens (baseline)": t1 - t0, "lexical + first zipf": t2 - t1,
                  "second zipf": t3 - t2, "first related": t4 - t3, "second related": t5 - t4}))
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True)
        for label, seconds in json.loads(out.stdout).items():
            samples.setdefault(label, []).append(seconds)
    base = statistics.median(samples["import tokens (baseline)"])
    for label, values in samples.items():
        wall = statistics.median(values)
        print(f"{label:28} {wall * 1000:8.2f} ms  ({wall / base:.2f}x baseline), median of {runs}")


if __name__ == "__main__":
    main()
