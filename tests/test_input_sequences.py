"""Sequences on the terminal's input that are not keys, in a real terminal: a terminal's
replies, strings inside a paste, 8-bit controls. None is acted on as keys: afterwards the reader
is on the screen it was on and answers the next key.

Each test runs genesis-tui in a pseudo-terminal (``tests/terminal.py``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import Terminal

OVERVIEW_TEXT = "トランプ政権"
SIGNIFICANCE_TITLE = "科学技術の戦略的意義"
COMMAND = [sys.executable, "-m", "genesis_tui"]

SEQUENCES = {
    "DA1 reply (its ? opened help)": b"\x1b[?1;2c",
    "size report (its t opened the timeline)": b"\x1b[8;5;5t",
    "8-bit DCS around q": b"\x90q\x9c",
    "a paste with an OSC title and q z z": b"\x1b[200~a \x1b]0;t\x07 q z z\x1b[201~",
    "a paste with OSC 52 (its 8 moved sections)": b"\x1b[200~\x1b]52;c;aGVsbG8=\x07\x1b[201~",
    "a paste with a DA1 reply": b"\x1b[200~x\x1b[?1;2cq\x1b[201~",
    "DCS with q inside": b"\x1bPq#0;2;0;0;0\x1b\\",
    "APC": b"\x1b_Gi=31;q\x1b\\",
}
QUICK = {"DA1 reply (its ? opened help)", "a paste with an OSC title and q z z"}


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    env = {"XDG_STATE_HOME": str(tmp_path), "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    started = Terminal(COMMAND, env=env)
    yield started
    started.close()


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=[] if n in QUICK else [pytest.mark.slow]) for n in SEQUENCES],
)
def test_a_sequence_is_not_typed_out(terminal: Terminal, name: str) -> None:
    terminal.wait_for(OVERVIEW_TEXT)
    os.write(terminal.master, SEQUENCES[name])  # bytes: some are not UTF-8
    terminal.press("3")  # still on the reader, still answering
    terminal.wait_for(SIGNIFICANCE_TITLE)
    terminal.press("q")
    assert terminal.wait_exit() == 0
