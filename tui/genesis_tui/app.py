"""The Textual application: a small shell around the reader screen."""

from __future__ import annotations

import asyncio
import contextlib
import select
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.content import Content as TextContent
from textual.driver import Driver
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender

from genesis_tui import collector
from genesis_tui.app_palette import PaletteApp
from genesis_tui.content import Content
from genesis_tui.i18n import Catalogue, UiLang
from genesis_tui.messages import JumpToBlock, OpenTerm, StepSearch
from genesis_tui.model import View
from genesis_tui.notices import RecentNotices
from genesis_tui.screens.reader import ReaderScreen
from genesis_tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from genesis_tui.state import (
    SavedState,
)
from genesis_tui.themes import legible_variables
from genesis_tui.widgets.merge_runs import MergeRuns
from genesis_tui.widgets.plain_scrollbar import use_plain_scrollbars

if TYPE_CHECKING:
    from textual.command import Provider

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT)
"""Each ends the reader as q does: the terminal restored, the position saved."""


def _genesis_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from genesis_tui.commands import GenesisCommands

    return GenesisCommands


class GenesisApp(PaletteApp):
    """Japan and the Genesis Mission, explained: the reader and its screens."""

    CSS_PATH = "genesis.tcss"
    TITLE = "genesis-tui"
    COMMANDS = App.COMMANDS | {_genesis_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        # Textual's own ctrl+q, given the id that gives it the interface's word (the footer
        # shows it where a text field takes q).
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        # A terminal program stops on ctrl+z, as the shell's job control expects.
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, id="suspend"),
        # Where a text field takes ?, as in the glossary's filter.
        Binding("f1", "help", "Help", show=False, id="help"),
        # The reader's keys for the other pages work from every screen (the reader's own
        # bindings, shown in its footer, answer there first).
        Binding("g", "reader('glossary')", "Glossary", show=False, id="glossary"),
        Binding("t", "reader('timeline')", "Timeline", show=False, id="timeline"),
        Binding("w", "reader('whos_who')", "Who's who", show=False, id="whos-who"),
        Binding("slash", "reader('search')", "Search", key_display="/", show=False, id="search"),
    ]

    def __init__(
        self,
        content: Content,
        *,
        state: SavedState | None = None,
        ui_lang: UiLang = "en",
        ascii: bool = False,
        linux_console: bool = False,
        notice: str | None = None,
    ) -> None:
        super().__init__()
        self.linux_console = linux_console
        """On the Linux console, which cannot draw Japanese: a hint at start."""
        self._merge_runs = MergeRuns()
        self.ascii = ascii
        """ASCII borders and plain scrollbars, for terminals that draw ambiguous widths wide."""
        self._scrollbar_renderer: type[ScrollBarRender] | None = None
        if ascii:
            self.add_class("-ascii")
            # Its rules are read only when they apply: parsing CSS is part of every start.
            self.css_path.append(Path(__file__).with_name("ascii.tcss"))
        self.content = content
        self.ui = Catalogue(ui_lang)
        """The interface's words, in the language asked for."""
        self.ui.localize_bindings(self._bindings)
        self.state = state or SavedState()
        self._notice = notice
        """Something to say once the reader is up (a state file that was ignored)."""
        self._stop_signalled = False
        self._notices = RecentNotices()
        self.crash: str | None = None
        """The traceback of an unexpected error that ended the app, if one did."""
        self._screens_up = False
        self._signal_loop: asyncio.AbstractEventLoop | None = None
        ids = [section.id for section in content.article.sections]
        if self.state.section not in ids:
            self.state.section = ids[0]
        if self.state.theme in self.available_themes:
            self.theme = self.state.theme

    def get_driver_class(self) -> type[Driver]:
        """In a terminal, a driver whose input cannot crash the app; otherwise Textual's."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from genesis_tui.driver import GenesisDriver

            return GenesisDriver
        if driver.__module__ == "textual.drivers.web_driver":  # run by serve
            from genesis_tui.web_driver import GenesisWebDriver

            return GenesisWebDriver
        return driver

    def get_default_screen(self) -> Screen[None]:
        assert self.state.section is not None
        anchors = {
            section.id: anchor
            for section in self.content.article.sections
            if (anchor := self.state.anchor(section.id)) is not None
        }
        return ReaderScreen(
            self.content,
            self.state.section,
            self.state.view,
            anchors=anchors,
            readings=self.state.readings,
        )

    @property
    def view(self) -> View:
        """The languages the reader shows (other screens show their names in them too)."""
        stack = self.screen_stack
        if stack and isinstance(stack[0], ReaderScreen) and stack[0].is_mounted:
            return stack[0].view
        return self.state.view

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen, at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    async def on_mount(self) -> None:
        self.app_resume_signal.subscribe(self, self._resumed)
        loop = asyncio.get_running_loop()
        self._signal_loop = loop
        for signum in STOP_SIGNALS:
            # From here the loop wakes for them (a plain handler may wait for the next timer).
            loop.add_signal_handler(signum, self._stop)
            # And at once, in Python's own handler: when the terminal stops taking output the
            # main thread waits to hand the writer a frame, and the loop's handler never runs
            # until output that will never go out is dropped.
            signal.signal(signum, self._stop_output_soon)
        if self.ascii:
            self._scrollbar_renderer = use_plain_scrollbars(True)
        await self.check_size(self.size.width, self.size.height)
        if self.linux_console:
            self.notify(self.ui("hint.linux_console"), markup=False, timeout=12)
        if not self.is_headless:
            self.set_interval(1.0, self._check_hangup, name="hang-up watch")

    def _resumed(self, _app: object) -> None:
        """Back from ctrl+z: the terminal shows the shell's screen, so draw everything again."""
        self.refresh(layout=True)
        for screen in self.screen_stack:
            screen.refresh(layout=True)

    def stop_signalled(self, signum: int, frame: FrameType | None) -> None:
        """A signal handler for before the app runs (and while it starts): leave, cleanly.

        The link dropped (SIGHUP), or we were told to stop: the reader restores the terminal
        and the position is saved. Installed before the terminal is touched, so that no moment
        of the start leaves the terminal raw.
        """
        self._stop_signalled = True
        self._stop_output_soon(signum, frame)
        if self._signal_loop is not None and not self._signal_loop.is_closed():
            self._signal_loop.call_soon_threadsafe(self._stop)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notification, unless the same one is on screen (``notices``)."""
        shown_for = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        if self._notices.first((message, title, severity), shown_for):
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _stop_output_soon(self, signum: int, frame: FrameType | None) -> None:
        """A stop signal came: output the terminal does not take within a second is dropped."""
        stop_output_soon = getattr(self._driver, "stop_output_soon", None)
        if stop_output_soon is not None:
            stop_output_soon()

    def terminal_gone(self) -> None:
        """The driver found the terminal gone (a dropped link, a closed pty): leave as for a
        hang-up, saving the place."""
        self._stop()

    def _stop(self) -> None:
        """Leave for a signal, once the screens are up: leaving while the reader is still being
        put together could stop it half-made, with its handlers looking for missing widgets."""
        self._stop_signalled = True
        if self._screens_up:
            self.exit()

    def on_ready(self) -> None:
        # The first frame is on screen: the garbage collector paused for the start resumes.
        collector.resume()
        self._screens_up = True
        if self._stop_signalled:  # a signal came while the app started: leave now
            self.exit()
        elif self._notice:
            self.notify(self._notice, severity="warning", timeout=10, markup=False)

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

    def _check_hangup(self) -> None:
        """Leave (saving state) if the terminal went away without a SIGHUP, as a closed pty
        or a dropped link can; otherwise Textual would spin on an input that never ends."""
        try:
            poller = select.poll()
            poller.register(sys.__stdin__.fileno() if sys.__stdin__ else 0, select.POLLIN)
            events = poller.poll(0)
        except (OSError, ValueError):
            self.exit()
            return
        if any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events):
            self.exit()

    # Actions shared by the screens and the command palette.
    def _to_reader(self) -> ReaderScreen:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, TooSmallScreen):
            self.pop_screen()
        return self.reader

    def show_section(self, section_id: str) -> None:
        """Go to a section (from the palette)."""
        self._to_reader().show_section(section_id, remember=True)

    def open_term(self, term_id: str) -> None:
        """Open a glossary entry over the reader (from the palette)."""
        self._to_reader()
        self.push_screen(self._term_screen(term_id))

    def _term_screen(self, term_id: str, message: OpenTerm | None = None) -> Screen[None]:
        from genesis_tui.screens.term import TermScreen

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
        """A screen asked for a glossary entry: show it over that screen."""
        if message.term_id in self.content.terms:
            self.push_screen(self._term_screen(message.term_id, message))

    @on(JumpToBlock)
    def _jump_to_block(self, message: JumpToBlock) -> None:
        """Close the glossary screens and show a block in the reader, highlighted."""
        self._to_reader().jump_to_block(message.section_id, message.block_id)

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

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (NO_COLOR among them), then runs of one style joined."""
        return [*super().get_line_filters(), self._merge_runs]

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, its text colours made legible on their backgrounds."""
        variables = legible_variables(super().get_css_variables())
        self.theme_variables = variables
        return variables

    def format_title(self, title: str, sub_title: str) -> TextContent:
        """Where you are first (the subtitle: section and view, in bold), then the title,
        which may be cut off at the right; joined by a neutral bar (Textual's em dash is
        ambiguous-width). Nothing dim: dimmed text falls under a legible contrast."""
        if not sub_title:
            return TextContent(title)
        return TextContent.assemble(
            TextContent(sub_title).stylize("bold"), " | ", TextContent(title)
        )

    def action_help_quit(self) -> None:
        """ctrl+c with no text selected (with a selection, the screen copies it): leave as
        ``q`` does, saving the place, where Textual would only say how to quit."""
        self.exit()

    def action_help(self) -> None:
        """Show every key."""
        from genesis_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def remember(self) -> SavedState:
        """The state to save: the theme, and where the reader is now (unchanged if the reader
        is not up)."""
        self.state.theme = self.theme
        if not self.screen_stack or not isinstance(self.screen_stack[0], ReaderScreen):
            return self.state
        reader = self.screen_stack[0]
        if not reader.is_mounted or not reader.section_id:
            return self.state
        self.state.section = reader.section_id
        self.state.view = reader.view
        self.state.readings = reader.readings
        self.state.anchors.update(reader.remember_places())
        self.state.scroll[reader.section_id] = round(reader.article.scroll_y)
        return self.state

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error is about to end the app: note where the reader is while it is
        still up, and keep the traceback for the log (not for the screen)."""
        import traceback

        from textual.css.query import NoMatches

        if self._exit and isinstance(error, NoMatches):
            # A screen that was opening as the app began to leave (a key, then the link dropped)
            # looked for a widget the leaving had already removed: nothing is wrong.
            return
        with contextlib.suppress(Exception):
            self.remember()
        if self.crash is None:
            self.crash = "".join(traceback.format_exception(error))
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        if self.crash is None or self.is_headless:  # tests still see Textual's report
            super()._print_error_renderables()

    def exit(
        self, result: None = None, return_code: int = 0, message: object | None = None
    ) -> None:
        """Note where the reader is, then leave (quit keys and signals all come here)."""
        self.remember()
        super().exit(result, return_code, message)  # type: ignore[arg-type]
