"""The terminal driver: Textual's Linux driver, made safe against whatever arrives on stdin.

Textual decodes input with a strict UTF-8 decoder and parses escape sequences with code that can
raise (``\\xff`` gives UnicodeDecodeError, ``ESC[99999999999u`` OverflowError, ``ESC[1114112u``
ValueError). Any of these ends Textual's input thread and the app with it. Anyone who can type
into the terminal (over SSH: anyone who can log in) could do that, so here input is decoded with
replacement characters, and a sequence that cannot be parsed is dropped.

Resizes are coalesced here too: a storm of SIGWINCH (a window dragged, or someone sending them on
purpose) is laid out at most every ``RESIZE_SETTLE`` seconds, always ending with the last size.
"""

from __future__ import annotations

import codecs
import os
import selectors
import signal
import unicodedata
from collections.abc import Callable
from types import FrameType

from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Size
from textual.keys import KEY_NAME_REPLACEMENTS, Keys
from textual.message import Message

from genesis_tui.sgr import SgrMinimizer

READ_SIZE = 4096
RESIZE_SETTLE = 0.1
"""Seconds between layouts while the window keeps changing size."""
MAX_SIZE = Size(1000, 500)
"""The largest size a terminal may report in-band (it arrives on stdin, so anyone can send it)."""


class TolerantParser(XTermParser):
    """Textual's parser, except that a key sequence with an impossible code point is ignored."""

    def _parse_extended_key(self, sequence: str) -> list[events.Key] | None:  # type: ignore[override]
        try:
            return super()._parse_extended_key(sequence)
        except (ValueError, OverflowError):
            # Out of range for chr(): no key. An "ignore" key ends the sequence quietly.
            return [events.Key(Keys.Ignore, sequence)]


class InputDecoder:
    """Bytes from the terminal in, Textual messages out; it never raises."""

    def __init__(self) -> None:
        self._decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
        self._parser = TolerantParser()

    def feed(self, data: bytes, *, final: bool = False) -> list[Message]:
        """The messages for these bytes (invalid UTF-8 arrives as U+FFFD)."""
        text = self._decode(data, final)
        return self._guard(lambda: list(self._parser.feed(text))) if text else []

    def tick(self) -> list[Message]:
        """The messages due once a pending sequence times out (a lone ESC is the escape key)."""
        return self._guard(lambda: list(self._parser.tick()))

    def _guard(self, parse: Callable[[], list[Message]]) -> list[Message]:
        try:
            messages = parse()
        except Exception:
            # Textual's parser could not cope with what arrived: drop it and start afresh, so
            # that the next key works. (The parser is a generator: after raising it is dead.)
            self._parser = TolerantParser()
            return []
        return messages


class GenesisDriver(LinuxDriver):
    """The Linux driver with input that cannot crash the app, resizes coalesced, and output
    without the style changes the terminal has already had (``sgr.SgrMinimizer``)."""

    _resize_due = False
    _in_band: events.Resize | None = None
    _sgr: SgrMinimizer | None = None

    def write(self, data: str) -> None:
        """Write to the terminal, sending each style change only as far as it changes."""
        super().write(data if self._sgr is None else self._sgr.feed(data))

    def start_application_mode(self) -> None:
        """Textual's start, then our SIGWINCH handler in place of Textual's."""
        self._sgr = SgrMinimizer()  # the terminal's rendition is not known at a (re)start
        super().start_application_mode()  # type: ignore[no-untyped-call]
        if self._writer_thread is not None:  # started (not stopped again as a background job)
            signal.signal(signal.SIGWINCH, self._on_sigwinch)

    def stop_application_mode(self) -> None:
        """Send what was held back, then Textual's stop (which writes as it was)."""
        if self._sgr is not None:
            held = self._sgr.flush()
            self._sgr = None
            if held:
                super().write(held)
        super().stop_application_mode()

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
            self._app.post_message(self._in_band)
        else:
            size = Size(*self._get_terminal_size())
            self._app.post_message(events.Resize(size, size))
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

    def run_input_thread(self) -> None:
        """Read stdin until told to stop and post what it means (Textual's loop, safely)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        decoder = InputDecoder()

        def read(timeout: float, final: bool = False) -> None:
            for _key, mask in selector.select(timeout):
                if mask & selectors.EVENT_READ:
                    try:
                        data = os.read(self.fileno, READ_SIZE)
                    except OSError:
                        data = b""
                    if not data:
                        # The terminal went away: the app's hang-up watch ends the app. Until
                        # then, do not spin on an input that is always ready and always empty.
                        self.exit_event.wait(timeout)
                        continue
                    for message in decoder.feed(data, final=final):
                        self.process_message(message)
            for message in decoder.tick():
                self.process_message(message)

        try:
            while not self.exit_event.is_set():
                read(0.1)
        finally:
            selector.close()


def half_width(key: events.Key) -> events.Key:
    """A key typed in its full-width form (an input method left on: ｖ, ２, ／, ｑ) as the key
    it stands for, so that the reader's keys work either way; any other key as it is. Typed
    into a field, the half-width form is the same text to search and the glossary's filter,
    which fold widths."""
    char = key.character or ""
    if len(char) == 1 and ("\uff01" <= char <= "\uff5e" or char == "\u3000"):
        plain = " " if char == "\u3000" else chr(ord(char) - 0xFEE0)
        return events.Key(key_name(plain), plain)
    return key


def key_name(char: str) -> str:
    """Textual's name of the key that types ``char`` (printable ASCII): ``v``, ``slash``."""
    if char.isalnum():
        return char
    name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)
