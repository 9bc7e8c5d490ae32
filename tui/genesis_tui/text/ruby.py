"""Furigana in the terminal: a line of readings drawn above each line of Japanese.

Each reading is centred over its base; where a reading is wider than its base, the base is
spaced out (1:2:...:2:1, as JIS X 4051 spaces a base under a longer reading). For the line
breaker, a base with its reading is a unit as wide as the wider of the two, so no line is wider
than the width, and kinsoku and phrase rules still hold.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from rich.cells import get_character_cell_size

from genesis_tui.text.typesetting import cells, line_spans
from genesis_tui.text.units import Spanned, Unit

_DIGITS = re.compile("[0-9０-９]+")

RubySpan = tuple[int, int, str]
"""A reading: ``(start, end, reading)`` says ``text[start:end]`` (the base) reads ``reading``."""


class RubyLine(NamedTuple):
    """One line of text with its readings drawn above it, both exactly the same width."""

    ruby: str
    """The readings, each centred over its base; spaces elsewhere."""
    base: str
    """The line's text, each base spaced out where its reading is wider."""
    columns: tuple[int, ...]
    """The column of ``base`` where each character of the line's text begins."""


def _clean_ruby(text: str, ruby: Iterable[RubySpan]) -> list[RubySpan]:
    """Readings in order, without empty ones nor ones whose base overlaps an earlier base."""
    kept: list[RubySpan] = []
    for start, end, reading in sorted(ruby):
        start, end = max(0, start), min(len(text), end)
        if end > start and reading and not (kept and start < kept[-1][1]):
            kept.append((start, end, reading))
    return kept


def _shares(length: int, reading: str) -> list[str]:
    """``reading`` cut into one share per character of a base ``length`` long: drawn when a
    base has to be broken across lines (its reading is wider than the line)."""
    size = len(reading)
    return [reading[k * size // length : (k + 1) * size // length] for k in range(length)]


def _groups(base: str) -> list[tuple[int, int]]:
    """The parts of a base that a wider reading spaces apart: each character alone, but a run
    of digits with the character after it (its counter: 24日, 2025年) is one part, as group
    ruby: "2    4   日" reads as two numbers."""
    groups: list[tuple[int, int]] = []
    start = 0
    while start < len(base):
        digits = _DIGITS.match(base, start)
        end = start + 1 if digits is None else min(len(base), digits.end() + 1)
        groups.append((start, end))
        start = end
    return groups


def _parts(base: str, reading: str) -> list[tuple[int, int, str]]:
    """The base's groups, each with its share of the reading."""
    groups = _groups(base)
    shares = _shares(len(groups), reading)
    return [(start, end, share) for (start, end), share in zip(groups, shares, strict=True)]


def ruby_units(text: str, ruby: Iterable[RubySpan]) -> tuple[Unit, ...]:
    """The units that make room for readings: for each base, one unit as wide as the wider of
    the base and its reading; inside it, for a line too narrow for that, one per group (a
    character, or a number with its counter) as wide as the wider of the group and its share
    of the reading, and inside a group of several characters one per character likewise."""
    units: list[Unit] = []
    for start, end, reading in _clean_ruby(text, ruby):
        base = text[start:end]
        units.append(Unit(start, end, max(cells(base), cells(reading))))
        parts = _parts(base, reading)
        for low, high, share in parts:
            if len(parts) > 1:
                units.append(
                    Unit(start + low, start + high, max(cells(base[low:high]), cells(share)))
                )
            if high - low > 1:
                for index, piece in enumerate(_shares(high - low, share)):
                    wider = max(cells(base[low + index]), cells(piece))
                    units.append(Unit(start + low + index, start + low + index + 1, wider))
    return tuple(units)


def _line_parts(
    text: str, base_start: int, base_end: int, reading: str, low: int, high: int
) -> tuple[list[str], str]:
    """What of a base stands on the line ``text[low:high]``: its groups there (of a group the
    line cuts, the part on the line) and the reading over them (their shares)."""
    base = text[base_start:base_end]
    if (low, high) == (base_start, base_end):
        return [base[start:end] for start, end in _groups(base)], reading
    groups: list[str] = []
    shown: list[str] = []
    for start, end, share in _parts(base, reading):
        start, end = base_start + start, base_start + end
        if low <= start and end <= high:
            groups.append(text[start:end])
            shown.append(share)
            continue
        # Cut by the line: what stands on it is still one group, its characters' shares over it.
        pieces = _shares(end - start, share)
        first, last = max(start, low), min(end, high)
        if first < last:
            groups.append(text[first:last])
            shown.append("".join(pieces[first - start : last - start]))
    return groups, "".join(shown)


def _spread(extra: int, count: int) -> list[int]:
    """Spaces before each of ``count`` characters and after the last, ``extra`` in all, in the
    proportion 1:2:...:2:1 (JIS X 4051's spacing of a base under a longer reading)."""
    total = 2 * count
    marks = [0, *range(1, total, 2), total]  # cumulative weights at each gap's end
    return [extra * b // total - extra * a // total for a, b in pairwise(marks)]


def _draw(
    text: str, start: int, end: int, ruby: Sequence[RubySpan], ends: Sequence[int]
) -> RubyLine:
    top: list[str] = []
    bottom: list[str] = []
    columns: list[int] = []
    column = 0

    def plain(upto: int) -> None:
        nonlocal column
        for char in text[position:upto]:
            size = get_character_cell_size(char)
            top.append(" " * size)
            bottom.append(char)
            columns.append(column)
            column += size

    position = start
    index = bisect_right(ends, start)  # the first base that ends after the line starts
    while index < len(ruby) and ruby[index][0] < end:
        base_start, base_end, reading = ruby[index]
        index += 1
        low, high = max(base_start, start), min(base_end, end)
        plain(low)
        groups, reading = _line_parts(text, base_start, base_end, reading, low, high)
        base = text[low:high]
        wide = max(cells(base), cells(reading))
        gaps = _spread(wide - cells(base), len(groups))
        left = (wide - cells(reading)) // 2
        top.append(" " * left + reading + " " * (wide - cells(reading) - left))
        offset = column
        for group, gap in zip(groups, gaps, strict=False):
            offset += gap
            bottom.append(" " * gap + group)
            for char in group:
                columns.append(offset)
                offset += get_character_cell_size(char)
        bottom.append(" " * gaps[-1])
        column += wide
        position = high
    plain(end)
    return RubyLine("".join(top), "".join(bottom), tuple(columns))


def ruby_line(text: str, start: int, end: int, ruby: Iterable[RubySpan]) -> RubyLine:
    """The line ``text[start:end]`` (one of ``line_spans``'s) with the readings ``ruby`` of
    ``text`` drawn above it. Its width is no more than the line breaker counted for it when
    given ``ruby_units(text, ruby)``."""
    cleaned = _clean_ruby(text, ruby)
    return _draw(text, start, end, cleaned, [base_end for _, base_end, _ in cleaned])


def ruby_lines(
    text: str, width: int, ruby: Iterable[RubySpan], units: Iterable[Spanned] = ()
) -> list[RubyLine]:
    """``text`` broken into lines no wider than ``width`` cells with its readings above them:
    each base kept whole with its reading where the two fit on a line, and ``units`` too."""
    cleaned = _clean_ruby(text, ruby)
    ends = [base_end for _, base_end, _ in cleaned]
    spans = line_spans(text, width, (*units, *ruby_units(text, cleaned)))
    return [_draw(text, start, end, cleaned, ends) for start, end in spans]
