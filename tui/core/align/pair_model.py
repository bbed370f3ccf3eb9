"""The fitted pair model: logistic regressions over features.NAMES and then over the pair's rank by
the first, read from a JSON data file and evaluated in numpy. Its output is the probability that
two units report the same fact.

The file is written by benchmarks/fit_matcher.py (scikit-learn, a development extra); running
diptych needs only this file and numpy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import numpy as np

from .features import NAMES, RANK_NAMES, rank_features

MODEL_FILE = "pair_model.json"


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic regression over standardised columns."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logit(self, x: np.ndarray) -> np.ndarray:
        # ((x - mean) / scale) @ coef + intercept, folded into one product: on a book's few
        # hundred thousand pairs, no standardised copy of the columns.
        weights = self.coef / self.scale
        return x @ weights + (self.intercept - float(self.mean @ weights))

    def to_dict(self) -> dict:
        return {
            "mean": _round(self.mean),
            "scale": _round(self.scale),
            "coef": _round(self.coef),
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Linear:
        return cls(
            np.array(data["mean"], float),
            np.array(data["scale"], float),
            np.array(data["coef"], float),
            float(data["intercept"]),
        )


@dataclass(frozen=True, slots=True)
class PairModel:
    """Two stages: `evidence` weighs features.NAMES; `ranked` weighs its logit with the pair's rank
    by it (features.RANK_NAMES). `threshold` is where dense-gold F1 peaked. `partial` is the same
    fitted without the features.WHOLE columns, for texts too long to score every pair (books): it
    weighs the columns it can measure as they weigh alone, rather than guessing the others."""

    evidence: Linear
    ranked: Linear
    threshold: float
    partial: PairModel | None = None

    def for_texts(self, every_pair: bool) -> PairModel:
        """The model for a pair of texts: this one where every unit pair is scored, else the
        partial one (when fitted)."""
        return self if every_pair or self.partial is None else self.partial

    def probability(self, features: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """P(same fact) of pairs (left units `a`, right units `b`) with these NAMES features."""
        return self.ranked_probability(self.evidence.logit(features), a, b)

    def ranked_probability(self, logit: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The second stage: P(same fact) from the first stage's logits of these pairs."""
        second = np.column_stack((logit, rank_features(a, b, logit)))
        return 1.0 / (1.0 + np.exp(-np.clip(self.ranked.logit(second), -30.0, 30.0)))

    def to_dict(self) -> dict:
        out = {
            "features": list(NAMES),
            "rank_features": list(RANK_NAMES),
            "evidence": self.evidence.to_dict(),
            "ranked": self.ranked.to_dict(),
            "threshold": self.threshold,
        }
        if self.partial is not None:
            out["partial"] = {
                "evidence": self.partial.evidence.to_dict(),
                "ranked": self.partial.ranked.to_dict(),
            }
        return out

    @classmethod
    def from_dict(cls, data: dict) -> PairModel:
        if tuple(data["features"]) != NAMES or tuple(data["rank_features"]) != RANK_NAMES:
            raise ValueError("pair model fitted on other features; refit with fit_matcher.py")
        threshold = float(data["threshold"])
        partial = data.get("partial")
        return cls(
            Linear.from_dict(data["evidence"]),
            Linear.from_dict(data["ranked"]),
            threshold,
            None
            if partial is None
            else cls(
                Linear.from_dict(partial["evidence"]),
                Linear.from_dict(partial["ranked"]),
                threshold,
            ),
        )

    def with_threshold(self, threshold: float) -> PairModel:
        """The same model with another default threshold (its partial one too)."""
        partial = None if self.partial is None else replace(self.partial, threshold=threshold)
        return replace(self, threshold=threshold, partial=partial)


def _round(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]


@cache
def _shipped_data() -> dict:
    text = resources.files("tui.core.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def shipped() -> PairModel:
    """The model shipped in tui/core/data."""
    return PairModel.from_dict(_shipped_data())


def shipped_threshold() -> float:
    """The shipped model's default threshold (read without building the model)."""
    return float(_shipped_data()["threshold"])
