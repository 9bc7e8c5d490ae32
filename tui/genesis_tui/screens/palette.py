"""The command palette, in the interface's language and, with ``--ascii``, in ASCII."""

from __future__ import annotations

from textual.command import CommandPalette, SearchIcon

ASCII_ICON = ">"
"""The prompt drawn instead of Textual's magnifying glass (an emoji, two cells or garbage)."""


class GenesisPalette(CommandPalette):
    """Textual's palette with our placeholder; under ``--ascii``, an ASCII prompt."""

    def on_mount(self) -> None:
        if getattr(self.app, "ascii", False):
            self.query_one(SearchIcon).icon = ASCII_ICON
