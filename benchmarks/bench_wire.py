"""Bytes on the wire: genesis-tui against ``less`` on the same article, measured in one run.

For each size (80x24, 100x30, 200x50) and view (``en``, ``both``), genesis-tui runs in a pty
(pty + pyte) twice, with the wire stage (``genesis_tui.terminal.wire``) and without it
(``GENESIS_TUI_WIRE=off``: Textual's frames with the SGR minimizer, as before), and ``less``
shows the text export of the same view at the same width (``genesis-tui export --format txt``).
Every byte written from a key until the program has been quiet for a quarter of a second counts.

Moves: the first paint, ``j``, ``k``, ``pagedown`` (``space`` in less), a section switch
(``2``; against less's page), ``v`` (the view) and ``r`` (readings); then ``j`` and ``k`` with
the section list hidden (``s``, as a reader on a slow link may keep it). Printed: bytes, the ratio
to less, and the time the move takes on a 64 kbit/s link. Also: the stage's cost per frame,
feeding recorded frames of the reader through it (median, at 100x30).

Run by hand (not a test): ``python benchmarks/bench_wire.py [--sizes 100x30]``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.terminal import Terminal  # noqa: E402

QUIET = 0.25
LINK = 64_000
"""Bits per second of the slow link the times are given for."""
MOVES: tuple[tuple[str, str, int], ...] = (
    ("j", "j", 3),
    ("k", "k", 3),
    ("pagedown", "\x1b[6~", 1),
    ("switch", "2", 1),
    ("v", "v", 1),
    ("r", "r", 1),
)
"""Each move: its key, and how many presses its figure is the mean of (a line's cost depends on
the line: less scrolls a blank line in 10 bytes)."""
LESS_KEYS = {"j": "j", "k": "k", "pagedown": " ", "switch": " "}
"""less's key for each move (a switch is compared with less's page; less has no v or r)."""
ENV = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LESS": "", "LESSOPEN": ""}


def _settle(terminal: Terminal, first: float = 3.0) -> int:
    """Read until the program has been quiet for QUIET seconds (after waiting up to ``first``
    seconds for it to start writing); the bytes read."""
    before = len(terminal.output)
    deadline = time.perf_counter() + first
    while len(terminal.output) == before and time.perf_counter() < deadline:
        terminal.pump(0.01)
    last = time.perf_counter()
    while time.perf_counter() - last < QUIET:
        size = len(terminal.output)
        terminal.pump(0.01)
        if len(terminal.output) != size:
            last = time.perf_counter()
    return len(terminal.output) - before


def _presses(terminal: Terminal, key: str, times: int) -> int:
    """The mean bytes of ``times`` presses of ``key``."""
    total = 0
    for _ in range(times):
        terminal.press(key)
        total += _settle(terminal)
    return round(total / times)


HIDDEN = (("j, no list", "j", 3), ("k, no list", "k", 3))
"""``j`` and ``k`` again with the section list hidden (``s``), in a reader of their own started
at the same place: the list beside the page scrolls with it and is drawn again."""


def genesis(size: tuple[int, int], view: str, wire: bool) -> dict[str, int]:
    env = {**ENV, "XDG_STATE_HOME": tempfile.mkdtemp(prefix="genesis-wire-")}
    if not wire:
        env["GENESIS_TUI_WIRE"] = "off"
    figures = {}
    for moves in (MOVES, HIDDEN):
        terminal = Terminal.genesis("--section", "overview", "--lang", view, size=size, env=env)
        try:
            terminal.wait_for("Quit", timeout=60)  # the footer: the first screen is up
            first = len(terminal.output) + _settle(terminal)
            if moves is MOVES:
                figures["first paint"] = first
            else:
                terminal.press("s")
                _settle(terminal)
            for name, key, times in moves:
                figures[name] = _presses(terminal, key, times)
            if moves is HIDDEN:
                terminal.press("s")  # shown again: the next run starts with it (it is saved)
                _settle(terminal)
            terminal.press("q")
            terminal.wait_exit()
        finally:
            terminal.close()
    return figures


EXPORT = [sys.executable, "-m", "genesis_tui", "export", "--format", "txt"]


def less(size: tuple[int, int], view: str) -> dict[str, int]:
    text = subprocess.run(
        [*EXPORT, "--lang", view, "--width", str(size[0])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
        file.write(text)
    less_path = shutil.which("less") or "less"
    terminal = Terminal([less_path, file.name], size=size, env=ENV)
    try:
        figures = {"first paint": _settle(terminal, first=10.0)}
        for name, _key, times in MOVES:
            if name in LESS_KEYS:
                figures[name] = _presses(terminal, LESS_KEYS[name], times)
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
        os.unlink(file.name)
    return figures


def record(
    size: tuple[int, int], cache: str | None = None, view: str = "en"
) -> list[tuple[str, str, int]]:
    """What Textual wrote for each move (all its writes joined, as ``record_frames.py`` kept
    them), and how many writes that was: per move pressed, in order, the first paint first.
    Kept in (and taken from) ``cache`` when one is given, so that two versions of the stage can
    be fed the very same frames."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as file:
            kept: list[tuple[str, str, int]] = pickle.load(file)
        return kept
    state = tempfile.mkdtemp(prefix="genesis-wire-")
    frames = os.path.join(state, "frames.pickle")
    env = {**ENV, "XDG_STATE_HOME": state}
    recorder = [sys.executable, str(HERE / "record_frames.py"), frames]
    args = ["--section", "overview", "--lang", view]
    terminal = Terminal([*recorder, *args], size=size, env=env)
    presses: list[tuple[float, str]] = []
    try:
        terminal.wait_for("Quit", timeout=60)
        _settle(terminal)
        for name, key, times in MOVES:
            for _ in range(times):
                presses.append((time.time(), name))
                terminal.press(key)
                _settle(terminal)
        presses.append((time.time(), "quit"))
        terminal.press("q")
        terminal.wait_exit()
    finally:
        terminal.close()
    with open(frames, "rb") as file:
        writes: list[tuple[float, str]] = pickle.load(file)
    chunks: list[tuple[str, str, int]] = [("first paint", "", 0)]
    for stamp, data in writes:
        while presses and presses[0][0] <= stamp:
            chunks.append((presses.pop(0)[1], "", 0))
        name, text, count = chunks[-1]
        chunks[-1] = (name, text + data, count + 1)
    chunks = [chunk for chunk in chunks if chunk[0] != "quit"]
    if cache:
        with open(cache, "wb") as file:
            pickle.dump(chunks, file)
    return chunks


