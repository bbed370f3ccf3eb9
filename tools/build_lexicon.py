"""Build diptych's general-English tables from their sources, keyed as tokens.normalise keys words.

    python tools/build_lexicon.py frequency OUT_DIR      # needs the dev extra (wordfreq)
    python tools/build_lexicon.py concepts WORDNET_DIR OUT_DIR   # e.g. /usr/share/wordnet

OUT_DIR is normally tui/core/data; the script writes only its own files there (zipf_en.txt,
concepts_en.txt; concepts keeps to the keys of the zipf_en.txt installed). Rebuild both whenever
tokens.normalise changes. WordNet 3.0's files come with Debian's wordnet-base package.
"""

from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.text.tokens import DATE_PREFIX, NUMBER_PREFIX, WORD, normalise  # noqa: E402

# Keys below this background Zipf value (100 a billion words) are left out: lexical.zipf takes a
# missing key for rarer still, as most names are. 2.0 keeps 71k keys, loaded in about 25 ms.
MIN_ZIPF = 2.0
FREQUENCY_FILE = "zipf_en.txt"
CONCEPTS_FILE = "concepts_en.txt"


def key_of(word: str) -> str | None:
    """The key of a source word that is one word as diptych cuts text, else None."""
    found = WORD.findall(word)
    if len(found) != 1 or found[0] != word or word[0].isdigit():
        return None
    # A lone combining mark (halfwidth "ﾟ") is a WORD match that folds to nothing.
    if all(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", word)):
        return None
    return normalise(word)


def key_frequencies(frequencies: dict[str, float]) -> dict[str, float]:
    """Word frequencies summed by key: arrive, arrives and arrived all count for "arriv"."""
    out: dict[str, float] = defaultdict(float)
    for word, freq in frequencies.items():
        key = key_of(word)
        # Numbers and dates are slots the matcher compares by value, not words.
        if key is not None and key[0] not in (NUMBER_PREFIX, DATE_PREFIX):
            out[key] += freq
    return out


def write_frequency(out_dir: Path) -> None:
    from importlib.metadata import version

    import wordfreq

    per_key = key_frequencies(wordfreq.get_frequency_dict("en", wordlist="best"))
    buckets: dict[int, list[str]] = defaultdict(list)
    for key, freq in per_key.items():
        tenth = round(10 * (math.log10(freq) + 9))
        if tenth >= 10 * MIN_ZIPF:
            buckets[tenth].append(key)
    header = [
        f"# Background frequency of English word keys (diptych's tokens.normalise keys), from "
        f"wordfreq {version('wordfreq')}",
        "# (Robyn Speer; data CC BY-SA 4.0, see LICENSE-wordfreq.txt). Built by",
        "# tools/build_lexicon.py. One line per Zipf value x10: the value, then its keys.",
    ]
    lines = [f"{t} {' '.join(sorted(buckets[t]))}" for t in sorted(buckets, reverse=True)]
    _write(out_dir / FREQUENCY_FILE, header + lines)
    print(f"{FREQUENCY_FILE}: {sum(map(len, buckets.values()))} keys", file=sys.stderr)


def write_concepts(wordnet_dir: Path, out_dir: Path) -> None:
    from concepts import Cut, concept_table
    from wordnet import read_wordnet

    from tui.core.text import lexical

    cut = Cut()
    table, families = concept_table(read_wordnet(wordnet_dir), cut, lexical.zipf)
    header = [
        "# Concept ids of English word keys (diptych's tokens.normalise keys), from WordNet 3.0",
        "# (Princeton University; see LICENSE-wordnet.txt). Built by tools/build_lexicon.py with",
        f"# {cut}. Ids below @families are word families, the rest synonym sets.",
        f"@families {families}",
    ]
    lines = [f"{key} {' '.join(map(str, ids))}" for key, ids in table.items()]
    _write(out_dir / CONCEPTS_FILE, header + lines)
    print(f"{CONCEPTS_FILE}: {len(table)} keys, {families} family ids", file=sys.stderr)


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _out_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"not a directory: {value}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="table", required=True)
    freq = sub.add_parser("frequency", help="word keys' background Zipf values, from wordfreq")
    freq.add_argument("out_dir", type=_out_dir)
    concepts = sub.add_parser("concepts", help="word keys' concept ids, from WordNet 3.0")
    concepts.add_argument("wordnet_dir", type=Path, help="holds data.noun, index.noun, ...")
    concepts.add_argument("out_dir", type=_out_dir)
    args = parser.parse_args(argv)
    if args.table == "concepts":
        if not (args.wordnet_dir / "data.noun").is_file():
            print(f"error: no WordNet database in {args.wordnet_dir}", file=sys.stderr)
            return 2
        write_concepts(args.wordnet_dir, args.out_dir)
        return 0
    try:
        write_frequency(args.out_dir)
    except ImportError:
        print("error: wordfreq is not installed (pip install -e '.[dev]')", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
