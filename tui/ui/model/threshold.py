"""The match threshold the reader and the CLI accept: its range and the grid `+`/`-` step on.

The grid is the aligner's default plus or minus whole steps, so stepping away and back returns to
the default exactly; its ends are the aligner's floor (pairs below it are never kept) and 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

STEP = 0.05
HIGHEST = 1.0


@dataclass(frozen=True, slots=True)
class Grid:
    """The thresholds `+`/`-` visit: default + k * step, kept within [lowest, highest]."""

    default: float
    lowest: float
    step: float = STEP
    highest: float = HIGHEST

    def accepts(self, value: float) -> bool:
        return self.lowest <= value <= self.highest  # false for nan

    def next(self, value: float, direction: int) -> float:
        """The nearest grid point above (direction 1) or below (-1) `value`, clamped to the range;
        `value` itself at an end."""
        steps = (value - self.default) / self.step
        k = math.floor(steps + 1e-9) + 1 if direction > 0 else math.ceil(steps - 1e-9) - 1
        point = round(self.default + k * self.step, 6)
        return min(self.highest, max(self.lowest, point))


@lru_cache(maxsize=1)
def grid() -> Grid:
    """The grid around the aligner's current default (imported on first use: the aligner and numpy
    load after the texts are on screen)."""
    from ...core.align.aligner import DEFAULT_THRESHOLD, FLOOR

    return Grid(DEFAULT_THRESHOLD, FLOOR)


def label(value: float) -> str:
    """0.375 as '0.375', 0.4 as '0.40': never rounded away from what is applied."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" * max(0, 4 - len(text))
