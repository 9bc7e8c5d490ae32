"""Run a command behind a slow link: its output reaches this terminal at 64 kbit/s (or the rate
given), as over a congested SSH connection; keys go to it at once. For trying the reader by hand,
in tmux for example: ``python benchmarks/slow_link.py [--bps 64000] -- genesis-tui``.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import sys
import termios
import time
import tty


def _copy_size(source: int, target: int) -> None:
    size = fcntl.ioctl(source, termios.TIOCGWINSZ, b"\0" * 8)
    fcntl.ioctl(target, termios.TIOCSWINSZ, size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bps", type=int, default=64_000, help="bits per second")
    parser.add_argument("command", nargs="+")
    options = parser.parse_args()
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(options.command[0], options.command)
    _copy_size(sys.stdin.fileno(), master)
    signal.signal(signal.SIGWINCH, lambda *_: _copy_size(sys.stdin.fileno(), master))
    saved = termios.tcgetattr(sys.stdin.fileno())
    tty.setraw(sys.stdin.fileno())
    pending = b""
    budget, last = 0.0, time.monotonic()
    rate = options.bps / 8  # bytes per second
    try:
        while True:
            now = time.monotonic()
            budget = min(budget + (now - last) * rate, rate / 50)  # bursts of 20 ms at most
            last = now
            if pending and budget >= 1:
                count = int(min(budget, len(pending)))
                os.write(sys.stdout.fileno(), pending[:count])
                pending, budget = pending[count:], budget - count
            try:
                ready = select.select([sys.stdin, master], [], [], 0.005)[0]
            except InterruptedError:
                continue
            if sys.stdin in ready:
                os.write(master, os.read(sys.stdin.fileno(), 1024))
            if master in ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    data = b""
                if not data:
                    break
                pending += data
        os.write(sys.stdout.fileno(), pending)
    finally:
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, saved)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


if __name__ == "__main__":
    raise SystemExit(main())
