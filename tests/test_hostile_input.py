"""Hostile input in a real terminal: bytes on stdin, resize storms, signals at start-up, odd
state files. Whoever can log in (the README offers genesis-tui as an account's only command) can
do each of these; none may crash the reader, hang it, or leave the terminal raw.

Each test runs genesis-tui in a pseudo-terminal (``tests/terminal.py``). They are slow (seconds
each): marked ``slow``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from tests.terminal import Terminal

pytestmark = pytest.mark.slow

OVERVIEW_TEXT = "トランプ政権"
ENTER_ALT_SCREEN = b"\x1b[?1049h"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Start(Protocol):
    def __call__(self, *args: str, size: tuple[int, int] = ..., **env: str) -> Terminal: ...


@pytest.fixture
def state_home(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def run(state_home: Path) -> Iterator[Start]:
    terminals: list[Terminal] = []

    def start(*args: str, size: tuple[int, int] = (100, 30), **more: str) -> Terminal:
        locale = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
        env = {"XDG_STATE_HOME": str(state_home), **locale, **more}
        terminal = Terminal.genesis(*args, size=size, env=env)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def cooked(terminal: Terminal) -> bool:
    """Whether the pty is back in the mode a shell expects (line editing and echo on)."""
    lflag = termios.tcgetattr(terminal.master)[3]
    return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)


def saved_section(state_home: Path) -> object:
    data = json.loads((state_home / "genesis-tui" / "state.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data.get("section")


def assert_clean_exit(terminal: Terminal, status: int = 0) -> None:
    assert terminal.wait_exit(timeout=15) == status, terminal.output[-2000:]
    assert cooked(terminal), "the terminal was left raw"
    assert terminal.output.rfind(LEAVE_ALT_SCREEN) > terminal.output.rfind(ENTER_ALT_SCREEN)
    assert b"Traceback" not in terminal.output
    assert b"Error" not in terminal.output


HOSTILE_BYTES = [
    b"\xff",  # never valid in UTF-8
    b"\xe9",  # é typed on a Latin-1 terminal
    b"\xc0\xaf",  # an overlong encoding of /
    b"\xed\xa0\x80",  # a UTF-16 surrogate, encoded
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\x1b[99999999999u",  # a key code too large for an int
    b"\x1b[1114112u",  # a key code one past the last code point
    b"\x1b[97;5;99999999999u",  # the same in the key's text
    b"\x1b[<99999999;99999999;99999999M",  # a mouse event off any screen
    b"\x1b[" + b"9" * 40,  # a sequence longer than any the parser knows
    b"\x1b\x1b\x1b[\x1b[[\x1bO\x1bP",  # escapes cut short
    b"\x1b[200~\xff\x1b[201~",  # a bracketed paste of junk
    b"\x1b[48;20000;20000;0;0t",  # a window size reported in-band, by a terminal that cannot
]


@pytest.mark.parametrize("data", HOSTILE_BYTES, ids=repr)
def test_bytes_on_stdin_never_crash(run: Start, state_home: Path, data: bytes) -> None:
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    os.write(terminal.master, data)
    # A moment of quiet, as after anything a terminal sends: a key that came at once would be
    # read as the rest of an unfinished sequence (and dropped with it).
    terminal.read_for(0.3)
    # Still answering keys after the bytes.
    terminal.press("?")
    terminal.wait_for("Help: keys")
    terminal.press("\x1b")
    while "Help: keys" in terminal.text():
        assert terminal.pump(0.1), "closed while closing the help"
    terminal.press("3")
    terminal.wait_for("科学技術の戦略的意義")
    terminal.press("q")
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "significance"


STORM_SIZES = [(1, 1), (10, 3), (20, 6), (100, 30), (40, 10), (39, 9), (80, 24), (2, 2)]


def storm(terminal: Terminal, count: int = 300) -> None:
    """Resize the window ``count`` times, 10 ms apart, through sizes big and tiny."""
    for i in range(count):
        columns, lines = STORM_SIZES[i % len(STORM_SIZES)]
        terminal.resize(columns, lines)
        terminal.pump(0.01)


def test_a_resize_storm_then_q(run: Start, state_home: Path) -> None:
    terminal = run(size=(80, 24))
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("3")
    terminal.wait_for("科学技術の戦略的意義")
    storm(terminal)
    terminal.resize(100, 30)
    terminal.wait_for("科学技術の戦略的意義", timeout=10)
    terminal.press("q")
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "significance"


def test_a_resize_storm_then_a_hang_up(run: Start, state_home: Path) -> None:
    terminal = run(size=(80, 24))
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("3")
    terminal.wait_for("科学技術の戦略的意義")
    storm(terminal)
    terminal.signal(signal.SIGHUP)
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "significance"


STOP_SIGNALS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT]


def assert_not_left_raw(terminal: Terminal) -> None:
    """Ended one way or another (a signal before Python's handlers are in place is fatal, and
    fine: the terminal was not touched yet), but never raw, never in the alternate screen."""
    terminal.wait_exit(timeout=15)
    assert cooked(terminal), "the terminal was left raw"
    assert terminal.output.rfind(LEAVE_ALT_SCREEN) >= terminal.output.rfind(ENTER_ALT_SCREEN)
    assert b"Traceback" not in terminal.output


@pytest.mark.parametrize("signum", STOP_SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_as_the_terminal_is_taken_over(run: Start, signum: int) -> None:
    # The moment the alternate screen is entered is the moment handlers used to be missing.
    terminal = run()
    while ENTER_ALT_SCREEN not in terminal.output:
        assert terminal.pump(0.005), "closed before entering the alternate screen"
    terminal.signal(signum)
    assert_not_left_raw(terminal)
    assert terminal.process.returncode == 0


@pytest.mark.parametrize("delay", [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4])
def test_a_signal_at_any_moment_of_the_start(run: Start, delay: float) -> None:
    terminal = run()
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        terminal.pump(0.005)
    terminal.signal(signal.SIGTERM)
    assert_not_left_raw(terminal)


def test_sigquit_ends_cleanly_and_saves_state(run: Start, state_home: Path) -> None:
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("4")
    terminal.wait_for("日本の業務分担")
    terminal.signal(signal.SIGQUIT)
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "challenges"


def test_a_fifo_for_a_state_file_neither_hangs_nor_stays(run: Start, state_home: Path) -> None:
    path = state_home / "genesis-tui" / "state.json"
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.wait_for("position ignored")  # said once, in a notification
    terminal.press("2")
    terminal.wait_for("日本の参加が意味するもの")
    terminal.press("q")
    assert_clean_exit(terminal)
    assert path.is_file()  # the next save replaced it
    assert saved_section(state_home) == "japan-role"


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_no_state_neither_reads_nor_saves(run: Start, state_home: Path, how: str) -> None:
    path = state_home / "genesis-tui" / "state.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"section": "outlook"}', encoding="utf-8")
    cache = state_home.parent / "cache"
    if how == "flag":
        terminal = run("--no-state", XDG_CACHE_HOME=str(cache))
    else:
        terminal = run(GENESIS_TUI_STATE="off", XDG_CACHE_HOME=str(cache))
    terminal.wait_for(OVERVIEW_TEXT)  # not the saved section
    terminal.press("2")
    terminal.wait_for("日本の参加が意味するもの")
    terminal.press("q")
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "outlook"  # untouched
    assert not cache.exists() or not any(cache.rglob("*")), "the cache was written"


BROKEN_HELP = """
import sys
from genesis_tui.ui.screens import help as help_screen

