"""The command palette, in the interface's language, in ASCII with ``--ascii``, and safe to open
and close in a burst of keys.

Keys typed ahead over SSH arrive together: the palette can be opened and closed (or a command
chosen twice) before it has finished starting. Textual's palette then fails in two ways. Its
search worker goes on after the palette has closed and looks for its list
(``NoMatches: No nodes match 'CommandList'``), and a second escape or enter dismisses it again,
which pops whatever screen is on top by then: the reader itself. And a page key that comes
before the list has been laid out raises ``KeyError: 0`` in ``OptionList._move_page`` (the
option's line is not known yet).
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.await_complete import AwaitComplete
from textual.command import Command, CommandList, CommandPalette, SearchIcon
from textual.content import Content
from textual.widgets.option_list import Option

from genesis_tui.ui.host import host_of
from genesis_tui.ui.widgets.typeset import SetLines

ASCII_ICON = ">"
"""The prompt drawn instead of Textual's magnifying glass (an emoji, two cells or garbage)."""


class GenesisPalette(CommandPalette):
    """Textual's palette with our placeholder and our "no matches"; under ``--ascii``, an
    ASCII prompt; closed once, and quiet after it has closed."""

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

    def _action_command_list(self, action: str) -> None:
        """Pass a key on to the list, except a page key before the list has a size: it has no
        lines to page through yet (Textual 8.2 looks them up regardless and fails)."""
        if action in ("page_up", "page_down"):
            lists = self.query(CommandList)
            if not lists or not lists.first().scrollable_content_region:
                return
        super()._action_command_list(action)

    def _refresh_command_list(
        self, command_list: CommandList, commands: list[Command], clear_current: bool
    ) -> None:
        """Textual's list of hits, each set by our line breaker rather than Textual's wrapping,
        which broke a term's reading before its "）" (Textual 8.2)."""
        for command in commands:
            if isinstance(command.prompt, Content):
                command._set_prompt(SetLines(command.prompt))
        super()._refresh_command_list(command_list, commands, clear_current)

    def on_mount(self) -> None:
        if host_of(self.app).ascii:
            self.query_one(SearchIcon).icon = ASCII_ICON

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's countdown to "No matches found" (Textual 8.2), the words ours."""
        self._stop_no_matches_countdown()
        message = host_of(self.app).ui("palette.no_matches")

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
