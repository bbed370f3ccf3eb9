"""How well shared WordNet concepts tell linked sentence pairs from others, on dense gold.

    .venv/bin/python benchmarks/bench_concepts.py NEWS_SYNTH_JSON WORDNET_DIR [NEWS_ECB_JSON]

Article pairs are split in two by a hash of their id: sense cut-offs are chosen on the "fit"
half (grid printed) and measured on the "held-out" half. For every sentence pair of an article
pair: does a key of one sentence (not in the other) share a concept with a key of the other (not
in the first)? Prints, for pairs sharing at most N content keys, how many linked pairs gain such
evidence (recall), how many evidence pairs are linked (precision), and the lift over the base
rate. With news_ecb (sparse gold, never used to choose): within rows that have a gold partner,
how often the gold partners hold concept evidence against the row's other partners.
"""

from __future__ import annotations

import itertools
import json
import sys
import zlib
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from concepts import Cut, concept_table  # noqa: E402
from wordnet import read_wordnet  # noqa: E402

from tui.core.text import lexical  # noqa: E402
from tui.core.text.tokens import keys  # noqa: E402

MAX_SHARED = (0, 1)


def sentence_pairs(path: Path):
    """(half, linked, left keys, right keys) for every sentence pair of every article pair."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sets = {d: [frozenset(keys(s)) for s in sents] for d, sents in data["docs"].items()}
    out = []
    for pair in data["pairs"]:
        half = "fit" if zlib.crc32(pair["id"].encode()) % 2 == 0 else "held-out"
        links = {tuple(link) for link in pair["links"]}
        for (i, left), (j, right) in itertools.product(
            enumerate(sets[pair["left"]]), enumerate(sets[pair["right"]])
        ):
            out.append((half, (i, j) in links, left, right))
    return out


def score(pairs, table, half: str) -> dict[int, tuple[float, float, float, int]]:
    """For each MAX_SHARED n: recall, precision, lift, evidence pairs."""
    result = {}
    for n in MAX_SHARED:
        linked = base = hits = true_hits = 0
        for h, is_linked, left, right in pairs:
            if h != half or len(left & right) > n:
                continue
            base += 1
            linked += is_linked
            lc = {c for k in left - right for c in table.get(k, ())}
            if lc and any(c in lc for k in right - left for c in table.get(k, ())):
                hits += 1
                true_hits += is_linked
        recall = true_hits / linked if linked else 0.0
        precision = true_hits / hits if hits else 0.0
        result[n] = (recall, precision, precision / (linked / base) if base else 0.0, hits)
    return result


def match_lifts(pairs, table, families: int, half: str) -> dict[str, tuple[int, float]]:
    """Per shared key, and per concept-joined key pair (family or synonym), by background Zipf
    band of its commoner key: how many sentence pairs hold one, and their lift over the base
    rate of linked pairs."""
    seen: dict[str, list[int]] = {}
    linked = total = 0
    for h, is_linked, left, right in pairs:
        if h != half:
            continue
        total += 1
        linked += is_linked
        found = [("word", lexical.zipf(k)) for k in left & right]
        first = {}
        for k in left - right:
            for c in table.get(k, ()):
                first.setdefault(c, k)
        joined = {}
        for k in right - left:
            for c in table.get(k, ()):
                if c in first:
                    kind = "family" if c < families else "synonym"
                    joined.setdefault((first[c], k), kind)
        found += [(kind, max(lexical.zipf(a), lexical.zipf(b))) for (a, b), kind in joined.items()]
        for kind, z in found:
            band = "Zipf < 4" if z < 4 else "Zipf 4-5" if z < 5 else "Zipf >= 5"
            counts = seen.setdefault(f"{kind:8} {band}", [0, 0])
            counts[0] += 1
            counts[1] += is_linked
    base = linked / total
    return {label: (n, hits / n / base) for label, (n, hits) in sorted(seen.items())}


def row_lift(path: Path, table) -> dict[int, tuple[float, float]]:
    """For each MAX_SHARED n: share of gold partners, and of other partners in the same rows,
    that hold concept evidence (pairs sharing at most n keys)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    sets = {d: [frozenset(keys(s)) for s in sents] for d, sents in data["docs"].items()}
    counts = {n: [0, 0, 0, 0] for n in MAX_SHARED}
    for pair in data["pairs"]:
        gold = {tuple(link) for link in pair["links"]}
        left, right = sets[pair["left"]], sets[pair["right"]]
        for i in {i for i, _ in gold}:
            for j, keys_j in enumerate(right):
                shared = left[i] & keys_j
                lonly = {c for k in left[i] - shared for c in table.get(k, ())}
                hit = any(c in lonly for k in keys_j - shared for c in table.get(k, ()))
                for n in MAX_SHARED:
                    if len(shared) <= n:
                        at = 0 if (i, j) in gold else 2
                        counts[n][at] += 1
                        counts[n][at + 1] += bool(hit)
    return {n: (gh / gn, oh / on) for n, (gn, gh, on, oh) in counts.items()}


def line(label: str, figures) -> str:
    return f"{label:44}" + "".join(
        f" | <={n}: R {r:.3f} P {p:.3f} lift {lift:4.1f} ({hits})"
        for n, (r, p, lift, hits) in figures.items()
    )


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    files = [Path(sys.argv[1]), *map(Path, sys.argv[3:])]
    if not all(f.is_file() for f in files) or not (Path(sys.argv[2]) / "data.noun").is_file():
        print(
            "error: a JSON file or the WordNet folder (data.noun ...) is missing", file=sys.stderr
        )
        return 2
    pairs = sentence_pairs(Path(sys.argv[1]))
    wn = read_wordnet(Path(sys.argv[2]))
    grid = [
        replace(Cut(), senses=s, max_zipf=z, family_senses=f, phrasal=p)
        for s in (1, 2, 3)
        for z in (5.0, 5.5, 6.0, 7.0)
        for f in (1, 3, 99)
        for p in (False, True)
    ]
    results = []
    for cut in grid:
        figures = score(pairs, concept_table(wn, cut, lexical.zipf)[0], "fit")
        results.append((cut, figures))
        print(
            line(
                f"fit s{cut.senses} z{cut.max_zipf} f{cut.family_senses} p{int(cut.phrasal)}",
                figures,
            )
        )
    # The rule: the most recall times lift on pairs sharing <=1 key (fit half only).
    best = max(results, key=lambda r: r[1][1][0] * r[1][1][2])[0]
    print(f"chosen on the fit half: {best}")
    table, families = concept_table(wn, best, lexical.zipf)
    for half in ("fit", "held-out"):
        print(line(half, score(pairs, table, half)))
    print("per joined key pair, held-out half: sentence pairs holding one, lift over base rate")
    for label, (n, lift) in match_lifts(pairs, table, families, "held-out").items():
        print(f"  {label:22} {n:6}  lift {lift:4.1f}")
    if len(sys.argv) == 4:
        for n, (gold, other) in row_lift(Path(sys.argv[3]), table).items():
            print(
                f"news_ecb rows, pairs sharing <={n} key: concept evidence in {gold:.3f} of gold "
                f"partners, {other:.3f} of others ({gold / other:.1f}x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
