"""Keys that arrive together never crash the reader, on any screen.

Over a laggy link, keys typed one after the other reach the reader in one read of the terminal
and are posted at once, with no time between them for the app to act on the first (the screen
it opens may not be laid out yet when the next key arrives). Each example opens a screen, then
posts random bursts of two to five keys with no gap, as the driver would; after each burst the
app must still run, with the reader at the bottom of its screens.

By hand a few bursts per screen, in CI (``CI=true``) many.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events

from genesis_tui.content.edition import Edition
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen
from tests.conftest import HEAVY

SCREENS = {
    # screen: the keys (pressed one at a time) that open it
    "reader": [],
    "help": ["question_mark"],
    "glossary-filter": ["g"],
    "glossary-list": ["g", "down"],
    "term": ["g", "enter"],
    "timeline": ["t"],
    "whos-who": ["w"],
    "palette": ["ctrl+p"],
    "palette-typed": ["ctrl+p", "r"],
    "search": ["slash"],
}

CHARACTERS = {
    "tab": "\t",
    "enter": "\r",
    "escape": "\x1b",
    "space": " ",
    "backspace": "\x7f",
    "slash": "/",
    "question_mark": "?",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "ctrl+p": "\x10",
    "ctrl+s": "\x13",
}
"""The character a key brings; the other named keys bring none, the letters themselves."""

KEYS = [
    *"123459vgntwsrjkyNa理", "right_square_bracket", "left_square_bracket", "slash",
    "tab", "shift+tab", "enter", "escape", "backspace", "question_mark", "up", "down",
    "space", "pageup", "pagedown", "home", "end", "ctrl+p", "ctrl+s", "f1",
]  # fmt: skip
"""Every key the screens answer but the ones that leave (q, ctrl+q, ctrl+c, ctrl+z)."""

bursts = st.lists(st.sampled_from(KEYS), min_size=2, max_size=5)
EXAMPLES = 40 if HEAVY else 2


def _key(name: str) -> events.Key:
    if name in CHARACTERS:
        return events.Key(name, CHARACTERS[name])
    return events.Key(name, name if len(name) == 1 else None)


async def _play(content: Edition, opening: list[str], played: list[list[str]]) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in opening:
            await pilot.press(key)
        await pilot.pause()
        for burst in played:
            for key in burst:  # no gap: all are queued before the app handles the first
                app.post_message(_key(key))
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running, f"the app stopped after {burst}"
            assert app.return_code is None, f"the app failed after {burst}"
            assert isinstance(app.screen_stack[0], ReaderScreen)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("screen", SCREENS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(played=st.lists(bursts, min_size=1, max_size=4))
def test_a_burst_of_keys_never_crashes(
    small_content: Edition, screen: str, played: list[list[str]]
) -> None:
    asyncio.run(_play(small_content, SCREENS[screen], played))


@pytest.mark.parametrize(
    "burst",
    [
        ["ctrl+p", "pagedown"],
        ["ctrl+p", "pageup"],
        ["ctrl+p", "pagedown", "pagedown", "pageup"],
        ["g", "pagedown", "pageup"],
        ["g", "end", "pagedown"],
    ],
    ids=" ".join,
)
def test_page_keys_as_a_list_opens(small_content: Edition, burst: list[str]) -> None:
    """The palette's (or the glossary's) page keys before its list has been laid out: Textual's
    option list looked up a line it had not yet worked out (``KeyError: 0``)."""
    asyncio.run(_play(small_content, [], [burst]))
