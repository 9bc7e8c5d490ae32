"""The terminal driver: Textual's Linux driver, made safe against whatever arrives on stdin
(read by ``input_decoder.InputDecoder``, which never raises) and against a terminal that goes.

When the terminal goes away (a dropped link, a closed pty), the reader leaves: output goes
through ``terminal_output.TerminalOutput``, which neither blocks nor dies on a terminal that is
gone or no longer reading, and the input thread ends at the end of input instead of waiting.

Resizes are coalesced here too: a storm of SIGWINCH (a window dragged, or someone sending them on
purpose) is laid out at most every ``RESIZE_SETTLE`` seconds, always ending with the last size.
"""

from __future__ import annotations

import asyncio
import os
import selectors
import signal
import sys
from types import FrameType
from typing import Any

from textual import events
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Size
from textual.message import Message

from genesis_tui.terminal.caps import Capabilities
from genesis_tui.terminal.input_decoder import InputDecoder, half_width
from genesis_tui.terminal.job_control import stop_can_be_undone
from genesis_tui.terminal.output import TerminalOutput
from genesis_tui.terminal.sgr import SgrMinimizer
from genesis_tui.terminal.wire import WireStage

SHOW_CURSOR = "\x1b[?25h"
"""DECTCEM: show the terminal's cursor (``--screen-reader`` keeps it on the line being read)."""
READ_SIZE = 4096
RESIZE_SETTLE = 0.1
"""Seconds between layouts while the window keeps changing size."""
MAX_BACKLOG = 100
"""Input events waiting for the app beyond which more input is dropped (see send_message)."""
DROPPABLE = (events.Key, events.MouseEvent, events.Paste, events.AppFocus, events.AppBlur)
"""What the user does: dropped in a flood. Sizes and the terminal's replies never are."""
NEVER_DROPPED = frozenset({"ctrl+q", "ctrl+c"})
"""The keys that quit from everywhere: they get through however much input is waiting."""
MAX_SIZE = Size(500, 200)
"""The largest size laid out, however large the terminal says it is (in-band on stdin, where
anyone can send it, or the pty's own, which SSH sets from the client: 20000x5000 took the reader
to 1.27 GB). serve clamps to the same."""


