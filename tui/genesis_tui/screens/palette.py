"""The command palette, in the interface's language and, with ``--ascii``, in ASCII."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, SearchIcon
from textual.widgets.option_list import Option

from genesis_tui.i18n import catalogue_of

ASCII_ICON = ">"
"""The prompt drawn instead of Textual's magnifying glass (an emoji, two cells or garbage)."""


class GenesisPalette(CommandPalette):
    """Textual's palette with our placeholder and our "no matches"; under ``--ascii``, an
    ASCII prompt."""

    def on_mount(self) -> None:
        if getattr(self.app, "ascii", False):
            self.query_one(SearchIcon).icon = ASCII_ICON

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown to "No matches found" (Textual 8.2), the words ours."""
        self._stop_no_matches_countdown()
        message = catalogue_of(self.app)("palette.no_matches")

        def show_no_matches() -> None:
            if search_value:
                option = Option(
                    Align.center(Text(message, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
                self.query_one(CommandList).add_option(option)
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
