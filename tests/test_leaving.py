"""The shell's screen is left as it was: nothing is drawn outside the alternate screen, at the
start, at a stop (ctrl+z) and its fg, and at the end.

The output stage (``wire``) answered Textual's ``ESC[?1049l`` with a repaint of the last frame,
which then landed on the shell's screen, at every exit and every ctrl+z wherever terminfo knows
the terminal (tmux's TERM above all); and it cleared the shell's screen before Textual's
``ESC[?1049h`` at the start and at every fg. The driver sends Textual's start and stop past the
stage."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from tests.terminal import Terminal

ENTER, LEAVE = b"\x1b[?1049h", b"\x1b[?1049l"
_MODES = re.compile(rb"\x1b\[[?<>=]?[0-9;]*[$]?[hlpucm]|\x1b\[<u|[\r\n]")
"""Mode changes, queries and the rendition reset: what may be written on the shell's screen."""


def _drawn_on_the_shells_screen(output: bytes) -> list[bytes]:
    """What was written outside the alternate screen, but for mode changes and queries."""
    assert ENTER in output and LEAVE in output
    outside, inside, rest = [], False, output
    while rest:
        mark = LEAVE if inside else ENTER
        part, found, rest = rest.partition(mark)
        if not inside:
            outside.append(part)
        inside = not inside if found else inside
    return [drawn for part in outside if (drawn := _MODES.sub(b"", part))]


@pytest.mark.slow  # a real reader in a terminal for each terminal type
@pytest.mark.parametrize("term", ["xterm-256color", "tmux-256color", "screen"])
def test_nothing_is_drawn_after_quitting(tmp_path: Path, term: str) -> None:
    terminal = Terminal.genesis(env={"XDG_STATE_HOME": str(tmp_path), "TERM": term})
    try:
        terminal.wait_for("トランプ政権")
        terminal.press("j")
        terminal.read_for(0.3)
        terminal.press("q")
        assert terminal.wait_exit() == 0
        assert _drawn_on_the_shells_screen(bytes(terminal.output)) == []
    finally:
        terminal.close()


@pytest.mark.slow
def test_nothing_is_drawn_after_stopping(tmp_path: Path) -> None:
    terminal = Terminal.genesis(env={"XDG_STATE_HOME": str(tmp_path), "TERM": "tmux-256color"})
    try:
        terminal.wait_for("トランプ政権")
        terminal.signal(signal.SIGTSTP)  # as a shell's job control stops it
        deadline = time.monotonic() + 10
        while (
            Path(f"/proc/{terminal.process.pid}/stat").read_text().rsplit(")")[1].split()[0] != "T"
        ):
            assert time.monotonic() < deadline, "not stopped"
            terminal.pump(0.05)
        terminal.read_for(0.5)
        terminal.signal(signal.SIGCONT)  # and its fg
        terminal.read_for(1.0)
        terminal.wait_for("トランプ政権")
        terminal.press("q")
        assert terminal.wait_exit() == 0
        assert _drawn_on_the_shells_screen(bytes(terminal.output)) == []
    finally:
        terminal.close()
