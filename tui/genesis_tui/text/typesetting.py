"""Line breaking for Japanese and mixed Japanese/Latin text, measured in terminal cells.

Break opportunities come from BudouX phrases and from spaces. The rules of JIS X 4051 / W3C JLREQ
(kinsoku) then take away the breaks that would start a line with closing punctuation, a small
kana or a prolonged sound mark, or end one with an opening bracket, and those that would split
"……" or "――". Latin words and numbers (runs of narrow, non-space characters) and katakana words
stay whole where they can; a compound of them is broken after its nakaguro (・), slash or hyphen
rather than inside one of its words ("スーパーコンピューティング・" / "アジア(SCA)/" / "HPCアジア").

Each line is filled greedily with the best kind of break that fits: a phrase or space break if
any; else one after a compound's nakaguro, slash or hyphen; else a break between two characters
that kinsoku allows; else one at the punctuation inside a run of Latin characters; else one
inside a katakana word; else one inside a Latin word or number; and only when the width leaves
no other choice (a run of characters that may not start a line, wider than the line) a forced
break anywhere. Kinsoku is kept by
pushing characters to the next line (oidashi), never by hanging punctuation into the margin: no
line is ever wider than the width.

A caller may name *units*: spans never broken inside where they fit on a line (a glossary term,
a ruby base with its reading), each optionally wider than its text. A unit is kept whole when it
fits together with the characters kinsoku binds to it; otherwise it is broken by the rules above.
Every step is linear in the length of the text, for one width.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, Protocol

from rich.cells import cell_len, get_character_cell_size

from genesis_tui.text import breaks, phrases
from genesis_tui.text.breaks import (
    FORCED,
    PHRASE,
    SEPARATOR,
    break_kinds,
    kinsoku_forbids,
)


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (East Asian Wide and Fullwidth count 2)."""
    return cell_len(text)


def clear_caches() -> None:
    """Forget every analysis and layout made so far (for benchmarks that time a cold start)."""
    phrases.clear()
    breaks.clear()
    _cell_sizes.cache_clear()
    _line_spans.cache_clear()


@lru_cache(maxsize=4096)
def _cell_sizes(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Each character's width in cells, and the running totals (``totals[i]`` = cells before
    ``text[i]``)."""
    sizes = tuple(get_character_cell_size(char) for char in text)
    return sizes, tuple(accumulate(sizes, initial=0))


# ------------------------------------------------------------------ units
class Spanned(Protocol):
    """Anything with ``start`` and ``end`` offsets, such as ``Unit`` or a glossary ``Span``."""

    @property
    def start(self) -> int:
        """Offset of the first character."""

    @property
    def end(self) -> int:
        """Offset after the last character."""


class Unit(NamedTuple):
    """``text[start:end]``, never broken inside where it fits on a line.

    ``width`` is the cells it takes on a line when whole, if more than its text's (a ruby base
    spaced out under a wider reading); ``None`` means its text's own width. Units may nest.
    Where two cross, a unit without a width is widened to cover one with a width, two without
    are joined, and of two with widths the later is left out. Where a unit is too wide for the
    line it is broken by the usual rules, the units inside it still kept whole where they fit.
    """

    start: int
    end: int
    width: int | None = None


def _as_units(units: Iterable[Spanned]) -> tuple[Unit, ...]:
    """Units for any spans given, sorted, without duplicates and empty ones."""
    found = set()
    for unit in units:
        width = unit.width if isinstance(unit, Unit) else None
        if unit.end > unit.start:
            found.add(Unit(unit.start, unit.end, width))
    # A unit's text may also be a term (no width of its own): order by place, then width.
    return tuple(sorted(found, key=lambda unit: (unit.start, unit.end, unit.width or 0)))


class _Node:
    """A unit in the nesting forest, with its width when whole (many are made per paragraph:
    slotted)."""

    __slots__ = ("children", "end", "natural", "start", "whole", "width")

    def __init__(self, start: int, end: int, width: int | None) -> None:
        self.start = start
        self.end = end
        self.width = width
        self.children: list[_Node] = []
        self.whole = 0
        """Cells taken when kept on one line."""
        self.natural = 0
        """Cells of its characters and children, when it is not kept whole."""


def _forest(units: Sequence[Unit], totals: Sequence[int]) -> list[_Node]:
    """The units of one paragraph as a forest of properly nested nodes (see ``Unit``)."""
    # Units with a width keep their place; of two that cross, the later is dropped.
    sized: list[_Node] = []
    tops: list[_Node] = []
    open_: list[_Node] = []
    for unit in sorted((u for u in units if u.width is not None), key=lambda u: (u.start, -u.end)):
        while open_ and open_[-1].end <= unit.start:
            open_.pop()
        if open_ and unit.end > open_[-1].end:
            continue
        node = _Node(unit.start, unit.end, unit.width)
        if not open_:
            tops.append(node)
        sized.append(node)
        open_.append(node)
    # The others are widened to whole sized units where they cross one, then merged where they
    # overlap: they say only "keep together", which a union still honours.
    top_starts = [node.start for node in tops]

    def widen(offset: int, to_start: bool) -> int:
        index = bisect_right(top_starts, offset) - 1
        if index >= 0 and tops[index].start < offset < tops[index].end:
            return tops[index].start if to_start else tops[index].end
        return offset

    plain: list[_Node] = []
    for start, end in sorted(
        (widen(u.start, True), widen(u.end, False)) for u in units if u.width is None
    ):
        if plain and start < plain[-1].end:
            plain[-1].end = max(plain[-1].end, end)
        else:
            plain.append(_Node(start, end, None))
    # Nest: on equal spans the plain unit is the outer one.
    roots: list[_Node] = []
    open_ = []
    for node in sorted(plain + sized, key=lambda n: (n.start, -n.end, n.width is not None)):
        while open_ and open_[-1].end <= node.start:
            open_.pop()
        (open_[-1].children if open_ else roots).append(node)
        open_.append(node)
    for root in roots:
        _measure(root, totals)
    return roots


def _measure(node: _Node, totals: Sequence[int]) -> None:
    """Set ``whole`` on ``node`` and its descendants."""
    own = totals[node.end] - totals[node.start]
    natural = own
    for child in node.children:
        _measure(child, totals)
        natural += child.whole - (totals[child.end] - totals[child.start])
    node.natural = natural
    node.whole = max(node.width, own) if node.width is not None else natural


def _reach(kinds: Sequence[int], sizes: Sequence[int], node: _Node, width: int) -> int:
    """Cells of ``node`` with the characters kinsoku binds to it on either side (counted up to
    just past ``width``)."""
    used = node.whole
    start, end = node.start, node.end
    while start > 0 and kinds[start] in (0, FORCED) and used <= width:
        start -= 1
        used += sizes[start]
    while end < len(sizes) and kinds[end] in (0, FORCED) and used <= width:
        used += sizes[end]
        end += 1
    return used


# ------------------------------------------------------------------ breaking
def line_spans(text: str, width: int, units: Iterable[Spanned] = ()) -> tuple[tuple[int, int], ...]:
    """Break ``text`` into lines no wider than ``width`` cells, as (start, end) offsets.

    ``text[start:end]`` is each line's text with the spaces at the break left out. Newlines in
    ``text`` are hard breaks. An empty text gives one empty line. ``units`` (``Unit``s, or any
    spans with ``start`` and ``end``) are kept whole where they fit; a line's width counts each
    whole unit at its ``width``.
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    return _line_spans(text, width, _as_units(units))


