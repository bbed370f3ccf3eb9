"""A blind reader audit of the dev gold (issue 9): how many of the links the gold counts as wrong
report the same fact, for diptych and for the TF-IDF peer alike.

    .venv/bin/python benchmarks/audit_links.py sample --dev ../shared/dev/abcd --out DIR
    (readers label DIR/items.jsonl: one {"id", "label"} line per item, label "same", "related" or
     "unrelated", written to DIR/labels_NAME.jsonl, without seeing DIR/key.json)
    .venv/bin/python benchmarks/audit_links.py score --out DIR

`sample` writes shuffled sentence pairs with no hint of where each came from: on news_synth,
links diptych makes at the default threshold that the gold lacks (out of fold, as bench_match.py
measures; with --shipped, by the shipped model, for sets it was never fitted on) and links the peer makes at its hindsight threshold that the gold lacks, with gold links
and random unlinked pairs as controls; on news_ecb, for gold-linked left sentences, the partner
each system ranks first (diptych: the best match kept at threshold 0, as Hit@1 takes it). `score`
prints, per reader and for the pairs both readers call "same": the share of each system's
gold-negative links that report the same fact, the precision a reader would see (gold precision
plus that share of the rest), and on news_ecb how often each system's first partner reports the
same fact as the left sentence. Item texts stay in DIR (third-party news: never in the repository);
the key holds only pair ids and sentence numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import _dev  # noqa: E402
import fit_matcher  # noqa: E402

from tui.core.align.aligner import DEFAULT_THRESHOLD, Aligner  # noqa: E402

LABELS = ("same", "related", "unrelated")


def _texts(path: Path) -> tuple[dict, list[dict]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["docs"], data["pairs"]


def _firsts(pair: _dev.Pair, matches) -> dict[int, int]:
    """Each left sentence's first partner: the first right sentence of its best-scored match."""
    return {i: min(rights) for i, (_s, rights) in _dev.best_partners(pair, matches).items()}


