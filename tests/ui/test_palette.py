"""The command palette survives the input races that crash Textual 8.2.8's own palette."""

from textual import events
from textual.command import CommandPalette

from tui.ui.widgets.help import HelpScreen


def burst(app, *keys: str) -> None:
    """Keys as a terminal delivers them: queued at once, before the app has drawn anything."""
    for key in keys:
        char = key if len(key) == 1 else None
        app._driver.send_message(events.Key(key, char))


async def test_page_key_before_the_list_is_laid_out(make_app, seed_docs, settle):
    app = make_app(*seed_docs)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        # Open the palette and page before its list has laid out (KeyError in Textual 8.2.8).
        burst(app, "ctrl+p", "pageup", "pagedown")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)


async def test_a_late_dismiss_does_not_pop_the_screen_above(make_app, seed_docs, settle):
    app = make_app(*seed_docs)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        palette = app.screen
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        # A click queued on the palette's background arrives after it closed and help opened.
        palette.dismiss()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
