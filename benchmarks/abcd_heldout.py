"""Held-out ABCD-Link pairs: the pairs of the published sets that ../shared/dev/abcd leaves out, in
the dev format, for bench_match.py to score with a model never fitted on them.

    python benchmarks/abcd_heldout.py DATASETS DEV OUT
    .venv/bin/python benchmarks/bench_match.py --shipped --sets synth,ecb --dev OUT

DATASETS is the `datasets/` folder of github UKPLab/arxiv2025-abcd-link (CC BY 4.0: news_synth/ and
news_ecb/, each docs.json and NAME_links.json); DEV is ../shared/dev/abcd; OUT is a folder outside
the repository (the texts are evaluation data, never committed). Writes OUT/news_synth.json and
OUT/news_ecb.json: `{"source", "licence", "docs": {id: [sentence, ...]}, "pairs": [{"id", "left",
"right", "links": [[i, j], ...]}]}`, sentences in the order of their numeric ids.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SETS = ("news_synth", "news_ecb")


def sentences(doc: dict[str, str]) -> tuple[list[str], dict[str, int]]:
    """A document's sentences in reading order, and each sentence id's index."""
    ids = sorted(doc, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))
    return [doc[k] for k in ids], {k: i for i, k in enumerate(ids)}


def held_out(datasets: Path, dev: Path, name: str) -> dict:
    docs = json.loads((datasets / name / "docs.json").read_text(encoding="utf-8"))
    links = json.loads((datasets / name / f"{name}_links.json").read_text(encoding="utf-8"))
    seen = json.loads((dev / f"{name}.json").read_text(encoding="utf-8"))
    in_dev = {(p["left"], p["right"]) for p in seen["pairs"]}
    out_docs: dict[str, list[str]] = {}
    pairs = []
    for link_id, pair in links.items():
        left, right = pair["doc1"], pair["doc2"]
        if (left, right) in in_dev:
            continue
        (ls, li), (rs, ri) = sentences(docs[left]), sentences(docs[right])
        out_docs[left], out_docs[right] = ls, rs
        gold = [
            [li[s], ri[t]] for s, ts in pair["links"].items() for t in ts if s in li and t in ri
        ]
        pairs.append({"id": link_id, "left": left, "right": right, "links": gold})
    return {
        "source": "ABCD-Link (UKPLab/arxiv2025-abcd-link), pairs not in ../shared/dev/abcd",
        "licence": "CC BY 4.0",
        "docs": out_docs,
        "pairs": pairs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in SETS:
        data = held_out(args.datasets, args.dev, name)
        (args.out / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
        links = sum(len(p["links"]) for p in data["pairs"])
        print(f"{name}: {len(data['pairs'])} held-out pairs, {links} links")


if __name__ == "__main__":
    main()
