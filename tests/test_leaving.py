"""Leaving the alternate screen leaves the shell's screen as it was: nothing is drawn after it.

The output stage (``wire``) answered Textual's ``ESC[?1049l`` with a repaint of the last frame,
which then landed on the shell's screen, at every exit and every ctrl+z wherever terminfo knows
the terminal (tmux's TERM above all); the driver now sends Textual's stop past the stage."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from tests.terminal import Terminal

LEAVE = b"\x1b[?1049l"
_CONTROLS = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|[\r\n]")


def _drawn_after_leaving(output: bytes) -> bytes:
    """What was written after the last leaving of the alternate screen, but modes and moves."""
    assert LEAVE in output, "never left the alternate screen"
    return _CONTROLS.sub(b"", output[output.rindex(LEAVE) + len(LEAVE) :])


@pytest.mark.parametrize("term", ["tmux-256color", "xterm-256color", "screen"])
def test_nothing_is_drawn_after_quitting(tmp_path: Path, term: str) -> None:
    terminal = Terminal.genesis(env={"XDG_STATE_HOME": str(tmp_path), "TERM": term})
    try:
        terminal.wait_for("トランプ政権")
        terminal.press("j")
        terminal.read_for(0.3)
        terminal.press("q")
        assert terminal.wait_exit() == 0
        assert _drawn_after_leaving(bytes(terminal.output)) == b""
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
        assert _drawn_after_leaving(bytes(terminal.output)) == b""
        terminal.signal(signal.SIGCONT)
        terminal.wait_for("トランプ政権")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