class GenesisDriver(LinuxDriver):
    """The Linux driver with input that cannot crash the app, resizes coalesced, and output
    without the style changes the terminal has already had (``sgr.SgrMinimizer``)."""

    _resize_due = False
    _in_band: events.Resize | None = None
    _sgr: SgrMinimizer | None = None
    stop_can_be_undone = True
    """Whether ctrl+z may stop the reader: only where a shell can bring it back (fg)."""
    _output: TerminalOutput | None = None
    _sent = 0
    """Messages handed to the app's loop (counted in the input thread)."""
    _arrived = 0
    """Of those, the ones in the app's queue by now (counted in the loop)."""
    _wire: WireStage | None = None
    _staged = False
    """Whether writes go through the stage: from a start until a stop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Asked before Textual's driver puts its own SIGTSTP handler in place.
        self.stop_can_be_undone = stop_can_be_undone()
        super().__init__(*args, **kwargs)

    def write(self, data: str) -> None:
        """Write to the terminal: the difference between screens where terminfo knows the
        terminal (``wire``), else each frame with only the style changes that change."""
        if self._wire is not None and self._staged:
            try:
                super().write(self._wire.feed(data))
                return
            except Exception:
                # A fault in the stage must not end the reader: frames go out as Textual
                # writes them from here, after a repaint of every cell.
                self._wire = None
                self._loop.call_soon_threadsafe(self._app.refresh)
                data = "\x1b[0m\x1b[H\x1b[2J" + data
        super().write(data if self._sgr is None else self._sgr.feed(data))

    def start_application_mode(self) -> None:
        """Textual's start, then our SIGWINCH handler in place of Textual's."""
        self._sgr = SgrMinimizer()  # the terminal's rendition is not known at a (re)start
        if self._output is None and sys.__stderr__ is not None:
            # Textual's writer thread writes to this file (see terminal_output for why).
            self._output = TerminalOutput(sys.__stderr__.fileno(), self._terminal_gone)
            self._file = self._output  # type: ignore[assignment]  # write, flush, fileno
        # The stage outlives a stop and start (ctrl+z, fg): it holds the screen the app means.
        # What the terminal shows is not known now: the next update repaints every cell.
        size = self._get_terminal_size()
        self._wire = self._wire or wire_stage(self.fileno, *size)
        if self._wire is not None:
            self._wire.resize(*size)
        # Textual's start goes past the stage too: the stage would clear and repaint the screen
        # before the alternate screen is entered, on the shell's screen.
        super().start_application_mode()  # type: ignore[no-untyped-call]
        if self._wire is not None:  # Textual's start hid the cursor: no need to place it
            self._wire.model.cursor_visible = False
        self._staged = True
        if self._writer_thread is not None:  # started (not stopped again as a background job)
            signal.signal(signal.SIGWINCH, self._on_sigwinch)
            if getattr(self._app, "screen_reader", False):  # Textual hid it: show it again
                self.write(SHOW_CURSOR)
                self.flush()

    def stop_application_mode(self) -> None:
        """Send what was held back, then Textual's stop, as it writes it: not through the stage,
        which answered the leaving of the alternate screen by drawing the last frame again, on
        the shell's screen (at every exit and ctrl+z under tmux's TERM)."""
        self._staged = False
        if self._sgr is not None:
            held = self._sgr.flush()
            self._sgr = None
            if held:
                super().write(held)
        super().stop_application_mode()

    def _get_terminal_size(self) -> tuple[int, int]:
        """The terminal's size, clamped to ``MAX_SIZE``."""
        width, height = super()._get_terminal_size()
        return min(width, MAX_SIZE.width), min(height, MAX_SIZE.height)

    def _sigtstp_application(self, *_: object) -> None:
        """Stop (SIGTSTP, as a shell's job control sends it) from the app's loop, not inside
        the signal handler: Python runs a handler in the main thread between any two bytecodes,
        so Textual's stop could start while that thread held the writer queue's lock (a frame
        half put) and wait for it for ever. The loop's ``call_soon_threadsafe`` is safe in a
        handler; the stop then runs between the loop's callbacks, holding nothing."""
        if self._loop.is_closed():  # the app has ended: nothing is running to wait for
            super()._sigtstp_application()
        else:
            self._loop.call_soon_threadsafe(super()._sigtstp_application)

    def _sigcont_application(self, *_: object) -> None:
        """Come back into application mode after a stop of our own (ctrl+z) only. A stray
        SIGCONT (kill -CONT, or the one sent with SIGHUP to a session leader) made Textual start
        application mode a second time: two input and two writer threads, ctrl+q never ending
        the reader, the terminal left raw."""
        if self._must_signal_resume:
            super()._sigcont_application()

    def stop_output_soon(self) -> None:
        """The reader is stopping: output the terminal does not take within a second is dropped
        (safe in a signal handler: it only sets a time)."""
        if self._output is not None:
            self._output.stop_soon()

    def close(self) -> None:
        """Textual's close (the writer thread ends once its queue is sent), which a terminal that
        stopped reading can no longer hold up for more than a second."""
        self.stop_output_soon()
        super().close()
        if self._output is not None:
            self._output.close()
            self._output = None
            self._file = sys.__stderr__

    def _terminal_gone(self) -> None:
        """The terminal went away (from the writer or the input thread): the app leaves, and
        what is still to be written is dropped."""
        self.stop_output_soon()
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._leave)

    def _leave(self) -> None:
        # The app's own way to leave when it has one (GenesisApp waits for its screens).
        leave = getattr(self._app, "terminal_gone", None) or self._app.exit
        leave()

    def _on_sigwinch(self, signum: int, frame: FrameType | None) -> None:
        if not self._in_band_window_resize:
            self._loop.call_soon_threadsafe(self._resize_soon)

    def _resize_soon(self) -> None:
        """Lay out at the terminal's size shortly; resizes until then join this one."""
        if not self._resize_due:
            self._resize_due = True
            self._loop.call_later(RESIZE_SETTLE, self._send_size)

    def _send_size(self) -> None:
        self._resize_due = False
        if self._in_band_window_resize and self._in_band is not None:
            event = self._in_band
        else:
            size = Size(*self._get_terminal_size())
            event = events.Resize(size, size)
        if self._wire is not None:  # before the app draws at the new size
            self._wire.resize(*event.size)
        self._app.post_message(event)
        # Paint every cell again even if the burst ended at the size laid out last: on the way
        # the terminal may have been smaller, and terminals forget what they cut off.
        self._app.call_later(self._app.refresh)

    def process_message(self, message: Message) -> None:
        """Post a message from the input thread; a size reported in-band is coalesced."""
        if isinstance(message, events.Resize):
            # Only a terminal that said it reports sizes in-band may resize us from stdin.
            if self._in_band_window_resize:
                width, height = message.size
                size = Size(min(width, MAX_SIZE.width), min(height, MAX_SIZE.height))
                self._in_band = events.Resize(size, size, size, message.pixel_size)
                self._loop.call_soon_threadsafe(self._resize_soon)
            return
        if isinstance(message, events.Key):
            message = half_width(message)
        super().process_message(message)

    def send_message(self, message: Message) -> None:
        """Post a message to the app; in a flood (more input waiting than the app has dealt
        with), the user's input is dropped instead.

        Textual queues every key for the app, however many: 20,000 presses of 9 took minutes to
        work through, and a stop signal or ctrl+q waited behind them (the app leaves through a
        message in the same queue). A person never types a hundred keys ahead.
        """
        quit_key = isinstance(message, events.Key) and message.key in NEVER_DROPPED
        if isinstance(message, DROPPABLE) and not quit_key and self._backlog() > MAX_BACKLOG:
            return
        self._sent += 1
        asyncio.run_coroutine_threadsafe(self._post(message), loop=self._loop)

    async def _post(self, message: Message) -> None:
        try:
            await self._app._post_message(message)
        finally:
            self._arrived += 1

    def _backlog(self) -> int:
        """The messages on their way to the app and waiting in its queues (read from the input
        thread: a figure of the moment, which is all a bound needs)."""
        waiting = self._sent - self._arrived + self._app.message_queue_size
        try:
            screen = self._app.screen
            focused = screen.focused
        except Exception:  # no screen yet, or none any more
            return waiting
        return waiting + screen.message_queue_size + (focused.message_queue_size if focused else 0)

    def run_input_thread(self) -> None:
        """Read stdin until told to stop and post what it means (Textual's loop, safely)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        decoder = InputDecoder()

        def read(timeout: float, final: bool = False) -> None:
            ready = selector.select(timeout)
            if not ready:
                for message in decoder.quiet():
                    self.process_message(message)
            for _key, mask in ready:
                if mask & selectors.EVENT_READ:
                    try:
                        data = os.read(self.fileno, READ_SIZE)
                    except OSError:
                        data = b""
                    if not data:
                        raise EOFError
                    for message in decoder.feed(data, final=final):
                        self.process_message(message)
            for message in decoder.tick():
                self.process_message(message)

        try:
            while not self.exit_event.is_set():
                read(0.1)
        except EOFError:
            # The terminal went away. Textual's loop would go on reading an input that is always
            # ready and always empty (Textualize/textual#6690); this thread ends, and the app
            # is told to leave.
            self._terminal_gone()
        finally:
            selector.close()


def wire_stage(fd: int, columns: int, rows: int) -> WireStage | None:
    """The stage for the terminal on ``fd`` (TERM), or None where terminfo does not know it
    well enough, or ``GENESIS_TUI_WIRE=off`` asks for Textual's frames as they are."""
    if os.environ.get("GENESIS_TUI_WIRE", "").lower() in ("off", "0", "no"):
        return None
    capabilities = Capabilities.from_terminfo(os.environ.get("TERM"), fd)
    return None if capabilities is None else WireStage(capabilities, columns, rows)
