"""Shown instead of the reader while the terminal is too small to read in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from genesis_tui.ui.host import host_of
from genesis_tui.ui.screens.follow_size import FollowsAppSize

MIN_WIDTH, MIN_HEIGHT = 40, 10
"""Below this the reader cannot show a line of text beside its section list."""


class TooSmallScreen(FollowsAppSize):
    """A plain message; it goes away by itself when the terminal grows again."""

    def compose(self) -> ComposeResult:
        ui = host_of(self.app).ui
        message = ui("too_small", width=MIN_WIDTH, height=MIN_HEIGHT)
        yield Static(Content(message), id="too-small")
