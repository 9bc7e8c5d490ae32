"""The command palette, made safe to open and close in a burst of keys.

Keys typed ahead over SSH arrive together: the palette can be opened and closed (or a command
chosen twice) before it has finished starting. Textual's palette then fails in two ways. Its
search worker goes on after the palette has closed and looks for its list
(``NoMatches: No nodes match 'CommandList'``), and a second escape or enter dismisses it again,
which pops whatever screen is on top by then: the reader itself.
"""

from __future__ import annotations

from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette


class GenesisPalette(CommandPalette):
    """Textual's command palette, closed once, and quiet after it has closed."""

    _dismissed = False

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close the palette, once: a later call (a second key in the same burst) does nothing."""
        if self._dismissed or self.app.screen is not self:
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call,no-any-return]
        self._dismissed = True
        return super().dismiss(result)

    def _built(self) -> bool:
        """Whether the palette still has its widgets (not once it is closing)."""
        return not self._dismissed and bool(self.query(CommandList))

    # The search worker sets these after the palette has closed: only act while it is open.
    def _watch__list_visible(self) -> None:
        if self._built():
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        if self._built():
            await super()._watch__show_busy()
