"""The cheapest way to move the terminal's cursor, and the next pen to draw with, for the wire
stage (``wire_paint.Painter``).

Beside the absolute move (CUP), the forms curses weighs: carriage return and new line, a move by
n columns or rows, to a column or a row (HPA, VPA); and writing again the cells the cursor
would pass over, where the pen the terminal has draws them as they are (ncurses does the same).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from genesis_tui.terminal.caps import Capabilities
from genesis_tui.terminal.screen_grid import Grid, Styles
from genesis_tui.terminal.sgr import Attributes, transition


class Cursor(Protocol):
    """Where the terminal's cursor is and what pen it draws with (``wire_paint.Painter``)."""

    caps: Capabilities
    styles: Styles
    x: int | None
    y: int
    style: int | None
    edge: bool
    rendition: Attributes | str | None
    costs: dict[tuple[int, int], int]
    """Per pair of style numbers, the bytes of SGR that change the one's rendition to the
    other's (worked out once)."""
    moves: dict[tuple[int, int, int, int], str]
    """Moves worked out (from x, y to x, y) where no cells could be written again instead."""


_KNOWN_MOVES: dict[Capabilities, dict[tuple[int, int, int, int], str]] = {}
"""Per terminal's capabilities, the moves worked out (``moves_for``)."""


def moves_for(caps: Capabilities) -> dict[tuple[int, int, int, int], str]:
    """Where the moves worked out for a terminal with ``caps`` are kept: one place for the
    process, as the moves a reader makes are few and the same from frame to frame."""
    return _KNOWN_MOVES.setdefault(caps, {})


REWRITE = 8
"""Cells at most written again in place of a cursor move."""


@lru_cache(maxsize=4096)
def counted(n: int, final: str) -> str:
    """A CSI sequence with a count, the count left out where it is 1 (its default)."""
    return f"\x1b[{final}" if n == 1 else f"\x1b[{n}{final}"


@lru_cache(maxsize=4096)
def _absolute(x: int, y: int) -> str:
    return f"\x1b[{y + 1}H" if x == 0 else f"\x1b[{y + 1};{x + 1}H"


def cheapest_move(painter: Cursor, x: int, y: int, target: Grid) -> str:
    """The shortest sequence that takes the cursor from where ``painter`` has it to x, y."""
    cx, cy = painter.x, painter.y
    caps = painter.caps
    if cx is None:
        best = _absolute(x, y)
        if painter.edge and caps.cuf:  # in the last column: moves that keep or reset it
            if x == target.columns - 1 and y != cy:
                vertical = counted(y - cy, "B") if y > cy else counted(cy - y, "A")
                best = min(best, vertical, key=len)
            elif x == 0 and y == cy + 1:
                best = caps.newline
        return best
    if painter.style is not None and (cx < x <= cx + REWRITE or 0 < x <= REWRITE):
        return _search(painter, cx, cy, x, y, target)
    # No cells to write again: the move depends on the places alone (a frame makes the same
    # moves again and again, a row down and to the page's left edge, say).
    key = (cx, cy, x, y)
    known = painter.moves.get(key)
    if known is None:
        if len(painter.moves) > 50_000:
            painter.moves.clear()
        known = painter.moves[key] = _search(painter, cx, cy, x, y, None)
    return known


def _search(painter: Cursor, cx: int, cy: int, x: int, y: int, target: Grid | None) -> str:
    """The shortest move from cx, cy to x, y (writing cells of ``target`` again, if given)."""
    best = _absolute(x, y)
    caps = painter.caps
    # The row first (the cursor then in column 0 or where it was), then the column.
    if y == cy:
        starts = [("", cx)]
    elif y == cy + 1:
        starts = [(caps.newline, 0)]
        if caps.cuf:
            starts.append(("\x1b[B", cx))
    else:
        vertical = counted(y - cy, "B") if y > cy else counted(cy - y, "A")
        starts = [(vertical, cx)] if caps.cuf else []
        if caps.hpa:  # VPA comes with HPA in the terminals that have either
            starts.append((f"\x1b[{y + 1}d", cx))
    for prefix, column in starts:
        if len(prefix) + 1 >= len(best):
            continue
        step = _column(painter, column, x, y, target, len(best) - len(prefix))
        if step is not None and len(prefix) + len(step) < len(best):
            best = prefix + step
    return best


def _column(
    painter: Cursor, cx: int, x: int, y: int, target: Grid | None, limit: int
) -> str | None:
    """The shortest way along row ``y`` from column cx to x, shorter than ``limit`` (writing
    cells of ``target`` again, if given); None if there is none."""
    if cx == x:
        return ""
    caps = painter.caps
    best: str | None = None
    if x == 0:
        return "\r"
    if caps.cuf:
        best = counted(x - cx, "C") if x > cx else counted(cx - x, "D")
    if caps.hpa and (best is None or len(best) > len(str(x + 1)) + 3):
        best = f"\x1b[{x + 1}G"
    # Writing the cells again: from where the cursor is, or from column 0 after a return.
    for start, prefix in ((cx, ""), (0, "\r")):
        if target is not None and start < x and x - start <= REWRITE:
            text = _rewrite(painter, start, x, y, target)
            if text is not None and (best is None or len(prefix) + len(text) < len(best)):
                best = prefix + text
    if best is not None and len(best) < limit:
        return best
    return None


def _rewrite(painter: Cursor, start: int, end: int, y: int, target: Grid) -> str | None:
    """Cells start..end of row ``y`` as the pen the terminal has would draw them again, if it
    draws each as the target has it (as text, UTF-8), else None."""
    style = painter.style
    if style is None:
        return None
    chars, styles = target.chars[y], target.styles[y]
    if chars[start] == "" or (end < len(chars) and chars[end] == ""):
        return None  # half of a wide character
    blank = painter.styles.blank[style]
    for index in range(start, end):
        char, wanted = chars[index], styles[index]
        if char == "":
            continue
        if wanted != (blank if char == " " else style):
            return None
    text = "".join(chars[start:end])
    return text if text.isascii() else None


def next_pen(
    painter: Cursor,
    buckets: dict[int, list[int]],
    pointers: dict[int, int],
    done: bytearray,
    first: int,
    ready: Callable[[int], bool],
) -> int:
    """Of the pieces left to draw (their indexes by style, each bucket's first not done at its
    pointer), the first of the style the terminal's rendition changes to in fewest bytes; the
    first piece left where the rendition is not known. Pieces not ``ready`` (blanks that wait
    for the text before them) are passed over."""
    current = painter.rendition
    if not isinstance(current, Attributes):
        return first
    # The rendition is the pen's where the pen is known: its costs are kept by its number.
    now, costs, pens = painter.style, painter.costs, painter.styles.pens
    best, best_cost = first, 1 << 30
    spent = []
    for key, bucket in buckets.items():
        at = pointers[key]
        while at < len(bucket) and done[bucket[at]]:
            at += 1
        pointers[key] = at
        if at == len(bucket):
            spent.append(key)
            continue
        while at < len(bucket) and not ready(bucket[at]):
            at += 1
        if at < len(bucket):
            cost = -1 if now is None else costs.get((now, key), -1)
            if cost < 0:
                rendition = pens[key].rendition
                cost = (
                    len(transition(current, rendition)) if isinstance(rendition, Attributes) else 99
                )
                if now is not None:
                    costs[now, key] = cost
            if cost < best_cost or (cost == best_cost and bucket[at] < best):
                best, best_cost = bucket[at], cost
    for key in spent:  # every piece of the style drawn: not looked at again
        del buckets[key]
    return best
