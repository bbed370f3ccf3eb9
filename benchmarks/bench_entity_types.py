"""Does a fitted type model beat the hand-set type vote over the same evidence? Span F1 of both.

    .venv/bin/pip install -e '.[dev]'   # scikit-learn
    .venv/bin/python benchmarks/bench_entity_types.py GOLD.conll [--also GOLD2.conll] [--sentence-docs]

Each name `extract_entities` would list (one cluster of one document) is a row of evidence: the
votes its mentions cast per type (per mention and in all), the hand-set vote's type, and its words
(given-name, surname, gazetteer and head lists, shape, general-English frequency). A multinomial
logistic regression (PERSON, PLACE, ORG, OTHER) is fitted on the even-numbered documents of GOLD
only: a sample per gold type a name's mentions carry exactly, an OTHER sample when a mention
overlaps no scored gold span (a mention that cuts a gold name wrong teaches nothing). Its
regularisation and the floor under which a name stays OTHER are chosen by 5-fold cross-validation
grouped by document. Printed for the hand vote and the model, typed, untyped and per-type F1 (as
bench_ner.py scores them): even documents (the model's figures cross-validated), odd documents
(held out), all, and each `--also` set (read with `--sentence-docs`: one tweet a document).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

import numpy as np
from bench_ner import Doc, read_conll
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from tui.core.entities.lexicon import (
    DEMONYMS,
    FIRST_NAMES,
    GAZ,
    ORG,
    ORG_HEADS,
    OTHER,
    OTHER_HEADS,
    PERSON,
    PLACE,
    PLACE_HEADS,
    SURNAMES,
    WORLD,
    head_word,
    spelling_key,
)
from tui.core.entities.linking import _bulk, _clusters, _label, _scanned, _trusted, _voting
from tui.core.entities.mentions import vote_type
from tui.core.text.document import as_document
from tui.core.text.lexical import zipf
from tui.core.text.tokens import normalise

CLASSES = (PERSON, PLACE, ORG, OTHER)
CS = (0.003, 0.01, 0.03, 0.1, 0.3)
FLOORS = np.arange(0.0, 0.71, 0.025)
CLIP = 3.0  # standardised features held within ±CLIP: a book's 400-fold name is out of range


def features(votes: Counter, voting: int, label: str, rule: str) -> list[float]:
    """One name's evidence as numbers."""
    n = max(1, voting)
    v = [votes.get(t, 0.0) for t in CLASSES]
    words = label.split()
    lw = [w.lower().strip(".,'’") for w in words] or [""]
    head = head_word(lw)
    key = spelling_key(label)
    letters = label.replace(" ", "").replace(".", "").replace("-", "")
    freqs = [zipf(normalise(w)) if normalise(w) else 0.0 for w in lw]
    return [
        *(x / n for x in v),
        *(math.log1p(max(0.0, x)) for x in v),
        *(float(rule == t) for t in CLASSES),
        math.log1p(voting),
        float(len(words) == 1),
        float(len(words) == 2),
        float(len(words) >= 3),
        float(letters.isupper() and len(letters) > 1),
        float(any(ch.isdigit() for ch in label)),
        float("-" in label),
        float("of" in lw[1:-1]),
        float(lw[0] == "the"),
        float(lw[0] in FIRST_NAMES),
        float(lw[-1] in SURNAMES),
        float(key in GAZ),
        float(key in WORLD),
        float(lw[-1] in DEMONYMS or lw[0] in DEMONYMS),
        float(head in ORG_HEADS),
        float(head in PLACE_HEADS),
        float(head in OTHER_HEADS),
        float(lw[-1].endswith("s")),
        max(freqs) / 8,
        min(freqs) / 8,
    ]


def names(doc: Doc):
    """Each listed name of a document: features, hand-set type, and how many of its mentions are
    gold spans of each class ("cut": overlapping a gold span without matching it)."""
    first = {s: i for i, (s, _) in enumerate(doc.tokens)}
    last = {e: i + 1 for i, (_, e) in enumerate(doc.tokens)}
    gold = {(a, b): t for a, b, t in doc.gold}
    with _bulk():
        (part,) = _scanned([as_document(doc.text, "text")])
        for c in _clusters(*part):
            if c.kind is not None or not _trusted(c):
                continue
            voting, label = _voting([c]), _label(c.forms)
            rule = vote_type(c.votes, voting)
            counts: Counter = Counter()
            for s, e in set(c.spans):
                a, b = first.get(s, -1), last.get(e, -1)
                if (a, b) in gold:
                    counts[gold[a, b]] += 1
                else:
                    counts["cut" if any(x < b and a < y for x, y in gold) else OTHER] += 1
            yield features(c.votes, voting, label, rule), rule, counts


