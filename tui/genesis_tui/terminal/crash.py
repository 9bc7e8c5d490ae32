"""The last resort: when something unexpected still ends the reader, leave the terminal usable,
keep the traceback in a file rather than on the screen, and say where it is in one line."""

from __future__ import annotations

import contextlib
import os
import sys
import termios
import time
from pathlib import Path
from typing import Any

EXIT_INTERNAL_ERROR = 70
"""EX_SOFTWARE from sysexits.h: an internal error, not the user's."""

# Leave the alternate screen, show the cursor, stop mouse, paste and focus reports, and the
# kitty keyboard protocol: what Textual turns on, turned off.
_RESET = (
    "\x1b[<u\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l\x1b[?2004l"
    "\x1b[?1004l\x1b[?2048l\x1b[?7h\x1b[?1049l\x1b[?25h"
)


def terminal_mode() -> list[Any] | None:
    """The terminal's mode now (to put back after a crash), or None if stdin is no terminal."""
    try:
        return termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (termios.error, OSError, ValueError):
        return None


def restore_terminal(mode: list[Any] | None) -> None:
    """Put the terminal back as it was before the reader started, as far as it can be."""
    if mode is not None:
        with contextlib.suppress(termios.error, OSError, ValueError):
            termios.tcsetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0, termios.TCSANOW, mode)
    stream = sys.__stderr__
    if stream is not None and stream.isatty():
        with contextlib.suppress(OSError, ValueError):
            stream.write(_RESET)
            stream.flush()


def write_crash_log(directory: Path, text: str) -> Path:
    """Write ``text`` (a traceback) to a new file in ``directory``; its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = directory / f"crash-{stamp}-{os.getpid()}.log"
    # O_EXCL and O_NOFOLLOW: never write through something already there.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def report(directory: Path, text: str) -> None:
    """Log the traceback and say where, in one line on stderr (or give the traceback there if
    it cannot be written)."""
    # stderr may be a terminal that has gone away (EIO): what cannot be said is not said.
    with contextlib.suppress(OSError):
        try:
            path = write_crash_log(directory, text)
        except OSError as error:
            print(
                f"genesis-tui: internal error (the log could not be written: {error})",
                file=sys.stderr,
            )
            print(text, file=sys.stderr)
            return
        print(f"genesis-tui: internal error; the details are in {path}", file=sys.stderr)
