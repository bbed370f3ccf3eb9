"""Random keys, clicks, scrolls and resizes never crash the reader and leave it answering keys.

Events go in through the driver, as a terminal sends them, in bursts of 1-12 (cut short after a
click, which a hand cannot repeat within one frame, and after ctrl+p, see SETTLE_AFTER) before the
app is let settle. Pilot's own press/click sleep ≥40 ms each, which would cap a run at a few
hundred. DIPTYCH_FUZZ_EVENTS sets the events per test (default 500: the two tests take about a
minute on 2 cores, ~65 ms an event, most of it Textual repainting); `DIPTYCH_FUZZ_EVENTS=10000` is
the full run of issue 5.
"""

from __future__ import annotations

import os
import random
import string
from collections import deque

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.worker import WorkerCancelled

from tui.cli import seed_paths
from tui.core import DEFAULT_THRESHOLD, build_document, load_document
from tui.ui.app import DiptychApp

EVENTS = int(os.environ.get("DIPTYCH_FUZZ_EVENTS", "500"))
SIZES = ((160, 48), (80, 24), (120, 40), (60, 20), (200, 60), (40, 12))
EXTRA_KEYS = (
    "escape",
    "tab",
    "shift+tab",
    "enter",
    "space",
    "backspace",
    "delete",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "ctrl+p",
    "ctrl+c",
    "ctrl+q",
    "q",
    "question_mark",
    "slash",
)
# Textual 8.2.8's command palette dies on pagedown in the frame it opens (OptionList._move_page
# before its list has lines: KeyError), so the palette key ends a burst like a click does.
SETTLE_AFTER = {"ctrl+p"}
MOUSE = (
    events.MouseDown,
    events.MouseUp,
    events.MouseMove,
    events.MouseScrollDown,
    events.MouseScrollUp,
)
UNRELATED = """\
Keeping a Sourdough Starter Alive

A starter is flour and water left to sour. Feed it every twelve hours with equal weights of both; \
a warm kitchen (24 °C) doubles it in four to six hours.

If a grey liquid — "hooch" — collects on top, pour it off [it is only alcohol] and feed twice.

Rye flour ferments faster than white flour. Bakers in Tartu and Kraków keep theirs in the cellar.

[bold]Never[/bold] seal the jar: the gas has to escape. 変わらない味. ¿Listo? 🍞
"""


def binding_keys(app: DiptychApp) -> set[str]:
    """Every key bound anywhere in the live DOM (app, screen, panes, sidebar)."""
    keys: set[str] = set()
    for node in [app, *app.screen.walk_children(with_self=True)]:
        keys.update(node._bindings.key_to_bindings)
    return keys


def key_event(key: str) -> events.Key:
    if len(key) == 1:
        return events.Key(_character_to_key(key), key)
    return events.Key(key, None)


def mouse_event(kind: type[events.MouseEvent], x: int, y: int) -> events.MouseEvent:
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y)


async def workers_done(app: DiptychApp) -> None:
    """Wait out the workers; a re-alignment cancelled by a newer one (+ then -) is not an error."""
    while any(worker.is_running for worker in app.workers):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            pass


class Fuzzer:
    """Feeds a seeded random event stream to a running app and remembers the recent events."""

    def __init__(self, app: DiptychApp, seed: int) -> None:
        self.app = app
        self.rng = random.Random(seed)
        self.recent: deque[str] = deque(maxlen=25)
        self.counts = {"keys": 0, "chars": 0, "mouse": 0, "resizes": 0, "quits": 0}

    def send(self, keys: list[str]) -> bool:
        """Send one random event; True when it ends
        a gesture (a click) and the app should settle."""
        rng, app = self.rng, self.app
        roll = rng.random()
        width, height = app.size
        if roll < 0.55:
            event, kind, label = key_event(rng.choice(keys)), "keys", ""
        elif roll < 0.75:
            event, kind, label = key_event(rng.choice(string.printable[:95])), "chars", ""
        else:
            x, y = rng.randrange(width), rng.randrange(height)
            cls = rng.choice(MOUSE)
            event, kind, label = mouse_event(cls, x, y), "mouse", f"{cls.__name__}({x},{y})"
        self.recent.append(label or repr(event.key))
        self.counts[kind] += 1
        app._driver.send_message(event)
        return isinstance(event, events.MouseUp) or getattr(event, "key", "") in SETTLE_AFTER

    async def run(self, pilot, count: int) -> None:
        keys = sorted(binding_keys(self.app) | set(EXTRA_KEYS))
        sent = 0
        while sent < count and self.app.is_running:
            if self.rng.random() < 0.02:
                size = self.rng.choice(SIZES)
                self.recent.append(f"resize{size}")
                self.counts["resizes"] += 1
                await pilot.resize_terminal(*size)
                sent += 1
                continue
            for _ in range(min(count - sent, self.rng.randint(1, 12))):
                sent += 1
                if self.send(keys):
                    break
            # Until every widget has handled its messages and a re-alignment (+/-) is in, so that
            # the same seed gives the same run; Pilot's idle sleeps would triple the time.
            await pilot._wait_for_screen()
            await workers_done(self.app)


async def assert_responsive(app: DiptychApp, pilot) -> None:
    """Back out of whatever the sequence opened, then `?` must bring up the help screen."""
    await pilot.resize_terminal(160, 48)
    for _ in range(8):
        if len(app.screen_stack) == 1 and not app.query_one("#search").has_focus:
            break
        await pilot.press("escape")
    base = app.screen
    await pilot.press("question_mark")
    assert app.screen is not base, f"'?' did not open the help screen (focus on {app.focused!r})"
    await pilot.press("escape")
    assert app.screen is base


async def fuzz(app: DiptychApp, seed: int, count: int) -> dict[str, int]:
    fuzzer = Fuzzer(app, seed)
    # A random q/ctrl+q would end the run after a few events; count quit requests instead.
    app.exit = lambda *a, **k: fuzzer.counts.__setitem__("quits", fuzzer.counts["quits"] + 1)  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await workers_done(app)
            await fuzzer.run(pilot, count)
            await workers_done(app)
            if app.is_running:
                await assert_responsive(app, pilot)
            del app.exit
    except Exception as error:
        raise AssertionError(f"seed {seed}, crashed after: {' '.join(fuzzer.recent)}") from error
    return fuzzer.counts


def seed_app() -> DiptychApp:
    left, right = seed_paths()
    return DiptychApp(
        load_document(left), load_document(right), DEFAULT_THRESHOLD, theme="textual-dark"
    )


def unrelated_app() -> DiptychApp:
    left, _ = seed_paths()
    return DiptychApp(
        load_document(left),
        build_document(UNRELATED, "sourdough.txt"),
        DEFAULT_THRESHOLD,
        theme="textual-light",
    )


@pytest.mark.parametrize(
    ("make_app", "seed"), [(seed_app, 1), (unrelated_app, 2)], ids=["seeds", "unrelated"]
)
async def test_random_input_never_crashes(make_app, seed: int, tmp_path, monkeypatch) -> None:
    # The command palette can save screenshots into the working directory: keep them out of the
    # repo.
    monkeypatch.chdir(tmp_path)
    counts = await fuzz(make_app(), seed, EVENTS)
    assert sum(v for k, v in counts.items() if k != "quits") == EVENTS
