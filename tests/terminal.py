"""A real pseudo-terminal for the tests that only a terminal can show (signals, TERM, resizes).

``Terminal`` runs genesis-tui in a pty, feeds what it writes to a pyte screen, and lets a test
type keys, resize the window and send signals.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping
from pathlib import Path

import pyte


class Screen(pyte.Screen):
    """pyte's screen with scroll up and scroll down (SU ``ESC[nS``, SD ``ESC[nT``), which
    xterm, tmux, VTE and kitty have (terminfo's ``indn`` and ``rin``) and pyte has not: they
    scroll the region and leave the cursor where it is."""

    def _region(self) -> tuple[int, int]:
        top, bottom = self.margins or (0, self.lines - 1)
        return top, bottom

    def scroll_up(self, count: int | None = None, *_: object, **__: object) -> None:
        x, y = self.cursor.x, self.cursor.y
        self.cursor.y = self._region()[1]
        for _line in range(count or 1):
            self.index()
        self.cursor.x, self.cursor.y = x, y

    def scroll_down(self, count: int | None = None, *_: object, **__: object) -> None:
        x, y = self.cursor.x, self.cursor.y
        self.cursor.y = self._region()[0]
        for _line in range(count or 1):
            self.reverse_index()
        self.cursor.x, self.cursor.y = x, y


SCROLLS = {"S": "scroll_up", "T": "scroll_down"}


class Stream(pyte.Stream):
    """A stream for ``Screen``: SU and SD too."""

    csi = {**pyte.Stream.csi, **SCROLLS}


class ByteStream(pyte.ByteStream):
    """A byte stream for ``Screen``: SU and SD too."""

    csi = {**pyte.ByteStream.csi, **SCROLLS}


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make standard input the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """genesis-tui (or any command) running in a pseudo-terminal of a given size."""

    started: list[Terminal] = []
    """Every terminal started, so that a harness can stop them all."""

    def __init__(
        self,
        args: list[str],
        *,
        size: tuple[int, int] = (100, 30),
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        controlling: bool = False,
    ) -> None:
        self.columns, self.lines = size
        self.screen: pyte.Screen = Screen(self.columns, self.lines)
        self.stream: pyte.ByteStream = ByteStream(self.screen)
        self.output = bytearray()
        master, slave = pty.openpty()
        self._set_size(slave)
        # The size is the pty's: COLUMNS and LINES would override it (shutil.get_terminal_size
        # reads them first), and pytest-xdist's workers have them set to 80x24.
        inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        environment = {**inherited, "TERM": "xterm-256color", **(env or {})}
        self.process = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=cwd,
            start_new_session=True,
            # As sshd and tmux do: the pty as the session's controlling terminal, so that
            # closing the master sends the program SIGHUP and hangs its terminal up.
            preexec_fn=_take_controlling_terminal if controlling else None,
        )
        os.close(slave)
        self.master = master
        Terminal.started.append(self)

    @classmethod
    def genesis(cls, *args: str, **kwargs: object) -> Terminal:
        """genesis-tui itself, run with this interpreter."""
        return cls([sys.executable, "-m", "genesis_tui", *args], **kwargs)  # type: ignore[arg-type]

    @classmethod
    def job_shell(cls, **kwargs: object) -> Terminal:
        """An interactive bash with job control, leading the terminal's session (as a login
        shell does): what it runs is a job in a process group of its own, which ctrl+z stops
        and ``fg`` brings back. Its prompt is ``$ ``; nothing of the user's rc files is read."""
        env = {"PS1": "$ ", "HISTFILE": "/dev/null", **kwargs.pop("env", {})}  # type: ignore[dict-item]
        shell = ["bash", "--norc", "--noprofile", "-i"]
        return cls(shell, env=env, controlling=True, **kwargs)  # type: ignore[arg-type]

    def foreground(self) -> int:
        """The terminal's foreground process group (the job a shell runs, or the shell)."""
        return os.tcgetpgrp(self.master)

    def _set_size(self, fd: int) -> None:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what the program wrote, if anything; False once it has closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.output += data
        self.stream.feed(data)
        return True

    def read_for(self, seconds: float) -> None:
        """Read what the program writes for this long (``pump`` returns at the first output)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.pump(max(0.0, deadline - time.monotonic())):
            pass

    def text(self) -> str:
        """The screen as plain text, one line per row (a wide character's stub cell is empty)."""
        buffer, columns = self.screen.buffer, self.screen.columns
        rows = (
            "".join(buffer[y][x].data for x in range(columns)) for y in range(self.screen.lines)
        )
        return "\n".join(rows)

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        """Read until ``needle`` is on the screen, or fail after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while needle not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} not on screen after {timeout}s:\n{self.text()}")
            if not self.pump(0.1) and needle not in self.text():
                raise AssertionError(
                    f"program closed the terminal before {needle!r}:\n{self.text()}"
                )

    def press(self, *keys: str) -> None:
        """Type keys (raw bytes as a terminal would send them)."""
        for key in keys:
            os.write(self.master, key.encode())

    def resize(self, columns: int, lines: int) -> None:
        """Resize the window, as a terminal emulator does: new size, then SIGWINCH."""
        self.columns, self.lines = columns, lines
        self.screen.resize(lines, columns)
        self._set_size(self.master)
        self.process.send_signal(signal.SIGWINCH)

    def signal(self, signum: int) -> None:
        """Send a signal to the program."""
        self.process.send_signal(signum)

    def wait_exit(self, timeout: float = 20.0) -> int:
        """Read until the program exits; its exit status."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError(f"still running after {timeout}s:\n{self.text()}")
            self.pump(0.1)
        while self.pump(0.05):
            pass
        return self.process.returncode

    def close(self) -> None:
        """Stop the program if it still runs, and release the terminal (once)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.master >= 0:
            os.close(self.master)
            self.master = -1
