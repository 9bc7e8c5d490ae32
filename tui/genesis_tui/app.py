"""The Textual application: a small shell around the reader screen."""

from __future__ import annotations

import asyncio
import contextlib
import select
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content as TextContent
from textual.driver import Driver
from textual.filter import LineFilter
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender

from genesis_tui import crash
from genesis_tui.i18n import Catalogue, UiLang
from genesis_tui.loader import Content
from genesis_tui.screens.reader import ReaderScreen
from genesis_tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from genesis_tui.state import (
    SavedState,
    StateProblem,
    View,
    read_state,
    save_state,
    state_path,
)
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


class GenesisApp(App[None]):
    """Japan and the Genesis Mission, explained: the reader and its screens."""

    CSS_PATH = "genesis.tcss"
    TITLE = "genesis-tui"
    COMMANDS = App.COMMANDS | {_genesis_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
    ]

    def __init__(
        self,
        content: Content,
        *,
        state: SavedState | None = None,
        ui_lang: UiLang = "en",
        ascii: bool = False,
        notice: str | None = None,
    ) -> None:
        super().__init__()
        self._merge_runs = MergeRuns()
        self.ascii = ascii
        """ASCII borders and plain scrollbars, for terminals that draw ambiguous widths wide."""
        self._scrollbar_renderer: type[ScrollBarRender] | None = None
        if ascii:
            self.add_class("-ascii")
        self.content = content
        self.ui = Catalogue(ui_lang)
        """The interface's words, in the language asked for."""
        self.ui.localize_bindings(self._bindings)
        self.state = state or SavedState()
        self._notice = notice
        """Something to say once the reader is up (a state file that was ignored)."""
        self._stop_signalled = False
        self.crash: str | None = None
        """The traceback of an unexpected error that ended the app, if one did."""
        self._screens_up = False
        self._signal_loop: asyncio.AbstractEventLoop | None = None
        ids = [section.id for section in content.article.sections]
        if self.state.section not in ids:
            self.state.section = ids[0]

    def get_driver_class(self) -> type[Driver]:
        """In a terminal, a driver whose input cannot crash the app; otherwise Textual's."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from genesis_tui.driver import GenesisDriver

            return GenesisDriver
        return driver

    def get_default_screen(self) -> Screen[None]:
        assert self.state.section is not None
        scroll = self.state.scroll.get(self.state.section, 0)
        return ReaderScreen(self.content, self.state.section, self.state.view, scroll=scroll)

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen, at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    async def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        self._signal_loop = loop
        for signum in STOP_SIGNALS:
            # From here the loop wakes for them (a plain handler may wait for the next timer).
            loop.add_signal_handler(signum, self._stop)
        if self.ascii:
            self._scrollbar_renderer = use_plain_scrollbars(True)
        await self.check_size(self.size.width, self.size.height)
        if not self.is_headless:
            self.set_interval(1.0, self._check_hangup, name="hang-up watch")

    def stop_signalled(self, signum: int, frame: FrameType | None) -> None:
        """A signal handler for before the app runs (and while it starts): leave, cleanly.

        The link dropped (SIGHUP), or we were told to stop: the reader restores the terminal
        and the position is saved. Installed before the terminal is touched, so that no moment
        of the start leaves the terminal raw.
        """
        self._stop_signalled = True
        if self._signal_loop is not None and not self._signal_loop.is_closed():
            self._signal_loop.call_soon_threadsafe(self._stop)

    def _stop(self) -> None:
        """Leave for a signal, once the screens are up: leaving while the reader is still being
        put together could stop it half-made, with its handlers looking for missing widgets."""
        self._stop_signalled = True
        if self._screens_up:
            self.exit()

    def on_ready(self) -> None:
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
        """Open a glossary entry (from the palette)."""
        self._to_reader().open_term(term_id)

    def jump_to_block(self, section_id: str, block_id: str) -> None:
        """Close the glossary screens and show a block in the reader, highlighted."""
        self._to_reader().jump_to_block(section_id, block_id)

    def search_step(self, step: int) -> None:
        """Go on through the reader's search matches from any screen."""
        self._to_reader().action_search_step(step)

    def run_reader_action(self, action: str) -> None:
        """Run one of the reader's actions (from the palette)."""
        self.call_later(self._to_reader().run_action, action)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (NO_COLOR among them), then runs of one style joined."""
        return [*super().get_line_filters(), self._merge_runs]

    def format_title(self, title: str, sub_title: str) -> TextContent:
        """Where you are first (the subtitle: section and view), then the title, which may be
        cut off at the right; joined by a neutral bar (Textual's em dash is ambiguous-width)."""
        if not sub_title:
            return TextContent(title)
        return TextContent.assemble(
            TextContent(sub_title), (" | ", "dim"), TextContent(title).stylize("dim")
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Only the theme: no screenshot files, no panels (the palette has our own actions)."""
        yield SystemCommand(
            self.ui("palette.theme"), self.ui("palette.theme_help"), self.action_change_theme
        )

    def action_command_palette(self) -> None:
        """Open the command palette, its prompt in the interface's language."""
        from textual.command import CommandPalette

        from genesis_tui.palette import GenesisPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            # No id (Textual gives it one): a palette closed a moment before, in the same burst
            # of keys, may still be being taken down, and the two ids would clash.
            placeholder = self.ui("palette.placeholder")
            self.push_screen(GenesisPalette(placeholder=placeholder))

    def search_themes(self) -> None:
        """The theme picker (the palette's theme command), in a palette safe from key bursts."""
        from textual.theme import ThemeProvider

        from genesis_tui.palette import GenesisPalette

        placeholder = self.ui("palette.theme")
        self.push_screen(GenesisPalette(providers=[ThemeProvider], placeholder=placeholder))

    def action_help(self) -> None:
        """Show every key."""
        from genesis_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def remember(self) -> SavedState:
        """The state to save: where the reader is now (unchanged if the reader is not up)."""
        if not self.screen_stack or not isinstance(self.screen_stack[0], ReaderScreen):
            return self.state
        reader = self.screen_stack[0]
        if not reader.is_mounted or not reader.section_id:
            return self.state
        self.state.section = reader.section_id
        self.state.view = reader.view
        self.state.scroll.update(reader.remember_scroll())
        return self.state

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error is about to end the app: note where the reader is while it is
        still up, and keep the traceback for the log (not for the screen)."""
        import traceback

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


def starting_state(
    path: Path | None, *, section_id: str | None, lang: str | None
) -> tuple[SavedState, StateProblem | None]:
    """The saved state (none without a path), with the command line's flags winning over it;
    and why the state file was ignored, if it was."""
    state, problem = read_state(path) if path is not None else (SavedState(), None)
    if section_id is not None:
        state.section = section_id
    if lang is not None:
        state.view = cast(View, lang)
    return state, problem


def _printable(text: str) -> str:
    """``text`` with control characters escaped (a path may hold anything)."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def run_reader(
    content: Content,
    *,
    section_id: str | None,
    lang: str | None,
    ui_lang: UiLang = "en",
    ascii: bool = False,
    remember: bool = True,
) -> int:
    """Run the reader in the terminal, then save where the reader was (unless ``remember`` is
    off: an account shared by many people should not show one where another stopped)."""
    path = state_path() if remember else None
    state, problem = starting_state(path, section_id=section_id, lang=lang)
    notice = None
    if problem is not None:
        ui = Catalogue(ui_lang)
        notice = ui("state.ignored", problem=ui(f"state.{problem}"), path=_printable(str(path)))
    app = GenesisApp(content, state=state, ui_lang=ui_lang, ascii=ascii, notice=notice)
    mode = crash.terminal_mode()
    with signals_handled_by(app.stop_signalled):
        try:
            app.run()
        except Exception as error:  # the last resort: nothing else caught it
            import traceback

            crash.restore_terminal(mode)
            app.crash = app.crash or "".join(traceback.format_exception(error))
        if app.crash is not None:
            crash.restore_terminal(mode)
            crash.report((path or state_path()).parent, app.crash)
        if path is None:
            return crash.EXIT_INTERNAL_ERROR if app.crash else app.return_code or 0
        # The app's loop is closed and took its handlers with it: a late signal waits for the
        # save below instead of cutting it short.
        with signals_handled_by(lambda signum, frame: None):
            try:
                save_state(app.state, path)
            except OSError as error:
                print(
                    f"genesis-tui: could not save the reading position to {path}: {error}",
                    file=sys.stderr,
                )
    return crash.EXIT_INTERNAL_ERROR if app.crash else app.return_code or 0


@contextmanager
def signals_handled_by(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """The stop signals go to ``handler`` inside the block; the old handlers come back after."""
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
