"""Line breaking for Japanese and mixed Japanese/Latin text, measured in terminal cells.

Break opportunities come from BudouX phrases and from spaces. The rules of JIS X 4051 / W3C JLREQ
(kinsoku) then take away the breaks that would start a line with closing punctuation, a small
kana or a prolonged sound mark, or end one with an opening bracket, and those that would split
"……" or "――". Latin words and numbers (runs of narrow, non-space characters) stay whole.

Each line is filled greedily with the best kind of break that fits: a phrase or space break if
any; else a break between two characters that kinsoku allows; else one inside a run of Latin
characters (at its punctuation rather than inside a word); and only when the width leaves no
other choice (a run of characters that may not start a line, wider than the line) a forced break
anywhere. Kinsoku is kept by pushing characters to the next line
(oidashi), never by hanging punctuation into the margin: no line is ever wider than the width.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size

if TYPE_CHECKING:
    from budoux import Parser

NO_LINE_START = frozenset(
    ")]}）］｝〕〉》」』】〙〗〟’”｠»"
    "、。，．・：；？！,.:;?!‼⁇⁈⁉"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ーｰ々ゝゞヽヾ〻‐〜゠–～"
)
"""Characters that may not begin a line."""

NO_LINE_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")
"""Characters that may not end a line."""

INSEPARABLE = frozenset("…‥―—")
"""Characters that may not be split from a neighbour of the same kind (…… and ――)."""

FORCED, WORD, NARROW, CHAR, PHRASE = 1, 2, 3, 4, 5
"""Kinds of break, worst to best; 0 means no break at all. ``WORD`` is inside a Latin word or
number; ``NARROW`` is elsewhere inside a run of narrow characters, such as after the comma of
"2,000" or the slash of "SCA/HPC"."""

_PHRASES: dict[str, frozenset[int]] = {}
"""BudouX's phrase starts per text: computed once, or preloaded from the cache."""


@cache
def _parser() -> Parser:
    import budoux  # imported when a text is first analysed, not when this module is

    return budoux.load_default_japanese_parser()


def _has_japanese(text: str) -> bool:
    """True when ``text`` holds a CJK character (from the CJK radicals block up)."""
    return any(ord(char) >= 0x2E80 for char in text)


def preload_phrases(table: Mapping[str, Sequence[int]]) -> None:
    """Take phrase starts analysed before (read back from a cache, so checked: offsets that
    are not whole numbers inside their text are left out, with their text)."""
    for text, starts in table.items():
        if not (isinstance(text, str) and isinstance(starts, list | tuple)):
            continue
        if all(type(start) is int and 0 < start < len(text) for start in starts):
            _PHRASES.setdefault(text, frozenset(starts))


def analysed_phrases() -> dict[str, list[int]]:
    """Every Japanese text analysed so far, with its phrase starts (for the cache)."""
    return {text: sorted(starts) for text, starts in _PHRASES.items() if _has_japanese(text)}


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (East Asian Wide and Fullwidth count 2)."""
    return cell_len(text)


def _phrase_starts(text: str) -> frozenset[int]:
    """Offsets where a BudouX phrase begins (0 excluded)."""
    known = _PHRASES.get(text)
    if known is not None:
        return known
    if not _has_japanese(text):
        return frozenset()  # English keeps ordinary word wrap: breaks at spaces only
    starts: set[int] = set()
    offset = 0
    for phrase in _parser().parse(text)[:-1]:
        offset += len(phrase)
        starts.add(offset)
    result = _PHRASES[text] = frozenset(starts)
    return result


def _kinsoku_forbids(before: str, after: str) -> bool:
    """True when kinsoku forbids a break between ``before`` and ``after``."""
    return (
        after in NO_LINE_START
        or before in NO_LINE_END
        or (before == after and before in INSEPARABLE)
    )


def _is_narrow_word_char(char: str) -> bool:
    return not char.isspace() and get_character_cell_size(char) == 1


@lru_cache(maxsize=4096)
def break_kinds(text: str) -> tuple[int, ...]:
    """For each offset ``i`` (1..len-1), the best kind of break allowed before ``text[i]``.

    Index 0 is unused. Around a run of spaces a break is allowed both before the run and after
    it (the filler drops the spaces at the break), with kinsoku judged on the characters either
    side of the run.
    """
    phrases = _phrase_starts(text)
    kinds = [0] * (len(text) + 1)
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if before.isspace() and after.isspace():
            continue
        if before.isspace() or after.isspace():
            left = text[:i].rstrip()
            right = text[i:].lstrip()
            if not left or not right:
                continue
            before, after = left[-1], right[0]
            kinds[i] = FORCED if _kinsoku_forbids(before, after) else PHRASE
        elif _kinsoku_forbids(before, after):
            kinds[i] = FORCED
        elif _is_narrow_word_char(before) and _is_narrow_word_char(after):
            kinds[i] = WORD if before.isalnum() and after.isalnum() else NARROW
        elif i in phrases:
            kinds[i] = PHRASE
        else:
            kinds[i] = CHAR
    return tuple(kinds)


@lru_cache(maxsize=8192)
def line_spans(text: str, width: int) -> tuple[tuple[int, int], ...]:
    """Break ``text`` into lines no wider than ``width`` cells, as (start, end) offsets.

    ``text[start:end]`` is each line's text with the spaces at the break left out. Newlines in
    ``text`` are hard breaks. An empty text gives one empty line.
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _break_paragraph(paragraph, width))
        offset += len(paragraph) + 1
    return tuple(spans)


def _break_paragraph(text: str, width: int) -> list[tuple[int, int]]:
    kinds = break_kinds(text)
    sizes = [get_character_cell_size(char) for char in text]
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
        stop = next((best[kind] for kind in (PHRASE, CHAR, NARROW, WORD, FORCED) if best[kind]), 0)
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


def break_lines(text: str, width: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` cells (see the module's rules)."""
    return [text[start:end] for start, end in line_spans(text, width)]


def is_kinsoku_violation(previous: str, line: str) -> bool:
    """True when a break between ``previous`` and ``line`` breaks a kinsoku rule."""
    if not previous or not line:
        return False
    return _kinsoku_forbids(previous[-1], line[0])
