"""The dev sets of ../shared/dev (ABCD-Link sentence links) and the seed gold, read and scored as
../shared/dev/README.md describes; shared by bench_match.py and fit_matcher.py."""

from __future__ import annotations

import importlib.util
import json
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
# ../shared beside the clone (or beside the worktrees' folder).
SHARED = next(
    (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
    REPO.parent / "shared",
)

from tui.core.text.document import Document, build_document, load_document  # noqa: E402
from tui.core.text.loading import clean_text  # noqa: E402

Link = tuple[int, int]


@dataclass(frozen=True)
class Pair:
    """One article pair of a dev set: both texts built as documents, sentence offsets, gold links."""

    id: str
    group: str
    left: Document
    right: Document
    lstarts: list[int]
    rstarts: list[int]
    gold: frozenset[Link]


def _document(sentences: list[str], name: str) -> tuple[Document, list[int]]:
    """The sentences joined by blank lines (each cleaned first, so offsets stay exact)."""
    parts = [" ".join(clean_text(s)[0].split()) for s in sentences]
    starts, pos = [], 0
    for part in parts:
        starts.append(pos)
        pos += len(part) + 2
    return build_document("\n\n".join(parts), name), starts


def load_set(path: Path) -> list[Pair]:
    """A dev file's pairs; the group is the topic (news_ecb) or the article (news_synth)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data["docs"]
    out = []
    for p in data["pairs"]:
        left, ls = _document(docs[p["left"]], p["left"])
        right, rs = _document(docs[p["right"]], p["right"])
        group = p["left"].split("_")[0] if "ecb" in path.name else p["id"]
        gold = frozenset((int(i), int(j)) for i, j in p["links"])
        out.append(Pair(p["id"], group, left, right, ls, rs, gold))
    return out


def touched(starts: list[int], spans) -> set[int]:
    """Sentences (by their start offsets) that the spans overlap."""
    out = set()
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        while i < len(starts) and starts[i] < span.end:
            if i >= 0:
                out.add(i)
            i += 1
    return out


def match_links(pair: Pair, match) -> set[Link]:
    return {
        (i, j)
        for i in touched(pair.lstarts, match.left)
        for j in touched(pair.rstarts, match.right)
    }


def links(pair: Pair, matches) -> set[Link]:
    """The sentence links the matches make."""
    return set().union(*(match_links(pair, m) for m in matches)) if matches else set()


def best_partners(pair: Pair, matches) -> dict[int, tuple[float, set[int]]]:
    """Each left sentence's best-scored match among `matches`: its score, and the right sentences
    it touches (what Hit@1 reads)."""
    best: dict[int, tuple[float, set[int]]] = {}
    for m in matches:
        rights = touched(pair.rstarts, m.right)
        for i in touched(pair.lstarts, m.left):
            if i not in best or m.score > best[i][0]:
                best[i] = (m.score, rights)
    return best


@dataclass
class Tally:
    """Micro-averaged counts over the pairs of a set."""

    predicted: int = 0
    true: int = 0
    gold: int = 0
    rows: int = 0
    hits: int = 0

    def add(self, pair: Pair, kept: list, all_matches: list) -> None:
        made = links(pair, kept)
        self.predicted += len(made)
        self.true += len(made & pair.gold)
        self.gold += len(pair.gold)
        partners: dict[int, set[int]] = {}
        for i, j in pair.gold:
            partners.setdefault(i, set()).add(j)
        best = best_partners(pair, all_matches)
        for i, js in partners.items():
            self.rows += 1
            self.hits += bool(i in best and best[i][1] & js)

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def hit1(self) -> float:
        return self.hits / self.rows if self.rows else 0.0


_WORD = re.compile(r"\w+")


def tfidf_peer(path: Path) -> tuple[list[np.ndarray], list[frozenset[Link]]]:
    """The README's 20-line peer: TF-IDF cosine of lower-cased words, IDF over all sentences of the
    file, every sentence pair of each article pair scored. Per pair: the cosine matrix; and gold."""
    data = json.loads(path.read_text(encoding="utf-8"))
    bags = {d: [Counter(_WORD.findall(s.lower())) for s in ss] for d, ss in data["docs"].items()}
    df = Counter(w for ss in bags.values() for bag in ss for w in bag)
    n = sum(len(ss) for ss in bags.values())
    idf = {w: math.log(n / c) for w, c in df.items()}

    def vectors(doc: str) -> list[dict[str, float]]:
        out = []
        for bag in bags[doc]:
            v = {w: c * idf[w] for w, c in bag.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            out.append({w: x / norm for w, x in v.items()})
        return out

    cosines, golds = [], []
    for p in data["pairs"]:
        lv, rv = vectors(p["left"]), vectors(p["right"])
        m = np.array([[sum(x * b.get(w, 0.0) for w, x in a.items()) for b in rv] for a in lv])
        cosines.append(m.reshape(len(lv), len(rv)))
        golds.append(frozenset((int(i), int(j)) for i, j in p["links"]))
    return cosines, golds


def peer_scores(cosines: list[np.ndarray], golds: list[frozenset[Link]], budget: int | None):
    """Precision, recall, F1 at the hindsight-best threshold (or of the `budget` best-scored
    links), links made, and Hit@1 (the best-scored partner of each gold-linked left sentence)."""
    scores, labels = [], []
    hits = rows = 0
    for m, gold in zip(cosines, golds):
        label = np.zeros(m.shape, bool)
        for i, j in gold:
            label[i, j] = True
        scores.append(m.ravel())
        labels.append(label.ravel())
        for i in {i for i, _j in gold}:
            rows += 1
            hits += bool(m.shape[1] and m[i].max() > 0 and label[i, int(np.argmax(m[i]))])
    s, y = np.concatenate(scores), np.concatenate(labels)
    order = np.argsort(-s, kind="stable")
    tp = np.cumsum(y[order])
    made = np.arange(1, len(s) + 1)
    total = int(y.sum())
    if budget is None:
        f1 = 2 * tp / (made + total)
        k = int(np.argmax(f1))
    else:
        k = min(budget, len(s)) - 1
    p, r = tp[k] / made[k], tp[k] / total
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, k + 1, hits / rows


def _gold_test():
    spec = importlib.util.spec_from_file_location("gold_test", REPO / "tests/core/test_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_pair() -> tuple[Document, Document]:
    gold = _gold_test().GOLD
    return load_document(str(REPO / gold["left"])), load_document(str(REPO / gold["right"]))


def seed_scores(left: Document, right: Document, matches) -> tuple[float, float, list[str]]:
    """Must-recall, precision and missed facts of the seed pair, as tests/core/test_gold.py says."""
    return _gold_test().score_matches(left, right, matches)


def seed_facts(left: Document, right: Document):
    """(id, kind, left snippet spans, right snippet spans) of each seed gold fact."""
    return _gold_test().facts(left, right)
