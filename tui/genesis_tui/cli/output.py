"""Standard output for the command line: written at once, so that a failure is reported where
it happens (a full disk, a closed descriptor) and not at exit, and then quietly discarded."""

from __future__ import annotations

import os
import sys

from genesis_tui.i18n.catalogue import CatalogueError


class OutputError(CatalogueError):
    """Standard output cannot be written (a full disk, a closed descriptor): one message, exit 1.
    A pipe whose reader went away is not this: that is BrokenPipeError, and quiet."""


def write(text: str) -> None:
    """Write to standard output now, so that a failure is reported here and not at exit."""
    stream = sys.stdout
    if stream is None:  # Python found descriptor 1 closed at start-up
        raise OutputError("cli.error.stdout_closed")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError("cli.error.stdout_unwritable", error=error.strerror or error) from None


def discard() -> None:
    """Point descriptor 1 at /dev/null, so that what is still buffered goes nowhere quietly
    when Python flushes it at exit, instead of failing a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != 1:
        os.dup2(devnull, 1)
        os.close(devnull)
