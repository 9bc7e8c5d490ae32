"""The app's life in a terminal: its driver, the terminal's cursor, the theme's colours at its
colour depth, stop signals, a terminal that goes away, notifications that cannot flood it, and
the last resort when something unexpected ends it.

Kept apart from ``app.py``, the reader's shell. Whatever ends the app comes through ``exit``,
which first notes where the reader is (``remember``), so the place is saved however it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import signal
import sys
from types import FrameType

from textual.content import Content as TextContent
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen

from genesis_tui.ui.host import host_of
from genesis_tui.ui.notices import RecentNotices
from genesis_tui.ui.palette import PaletteApp
from genesis_tui.ui.themes import legible_variables

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT)
"""Each ends the reader as q does: the terminal restored, the position saved."""


class TerminalApp(PaletteApp):
    """An app that leaves cleanly, its place noted, whatever ends it: q, a signal, a dropped
    link, a closed terminal or an unexpected error."""

    def __init__(self) -> None:
        super().__init__()
        self._stop_signalled = False
        self._notices = RecentNotices()
        self.crash: str | None = None
        """The traceback of an unexpected error that ended the app, if one did."""
        self._screens_up = False
        self._signal_loop: asyncio.AbstractEventLoop | None = None

    screen_reader = False
    """The terminal's cursor kept on the line being read (``--screen-reader``)."""

    def _display(self, screen: Screen[object], renderable: object) -> None:
        # Textual's private hook for each frame: the one place where the cursor can be put
        # where the reader is before the frame that shows the change is sent (Textual moves
        # the terminal's cursor to ``cursor_position`` at the end of each frame; setting it
        # after the frame would leave the cursor a frame behind). Textualize/textual#2348.
        if self.screen_reader:
            from genesis_tui.ui.screen_reader import cursor_place

            place = cursor_place(screen)
            if place is not None:
                self.cursor_position = place
        super()._display(screen, renderable)  # type: ignore[arg-type]

    def get_driver_class(self) -> type[Driver]:
        """In a terminal, a driver whose input cannot crash the app; otherwise Textual's."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from genesis_tui.terminal.driver import GenesisDriver

            return GenesisDriver
        if driver.__module__ == "textual.drivers.web_driver":  # run by serve
            from genesis_tui.terminal.web_driver import GenesisWebDriver

            return GenesisWebDriver
        return driver

    color_depth: str | None = None
    """The colour depth the theme's contrast is made for (see ``GenesisApp``)."""

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, its text colours made legible on their backgrounds in the
        colours the terminal is sent (256 without COLORTERM, 16 on the Linux console)."""
        depth = self.console.color_system if self.color_depth == "terminal" else self.color_depth
        variables = legible_variables(super().get_css_variables(), depth)
        self.theme_variables = variables
        return variables

    def format_title(self, title: str, sub_title: str) -> TextContent:
        """Where you are first (the subtitle: section and view, in bold), then the title,
        which may be cut off at the right; joined by a neutral bar (Textual's em dash is
        ambiguous-width). Nothing dim: dimmed text falls under a legible contrast."""
        if not sub_title:
            return TextContent(title)
        if not title:  # no room left for it (``TitleBar``)
            return TextContent(sub_title).stylize("bold")
        return TextContent.assemble(
            TextContent(sub_title).stylize("bold"), " | ", TextContent(title)
        )

    def remember(self) -> object:
        """Note where the reader is, before the app ends (the app says what that is)."""
        return None

    def watch_the_terminal(self) -> None:
        """From mount: the stop signals answered, a redraw after ctrl+z, the hang-up watch."""
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
        if not self.is_headless:
            self.set_interval(1.0, self._check_hangup, name="hang-up watch")

    def screens_up(self) -> bool:
        """The first frame is on screen: from now a stop signal ends the app at once. True if
        one came while the app started (it is leaving now)."""
        self._screens_up = True
        if self._stop_signalled:
            self.exit()
        return self._stop_signalled

    def _resumed(self, _app: object) -> None:
        """Back from ctrl+z: the terminal shows the shell's screen, so draw everything again."""
        self.refresh(layout=True)
        for screen in self.screen_stack:
            screen.refresh(layout=True)

    def action_suspend_process(self) -> None:
        """ctrl+z: stop, where a shell with job control can bring the reader back (fg). Where
        none can (an SSH ForceCommand runs it from ``sh -c``), a stop would freeze the session
        for good: a notice says so instead (``job_control``)."""
        if getattr(self._driver, "stop_can_be_undone", True):
            super().action_suspend_process()
        else:
            message = host_of(self).ui("notice.no_suspend")
            self.notify(message, severity="warning", timeout=8, markup=False)

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
