"""The reader's chosen entity: picked in the sidebar, its mentions highlighted in both panes and
stepped through together (m/M); mixed into DiptychApp, whose state (chosen) it reads and sets like
its own actions."""

from __future__ import annotations

from ..core.model import SIDES
from .model.chosen_entity import ChosenEntity, same_entity
from .widgets.entity_panel import EntityPanel
from .widgets.panes import SIDEBAR_FROM


class EntityActions:
    """e, the sidebar's messages, m/M and the `chosen` watcher. The app provides chosen, size,
    notify, pane, _sidebar, _panel and _views."""

    def action_entities(self) -> None:
        """Show and focus the entity sidebar; hide it when it already has focus."""
        panel = self._panel
        kind = "roomy" if self.size.width >= SIDEBAR_FROM else "tight"
        if panel.display and panel.has_focus_within:
            self._sidebar[kind] = panel.display = False
            self._views[self.pane].focus()
        else:
            self._sidebar[kind] = panel.display = True
            panel.focus()

    def on_entity_panel_selected(self, message: EntityPanel.Selected) -> None:
        chosen = self.chosen
        if chosen is None or not same_entity(chosen.entity, message.entity):
            chosen = ChosenEntity(message.entity)
        self.chosen = chosen.step(1)

    def on_entity_panel_cleared(self, message: EntityPanel.Cleared) -> None:
        self.chosen = None

    def _step_mention(self, direction: int) -> None:
        if self.chosen is None:
            self.notify("Pick an entity in the sidebar first (e)")
            return
        self.chosen = self.chosen.step(direction)

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def watch_chosen(self, old: ChosenEntity | None, new: ChosenEntity | None) -> None:
        entity = new.entity if new else None
        for side in SIDES:
            view = self._views[side]
            if (old.entity if old else None) is not entity:
                view.set_layer("mention", entity.on(side) if entity else ())
            current = new.current(side) if new else None
            view.set_layer("mention-current", [current] if current else ())
            if current is not None:
                view.show_span(current)
        self._panel.show_chosen(entity)
