"""Screens opened and closed many times leave nothing behind: every glossary, timeline, who's
who or term screen used to keep its Header alive (the app's title watchers held it), and
Textual's style caches of the last 1,024 widgets (Textualize/textual#6665): 1,500 round trips
grew the reader from 39 to 189 MB, 300 from 58 to 141 MB (now 56 to 56)."""

from __future__ import annotations

import gc
from collections import Counter

import pytest
from textual._styles_cache import StylesCache
from textual.widget import Widget

from genesis_tui.content.edition import Edition
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen

ROUND_TRIPS = {
    "g": ["g"],
    "t": ["t"],
    "w": ["w"],
    "term": ["g", "enter"],
    "help": ["question_mark"],
}
"""The keys that open each kind of screen from the reader (escape closes each screen)."""


def _widgets() -> Counter[str]:
    """Live widgets by type, and widgets' style caches (each with the lines it drew)."""
    gc.collect()
    kept = (Widget, StylesCache)
    return Counter(type(o).__name__ for o in gc.get_objects() if isinstance(o, kept))


@pytest.mark.slow  # 20 round trips before the count, 0.3 s each: a session, even at 10 trips
@pytest.mark.parametrize(
    "rounds", [2, pytest.param(40, marks=pytest.mark.slow)], ids=["10 trips", "200 trips"]
)
async def test_live_widgets_stay_flat_over_many_round_trips(content: Edition, rounds: int) -> None:
    """Each round opens and closes each of the five kinds of screen (0.3 s a round trip in
    Pilot: 200 of them are a slow test)."""
    app = GenesisApp(content)
    async with app.run_test(size=(100, 30)) as pilot:

        async def round_trip(keys: list[str]) -> None:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            while not isinstance(app.screen, ReaderScreen):
                await pilot.press("escape")
                await pilot.pause()

        for keys in ROUND_TRIPS.values():  # each screen's first opening, and its caches
            await round_trip(keys)
            await round_trip(keys)
        before = _widgets()
        for _ in range(rounds):
            for keys in ROUND_TRIPS.values():
                await round_trip(keys)
        # The screen closed last can take a few idle turns of the loop to be let go of (its
        # removal is queued): a leak is what is still there after them.
        for _ in range(250):  # at most five seconds: one was too few under CI's load
            after = _widgets()
            grown = {name: (before[name], count) for name, count in after.items()}
            grown = {name: counts for name, counts in grown.items() if counts[1] > counts[0]}
            if not grown:
                break
            await pilot.pause(0.02)
    assert not grown, f"widgets left alive (before, after): {grown}"
