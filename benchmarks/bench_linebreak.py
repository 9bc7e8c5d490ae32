"""Benchmark: break the whole article (every block, both languages) at 100 widths.

Run by hand: ``python benchmarks/bench_linebreak.py``. Reports the median of several rounds,
cold (caches cleared) and warm (cached per width, as the reader re-uses them on scroll and
section switches), beside a baseline measured in the same run: Rich's own wrapping
(``Text.wrap``) of the same texts at the same widths, which knows nothing of Japanese.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from genesis_tui import typesetting
from genesis_tui.loader import load_content
from genesis_tui.paths import content_dir

WIDTHS = range(21, 121)
ROUNDS = 7


def _texts() -> list[str]:
    content = load_content(content_dir())
    return [getattr(block, lang) for _, block in content.article.blocks() for lang in ("ja", "en")]


def _clear_caches() -> None:
    typesetting.line_spans.cache_clear()
    typesetting.break_kinds.cache_clear()
    typesetting._PHRASES.clear()


def _ours(texts: list[str]) -> None:
    for width in WIDTHS:
        for text in texts:
            typesetting.line_spans(text, width)


def _rich(texts: list[str], console: Console) -> None:
    for width in WIDTHS:
        for text in texts:
            Text(text).wrap(console, width)


def _median(run: Callable[[], None], before: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(ROUNDS):
        before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the figures."""
    texts = _texts()
    console = Console(width=200, file=open("/dev/null", "w"))  # noqa: SIM115
    rich = _median(lambda: _rich(texts, console))
    cold = _median(lambda: _ours(texts), before=_clear_caches)
    _ours(texts)
    warm = _median(lambda: _ours(texts))
    lines = len(texts) * len(WIDTHS)
    print(f"{len(texts)} texts x {len(WIDTHS)} widths = {lines} breaks, median of {ROUNDS}")
    print(f"rich Text.wrap (baseline)  {rich * 1000:8.1f} ms")
    print(f"genesis-tui, cold          {cold * 1000:8.1f} ms   {cold / rich:5.2f} x baseline")
    print(f"genesis-tui, warm (cached) {warm * 1000:8.1f} ms   {warm / rich:5.3f} x baseline")
    print(f"per text and width, cold   {cold / lines * 1e6:8.1f} us")


if __name__ == "__main__":
    main()
