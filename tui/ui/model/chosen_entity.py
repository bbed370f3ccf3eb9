"""The entity chosen in the sidebar: its mentions in both texts and the current one on each side,
stepped through together (m/M)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...core.model import SIDES, Entity, Span


def same_entity(a: Entity, b: Entity) -> bool:
    """One entity across comparisons: a re-alignment rebuilds the objects, label and type stay."""
    return (a.label, a.type) == (b.label, b.type)


@dataclass(frozen=True, slots=True)
class ChosenEntity:
    """An entity and, per side, the number of its current mention in text order (-1: none yet)."""

    entity: Entity
    index: tuple[int, int] = (-1, -1)

    def mentions(self, side: str) -> list[Span]:
        return sorted(self.entity.on(side))

    def current(self, side: str) -> Span | None:
        i = self.index[SIDES.index(side)]
        return self.mentions(side)[i] if i >= 0 else None

    def step(self, direction: int) -> ChosenEntity:
        """Both sides to their next (or previous) mention, wrapping; a side without any stays."""
        index = tuple(
            (i + direction) % count if (count := len(self.entity.on(side))) else i
            for side, i in zip(SIDES, self.index)
        )
        return ChosenEntity(self.entity, (index[0], index[1]))

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per side (current mention, 0-based or -1; mentions) for the status line."""
        return {s: (i, len(self.entity.on(s))) for s, i in zip(SIDES, self.index)}


def follow(chosen: ChosenEntity | None, entities: Iterable[Entity]) -> ChosenEntity | None:
    """After re-alignment the same entity in the new comparison (its mentions not yet stepped)."""
    if chosen is None:
        return None
    same = next((e for e in entities if same_entity(e, chosen.entity)), None)
    return ChosenEntity(same) if same is not None else None
