"""The command palette under a burst of keys (typed ahead over SSH, they arrive together):
opened and closed, or a command chosen, before the palette has finished starting."""

from __future__ import annotations

import pytest
from textual import events

from genesis_tui.content.edition import Edition
from genesis_tui.ui.app import GenesisApp

CHARACTERS = {
    "escape": "\x1b",
    "enter": "\r",
    "ctrl+p": "\x10",
    "down": None,
    "pageup": None,
    "pagedown": None,
    "home": None,
    "end": None,
}

GAPS = [0.0, 0.002, 0.005, 0.01, 0.02, 0.0, 0.015, 0.003, 0.008, 0.0]
"""Seconds between bursts."""

BURSTS = [
    ["ctrl+p", "escape"],
    ["ctrl+p", "a", "escape"],
    ["ctrl+p", "g", "escape", "escape"],
    ["ctrl+p", "ctrl+p", "escape", "escape"],
    ["ctrl+p", "down", "enter"],
    ["ctrl+p", "s", "enter"],  # the theme picker, a second palette
    ["ctrl+p", "pagedown"],  # the page keys, before the palette has any option to page to
    ["ctrl+p", "pageup"],
    ["ctrl+p", "end", "pageup", "home", "pagedown"],
]


@pytest.mark.slow  # 30 bursts a case, 4 s (test_key_bursts is the fast burst)
@pytest.mark.parametrize("burst", BURSTS, ids=" ".join)
async def test_a_burst_of_palette_keys_never_crashes(
    small_content: Edition, burst: list[str]
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):
            # Bursts posted at once, as the driver would from one read of the pty, at varied
            # moments of the palette's start (the race is about timing, so pauses vary).
            for gap in GAPS:
                for key in burst:
                    app.post_message(events.Key(key, CHARACTERS.get(key, key)))
                await pilot.pause(gap)
            # Every key acts, in order (ui.typeahead): the palette opening and closing
            # twenty times takes more than one pause.
            while app.keys_waiting:
                await pilot.pause()
            await pilot.pause()
            await app.workers.wait_for_complete()
            # Still answering: the palette can be opened and closed once more.
            while len(app.screen_stack) > 1:
                await pilot.press("escape")
            await pilot.press("ctrl+p")
            assert app.screen.has_class("--textual-command-palette")
            await pilot.press("escape")
            assert len(app.screen_stack) == 1
    assert app.return_code in (None, 0)
