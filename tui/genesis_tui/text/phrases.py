"""Where Japanese phrases begin, by BudouX: the line breaker's best break opportunities.

BudouX is imported when a text is first analysed, not when this module is; what it found is kept
per text (and can be preloaded from the cache, so that a second start need not import it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from budoux import Parser

_PHRASES: dict[str, frozenset[int]] = {}
"""BudouX's phrase starts per text: computed once, or preloaded from the cache."""

_WINDOW = 512
"""Characters analysed by one call of BudouX: its parser copies a phrase once per character
added to it, so one long phrase would cost time quadratic in its length."""
_CONTEXT = 3
"""BudouX scores a boundary from the three characters either side of it: windows overlapping by
this much give exactly the phrases of the whole text."""


@cache
def _parser() -> Parser:
    import budoux  # imported when a text is first analysed, not when this module is

    return budoux.load_default_japanese_parser()


def has_japanese(text: str) -> bool:
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
    return {text: sorted(starts) for text, starts in _PHRASES.items() if has_japanese(text)}


def phrase_starts(text: str, window: int = _WINDOW) -> frozenset[int]:
    """Offsets where a BudouX phrase begins (0 excluded), analysed ``window`` characters at a
    time: the same offsets as one analysis of the whole text, in time linear in its length."""
    parser = _parser()
    starts: set[int] = set()
    for low in range(0, len(text), window):
        high = min(low + window, len(text))
        offset = max(0, low - _CONTEXT)
        for phrase in parser.parse(text[offset : high + _CONTEXT])[:-1]:
            offset += len(phrase)
            if low <= offset < high:
                starts.add(offset)
    starts.discard(0)
    return frozenset(starts)


def known_phrase_starts(text: str) -> frozenset[int]:
    """Where the phrases of ``text`` begin: analysed once per text; none for English."""
    known = _PHRASES.get(text)
    if known is not None:
        return known
    if not has_japanese(text):
        return frozenset()  # English keeps ordinary word wrap: breaks at spaces only
    result = _PHRASES[text] = phrase_starts(text)
    return result


def clear() -> None:
    """Forget every analysis (for benchmarks that time a cold start)."""
    _PHRASES.clear()