def compose(self):
    raise RuntimeError("a bug planted by the test")
    yield

help_screen.HelpScreen.compose = compose
from genesis_tui.cli.main import main
raise SystemExit(main())
"""


def test_an_unexpected_error_is_logged_not_shown(state_home: Path) -> None:
    """The last resort: a bug (planted here) ends the reader with the terminal restored, the
    position saved, the traceback in a log file and one line naming it; exit 70."""
    env = {"XDG_STATE_HOME": str(state_home), "LC_ALL": "", "LANG": "C.UTF-8"}
    terminal = Terminal([sys.executable, "-c", BROKEN_HELP], size=(100, 30), env=env)
    try:
        terminal.wait_for(OVERVIEW_TEXT)
        terminal.press("3")
        terminal.wait_for("科学技術の戦略的意義")
        terminal.press("?")
        assert terminal.wait_exit(timeout=15) == 70
        assert cooked(terminal)
        assert terminal.output.rfind(LEAVE_ALT_SCREEN) > terminal.output.rfind(ENTER_ALT_SCREEN)
        logs = list((state_home / "genesis-tui").glob("crash-*.log"))
        assert len(logs) == 1
        assert "a bug planted by the test" in logs[0].read_text(encoding="utf-8")
        tail = terminal.output[terminal.output.rfind(LEAVE_ALT_SCREEN) :].decode(errors="replace")
        assert f"internal error; the details are in {logs[0]}" in tail
        assert "Traceback" not in tail and "planted" not in tail
        assert saved_section(state_home) == "significance"
    finally:
        terminal.close()


def test_a_stray_sigcont_changes_nothing(run: Start, state_home: Path) -> None:
    """SIGCONT with no stop before it (kill -CONT, or the one a session leader gets with
    SIGHUP): the reader goes on as it was, and q still ends it cleanly."""
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    for _ in range(3):
        terminal.signal(signal.SIGCONT)
    terminal.read_for(0.3)
    threads = len(os.listdir(f"/proc/{terminal.process.pid}/task"))
    terminal.press("3")
    terminal.wait_for("科学技術の戦略的意義")
    terminal.press("q")
    assert_clean_exit(terminal)
    assert saved_section(state_home) == "significance"
    assert threads <= 4, f"{threads} threads: application mode started again"
