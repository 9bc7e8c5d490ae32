"""Benchmark the line breaker: the whole article at 100 widths, then time against length.

Run by hand: ``python benchmarks/bench_linebreak.py [--rounds N] [--lengths 10000,100000,...]``.

1. The article: every block, both languages, at 100 widths; the median of several rounds, cold
   (caches cleared) and warm (cached per width, as the reader re-uses them on scroll and section
   switches), beside a baseline measured in the same run: Rich's own wrapping (``Text.wrap``) of
   the same texts at the same widths, which knows nothing of Japanese.
2. Time against length: one paragraph of 10k, 100k, 300k and 1M characters (the article's
   Japanese or English repeated) broken at 80 cells, by each layer that breaks lines (the breaker
   alone, with glossary terms kept whole, the reader's page, the text export, which breaks it
   twice: as the title and as a block), beside Rich's
   ``Text.wrap`` and ``textwrap.wrap`` on English of the same length. Each figure is the time per
   character: a row that stays flat from 10k to 1M grows linearly. The last column is that growth
   as one number, (time at the longest / time at the shortest) / (longest / shortest): 1.0 is
   linear, 100 would be quadratic over 10k..1M.

Times are the process's CPU time (``time.process_time``), not the wall clock: these machines are
shared, and another process's work would otherwise be counted as ours.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import textwrap
import time
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from genesis_tui.content.edition import Edition, index_content
from genesis_tui.content.load import load_content
from genesis_tui.content.model import Pair
from genesis_tui.export.plain_text import to_text
from genesis_tui.pages.article import section_page
from genesis_tui.storage.paths import content_dir
from genesis_tui.text import phrases, typesetting

WIDTHS = range(21, 121)
LINE = 80
"""The width of the time-against-length runs."""

Timed = tuple[Callable[[], object], Callable[[], None]]
"""What to time, and what to do before each round of it."""


def _texts(content: Edition) -> list[str]:
    return [getattr(block, lang) for _, block in content.article.blocks() for lang in ("ja", "en")]


def _clear_caches() -> None:
    typesetting.clear_caches()
    section_page.cache_clear()


def _median(
    rounds: int, run: Callable[[], object], before: Callable[[], None] = _clear_caches
) -> float:
    times = []
    for _ in range(rounds):
        before()
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _article(content: Edition, rounds: int) -> None:
    texts = _texts(content)
    console = Console(width=200, file=open("/dev/null", "w"))  # noqa: SIM115

    def ours() -> None:
        for width in WIDTHS:
            for text in texts:
                typesetting.line_spans(text, width)

    def rich() -> None:
        for width in WIDTHS:
            for text in texts:
                Text(text).wrap(console, width)

    baseline = _median(rounds, rich, before=lambda: None)
    cold = _median(rounds, ours)
    ours()
    warm = _median(rounds, ours, before=lambda: None)
    lines = len(texts) * len(WIDTHS)
    print(f"{len(texts)} texts x {len(WIDTHS)} widths = {lines} breaks, median of {rounds}")
    print(f"rich Text.wrap (baseline)  {baseline * 1000:8.1f} ms")
    print(f"genesis-tui, cold          {cold * 1000:8.1f} ms   {cold / baseline:5.2f} x baseline")
    print(f"genesis-tui, warm (cached) {warm * 1000:8.1f} ms   {warm / baseline:5.3f} x baseline")
    print(f"per text and width, cold   {cold / lines * 1e6:8.1f} us")


def _repeat(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length]


def _with_long_text(content: Edition, text: str) -> tuple[Edition, str, str]:
    """``content`` with ``text`` as the title and as the first block of the shortest section;
    that section's id and the block's id."""
    article = content.article
    section = min(article.sections, key=lambda s: sum(len(b.ja) for b in s.blocks))
    block = dataclasses.replace(section.blocks[0], ja=text)
    section = dataclasses.replace(section, blocks=(block, *section.blocks[1:]))
    sections = tuple(section if s.id == section.id else s for s in article.sections)
    article = dataclasses.replace(
        article, title=Pair(ja=text, en=article.title.en), sections=sections
    )
    changed = index_content(content.directory, article, content.glossary, content.timeline)
    return changed, section.id, block.id


def _cases(content: Edition) -> dict[str, Callable[[int], Timed]]:
    """Each row: given a length, the run to time and what to do before each round."""
    ja = "".join(block.ja for _, block in content.article.blocks())
    en = " ".join(block.en for _, block in content.article.blocks())
    console = Console(width=200, file=open("/dev/null", "w"))  # noqa: SIM115

    def cold_ja(length: int) -> Timed:
        text = _repeat(ja, length)
        return lambda: typesetting.line_spans(text, LINE), _clear_caches

    def breaking_only(length: int) -> Timed:
        text = _repeat(ja, length)
        starts = phrases.phrase_starts(text)

        def before() -> None:
            _clear_caches()
            phrases.preload_phrases({text: sorted(starts)})

        return lambda: typesetting.line_spans(text, LINE), before

    def with_terms(length: int) -> Timed:
        text = _repeat(ja, length)
        starts = phrases.phrase_starts(text)
        terms = content.matcher.find(text)

        def before() -> None:
            _clear_caches()
            phrases.preload_phrases({text: sorted(starts)})

        return lambda: typesetting.line_spans(text, LINE, terms), before

    def reader_page(length: int) -> Timed:
        changed, section_id, _ = _with_long_text(content, _repeat(ja, length))
        return lambda: section_page(changed, section_id, "ja", False, LINE), _clear_caches

    def text_export(length: int) -> Timed:
        changed, section_id, _ = _with_long_text(content, _repeat(ja, length))
        return lambda: to_text(changed, "ja", LINE, section_id), _clear_caches

    def cold_en(length: int) -> Timed:
        text = _repeat(en, length)
        return lambda: typesetting.line_spans(text, LINE), _clear_caches

    def rich(length: int) -> Timed:
        text = _repeat(en, length)
        return lambda: Text(text).wrap(console, LINE), lambda: None

    def plain(length: int) -> Timed:
        text = _repeat(en, length)
        return lambda: textwrap.wrap(text, LINE), lambda: None

    return {
        "ja: BudouX + breaking": cold_ja,
        "ja: breaking (phrases known)": breaking_only,
        "ja: + glossary terms whole": with_terms,
        "ja: reader page (block)": reader_page,
        "ja: text export (title+block)": text_export,
        "en: genesis-tui": cold_en,
        "en: rich Text.wrap (baseline)": rich,
        "en: textwrap.wrap (baseline)": plain,
    }


def _scaling(content: Edition, lengths: list[int], rounds: int) -> None:
    print(f"\ntime per character at {LINE} cells, microseconds (median of {rounds})")
    heads = "".join(f"{f'{n // 1000}k' if n < 10**6 else f'{n / 10**6:g}M':>9}" for n in lengths)
    print(f"{'':32}{heads}{'growth':>9}{'longest':>10}")
    for name, case in _cases(content).items():
        seconds = []
        for length in lengths:
            run, before = case(length)
            seconds.append(_median(rounds, run, before))
        per_char = [s / n * 1e6 for s, n in zip(seconds, lengths, strict=True)]
        growth = (seconds[-1] / seconds[0]) / (lengths[-1] / lengths[0])
        figures = "".join(f"{value:9.2f}" for value in per_char)
        print(f"{name:32}{figures}{growth:9.2f}{seconds[-1]:9.2f}s", flush=True)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lengths", default="10000,100000,300000,1000000")
    parser.add_argument("--skip-article", action="store_true")
    args = parser.parse_args()
    content = load_content(content_dir())
    if not args.skip_article:
        _article(content, max(args.rounds, 5))
    _scaling(content, [int(n) for n in args.lengths.split(",")], args.rounds)


if __name__ == "__main__":
    main()
