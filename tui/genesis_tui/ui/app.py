"""The Textual application: a small shell around the reader screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.storage.state import SavedState
from genesis_tui.storage.statuses import WordStatuses, save_statuses
from genesis_tui.terminal import gc_pause as collector
from genesis_tui.ui import keymap
from genesis_tui.ui.keymap import localize_bindings
from genesis_tui.ui.lifecycle import TerminalApp
from genesis_tui.ui.messages import (
    JumpToBlock,
    OpenTerm,
    RunAction,
    ShowSection,
    StatusesChanged,
    StepSearch,
    ToggleReadings,
)
from genesis_tui.ui.reader_state import note_reader, reader_from_state
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from genesis_tui.ui.typeahead import KeysInOrder
from genesis_tui.ui.widgets.plain_scrollbar import use_plain_scrollbars

if TYPE_CHECKING:
    from textual.command import Provider


def _genesis_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from genesis_tui.ui.commands import GenesisCommands

    return GenesisCommands


class GenesisApp(KeysInOrder, TerminalApp):
    """Japan and the Genesis Mission, explained: the reader and its screens."""

    CSS_PATH = "genesis.tcss"
    TITLE = "genesis-tui"
    COMMANDS = App.COMMANDS | {_genesis_commands}
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("app")

    def __init__(
        self,
        content: Edition,
        *,
        state: SavedState | None = None,
        ui_lang: UiLang = "en",
        ascii: bool = False,
        linux_console: bool = False,
        notice: str | None = None,
        screen_reader: bool = False,
        color_depth: str | None = None,
        statuses: WordStatuses | None = None,
        statuses_path: Path | None = None,
        statuses_notice: str | None = None,
    ) -> None:
        self.color_depth = color_depth
        """The colour depth the theme's contrast is made for: ``terminal`` (the one Textual
        sends to this terminal), a depth by Rich's name (``256``, ``standard``), or None for
        truecolor. Set before Textual's own set-up, which reads the theme's variables."""
        super().__init__()
        self.screen_reader = screen_reader
        """The terminal's cursor shown and kept on the line being read, one language in one
        column, no box drawing (``genesis_tui.ui.screen_reader``)."""
        ascii = ascii or screen_reader
        self.linux_console = linux_console
        """On the Linux console, which cannot draw Japanese: a hint at start."""
        self.ascii = ascii
        """ASCII borders and plain scrollbars, for terminals that draw ambiguous widths wide."""
        self._scrollbar_renderer: type[ScrollBarRender] | None = None
        if ascii:
            self.add_class("-ascii")
            # Its rules are read only when they apply: parsing CSS is part of every start.
            self.css_path.append(Path(__file__).with_name("ascii.tcss"))
        if screen_reader:
            self.add_class("-screen-reader")
            self.css_path.append(Path(__file__).with_name("screen_reader.tcss"))
        self.content = content
        self.ui = Catalogue(ui_lang)
        """The interface's words, in the language asked for."""
        localize_bindings(self.ui, self._bindings)
        self.state = state or SavedState()
        self._notice = notice
        """Something to say once the reader is up (a state file that was ignored)."""
        self.statuses = statuses or WordStatuses()
        """The learner's word statuses (``storage.statuses``)."""
        self.statuses_path = statuses_path
        """Where they are saved at each change (None: not saved, as with ``--no-state``)."""
        self._statuses_notice = statuses_notice
        ids = [section.id for section in content.article.sections]
        if self.state.section not in ids:
            self.state.section = ids[0]
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme
        if screen_reader and self.state.view == "both":
            self.state.view = ui_lang

    def get_default_screen(self) -> Screen[None]:
        return reader_from_state(self.content, self.state, self.statuses)

    @property
    def view(self) -> View:
        """The languages the reader shows (other screens show their names in them too)."""
        stack = self.screen_stack
        if stack and isinstance(stack[0], ReaderScreen) and stack[0].is_mounted:
            return stack[0].view
        return self.state.view

    @property
    def readings(self) -> bool:
        """Whether readings are shown above the Japanese (every screen shows them alike)."""
        stack = self.screen_stack
        if stack and isinstance(stack[0], ReaderScreen) and stack[0].is_mounted:
            return stack[0].readings
        return self.state.readings

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen, at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    async def on_mount(self) -> None:
        self.watch_the_terminal()
        if self.ascii:
            self._scrollbar_renderer = use_plain_scrollbars(True)
        await self.check_size(self.size.width, self.size.height)
        if self.linux_console:
            self.notify(self.ui("hint.linux_console"), markup=False, timeout=12)

    def on_ready(self) -> None:
        # The first frame is on screen: the garbage collector paused for the start resumes.
        collector.resume()
        leaving = self.screens_up()
        if self._notice and not leaving:
            self.notify(self._notice, severity="warning", timeout=10, markup=False)
        if self._statuses_notice and not leaving:
            self.notify(self._statuses_notice, severity="warning", timeout=15, markup=False)

    def on_unmount(self) -> None:
        if self._scrollbar_renderer is not None:  # the renderer is global: put it back
            ScrollBar.renderer = self._scrollbar_renderer

    async def on_resize(self, event: events.Resize) -> None:
        # The event's size: this handler runs before Textual's, which sets the app's size.
        await self.check_size(event.size.width, event.size.height)

    async def check_size(self, width: int, height: int) -> None:
        """Cover the screens with a message while the terminal is too small, and uncover them.

        Only the cover is pushed or popped; the screen below lays itself out again at the app's
        size when it is uncovered (Textual does that on resume).
        """
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            await self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            await self.pop_screen()

    # Actions shared by the screens and the command palette.
    def _to_reader(self) -> ReaderScreen:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        return self.reader

    def show_section(self, section_id: str) -> None:
        """Go to a section (from the palette)."""
        self._to_reader().places.show_section(section_id, remember=True)

    def open_term(self, term_id: str) -> None:
        """Open a glossary entry over the reader (from the palette)."""
        self._to_reader()
        self.push_screen(self._term_screen(term_id))

    def _term_screen(self, term_id: str, message: OpenTerm | None = None) -> Screen[None]:
        from genesis_tui.ui.screens.term import TermScreen

        return TermScreen(
            self.content,
            term_id,
            view=self.reader.view,
            readings=self.reader.readings,
            search_status=message.search_status if message else "",
            marks=message.marks if message else None,
        )

    @on(OpenTerm)
    def _open_term(self, message: OpenTerm) -> None:
        """A screen asked for a glossary entry: show it over that screen (the palette: over
        the reader)."""
        if message.term_id in self.content.terms:
            if message.over_reader:
                self._to_reader()
            self.push_screen(self._term_screen(message.term_id, message))

    @on(ShowSection)
    def _show_section(self, message: ShowSection) -> None:
        self.show_section(message.section_id)

    @on(RunAction)
    def _run_action(self, message: RunAction) -> None:
        """An action chosen in the palette: the reader's, or the app's own (help, quit)."""
        if message.reader:
            self.run_reader_action(message.action)
        else:
            self.call_later(self.run_action, message.action)

    @on(JumpToBlock)
    def _jump_to_block(self, message: JumpToBlock) -> None:
        """Close the glossary screens and show a block in the reader, highlighted."""
        self._to_reader().places.jump_to_block(message.section_id, message.block_id)

    @on(ToggleReadings)
    def _toggle_readings(self) -> None:
        """r on a screen over the reader: the reader's readings change, and every page's."""
        from genesis_tui.ui.screens.base import PageScreen

        reader = self.reader
        reader.action_toggle_readings()
        for screen in self.screen_stack[1:]:
            if isinstance(screen, PageScreen):
                screen.show_readings(reader.readings)

    @on(StatusesChanged)
    def _save_statuses(self) -> None:
        """A word's status changed: saved at once, atomically (a dropped link loses nothing)."""
        if self.statuses_path is None:
            return
        try:
            save_statuses(self.statuses, self.statuses_path)
        except OSError as error:
            message = self.ui("statuses.not_saved", path=str(self.statuses_path), error=error)
            self.notify(message, severity="error", timeout=10, markup=False)

    @on(StepSearch)
    def _step_search(self, message: StepSearch) -> None:
        """Go on through the reader's search matches from any screen."""
        self._to_reader().action_search_step(message.step)

    def run_reader_action(self, action: str) -> None:
        """Run one of the reader's actions (from the palette)."""
        self.call_later(self._to_reader().run_action, action)

    def action_reader(self, action: str) -> None:
        """Close what is over the reader and run one of its actions (g, t, w, / anywhere)."""
        self.run_reader_action(action)

    def action_help_quit(self) -> None:
        """ctrl+c with no text selected (with a selection, the screen copies it): leave as
        ``q`` does, saving the place, where Textual would only say how to quit."""
        self.exit()

    def action_about(self) -> None:
        """Show where the article comes from (over the reader, as the timeline is)."""
        from genesis_tui.ui.screens.explainer import AboutScreen

        self._to_reader()
        self.push_screen(AboutScreen(self.content))

    def action_help(self) -> None:
        """Show every key."""
        from genesis_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def remember(self) -> SavedState:
        """The state to save: the theme, and where the reader is now (unchanged if the reader
        is not up)."""
        self.state.theme = self.theme
        reader = self.screen_stack[0] if self.screen_stack else None
        if isinstance(reader, ReaderScreen) and reader.is_mounted and reader.section_id:
            note_reader(self.state, reader)
        return self.state
