"""The terminal's output as a file that can neither hang the reader nor take it down.

Textual's writer thread (``textual.drivers._writer_thread.WriterThread``) takes frames from a
queue of 30 and writes them to ``sys.__stderr__``. Two things go wrong when the terminal goes
away (a dropped SSH link, tmux killed, a closed pty) or stops reading (a stalled link):

- a write fails with EIO: the thread dies with the exception, nothing empties the queue again,
  and the next frame's ``Queue.put`` in the main thread blocks for ever. The event loop never runs
  again, so SIGTERM and SIGHUP are never answered; the close (``WriterThread.stop``, another put)
  blocks the same way, and the place is never saved;
- nobody reads: the write blocks, the queue fills, and the main thread waits in ``Queue.put`` with
  the same result, even once told to stop.

Not filed upstream yet (the nearest is Textualize/textual#6690, the input thread at end of
input). Here the writer thread is handed ``TerminalOutput`` in place of ``sys.__stderr__``: a
write that fails marks the terminal gone (and says so once, for the app to leave) and every
later write is dropped; and once the reader is stopping (``stop_soon``), output that cannot go
out within ``STOP_GRACE`` seconds is dropped, so the queue always drains and the reader ends.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable

STOP_GRACE = 1.0
"""Seconds a stopping reader waits for the terminal to take its last output."""
POLL = 0.1
"""Seconds between looks at whether the reader is stopping, while output waits."""


def _reopened_nonblocking(fd: int) -> int | None:
    """A descriptor of its own on ``fd``'s terminal, with writes that never block; or None.

    Setting O_NONBLOCK on ``fd`` itself would change the open file it shares with standard input
    (and with the shell, after the reader). A terminal opened again is a new open file.
    """
    try:
        if not os.isatty(fd):
            return None
        return os.open(f"/proc/self/fd/{fd}", os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError:
        return None


class TerminalOutput:
    """A text file for Textual's writer thread: writes go to the terminal as long as it takes
    them, and are dropped once it is gone or once the reader is stopping and it is not taking
    them."""

    def __init__(self, fd: int, on_gone: Callable[[], None]) -> None:
        self._fd = fd
        self._nonblocking = _reopened_nonblocking(fd)
        self._on_gone = on_gone
        self._gone = threading.Event()
        self._deadline: float | None = None

    @property
    def gone(self) -> bool:
        """The terminal refused a write: it has gone away."""
        return self._gone.is_set()

    def stop_soon(self) -> None:
        """The reader is stopping: from ``STOP_GRACE`` seconds on, drop what cannot go out.

        Called from a signal handler as well, so it only sets a time (and never moves it later).
        """
        deadline = time.monotonic() + STOP_GRACE
        if self._deadline is None or deadline < self._deadline:
            self._deadline = deadline

    def _late(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def write(self, text: str) -> int:
        """Send ``text`` (as UTF-8); it is dropped once the terminal is gone or too late."""
        data = memoryview(text.encode("utf-8", "replace"))
        fd = self._nonblocking if self._nonblocking is not None else self._fd
        while data and not self._gone.is_set() and not self._late():
            try:
                # A blocking descriptor (the terminal could not be opened again): write only
                # when the terminal has room. It may still block if the room is smaller than the
                # write; a failed write ends it all the same.
                if self._nonblocking is None and not select.select([], [fd], [], POLL)[1]:
                    continue
                written = os.write(fd, data)
            except (BlockingIOError, InterruptedError):
                select.select([], [fd], [], POLL)
                continue
            except OSError:
                self._went_away()
                break
            data = data[written:]
        return len(text)

    def _went_away(self) -> None:
        if not self._gone.is_set():
            self._gone.set()
            self._on_gone()

    def flush(self) -> None:
        """Nothing to do: every write goes straight to the terminal."""

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def close(self) -> None:
        """Let go of the descriptor of our own (the terminal's own stays open)."""
        if self._nonblocking is not None:
            with contextlib.suppress(OSError):
                os.close(self._nonblocking)
            self._nonblocking = None
