"""Shown instead of the reader while the terminal is too small to read in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 40, 10
"""Below this the reader cannot show a line of text beside its section list."""


class TooSmallScreen(Screen[None]):
    """A plain message; it goes away by itself when the terminal grows again."""

    def compose(self) -> ComposeResult:
        yield Static(
            Content(
                f"Terminal too small ({MIN_WIDTH}x{MIN_HEIGHT} at least).\n"
                "端末が小さすぎます。\nq: quit"
            ),
            id="too-small",
        )
