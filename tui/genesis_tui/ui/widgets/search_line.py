"""The search line: an input that recalls earlier searches with up and down, as shells do."""

from __future__ import annotations

from textual.widgets import Input

from genesis_tui.ui import keymap


class SearchLine(Input):
    """An ``Input`` whose up and down keys step through ``past`` (oldest first)."""

    BINDINGS = keymap.bindings("search-line")

    def __init__(self, past: list[str], *, placeholder: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.past = past
        """The earlier searches (a list the owner keeps up to date)."""
        self._recalled = len(past)
        self._typed = ""

    def start(self, value: str) -> None:
        """Open with ``value``; up from here recalls the most recent search."""
        self.value = value
        self.cursor_position = len(value)
        self._recalled = len(self.past)
        self._typed = value

    def action_recall(self, step: int) -> None:
        """Show an earlier (-1) or later (1) search; past the newest, what was typed."""
        if self._recalled == len(self.past):
            self._typed = self.value
        index = max(0, min(len(self.past), self._recalled + step))
        if index == self._recalled:
            return
        self._recalled = index
        self.value = self.past[index] if index < len(self.past) else self._typed
        self.cursor_position = len(self.value)
