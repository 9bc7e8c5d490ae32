"""What the tests that run the reader share: the screens they reach, text set into a field, the
screen as drawn, and the snapshot tests' steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's ``snap_compare`` fixture."""


def reader(app: GenesisApp) -> ReaderScreen:
    """The reader screen, under whatever screen is on top of it."""
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen), screen
    return screen


async def set_text(pilot: Pilot[Any], text: str, selector: str = "Input") -> None:
    """Put ``text`` into the focused screen's field as a paste would, without typing it key by
    key (each key is a round of the app's message loop; tests of typing press them)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.value = text
    field.cursor_position = len(text)
    await pilot.pause()


async def search_for(pilot: Pilot[Any], text: str) -> None:
    """``/``, ``text`` set into the search line, ``enter``."""
    await pilot.press("slash")
    await set_text(pilot, text, "#search-input")
    await pilot.press("enter")
    await pilot.pause()


def drawn_lines(app: App[Any]) -> list[str]:
    """The whole screen's text, line by line, as the terminal would be sent it."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [
        "".join(segment.text for strip in line for segment in strip)
        for line in update.strips  # type: ignore[union-attr]
    ]


async def no_blink(pilot: Pilot[Any]) -> None:
    """Stop the text cursors blinking, so that a snapshot does not catch one half-way."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()
