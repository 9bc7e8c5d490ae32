"""Floods of input in a real terminal: far more keys than the reader can act on, sequences by
the hundred thousand, a paste that never ends. Afterwards the reader still answers ctrl+q, SIGHUP,
SIGTERM and its terminal closing, within seconds, with its place saved; and its memory stays
within a small multiple of its size at rest.

Each test runs genesis-tui in a pseudo-terminal (``tests/terminal.py``) that is its controlling
terminal, and writes the flood as fast as the reader takes it.
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

from genesis_tui.content.edition import Edition
from genesis_tui.ui.app import GenesisApp
from tests.terminal import Terminal

OVERVIEW_TEXT = "トランプ政権"
ENDS_WITHIN = 5.0
"""Seconds the reader may take to end after the flood (the issue's bound)."""
MEMORY_BOUND = 3
"""Peak memory, as a multiple of the memory at rest (the issue's bound)."""
COMMAND = [sys.executable, "-m", "genesis_tui"]

FLOODS = {
    "20,000 nines": b"9" * 20_000,  # each asks for a section that does not exist: a toast
    "256 KB of CSI digits": b"\x1b[1;2;3;4;5;6;7;8;9;0" * (256 * 1024 // 20),
    "an unterminated 1 MB paste": b"\x1b[200~" + b"a q z " * (1024 * 1024 // 6),
}
STOPS = {"ctrl+q": "\x11", "SIGHUP": signal.SIGHUP, "SIGTERM": signal.SIGTERM, "close": None}


@pytest.fixture
def state_home(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def terminal(state_home: Path) -> Iterator[Terminal]:
    env = {"XDG_STATE_HOME": str(state_home), "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
    started = Terminal(COMMAND, env=env, controlling=True)
    yield started
    started.close()


def memory_kib(pid: int, field: str) -> int:
    """A figure from /proc/PID/status (VmRSS now, VmHWM the peak), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"no {field} for {pid}")


def flood(terminal: Terminal, data: bytes) -> None:
    """Write ``data`` as fast as the reader reads it, reading what it writes meanwhile."""
    os.set_blocking(terminal.master, False)
    view = memoryview(data)
    deadline = time.monotonic() + 120
    try:
        while view:
            assert time.monotonic() < deadline, f"the reader stopped reading: {len(view)} left"
            try:
                view = view[os.write(terminal.master, view) :]
            except BlockingIOError:
                terminal.pump(0.01)
    finally:
        os.set_blocking(terminal.master, True)


def stop(terminal: Terminal, how: str) -> None:
    way = STOPS[how]
    if isinstance(way, str):
        terminal.press(way)
    elif way is None:
        os.close(terminal.master)
        terminal.master = -1
    else:
        terminal.signal(way)


def assert_ends_with_its_place_saved(terminal: Terminal, state_home: Path) -> None:
    deadline = time.monotonic() + ENDS_WITHIN
    while terminal.process.poll() is None and time.monotonic() < deadline:
        if terminal.master >= 0:
            terminal.pump(0.05)
        else:
            try:
                terminal.process.wait(timeout=deadline - time.monotonic())
            except subprocess.TimeoutExpired:
                break
    assert terminal.process.poll() is not None, f"still running {ENDS_WITHIN}s after the stop"
    state = json.loads((state_home / "genesis-tui" / "state.json").read_text(encoding="utf-8"))
    assert state["section"], state


def flood_cases() -> list[object]:
    return [pytest.param(name, how, id=f"{name}, then {how}") for name in FLOODS for how in STOPS]


@pytest.mark.slow  # a real reader in a terminal, 1.4 s of CPU a case
@pytest.mark.parametrize(("name", "how"), flood_cases())
def test_after_a_flood_the_reader_stops_when_told(
    terminal: Terminal, state_home: Path, name: str, how: str
) -> None:
    terminal.wait_for(OVERVIEW_TEXT)
    at_rest = memory_kib(terminal.process.pid, "VmRSS")
    flood(terminal, FLOODS[name])
    # A moment of quiet: a paste that never ends ends after half a second of it (a ctrl+q
    # typed into the paste itself is the paste's text).
    terminal.read_for(1.0)
    peak = memory_kib(terminal.process.pid, "VmHWM")
    assert peak < MEMORY_BOUND * at_rest, f"peak {peak} KiB, at rest {at_rest} KiB"
    stop(terminal, how)
    assert_ends_with_its_place_saved(terminal, state_home)


async def test_a_repeated_notification_is_shown_once(small_content: Edition) -> None:
    """Fifty presses of 9 (no such section) make one toast while it is up, not fifty."""
    app = GenesisApp(small_content)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.press("9")
        await pilot.pause()
        assert len(app._notifications) == 1
        await pilot.press("8")  # another message is another toast
        await pilot.pause()
        assert len(app._notifications) == 2
