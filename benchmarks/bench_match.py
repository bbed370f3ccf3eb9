"""Shared facts on real article pairs (issue 9): diptych against a TF-IDF peer in one run, one table.

    .venv/bin/python benchmarks/bench_match.py [--dev DIR] [--bible DIR] [--sets synth,ecb,seeds,bible]

Scored as ../shared/dev/README.md says: each dev document is its sentences joined by blank lines; a
match links every sentence its spans touch; precision, recall and F1 take the matches at the
default threshold, Hit@1 the best-scored match touching each gold-linked left sentence among all
kept at threshold 0. The seed pair is scored as tests/core/test_gold.py does; the Bible pairs as
benchmarks/bench_align.py does (verse recall and precision of `diptych --json`, median wall time).

Out-of-fold by default (needs the dev extra): news_synth is scored in 5 folds grouped by article,
each by a model fitted on the other folds and the seed gold; the seed pair by a model fitted on
news_synth alone; news_ecb (never fitted on) by one fitted on all dense gold, as shipped; and, the
other way, news_synth by a model fitted on news_ecb's annotated rows alone (as ranking). The
default threshold is the shipped one. `--shipped` scores with the shipped model instead.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import _dev  # noqa: E402
import fit_matcher  # noqa: E402
from _common import Verses, links_from_json, load_gold, verse_scores  # noqa: E402
from bench_align import measure  # noqa: E402

from tui.core.align.aligner import DEFAULT_THRESHOLD, Aligner  # noqa: E402


def score_set(aligned: list[tuple[_dev.Pair, Aligner]]) -> _dev.Tally:
    tally = _dev.Tally()
    for pair, aligner in aligned:
        tally.add(pair, aligner.matches(DEFAULT_THRESHOLD), aligner.matches(0.0))
    return tally


def out_of_fold(name: str, pairs: list[_dev.Pair], models: dict) -> list:
    """news_synth: each fold aligned by a model fitted on the other folds and the seed pair;
    news_ecb (never fitted on): by the model fitted on all dense gold, as shipped."""
    if name == "synth":
        return fit_matcher.out_of_fold(pairs, models["rows"]["synth"], models["rows"]["seeds"])
    return [(p, Aligner(p.left, p.right, model=models["dense"])) for p in pairs]


def dev_rows(dev: Path, names: list[str], models: dict | None) -> list[str]:
    rows = []
    for name in names:
        path = dev / f"news_{name}.json"
        pairs = _dev.load_set(path)
        start = time.perf_counter()
        if models is None:
            tally = score_set([(p, Aligner(p.left, p.right)) for p in pairs])
        else:
            tally = score_set(out_of_fold(name, pairs, models))
        seconds = time.perf_counter() - start
        cosines, golds = _dev.tfidf_peer(path)
        generated, scored = fit_matcher.candidate_recall(pairs)
        rows.append(
            f"| news_{name} | candidate recall: gold links some candidate pair touches; some pair "
            f"sharing content (scored) touches | {generated:.3f}; {scored:.3f} | - | >= 0.95 |"
        )
        if name == "synth":
            p, r, f1, made, hit1 = _dev.peer_scores(cosines, golds, None)
            rows.append(
                f"| news_synth | P / R / F1 at the default threshold | {tally.precision:.3f} / "
                f"{tally.recall:.3f} / {tally.f1:.3f} | {p:.3f} / {r:.3f} / {f1:.3f} "
                f"(hindsight threshold) | F1 >= 0.75 |"
            )
            rows.append(
                f"| news_synth | links predicted (gold {tally.gold}) | {tally.predicted} | {made} | |"
            )
        else:
            p, r, f1, made, hit1 = _dev.peer_scores(cosines, golds, tally.predicted)
            rows.append(
                f"| news_ecb | recall at the default threshold, links predicted | {tally.recall:.3f}, "
                f"{tally.predicted} links | {r:.3f}, same {made} links | >= 0.55, <= 15,401 links |"
            )
        rows.append(
            f"| news_{name} | Hit@1 | {tally.hit1:.3f} | {hit1:.3f} | {'>= 0.75' if name == 'ecb' else ''} |"
        )
        print(f"# news_{name}: {len(pairs)} pairs aligned in {seconds:.1f}s", file=sys.stderr)
    return rows


def seed_rows(model) -> list[str]:
    left, right = _dev.seed_pair()
    aligner = Aligner(left, right, model=model)
    recall, precision, missed = _dev.seed_scores(left, right, aligner.matches(DEFAULT_THRESHOLD))
    gold = _dev._gold_test().GOLD
    cmd = [sys.executable, "-m", "tui", str(REPO / gold["left"]), str(REPO / gold["right"])]
    seconds = _timed(cmd, 5)
    return [
        f"| seeds | must-recall / precision | {recall:.3f} / {precision:.3f} "
        f"(missed: {', '.join(missed) or 'none'}) | - | >= 0.92 / >= 0.90 |",
        f"| seeds | `diptych --json` median wall s (5 runs) | {seconds:.2f} | - | <= 0.5 |",
    ]


def _timed(cmd: list[str], runs: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        full = [*cmd, "--json", "-o", out, "--force"]
        return statistics.median(measure(full)["seconds"] for _ in range(runs))


def bible_rows(bench: Path, runs: int) -> list[str]:
    """Verse recall/precision and median wall time of `diptych --json` on the Bible pieces the
    targets name (easy whole Bible, hard NT, hard whole Bible)."""
    manifest = json.loads((bench / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for pair in manifest["pairs"]:
        for piece in ("nt", "bible"):
            if pair["difficulty"] == "easy" and piece == "nt":
                continue
            info = pair["pieces"][piece]
            a, b = str(bench / info["a_text"]), str(bench / info["b_text"])
            lv = Verses(load_gold(bench / info["a_gold"]))
            rv = Verses(load_gold(bench / info["b_gold"]))
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "out.json")
                cmd = [sys.executable, "-m", "tui", a, b, "--json", "-o", out, "--force"]
                seconds = statistics.median(measure(cmd)["seconds"] for _ in range(runs))
                payload = json.loads(Path(out).read_text(encoding="utf-8"))
            recall, precision, _made = verse_scores(links_from_json(payload), lv, rv)
            target = {
                ("easy", "bible"): "recall >= 0.99; <= 6 s",
                ("hard", "nt"): ">= 0.85 / >= 0.85",
                ("hard", "bible"): "<= 6 s",
            }[(pair["difficulty"], piece)]
            rows.append(
                f"| bible {pair['difficulty']} {piece} | verse recall / precision; `--json` median s "
                f"({runs} runs) | {recall:.3f} / {precision:.3f}; {seconds:.2f} s | - | {target} |"
            )
    return rows


def fitted_models(dev: Path) -> dict:
    """The rows and models of this run: fitted on all dense gold (news_synth and the seed pair),
    on news_synth alone (to measure the seed pair), on news_ecb's ranking rows alone (transfer)."""
    rows = {
        "synth": [fit_matcher.synth_rows(p) for p in _dev.load_set(dev / "news_synth.json")],
        "seeds": [fit_matcher.seed_rows()],
    }
    ecb = [fit_matcher.ranking_rows(p) for p in _dev.load_set(dev / "news_ecb.json")]
    return {
        "rows": rows,
        "dense": fit_matcher.fit(rows["synth"] + rows["seeds"]),
        "synth": fit_matcher.fit(rows["synth"]),
        "ecb only": fit_matcher.fit(ecb),
    }


