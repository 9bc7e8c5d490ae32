"""Units: spans of a text that the line breaker keeps whole where they fit (a glossary term, a
ruby base with its reading), and how they nest.

``line_spans`` (``genesis_tui.text.typesetting``) takes units in any order and shape; here they
become one paragraph's forest of properly nested nodes, each measured as it is drawn whole, and
``reach`` says how much of a line a node takes together with the characters kinsoku binds to it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

from genesis_tui.text.breaks import FORCED


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


def as_units(units: Iterable[Spanned]) -> tuple[Unit, ...]:
    """Units for any spans given, sorted, without duplicates and empty ones."""
    found = set()
    for unit in units:
        width = unit.width if isinstance(unit, Unit) else None
        if unit.end > unit.start:
            found.add(Unit(unit.start, unit.end, width))
    # A unit's text may also be a term (no width of its own): order by place, then width.
    return tuple(sorted(found, key=lambda unit: (unit.start, unit.end, unit.width or 0)))


class Node:
    """A unit in the nesting forest, with its width when whole (many are made per paragraph:
    slotted)."""

    __slots__ = ("children", "end", "natural", "start", "whole", "width")

    def __init__(self, start: int, end: int, width: int | None) -> None:
        self.start = start
        self.end = end
        self.width = width
        self.children: list[Node] = []
        self.whole = 0
        """Cells taken when kept on one line."""
        self.natural = 0
        """Cells of its characters and children, when it is not kept whole."""


def forest(units: Sequence[Unit], totals: Sequence[int]) -> list[Node]:
    """The units of one paragraph as a forest of properly nested nodes (see ``Unit``)."""
    # Units with a width keep their place; of two that cross, the later is dropped.
    sized: list[Node] = []
    tops: list[Node] = []
    open_: list[Node] = []
    for unit in sorted((u for u in units if u.width is not None), key=lambda u: (u.start, -u.end)):
        while open_ and open_[-1].end <= unit.start:
            open_.pop()
        if open_ and unit.end > open_[-1].end:
            continue
        node = Node(unit.start, unit.end, unit.width)
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

    plain: list[Node] = []
    for start, end in sorted(
        (widen(u.start, True), widen(u.end, False)) for u in units if u.width is None
    ):
        if plain and start < plain[-1].end:
            plain[-1].end = max(plain[-1].end, end)
        else:
            plain.append(Node(start, end, None))
    # Nest: on equal spans the plain unit is the outer one.
    roots: list[Node] = []
    open_ = []
    for node in sorted(plain + sized, key=lambda n: (n.start, -n.end, n.width is not None)):
        while open_ and open_[-1].end <= node.start:
            open_.pop()
        (open_[-1].children if open_ else roots).append(node)
        open_.append(node)
    for root in roots:
        measure(root, totals)
    return roots


def measure(node: Node, totals: Sequence[int]) -> None:
    """Set ``whole`` on ``node`` and its descendants."""
    own = totals[node.end] - totals[node.start]
    natural = own
    for child in node.children:
        measure(child, totals)
        natural += child.whole - (totals[child.end] - totals[child.start])
    node.natural = natural
    node.whole = max(node.width, own) if node.width is not None else natural


def reach(kinds: Sequence[int], sizes: Sequence[int], node: Node, width: int) -> int:
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
