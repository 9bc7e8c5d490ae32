"""The app's side of the command palette and the footer's keys: Textual's palette, theme
picker and key names, in the interface's language and, under ``--ascii``, in ASCII.

Kept apart from ``app.py`` so that the app reads as the reader's shell; the palette's own
screen is imported when it first opens, not at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from genesis_tui.ui.host import host_of


class PaletteApp(App[None]):
    """An app whose palette, theme picker and footer keys speak its interface's language."""

    ascii = False
    """Draw nothing but ASCII (the app sets it from ``--ascii``)."""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Only the theme: no screenshot files, no panels (the palette has our own actions)."""
        ui = host_of(self).ui
        yield SystemCommand(ui("palette.theme"), ui("palette.theme_help"), self.action_change_theme)

    def action_command_palette(self) -> None:
        """Open the command palette, its prompt in the interface's language."""
        from textual.command import CommandPalette

        from genesis_tui.ui.screens.palette import GenesisPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = host_of(self).ui("palette.placeholder")
            # No id (Textual gives it one): a palette closed a moment before, in the same burst
            # of keys, may still be being taken down, and the two ids would clash.
            self.push_screen(GenesisPalette(placeholder=placeholder))

    def search_themes(self) -> None:
        """The palette's theme picker, its prompt in the interface's language."""
        from textual.theme import ThemeProvider

        from genesis_tui.ui.screens.palette import GenesisPalette

        placeholder = host_of(self).ui("palette.theme_placeholder")
        self.push_screen(GenesisPalette(providers=[ThemeProvider], placeholder=placeholder))

    def get_key_display(self, binding: Binding) -> str:
        """How the footer shows a key; under ``--ascii`` by its name (``enter``, not ⏎)."""
        display = super().get_key_display(binding)
        return binding.key if self.ascii and not display.isascii() else display
