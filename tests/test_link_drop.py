"""The link drops: the terminal goes away right after a key, in the middle of a frame, or while
nobody reads what the reader writes. Every time the reader ends within seconds, with its place
saved, and answers SIGTERM and SIGHUP whatever it was doing.

The terminal here is a pty that is the reader's controlling terminal, as sshd and tmux give it:
closing the master hangs the terminal up and sends SIGHUP, as a dropped SSH connection does.
In CI (``CI=true``) each key is tried 20 times; by hand, once, and only a few keys outside the
slow tests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import HEAVY
from tests.terminal import Terminal

OVERVIEW_TEXT = "トランプ政権"
ENDS_WITHIN = 3.0
"""Seconds a reader may take to end once its terminal is gone (the issue's bound)."""
TRIES = 20 if HEAVY else 1
COMMAND = [sys.executable, "-m", "genesis_tui"]

KEYS = {
    # name: what the terminal sends
    "j": "j",
    "r": "r",
    "space": " ",
    "tab": "\t",
    "pagedown": "\x1b[6~",
    "v": "v",
    "3": "3",
    "question_mark": "?",
    "g": "g",
    "t": "t",
    "slash": "/",
    "ctrl+p": "\x10",
    "w": "w",
    "enter": "\r",
}
QUICK = {"v"}
"""The key tried in the README's command (a view change: a whole screen on its way out); the
rest are slow."""


@pytest.fixture
def state_home(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def start(state_home: Path) -> Iterator[type[Terminal]]:
    terminals: list[Terminal] = []

    class Started(Terminal):
        def __init__(self) -> None:
            env = {
                "XDG_STATE_HOME": str(state_home),
                "LC_ALL": "",
                "LC_MESSAGES": "",
                "LANG": "C.UTF-8",
            }
            super().__init__(COMMAND, env=env, controlling=True)
            terminals.append(self)

    yield Started
    for terminal in terminals:
        terminal.close()


def hang_up(terminal: Terminal) -> None:
    """Close the master, as sshd does when the connection drops."""
    os.close(terminal.master)
    terminal.master = -1


def assert_ends_with_its_place_saved(terminal: Terminal, state_home: Path) -> None:
    try:
        terminal.process.wait(timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired as still_running:
        message = f"the reader still runs {ENDS_WITHIN}s after its terminal went away"
        raise AssertionError(message) from still_running
    state = json.loads((state_home / "genesis-tui" / "state.json").read_text(encoding="utf-8"))
    assert state["section"], state


def key_cases() -> list[object]:
    cases = []
    for name in KEYS:
        marks = [] if name in QUICK else [pytest.mark.slow]
        for n in range(TRIES):
            cases.append(pytest.param(name, id=f"{name}-{n}", marks=marks))
    return cases


@pytest.mark.parametrize("key", key_cases())
def test_terminal_closed_right_after_a_key(
    start: type[Terminal], state_home: Path, key: str
) -> None:
    """The terminal goes away as the key arrives: the reader ends, its place saved."""
    terminal = start()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press(KEYS[key])
    hang_up(terminal)
    assert_ends_with_its_place_saved(terminal, state_home)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08])
def test_terminal_closed_while_a_frame_is_written(
    start: type[Terminal], state_home: Path, delay: float
) -> None:
    """The terminal goes away while frames are on their way out (the view changes, which
    repaints the whole screen, and the window is resized)."""
    terminal = start()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("v", "3", "v")
    terminal.resize(120, 40)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        terminal.pump(0)
    hang_up(terminal)
    assert_ends_with_its_place_saved(terminal, state_home)


def waiting_on_a_lock(pid: int) -> bool:
    """Whether the process's main thread sleeps on a lock (a full queue's ``put``)."""
    try:
        return Path(f"/proc/{pid}/wchan").read_text().startswith("futex")
    except OSError:
        return False


def block_output(terminal: Terminal) -> None:
    """Stop reading what the reader writes, and make it write until it cannot go on: each v
    (the view changed) is a frame of several kilobytes, and a pty holds four. Done once the
    reader's main thread waits to hand the writer thread a frame (as /proc tells), or after
    200 frames where /proc does not tell."""
    terminal.wait_for(OVERVIEW_TEXT)
    for _ in range(200):
        terminal.press("v")
        time.sleep(0.05)  # a frame apart: keys that arrive together make one frame
        if waiting_on_a_lock(terminal.process.pid):
            time.sleep(0.2)
            if waiting_on_a_lock(terminal.process.pid):
                return


# 3 s a case, writing until the pty is full: slow (test_terminal_closed_right_after_a_key is
# the drop the README's command tries).
@pytest.mark.slow
@pytest.mark.parametrize(
    "how",
    [signal.SIGTERM, signal.SIGHUP, "close"],
    ids=lambda how: how if isinstance(how, str) else signal.Signals(how).name,
)
def test_output_blocked_then_stopped(
    start: type[Terminal], state_home: Path, how: int | str
) -> None:
    """Nobody reads the terminal (a stalled link): a stop signal, or the terminal closed, still
    ends the reader, its place saved."""
    terminal = start()
    block_output(terminal)
    if how == "close":
        hang_up(terminal)
    else:
        assert isinstance(how, int)
        terminal.signal(how)
    assert_ends_with_its_place_saved(terminal, state_home)