def table(docs: list[Doc]) -> dict[str, np.ndarray]:
    rows, rule, counts, cut, group = [], [], [], [], []
    for d, doc in enumerate(docs):
        for row, kind, c in names(doc):
            rows.append(row)
            rule.append(CLASSES.index(kind))
            counts.append([c[t] for t in CLASSES])
            cut.append(c["cut"])
            group.append(d)
    gold = Counter(t for doc in docs for *_, t in doc.gold)
    return {
        "x": np.asarray(rows),
        "rule": np.asarray(rule),
        "counts": np.asarray(counts, dtype=float),
        "cut": np.asarray(cut, dtype=float),
        "group": np.asarray(group),
        "gold": np.asarray([gold[t] for t in CLASSES[:3]], dtype=float),
    }


def fit(x: np.ndarray, counts: np.ndarray, c: float):
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    idx, cls = np.nonzero(counts)  # a name counts once per class, however often it is named
    xs = np.clip((x[idx] - mean) / scale, -CLIP, CLIP)
    model = LogisticRegression(C=c, max_iter=3000).fit(xs, cls)

    def proba(z: np.ndarray) -> np.ndarray:
        p = np.zeros((len(z), len(CLASSES)))
        p[:, model.classes_] = model.predict_proba(np.clip((z - mean) / scale, -CLIP, CLIP))
        return p

    return proba


def decide(prob: np.ndarray, floor: float) -> np.ndarray:
    """The chosen class of each name: the likeliest, OTHER below the floor."""
    best = prob.argmax(axis=1)
    best[prob[np.arange(len(best)), best] < floor] = CLASSES.index(OTHER)
    return best


def f1s(t: dict[str, np.ndarray], chosen: np.ndarray) -> dict[str, float]:
    """Typed, untyped and per-type span F1 of these names typed as `chosen`."""
    rows = np.arange(len(chosen))
    said = chosen != CLASSES.index(OTHER)
    pred = t["counts"].sum(axis=1) + t["cut"]

    def f(tp: float, npred: float, ngold: float) -> float:
        return 2 * tp / (npred + ngold) if npred + ngold else 0.0

    out = {
        "typed": f(t["counts"][rows, chosen][said].sum(), pred[said].sum(), t["gold"].sum()),
        "untyped": f(t["counts"][said, :3].sum(), pred[said].sum(), t["gold"].sum()),
    }
    for k, name in enumerate(CLASSES[:3]):
        mine = chosen == k
        out[name] = f(t["counts"][mine, k].sum(), pred[mine].sum(), t["gold"][k])
    return out


def show(name: str, t: dict, hand: np.ndarray, model: np.ndarray) -> None:
    for who, chosen in (("hand vote", hand), ("model", model)):
        cells = "  ".join(f"{k} {v:.3f}" for k, v in f1s(t, chosen).items())
        print(f"{name:<22}{who:<11}{cells}")


def join(a: dict, b: dict) -> dict:
    return {k: a[k] + b[k] if k == "gold" else np.concatenate([a[k], b[k]]) for k in a}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--also", action="append", default=[])
    parser.add_argument("--sentence-docs", action="store_true", help="for the --also sets")
    args = parser.parse_args()
    for path in (args.gold, *args.also):
        if not Path(path).is_file():
            print(f"bench_entity_types: no such file: {path}")
            return 2
    docs = read_conll(Path(args.gold))
    even, odd = table(docs[0::2]), table(docs[1::2])
    x, counts, group = even["x"], even["counts"], even["group"]
    print(f"{len(x)} names in {len(docs[0::2])} even documents, {x.shape[1]} features")
    best = (-1.0, 0.0, 0.0, None)
    for c in CS:
        prob = np.zeros((len(x), len(CLASSES)))
        for train, test in GroupKFold(n_splits=5).split(x, groups=group):
            prob[test] = fit(x[train], counts[train], c)(x[test])
        for floor in FLOORS:
            score = f1s(even, decide(prob, floor))["typed"]
            if score > best[0]:
                best = (score, c, float(floor), prob)
    _, c, floor, cv_prob = best
    print(f"chosen by cross-validation: C {c}, floor {floor:.3f}")
    proba = fit(x, counts, c)
    cv, held = decide(cv_prob, floor), decide(proba(odd["x"]), floor)
    show("even (cross-val.)", even, even["rule"], cv)
    show("odd (held out)", odd, odd["rule"], held)
    show("all", join(even, odd), np.concatenate([even["rule"], odd["rule"]]), np.r_[cv, held])
    for path in args.also:
        t = table(read_conll(Path(path), args.sentence_docs))
        show(Path(path).name, t, t["rule"], decide(proba(t["x"]), floor))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
