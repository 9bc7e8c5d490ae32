"""genesis-tui with what Textual writes recorded: for ``bench_wire.py``'s measure of the wire
stage's cost, which must be fed Textual's own frames (not the stage's output, nor the SGR
minimizer's).

Run as ``python benchmarks/record_frames.py OUT [genesis-tui's arguments]``: every write that
reaches the stage is kept with its time, and written to OUT (a pickle) when the reader ends.
"""

from __future__ import annotations

import atexit
import pickle
import sys
import time

from genesis_tui.terminal import wire

_writes: list[tuple[float, str]] = []
_feed = wire.WireStage.feed


def _recorded(stage: wire.WireStage, data: str) -> str:
    _writes.append((time.time(), data))
    return _feed(stage, data)


def _save(path: str) -> None:
    with open(path, "wb") as file:
        pickle.dump(_writes, file)


if __name__ == "__main__":
    wire.WireStage.feed = _recorded  # type: ignore[assignment]
    atexit.register(_save, sys.argv[1])
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    from genesis_tui.cli.main import main

    raise SystemExit(main())
