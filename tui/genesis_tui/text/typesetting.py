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

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size

from genesis_tui.text import breaks, phrases
from genesis_tui.text.breaks import (
    FORCED,
    NO_LINE_END,
    PHRASE,
    SEPARATOR,
    SEPARATORS,
    break_kinds,
    kinsoku_forbids,
)
from genesis_tui.text.units import Spanned, Unit, as_units, forest, reach


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (East Asian Wide and Fullwidth count 2)."""
    return cell_len(text)


def clipped(text: str, width: int) -> str:
    """``text`` whole if it fits in ``width`` cells, else its start and "..." in ``width`` cells
    (ASCII dots: the ellipsis character is ambiguous-width): for echoing what was typed."""
    if cells(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = cells(char)
        if used + size > width - 3:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "..."


_CLOSING = frozenset(")]}）］｝〕〉》」』】〙〗〟’”｠»")
"""The brackets and quotes that close what ``NO_LINE_END`` opens."""
_BEFORE_DOTS = " \t\u3000、，," + "".join(sorted(SEPARATORS))
"""What ``shortened`` leaves out before its dots: spaces, commas, a compound's joiners."""


def shortened(text: str, width: int) -> str:
    """``text`` whole if it fits in ``width`` cells, else cut where a line would best break
    (between words, between Japanese phrases, after a compound's joiner) with "..." after it,
    in ``width`` cells: "Japan becomes...", "日本、米国...", not "Japan becomes t..." nor
    "日本、米国「ジェネシス..." (a bracket opened is closed before the cut, and a cut may come
    right after one closed). A comma or a compound's joiner left before the dots goes. Cut
    anywhere (``clipped``) only where not even the first word or phrase fits."""
    if cells(text) <= width:
        return text
    kinds = break_kinds(text)
    totals = _cell_sizes(text)[1]
    cut, depth = 0, 0
    for index in range(1, len(text)):
        if totals[index] > width - 3:
            break
        if text[index - 1] in NO_LINE_END:
            depth += 1
        elif text[index - 1] in _CLOSING and depth:
            depth -= 1
        after_closing = kinds[index] and text[index - 1] in _CLOSING
        if depth == 0 and (kinds[index] >= SEPARATOR or after_closing):
            cut = index
    head = text[:cut].rstrip(_BEFORE_DOTS)
    return f"{head}..." if head else clipped(text, width)


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
    return _line_spans(text, width, as_units(units))


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
        pending = forest(units, totals)
        while pending:
            node = pending.pop()
            if reach(base_kinds, base_sizes, node, width) <= width:
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
