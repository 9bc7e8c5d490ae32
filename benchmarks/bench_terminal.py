"""Benchmark genesis-tui in a real pseudo-terminal (pty + pyte) at 100x30, beside baselines
measured in the same run:

- time to first paint, against the smallest Textual app (header, footer, one Static);
- section-switch latency, against a naive two-pane reader that remounts its Statics;
- bytes written per section switch (every byte from the key until the screen has been quiet for
  a quarter of a second, as a user's link carries them) and per page down;
- peak RSS, against the smallest Textual app.

Run by hand (not a test): ``python benchmarks/bench_terminal.py [--rounds N]``. Figures are
medians of paired runs, each program started alternately, so a noisy machine weighs on both.
genesis-tui is byte-compiled first, as an installed package is (Textual's modules are).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.terminal import Terminal  # noqa: E402

SIZE = (100, 30)
QUIET = 0.25
"""Seconds without output after which a repaint is taken as finished."""


@dataclass
class Figures:
    """What one program measured over the rounds."""

    first_paint: list[float] = field(default_factory=list)
    switch: list[float] = field(default_factory=list)
    switch_bytes: list[int] = field(default_factory=list)
    page_bytes: list[int] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)


def _start(args: list[str], env: dict[str, str]) -> tuple[Terminal, float]:
    start = time.perf_counter()
    terminal = Terminal(args, size=SIZE, env=env)
    return terminal, start


def _wait(terminal: Terminal, needle: str, timeout: float = 30.0) -> float:
    deadline = time.perf_counter() + timeout
    while needle not in terminal.text():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{needle!r} never appeared:\n{terminal.text()}")
        terminal.pump(0.001)
    return time.perf_counter()


SWITCHES = ("2", "3", "4", "1")
"""The keys of one round of section switches: every section shown in turn, back to the first."""


def _needles() -> dict[str, str]:
    """Per section key, the start of the section's first block (on screen when the section is
    shown), long enough to be found in no other section."""
    from genesis_tui.content.load import load_content
    from genesis_tui.storage.paths import content_dir

    sections = load_content(content_dir(), validate=False).article.sections
    texts = ["".join([*(b.ja for b in s.blocks), *(p.ja for p in s.key_points)]) for s in sections]
    needles = {}
    for number, section in enumerate(sections):
        others = [text for index, text in enumerate(texts) if index != number]
        length = 6
        while any(section.blocks[0].ja[:length] in text for text in others):
            length += 1
        needles[str(number + 1)] = section.blocks[0].ja[:length]
    return needles


def _switch(terminal: Terminal, figures: Figures, key: str, needle: str) -> None:
    """Press ``key``; the time until ``needle`` is on screen and every byte sent for it."""
    before = len(terminal.output)
    begin = time.perf_counter()
    terminal.press(key)
    figures.switch.append(_wait(terminal, needle) - begin)
    _settle(terminal)
    figures.switch_bytes.append(len(terminal.output) - before)


def _settle(terminal: Terminal) -> int:
    """Read until the program is quiet; the number of bytes read."""
    before = len(terminal.output)
    last = time.perf_counter()
    while time.perf_counter() - last < QUIET:
        size = len(terminal.output)
        terminal.pump(0.01)
        if len(terminal.output) != size:
            last = time.perf_counter()
    return len(terminal.output) - before


def _peak_rss(terminal: Terminal) -> int:
    status = Path(f"/proc/{terminal.process.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1])


def _quit(terminal: Terminal) -> None:
    terminal.press("q")
    terminal.wait_exit()
    terminal.close()


def measure_minimal(figures: Figures, env: dict[str, str]) -> None:
    """The smallest Textual app: first paint and peak RSS."""
    terminal, start = _start([sys.executable, str(HERE / "minimal_app.py")], env)
    figures.first_paint.append(_wait(terminal, "Hello from the smallest") - start)
    _settle(terminal)
    figures.rss_kib.append(_peak_rss(terminal))
    _quit(terminal)


def measure_naive(figures: Figures, env: dict[str, str], switches: int) -> None:
    """The naive reader: section-switch latency and bytes."""
    needles = _needles()
    terminal, start = _start([sys.executable, str(HERE / "naive_reader.py")], env)
    figures.first_paint.append(_wait(terminal, needles["1"]) - start)
    _settle(terminal)
    for _ in range(switches):
        for key in SWITCHES:
            _switch(terminal, figures, key, needles[key])
    _quit(terminal)


def measure_genesis(figures: Figures, env: dict[str, str], switches: int) -> None:
    """genesis-tui: every figure."""
    args = [sys.executable, "-m", "genesis_tui", "--section", "overview", "--lang", "both"]
    # A fresh state directory each time: every run starts at the top of the overview.
    env = {**env, "XDG_STATE_HOME": tempfile.mkdtemp(prefix="genesis-bench-")}
    needles = _needles()
    terminal, start = _start(args, env)
    figures.first_paint.append(_wait(terminal, needles["1"]) - start)
    _settle(terminal)
    for _ in range(switches):
        for key in SWITCHES:
            _switch(terminal, figures, key, needles[key])
    for _ in range(3):
        terminal.press(" ")
        figures.page_bytes.append(_settle(terminal))
    figures.rss_kib.append(_peak_rss(terminal))
    _quit(terminal)


def _median(values: list[float] | list[int]) -> float:
    return float(statistics.median(values))


def main() -> None:
    """Run the rounds and print the figures (stopping every program, even on an error)."""
    try:
        _main()
    finally:
        for terminal in Terminal.started:
            terminal.close()


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--switches", type=int, default=3, help="rounds of switches through every section"
    )
    options = parser.parse_args()

    # Byte-compile genesis-tui first, as pip does when it installs a package: Textual's
    # modules in site-packages are compiled, and an editable checkout under
    # PYTHONDONTWRITEBYTECODE (as here) would otherwise be compiled again at every start.
    compileall.compile_dir(HERE.parent / "tui" / "genesis_tui", quiet=1)

    state = tempfile.mkdtemp(prefix="genesis-bench-")
    env = {"XDG_STATE_HOME": state, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env.pop("NO_COLOR", None)
    os.environ.pop("NO_COLOR", None)
    genesis, minimal, naive = Figures(), Figures(), Figures()
    for _ in range(options.rounds):
        measure_minimal(minimal, env)
        measure_genesis(genesis, env, options.switches)
        measure_naive(naive, env, options.switches)

    cells = SIZE[0] * SIZE[1]
    fp_g, fp_m = _median(genesis.first_paint), _median(minimal.first_paint)
    sw_g, sw_n = _median(genesis.switch), _median(naive.switch)
    rss_g, rss_m = _median(genesis.rss_kib), _median(minimal.rss_kib)
    switch_bytes, page_bytes = _median(genesis.switch_bytes), _median(genesis.page_bytes)
    print(f"genesis-tui benchmark at {SIZE[0]}x{SIZE[1]}, medians of {options.rounds} rounds")
    print(
        f"first paint     {fp_g * 1000:7.0f} ms   smallest Textual app {fp_m * 1000:7.0f} ms"
        f"   ratio {fp_g / fp_m:.2f}"
    )
    print(
        f"section switch  {sw_g * 1000:7.1f} ms   naive reader         {sw_n * 1000:7.1f} ms"
        f"   ratio {sw_g / sw_n:.2f}"
    )
    print(
        f"bytes/switch    {switch_bytes:7.0f}      {switch_bytes / cells:.2f} bytes per cell"
        f"   (naive reader {_median(naive.switch_bytes):.0f})"
    )
    print(f"bytes/page down {page_bytes:7.0f}      {page_bytes / cells:.2f} bytes per cell")
    print(
        f"peak RSS        {rss_g / 1024:7.1f} MiB  smallest Textual app {rss_m / 1024:7.1f} MiB"
        f"   ratio {rss_g / rss_m:.2f}"
    )


if __name__ == "__main__":
    main()