def sample_synth(dev: Path, count: int, rng: random.Random, shipped: bool) -> tuple[dict, dict]:
    """Items (pair id, i, j) -> roles, and the gold precision of both systems on the whole set."""
    path = dev / "news_synth.json"
    pairs = _dev.load_set(path)
    if shipped:
        aligned = [(p, Aligner(p.left, p.right)) for p in pairs]
    else:
        rows = [fit_matcher.synth_rows(p) for p in pairs]
        aligned = fit_matcher.out_of_fold(pairs, rows, [fit_matcher.seed_rows()])
    cosines, golds = _dev.tfidf_peer(path)
    _p, _r, _f, made, _h = _dev.peer_scores(cosines, golds, None)
    threshold = float(np.sort(np.concatenate([c.ravel() for c in cosines]))[::-1][made - 1])
    by_id = {p.id: c for p, c in zip(pairs, cosines)}  # out_of_fold returns the pairs fold by fold
    ours, peer, gold, other = [], [], [], []
    true = {"diptych": [0, 0], "peer": [0, 0]}
    for pair, aligner in aligned:
        cos = by_id[pair.id]
        links = _dev.links(pair, aligner.matches(DEFAULT_THRESHOLD))
        theirs = {(int(i), int(j)) for i, j in zip(*np.nonzero(cos >= threshold))}
        for name, made_links in (("diptych", links), ("peer", theirs)):
            true[name][0] += len(made_links & pair.gold)
            true[name][1] += len(made_links)
        ours += [(pair.id, i, j) for i, j in sorted(links - pair.gold)]
        peer += [(pair.id, i, j) for i, j in sorted(theirs - pair.gold)]
        gold += [(pair.id, i, j) for i, j in sorted(pair.gold)]
        unlinked = [
            (i, j)
            for i in range(cos.shape[0])
            for j in range(cos.shape[1])
            if (i, j) not in pair.gold | links | theirs
        ]
        other += [(pair.id, *rng.choice(unlinked))] if unlinked else []
    roles: dict = {}
    for role, pool, n in (
        ("diptych, not gold", ours, count),
        ("peer, not gold", peer, count),
        ("gold link", gold, count // 4),
        ("unlinked", other, count // 4),
    ):
        for key in rng.sample(pool, min(n, len(pool))):
            roles.setdefault(("synth", *key), []).append(role)
    precision = {name: t / m for name, (t, m) in true.items()}
    return roles, {"synth precision": precision, "peer threshold": threshold}


def sample_ecb(dev: Path, count: int, rng: random.Random) -> tuple[dict, list[dict]]:
    """Items -> roles, and one record per sampled left sentence (both systems' first partners)."""
    path = dev / "news_ecb.json"
    pairs = _dev.load_set(path)
    cosines, _golds = _dev.tfidf_peer(path)
    rows = [(k, i) for k, p in enumerate(pairs) for i in sorted({i for i, _j in p.gold})]
    picked = sorted(rng.sample(rows, min(count, len(rows))))
    roles: dict = {}
    records = []
    aligned: dict[int, dict[int, int]] = {}
    for k, i in picked:
        pair, cos = pairs[k], cosines[k]
        if k not in aligned:
            aligned[k] = _firsts(pair, Aligner(pair.left, pair.right).matches(0.0))
        ours = aligned[k].get(i)
        theirs = int(np.argmax(cos[i])) if cos.shape[1] and cos[i].max() > 0 else None
        gold = sorted(j for g, j in pair.gold if g == i)
        records.append({"pair": pair.id, "i": i, "diptych": ours, "peer": theirs, "gold": gold})
        for name, j in (("diptych first", ours), ("peer first", theirs)):
            if j is not None:
                roles.setdefault(("ecb", pair.id, i, j), []).append(name)
    return roles, records


def sample(args: argparse.Namespace) -> None:
    dev, out = Path(args.dev), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    roles, facts = sample_synth(dev, args.synth, rng, args.shipped)
    ecb_roles, records = sample_ecb(dev, args.ecb, rng)
    roles.update(ecb_roles)
    keys = list(roles)
    rng.shuffle(keys)
    docs = {}
    for name in ("synth", "ecb"):
        texts, raw = _texts(dev / f"news_{name}.json")
        docs[name] = {p["id"]: (texts[p["left"]], texts[p["right"]]) for p in raw}
    with open(out / "items.jsonl", "w", encoding="utf-8") as f:
        for n, (name, pid, i, j) in enumerate(keys):
            left, right = docs[name][pid]
            f.write(json.dumps({"id": n, "A": left[i], "B": right[j]}, ensure_ascii=False) + "\n")
    key = {
        "items": [
            {"id": n, "set": k[0], "pair": k[1], "i": k[2], "j": k[3], "roles": roles[k]}
            for n, k in enumerate(keys)
        ],
        "ecb": records,
        **facts,
        "threshold": DEFAULT_THRESHOLD,
    }
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(f"{len(keys)} items in {out / 'items.jsonl'}; key in {out / 'key.json'}")


def _readers(out: Path, count: int) -> dict[str, dict[int, str]]:
    readers = {}
    for path in sorted(out.glob("labels_*.jsonl")):
        labels = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["label"] not in LABELS:
                raise SystemExit(f"{path}: unknown label {row['label']!r}")
            labels[int(row["id"])] = row["label"]
        if len(labels) != count:
            raise SystemExit(f"{path}: {len(labels)} labels for {count} items")
        readers[path.stem.removeprefix("labels_")] = labels
    if not readers:
        raise SystemExit(f"no labels_*.jsonl in {out}")
    return readers


def score(args: argparse.Namespace) -> None:
    out = Path(args.out)
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    items = key["items"]
    readers = _readers(out, len(items))
    names = list(readers)
    same = {
        name: {n: lab == "same" for n, lab in labels.items()} for name, labels in readers.items()
    }
    if len(names) > 1:
        same["both"] = {n: all(same[r][n] for r in names) for n in range(len(items))}
        agree = sum(len({readers[r][n] for r in names}) == 1 for n in range(len(items)))
        print(f"readers {', '.join(names)}: the same label on {agree} of {len(items)} items")
    index = {(it["set"], it["pair"], it["i"], it["j"]): it["id"] for it in items}
    print(
        "| judged by | "
        + " | ".join(
            [
                "synth: diptych's non-gold links, same fact",
                "peer's",
                "gold links (control)",
                "unlinked (control)",
                "synth precision, gold / reader: diptych",
                "peer",
                "ecb first partner same fact: diptych",
                "peer",
            ]
        )
        + " |"
    )
    print("|---" * 9 + "|")
    precision = key["synth precision"]
    for who, judged in same.items():
        cells = []
        share = {}
        for role in ("diptych, not gold", "peer, not gold", "gold link", "unlinked"):
            ids = [it["id"] for it in items if role in it["roles"]]
            hits = sum(judged[n] for n in ids)
            share[role] = hits / len(ids) if ids else 0.0
            cells.append(f"{hits} / {len(ids)} ({share[role]:.2f})")
        for name, role in (("diptych", "diptych, not gold"), ("peer", "peer, not gold")):
            p = precision[name]
            cells.append(f"{p:.3f} / {p + (1 - p) * share[role]:.3f}")
        records = key["ecb"]
        for name in ("diptych", "peer"):
            hits = sum(
                r[name] is not None and judged[index[("ecb", r["pair"], r["i"], r[name])]]
                for r in records
            )
            gold = sum(r[name] in r["gold"] for r in records)
            cells.append(f"{hits / len(records):.3f} (gold Hit@1 {gold / len(records):.3f})")
        print(f"| {who} | " + " | ".join(cells) + " |")
    if "both" in same:
        pairs = Counter(
            tuple(
                r[name] is not None and same["both"][index[("ecb", r["pair"], r["i"], r[name])]]
                for name in ("diptych", "peer")
            )
            for r in key["ecb"]
        )
        print(
            f"news_ecb, both readers: only diptych's first partner the same fact {pairs[True, False]}, "
            f"only the peer's {pairs[False, True]}, both {pairs[True, True]}, neither {pairs[False, False]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="write the blind items and their key")
    s.add_argument("--dev", default=str(_dev.SHARED / "dev" / "abcd"))
    s.add_argument("--out", required=True)
    s.add_argument("--synth", type=int, default=80, help="non-gold links sampled per system")
    s.add_argument("--ecb", type=int, default=200, help="gold-linked left sentences sampled")
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument(
        "--shipped",
        action="store_true",
        help="diptych's news_synth links from the shipped model (for held-out sets), not out of fold",
    )
    c = sub.add_parser("score", help="score the readers' labels")
    c.add_argument("--out", required=True)
    args = parser.parse_args()
    (sample if args.command == "sample" else score)(args)


if __name__ == "__main__":
    main()
