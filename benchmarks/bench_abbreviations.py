"""How often an abbreviation a text defines joins linked sentence pairs, on the ABCD-Link files.

    .venv/bin/python benchmarks/bench_abbreviations.py ABCD_JSON [ABCD_JSON ...]

Per file: abbreviations defined by either text of an article pair; sentence pairs where one side
holds the short form (and the other not) and the other side all of its long form's keys; how many
of those are gold links, against the base rate of links among all sentence pairs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tui.core.text.abbreviations import abbreviations
from tui.core.text.tokens import keys


def joined(a: frozenset[str], b: frozenset[str], defined: dict[str, tuple[str, ...]]) -> bool:
    return any(
        (short in a and short not in b and b.issuperset(long))
        or (short in b and short not in a and a.issuperset(long))
        for short, long in defined.items()
    )


def measure(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    sets = {d: [frozenset(keys(s)) for s in sents] for d, sents in data["docs"].items()}
    defined = {d: abbreviations("\n\n".join(sents)) for d, sents in data["docs"].items()}
    pairs = linked = found = found_linked = 0
    for pair in data["pairs"]:
        gold = {tuple(link) for link in pair["links"]}
        both = {**defined[pair["right"]], **defined[pair["left"]]}
        for i, a in enumerate(sets[pair["left"]]):
            for j, b in enumerate(sets[pair["right"]]):
                is_linked = (i, j) in gold
                pairs += 1
                linked += is_linked
                if joined(a, b, both):
                    found += 1
                    found_linked += is_linked
    definitions = sum(map(len, defined.values()))
    share = found_linked / found if found else 0.0
    return (
        f"{path.name}: {definitions} definitions in {len(defined)} texts; {found} sentence pairs "
        f"joined, {found_linked} linked ({share:.3f}, {share / (linked / pairs):.1f}x the base "
        f"rate {linked / pairs:.3f})"
    )


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    missing = [name for name in sys.argv[1:] if not Path(name).is_file()]
    if missing:
        print(f"error: no such file: {missing[0]}", file=sys.stderr)
        return 2
    for name in sys.argv[1:]:
        print(measure(Path(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