def transfer_rows(dev: Path, models: dict) -> list[str]:
    """Fitted on news_ecb's annotated rows (as ranking) alone, measured on news_synth: the other
    way of the transfer (news_ecb is always measured with a model never fitted on it)."""
    synth = _dev.load_set(dev / "news_synth.json")
    tally = score_set([(p, Aligner(p.left, p.right, model=models["ecb only"])) for p in synth])
    return [
        f"| news_synth, fitted on news_ecb rows only | P / R / F1; Hit@1 | {tally.precision:.3f} / "
        f"{tally.recall:.3f} / {tally.f1:.3f}; {tally.hit1:.3f} | - | |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", default=str(_dev.SHARED / "dev" / "abcd"))
    parser.add_argument("--bible", default=str(_dev.SHARED / "bench" / "bible"))
    parser.add_argument("--sets", default="synth,ecb,seeds,transfer,bible")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per Bible piece")
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="score with the shipped model (in-sample on news_synth) instead of out-of-fold fits",
    )
    args = parser.parse_args()
    sets = args.sets.split(",")
    fitting = not args.shipped and {"synth", "ecb", "seeds", "transfer"} & set(sets)
    models = fitted_models(Path(args.dev)) if fitting else None
    rows = dev_rows(Path(args.dev), [s for s in ("synth", "ecb") if s in sets], models)
    if "seeds" in sets:
        rows += seed_rows(None if models is None else models["synth"])
    if models is not None and "transfer" in sets:
        rows += transfer_rows(Path(args.dev), models)
    if "bible" in sets:
        rows += bible_rows(Path(args.bible), args.runs)
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}, default threshold {DEFAULT_THRESHOLD}"
    )
    print("| set | measure | diptych | TF-IDF peer | target |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