@lru_cache(maxsize=8192)
def _line_spans(text: str, width: int, units: tuple[Unit, ...]) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    offset = 0
    first = 0  # units are sorted by start: each paragraph takes the ones that reach into it
    for paragraph in text.split("\n"):
        end = offset + len(paragraph)
        while first < len(units) and units[first].end <= offset:
            first += 1
        own = []
        index = first
        while index < len(units) and units[index].start < end:
            unit = units[index]
            start, stop = max(unit.start, offset), min(unit.end, end)
            # A unit cut by a newline is no longer whole: its width no longer applies.
            cut = (start, stop) != (unit.start, unit.end)
            # Spaces at a unit's ends are left out of it: a line may start after them.
            while start < stop and text[start].isspace():
                start += 1
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            if stop > start:
                own.append(Unit(start - offset, stop - offset, None if cut else unit.width))
            index += 1
        spans.extend((offset + s, offset + e) for s, e in _break_paragraph(paragraph, width, own))
        offset = end + 1
    return tuple(spans)


def _break_paragraph(text: str, width: int, units: Sequence[Unit]) -> list[tuple[int, int]]:
    base_kinds = break_kinds(text)
    base_sizes, totals = _cell_sizes(text)
    kinds: Sequence[int] = base_kinds
    sizes: Sequence[int] = base_sizes
    if units:
        # Each unit that fits is made one character as wide as the unit, with no break inside;
        # one that does not fit leaves its characters as they are, and its children are tried.
        kinds, sizes = list(base_kinds), list(base_sizes)
        pending = _forest(units, totals)
        while pending:
            node = pending.pop()
            if _reach(base_kinds, base_sizes, node, width) <= width:
                sizes[node.start : node.end] = [node.whole] + [0] * (node.end - node.start - 1)
                kinds[node.start + 1 : node.end] = [0] * (node.end - node.start - 1)
                # A phrase that runs on past a term kept whole gives way to it: where the two
                # cannot share a line, break at the term's end ("…科学分野|での"), not inside
                # the rest of the phrase.
                after = node.end
                if node.width is None and after < len(kinds) and FORCED < kinds[after] < SEPARATOR:
                    kinds[after] = SEPARATOR
            else:
                # Broken or not, a line that holds all of it must count its whole width.
                sizes[node.end - 1] += max(0, node.whole - node.natural)
                pending.extend(node.children)
    spans: list[tuple[int, int]] = []
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return [(0, 0)]
    while start < end:
        used = 0
        best = [0] * (PHRASE + 1)  # the furthest break of each kind that fits
        i = start
        while i < end:
            used += sizes[i]
            if used > width:
                break
            i += 1
            if i < end and kinds[i]:
                best[kinds[i]] = i
        else:
            spans.append((start, end))
            break
        stop = next((best[kind] for kind in range(PHRASE, 0, -1) if best[kind]), 0)
        if stop <= start:
            stop = max(i, start + 1)  # a character wider than the line: it still gets a line
        line_end = stop
        while line_end > start and text[line_end - 1].isspace():
            line_end -= 1
        spans.append((start, line_end))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return spans


def break_lines(text: str, width: int, units: Iterable[Spanned] = ()) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` cells (see the module's rules)."""
    return [text[start:end] for start, end in line_spans(text, width, units)]


def is_kinsoku_violation(previous: str, line: str) -> bool:
    """True when a break between ``previous`` and ``line`` breaks a kinsoku rule."""
    if not previous or not line:
        return False
    return kinsoku_forbids(previous[-1], line[0])
