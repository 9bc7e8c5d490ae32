"""Places in the article, and back-navigation: where the reader was before a jump.

A place is a ``Place``: a position in the text (a block, its language, which part of it, and
the character offset of the first line shown), not a line number. Lines change with the width,
the view and the layout; the text does not, so the same words come back to the top after any of
them.
"""

from __future__ import annotations

from typing import NamedTuple

from genesis_tui.content.model import Lang, View

Marks = dict[tuple[str | None, str, str], tuple[tuple[int, int], ...]]
"""Places to mark, such as search matches: (start, end) offsets per text shown, keyed as a
page's pieces name their text (``Piece.source``: block, language, part), or in a glossary entry
per field."""


class Place(NamedTuple):
    """A place in a page's text: the top line shown starts at ``offset`` in the text of
    ``block`` (None for a page's own text, such as the key points) in ``lang``.

    ``part`` says which text of the block: ``""`` for the block itself, ``"note"`` or
    ``"since"`` for its notes, ``"point3"`` for the fourth key point. ``fraction`` (offset over
    the text's length) places the anchor when its language is not shown; ``line`` is the last
    resort, for pages without text sources and for state saved as line numbers. ``lead``
    counts the lines without text (a blank, a label) shown above the anchored line."""

    block: str | None = None
    lang: Lang | None = None
    part: str = ""
    offset: int = 0
    fraction: float = 0.0
    line: int = 0
    lead: int = 0

    @property
    def in_text(self) -> bool:
        """True when the anchor names a place in text (not only a line number)."""
        return self.lang is not None


class Location(NamedTuple):
    """A place in the article: a section, the anchor of its top line, and the view it was read
    in (a search may change the view to show a match; going back restores it)."""

    section_id: str
    anchor: Place
    view: View | None = None


class History:
    """A capped stack of locations to return to."""

    def __init__(self, limit: int = 100) -> None:
        self._stack: list[Location] = []
        self._limit = limit

    def push(self, location: Location) -> None:
        """Remember ``location`` as the place to go back to."""
        if self._stack and self._stack[-1] == location:
            return
        self._stack.append(location)
        del self._stack[: -self._limit]

    def pop(self) -> Location | None:
        """The most recent location, removed; None when there is nowhere to go back to."""
        return self._stack.pop() if self._stack else None

    def __bool__(self) -> bool:
        return bool(self._stack)

    def __len__(self) -> int:
        return len(self._stack)
