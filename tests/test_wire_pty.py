"""The wire stage on the real reader: after every key, the screen the stage's stream leaves in a
terminal (pty + pyte) is, cell for cell, the one Textual's frames leave (``GENESIS_TUI_WIRE=off``),
under several TERMs: xterm (bce, erase-characters, regions), tmux and screen (no bce), ansi (no
scrolling regions: lines deleted and inserted) and vt100 (neither insert nor delete line)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.terminal import ByteStream, Terminal
from tests.test_wire import BceScreen, NoBceScreen, cells

QUIET = 0.3
KEYS = ["j", "j", "j", "k", "\x1b[6~", " ", "2", "j", "v", "r", "/", "Japan", "\x1b", "5"]
"""Scroll, page, switch, the view, readings, a search with its highlights (not entered: where
enter goes depends on how far the search got, in a reader as in the other), another section;
then resizes, and a stop and go on (ctrl+z, fg)."""


def _settle(terminal: Terminal) -> None:
    last = time.monotonic()
    while time.monotonic() - last < QUIET:
        size = len(terminal.output)
        terminal.pump(0.02)
        if len(terminal.output) != size:
            last = time.monotonic()


def _start(term: str, wire: bool, home: Path, bce: bool) -> Terminal:
    env = {"TERM": term, "XDG_STATE_HOME": str(home), "GENESIS_TUI_WIRE": "on" if wire else "off"}
    terminal = Terminal.genesis("--section", "overview", "--lang", "both", size=(90, 26), env=env)
    # An erase, and a line scrolled in, fill with the current background where the terminal
    # has bce, else with the default one.
    kind = BceScreen if bce else NoBceScreen
    terminal.screen = kind(terminal.columns, terminal.lines)
    terminal.stream = ByteStream(terminal.screen)
    return terminal


@pytest.mark.slow
@pytest.mark.parametrize(
    ("term", "bce"),
    [
        ("xterm-256color", True),
        ("tmux-256color", False),
        ("screen", False),
        ("ansi", False),
        ("vt100", False),
    ],
)
def test_the_reader_looks_the_same_through_the_stage(term: str, bce: bool, tmp_path: Path) -> None:
    plain = _start(term, False, tmp_path / "plain", bce)
    staged = _start(term, True, tmp_path / "staged", bce)
    try:
        plain.wait_for("Overview", timeout=60)
        staged.wait_for("Overview", timeout=60)
        steps: list[tuple[str, tuple[int, int] | None]] = [("", None)]
        steps += [(key, None) for key in KEYS] + [("", (76, 22)), ("j", None), ("", (90, 26))]
        steps += [("ctrl+z", None), ("fg", None), ("j", None)]
        for key, size in steps:
            for terminal in (plain, staged):
                if size is not None:
                    terminal.resize(*size)
                if key == "ctrl+z":  # as the terminal sends it for ctrl+z: the reader stops
                    terminal.signal(signal.SIGTSTP)
                elif key == "fg":  # and the shell's fg: it goes on, and repaints
                    terminal.signal(signal.SIGCONT)
                else:
                    terminal.press(key)
            _settle(plain)
            _settle(staged)
            if key == "ctrl+z":
                continue  # stopped: the terminal shows what was there before the reader
            deadline = time.monotonic() + 20
            while cells(staged.screen) != cells(plain.screen) and time.monotonic() < deadline:
                _settle(plain)  # a loaded machine: a repaint may be late, not wrong
                _settle(staged)
            assert cells(staged.screen) == cells(plain.screen), (
                f"after {key!r} {size}\nplain:\n{plain.text()}\nstaged:\n{staged.text()}"
            )
        assert len(staged.output) < len(plain.output) / 2
    finally:
        plain.close()
        staged.close()