def frame_cost(
    size: tuple[int, int], cache: str | None = None, runs: int = 5
) -> dict[str, tuple[float, float]]:
    """Milliseconds of CPU the stage takes per move (all the frames Textual wrote for it), the
    least of ``runs`` runs: the machine's load left out as far as it can be; and the frames
    (writes) per move."""
    from genesis_tui.terminal.caps import XTERM
    from genesis_tui.terminal.wire import WireStage

    chunks = record(size, cache)
    best: dict[str, list[float]] = {}
    writes_per: dict[str, list[int]] = {}
    for name, _text, count in chunks:
        writes_per.setdefault(name, []).append(count)
    for _ in range(runs):
        stage = WireStage(XTERM, *size)
        seconds: dict[str, list[float]] = {}
        for name, text, _count in chunks:
            start = time.thread_time()
            stage.feed(text)
            seconds.setdefault(name, []).append(time.thread_time() - start)
        for name, spent in seconds.items():
            best[name] = [min(a, b) for a, b in zip(best.get(name, spent), spent, strict=True)]
    return {
        name: (1000 * sum(spent) / len(spent), sum(writes_per[name]) / len(spent))
        for name, spent in best.items()
    }


def _print_cost(size: tuple[int, int], cache: str | None, runs: int) -> None:
    costs = frame_cost(size, cache, runs)
    where = f"{size[0]}x{size[1]}, en (least of {runs}, mean of the presses)"
    print(f"\nstage CPU time per move at {where}:")
    for name, (milli, count) in costs.items():
        per_frame = f", {milli / count:.2f} ms a frame" if count else ""
        print(f"  {name:12} {milli:6.2f} ms in {count:.1f} frames{per_frame}")


def _kb(count: float) -> str:
    return f"{count / 1000:6.2f} kB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="80x24,100x30,200x50")
    parser.add_argument("--views", default="en,both")
    parser.add_argument(
        "--colours",
        choices=("truecolor", "256"),
        default="truecolor",
        help="COLORTERM=truecolor (as bench_terminal.py), or unset: 256 colours, as over SSH, "
        "which does not pass COLORTERM on by default",
    )
    parser.add_argument(
        "--cost-only",
        action="store_true",
        help="only the stage's CPU time (no bytes, no less)",
    )
    parser.add_argument("--cost-sizes", default="100x30", help="sizes to measure the CPU time at")
    parser.add_argument("--runs", type=int, default=5, help="runs the CPU time is the least of")
    parser.add_argument(
        "--frames",
        metavar="DIR",
        help="keep the recorded frames in DIR (and feed those, if there): to compare two "
        "versions of the stage on the same frames",
    )
    options = parser.parse_args()
    if options.colours == "256":
        del ENV["COLORTERM"]
        os.environ.pop("COLORTERM", None)
    sizes = [tuple(int(n) for n in size.split("x")) for size in options.sizes.split(",")]
    try:
        for size in [] if options.cost_only else sizes:
            for view in options.views.split(","):
                _report((size[0], size[1]), view)
        for text in options.cost_sizes.split(","):
            columns, rows = (int(n) for n in text.split("x"))
            cache = None
            if options.frames:
                os.makedirs(options.frames, exist_ok=True)
                cache = os.path.join(options.frames, f"{columns}x{rows}.pickle")
            _print_cost((columns, rows), cache, options.runs)
    finally:
        for terminal in Terminal.started:
            terminal.close()


def _report(size: tuple[int, int], view: str) -> None:
    after = genesis(size, view, wire=True)
    before = genesis(size, view, wire=False)
    baseline = less(size, view)
    colours = ENV.get("COLORTERM", "256 colours")
    print(f"\n{size[0]}x{size[1]}, view {view}, {colours}: genesis-tui (before -> after) vs less")
    print(f"{'move':12} {'before':>9} {'after':>9} {'less':>9}  ratio  at 64 kbit/s")
    for move, sent in after.items():
        theirs = baseline.get(move.split(",")[0])
        ratio = f"{sent / theirs:5.2f}" if theirs else "    -"
        seconds = sent * 8 / LINK
        print(
            f"{move:12} {_kb(before[move])} {_kb(sent)} "
            f"{_kb(theirs) if theirs else '        -'}  {ratio}  {seconds:5.2f} s"
        )


if __name__ == "__main__":
    main()
