"""The chosen entity: picked in the sidebar, its mentions highlighted in both panes and stepped
through together (m/M)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.model import LEFT, RIGHT, SIDES, Entity, Span

if TYPE_CHECKING:
    from .app import DiptychApp


def same_entity(a: Entity, b: Entity) -> bool:
    """One entity across comparisons: a re-alignment rebuilds the objects, label and type stay."""
    return (a.label, a.type) == (b.label, b.type)


class EntityFlow:
    """Which entity is chosen, and which of its mentions is current on each side."""

    def __init__(self, app: DiptychApp) -> None:
        self.app = app
        self.entity: Entity | None = None
        self.index: dict[str, int] = {LEFT: -1, RIGHT: -1}
        self._mentions: dict[str, list[Span]] = {LEFT: [], RIGHT: []}

    def pick(self, entity: Entity) -> None:
        """The sidebar chose `entity`: choose it unless already chosen, then step to its next
        mentions."""
        if self.entity is None or not same_entity(self.entity, entity):
            self.choose(entity)
        self.step(1)

    def choose(self, entity: Entity | None) -> None:
        """Highlight `entity`'s mentions in both panes (None
        drops them), none of them current yet."""
        self.entity = entity
        self.index = {LEFT: -1, RIGHT: -1}
        self._mentions = {side: sorted(entity.on(side)) if entity else [] for side in SIDES}
        for side in SIDES:
            self.app.view(side).set_mentions(entity.on(side) if entity else ())
        self.app.update_status()

    def follow(self, entities: Iterable[Entity]) -> None:
        """After re-alignment keep the chosen entity if the new comparison still has it."""
        if self.entity is None:
            return
        same = [e for e in entities if same_entity(e, self.entity)]
        self.choose(same[0] if same else None)

    def step(self, direction: int) -> None:
        """Step both panes to their next (or previous) mention of the chosen entity."""
        app = self.app
        if self.entity is None:
            app.notify("Pick an entity in the sidebar first (e)")
            return
        for side in SIDES:
            mentions = self._mentions[side]
            if not mentions:
                continue
            self.index[side] = (self.index[side] + direction) % len(mentions)
            current = mentions[self.index[side]]
            app.view(side).set_mention_current(current)
            app.view(side).show_span(current)
        app.update_status()

    def status(self) -> tuple[str, dict[str, tuple[int, int]]] | None:
        """(label, per side (current mention, mentions)) for the status line; None without an
        entity."""
        if self.entity is None:
            return None
        return (self.entity.label, {s: (self.index[s], len(self.entity.on(s))) for s in SIDES})
