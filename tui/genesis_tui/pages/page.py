"""A page as terminal lines, and the builder every page is made with.

A ``Page`` is the list of lines something shows at one width: a section of the article, the
timeline, who's who. Each line is made of ``Piece``s that know what they are (text, heading,
note, link) so the widget can style them, and where their text came from so search marks can be
laid on. Pages are computed without Textual and cached by their makers; the widget only draws.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import Literal, NamedTuple

from genesis_tui.content.model import Lang
from genesis_tui.content.places import Place

Role = Literal["text", "heading", "note", "since", "title", "bullet", "bar", "pad", "ruby"]

GAP = 2
"""Cells between two columns (Japanese and English side by side, or two boxes)."""
BULLET: dict[Lang, str] = {"ja": "・", "en": "- "}
"""Neither is East Asian Ambiguous, so both are the same width in every terminal."""
BAR = "| "


class Piece(NamedTuple):
    """A run of one line: its text, what it is, and where its text came from."""

    text: str
    role: Role = "text"
    block: str | None = None
    """The block whose text this is (for search marks)."""
    lang: Lang | None = None
    start: int = 0
    """Offset of ``text`` in the block's text in ``lang``."""
    link: int | None = None
    """Index into ``Page.links`` when this piece is a glossary link."""
    part: str = ""
    """Which text of the block: ``""`` its own, ``"note"``, ``"since"``; ``"point{n}"`` for a
    key point (with no block). Search marks are keyed by these too (``source``)."""
    url: str | None = None
    """The web address this piece stands for (drawn as a terminal hyperlink, OSC 8)."""

    @property
    def source(self) -> tuple[str | None, Lang, str] | None:
        """(block, language, part) of the text this piece shows; None for padding, bullets
        and labels, which no anchor can name."""
        if self.lang is None or (self.block is None and not self.part):
            return None
        return (self.block, self.lang, self.part)


class Line(NamedTuple):
    """One terminal line of the page."""

    pieces: tuple[Piece, ...]
    block: str | None = None
    """The block the line belongs to (for highlighting), if any."""

    @property
    def text(self) -> str:
        """The line as plain text."""
        return "".join(piece.text for piece in self.pieces)


class LinkRef(NamedTuple):
    """A glossary link on the page, in reading order."""

    term_id: str
    block: str
    lang: Lang
    line: int
    """The line where the link starts."""
    jump: tuple[str, str] | None = None
    """For a link to a place in the article rather than a term: (section id, block id)."""


class Page:
    """Lines at one width, with the links on them and where each block begins; not to be
    changed once made (pages are cached and shared)."""

    def __init__(
        self,
        lines: tuple[Line, ...],
        links: tuple[LinkRef, ...],
        block_lines: dict[str, int] | None = None,
    ) -> None:
        self.lines = lines
        self.links = links
        self.block_lines = block_lines if block_lines is not None else {}
        """The first line of each block."""

    def text(self) -> list[str]:
        """Every line as plain text."""
        return [line.text for line in self.lines]

    @cached_property
    def _sources(self) -> dict[tuple[str | None, Lang, str], tuple[list[int], list[int], int]]:
        """For each text on the page: where its lines start (offsets, and line numbers, in
        order) and its length as laid out."""
        index: dict[tuple[str | None, Lang, str], tuple[list[int], list[int], int]] = {}
        for number, line in enumerate(self.lines):
            for piece in line.pieces:
                source = piece.source
                if source is None:
                    continue
                starts, numbers, length = index.get(source, ([], [], 0))
                if not numbers or numbers[-1] != number:
                    starts.append(piece.start)
                    numbers.append(number)
                index[source] = (starts, numbers, max(length, piece.start + len(piece.text)))
        return index

    def shows(self, block: str | None, lang: Lang, part: str = "") -> bool:
        """True when the page shows that text (a block's, a note, a key point) in ``lang``."""
        return (block, lang, part) in self._sources

    LOOK_AHEAD = 3
    """Lines looked at below a line without text (a blank, a label) for the anchor."""

    def anchor_at(self, line: int) -> Place:
        """The anchor of ``line`` as the top line: the first text on it (the left column's,
        side by side), or on the next lines when it has none, or the line number itself."""
        for number in range(max(0, line), min(len(self.lines), line + 1 + self.LOOK_AHEAD)):
            for piece in self.lines[number].pieces:
                source = piece.source
                if source is None:
                    continue
                block, lang, part = source
                length = self._sources[source][2]
                fraction = piece.start / length if length else 0.0
                # A line of readings above the text is the text's own: it is not a line ahead.
                lead = sum(1 for ahead in self.lines[line:number] if not _is_ruby(ahead))
                return Place(block, lang, part, piece.start, fraction, line, lead)
        return Place(line=line)

    def line_of(self, anchor: Place | None) -> int:
        """The line holding ``anchor``: its text's line at its offset; the same text in another
        language, at the same fraction, when its language is not shown; else the block's first
        line; else the anchor's line number."""
        if anchor is None:
            return 0
        line = self._text_line(anchor)
        if line is None:
            return max(0, min(anchor.line, len(self.lines) - 1))
        if line > 0 and _is_ruby(self.lines[line - 1]):
            line -= 1  # the text's readings stay on screen with it
        return max(0, line - anchor.lead)

    def _text_line(self, anchor: Place) -> int | None:
        if anchor.lang is None:
            return None
        found = self._sources.get((anchor.block, anchor.lang, anchor.part))
        if found is not None:
            starts, numbers, _ = found
            return numbers[max(0, bisect.bisect_right(starts, anchor.offset) - 1)]
        for (block, _lang, part), (starts, numbers, length) in self._sources.items():
            if block == anchor.block and part == anchor.part:
                offset = round(anchor.fraction * length)
                return numbers[max(0, bisect.bisect_right(starts, offset) - 1)]
        if anchor.block is not None and anchor.block in self.block_lines:
            return self.block_lines[anchor.block]
        return None

    def first_block_from(self, line: int) -> str | None:
        """The block of ``line``, or of the first line below it that has one."""
        return next((ln.block for ln in self.lines[max(0, line) :] if ln.block), None)

    def block_text(self, block: str) -> str:
        """The lines of ``block`` as plain text, each web address whole."""
        rows = [
            "".join(piece.url or piece.text for piece in line.pieces).rstrip()
            for line in self.lines
            if line.block == block
        ]
        return "\n".join(rows).strip("\n")

    def link_url(self, index: int) -> str | None:
        """The web address link ``index`` stands for, if it stands for one."""
        pieces = (piece for line in self.lines for piece in line.pieces if piece.link == index)
        return next((piece.url for piece in pieces if piece.url), None)


def _is_ruby(line: Line) -> bool:
    """True for a line of readings (furigana) drawn above a line of Japanese."""
    return any(piece.role == "ruby" for piece in line.pieces)
