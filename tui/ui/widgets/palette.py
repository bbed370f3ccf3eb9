"""The command palette, guarded against two input races in Textual 8.2.8's own palette."""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


class GuardedCommandPalette(CommandPalette):
    """Textual's palette, minus two crashes a fast typist or a late click can reach."""

    def dismiss(self, result=None) -> AwaitComplete:
        # A click or a pick queued before the palette closed can arrive after it left the stack;
        # Textual would then pop whichever screen is on top (or raise ScreenStackError).
        if not self.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        # Page keys before the filtered list has laid out its lines raise KeyError in
        # OptionList._move_page; the key just does nothing until the list is ready.
        try:
            super()._action_command_list(action)
        except KeyError:
            pass
