"""A page as terminal lines, and the builder every page is made with.

A ``Page`` is the list of lines something shows at one width: a section of the article, the
timeline, who's who. Each line is made of ``Piece``s that know what they are (text, heading,
note, link) so the widget can style them, and where their text came from so search marks can be
laid on. Pages are computed without Textual and cached by their makers; the widget only draws.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from genesis_tui.history import Anchor
from genesis_tui.model import Lang
from genesis_tui.phrases import has_japanese
from genesis_tui.ruby import Ruby, RubyLine, ruby_line, ruby_units
from genesis_tui.terms import Span, TermMatcher
from genesis_tui.typesetting import Spanned, cells, line_spans

Role = Literal["text", "heading", "note", "since", "title", "bullet", "bar", "pad", "ruby"]

GAP = 2
"""Cells between two columns (Japanese and English side by side, or two boxes)."""
BULLET: dict[Lang, str] = {"ja": "・", "en": "- "}
"""Neither is East Asian Ambiguous, so both are the same width in every terminal."""
BAR = "| "


@dataclass(frozen=True, slots=True)
class Piece:
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
    key point (with no block). Search marks fall on the block's own text only."""
    url: str | None = None
    """The web address this piece stands for (drawn as a terminal hyperlink, OSC 8)."""

    @property
    def source(self) -> tuple[str | None, Lang, str] | None:
        """(block, language, part) of the text this piece shows; None for padding, bullets
        and labels, which no anchor can name."""
        if self.lang is None or (self.block is None and not self.part):
            return None
        return (self.block, self.lang, self.part)


@dataclass(frozen=True, slots=True)
class Line:
    """One terminal line of the page."""

    pieces: tuple[Piece, ...]
    block: str | None = None
    """The block the line belongs to (for highlighting), if any."""

    @property
    def text(self) -> str:
        """The line as plain text."""
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True, slots=True)
class LinkRef:
    """A glossary link on the page, in reading order."""

    term_id: str
    block: str
    lang: Lang
    line: int
    """The line where the link starts."""
    jump: tuple[str, str] | None = None
    """For a link to a place in the article rather than a term: (section id, block id)."""


@dataclass(frozen=True)
class Page:
    """Lines at one width, with the links on them and where each block begins."""

    lines: tuple[Line, ...]
    links: tuple[LinkRef, ...]
    block_lines: dict[str, int] = field(default_factory=dict)
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

    LOOK_AHEAD = 3
    """Lines looked at below a line without text (a blank, a label) for the anchor."""

    def anchor_at(self, line: int) -> Anchor:
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
                return Anchor(block, lang, part, piece.start, fraction, line, number - line)
        return Anchor(line=line)

    def line_of(self, anchor: Anchor | None) -> int:
        """The line holding ``anchor``: its text's line at its offset; the same text in another
        language, at the same fraction, when its language is not shown; else the block's first
        line; else the anchor's line number."""
        if anchor is None:
            return 0
        line = self._text_line(anchor)
        if line is None:
            return max(0, min(anchor.line, len(self.lines) - 1))
        return max(0, line - anchor.lead)

    def _text_line(self, anchor: Anchor) -> int | None:
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


Row = list[Piece]


class Column:
    """Rows of text at one width, being set: one language's column, or a box's inside."""

    def __init__(self, width: int, matcher: TermMatcher | None = None) -> None:
        self.width = max(1, width)
        self.rows: list[Row] = []
        self.matcher = matcher
        """Finds the terms in text without links (key points, notes), to keep them whole."""

    def add_text(
        self,
        text: str,
        role: Role,
        *,
        bullet: str = "",
        bullet_role: Role = "bullet",
        block: str | None = None,
        lang: Lang | None = None,
        links: Sequence[tuple[Span, int]] = (),
        part: str = "",
        ruby: Sequence[Ruby] = (),
    ) -> None:
        """``text`` broken into rows (a hanging indent after ``bullet``), cut at its links, the
        glossary terms' Japanese names kept whole where they fit; ``block``, ``lang`` and
        ``part`` say where the text comes from (see ``Piece``). With ``ruby`` (readings of
        ``text``), each row has a row of readings above it, each centred over its base."""
        indent = cells(bullet)
        found = [span for span, _ in links] or (self.matcher.find(text) if self.matcher else ())
        terms = [span for span in found if has_japanese(text[span.start : span.end])]
        units: list[Spanned] = [*terms, *ruby_units(text, ruby)] if ruby else list(terms)
        spans = line_spans(text, max(1, self.width - indent), units)
        first = last = 0  # links and lines are both in text order: each line's links, in turn
        for number, (start, end) in enumerate(spans):
            while first < len(links) and links[first][0].end <= start:
                first += 1
            last = max(first, last)
            while last < len(links) and links[last][0].start < end:
                last += 1
            pieces: Row = []
            if indent:
                lead = bullet if number == 0 else " " * indent
                pieces.append(Piece(lead, bullet_role if number == 0 else "pad"))
            line_links = links[first:last]
            if ruby:
                drawn = ruby_line(text, start, end, ruby)
                above = [Piece(" " * indent, "pad")] if indent else []
                self.rows.append([*above, Piece(drawn.ruby.rstrip(), "ruby")])
                pieces.extend(_spaced(text, start, end, drawn, role, block, lang, line_links, part))
            else:
                pieces.extend(_cut(text, start, end, role, block, lang, line_links, part))
            self.rows.append(pieces)

    def blank(self) -> None:
        """An empty row."""
        self.rows.append([])


def _cut(
    text: str,
    start: int,
    end: int,
    role: Role,
    block: str | None,
    lang: Lang | None,
    links: Sequence[tuple[Span, int]],
    part: str = "",
) -> Iterable[Piece]:
    """``text[start:end]`` as pieces, cut where glossary links begin and end."""
    position = start
    for span, index in links:
        lo, hi = max(span.start, start), min(span.end, end)
        if lo >= hi:
            continue
        if lo > position:
            yield Piece(text[position:lo], role, block, lang, position, part=part)
        yield Piece(text[lo:hi], role, block, lang, lo, link=index, part=part)
        position = hi
    if position < end:
        yield Piece(text[position:end], role, block, lang, position, part=part)


def with_url(rows: Iterable[Row], start: int, end: int, url: str) -> list[Row]:
    """``rows`` with the text at offsets ``start``-``end`` of the text they were set from
    (a URL's label) standing for ``url``; indents and bars are left alone."""
    result: list[Row] = []
    for row in rows:
        pieces: Row = []
        for piece in row:
            lo = max(start, piece.start)
            hi = min(end, piece.start + len(piece.text))
            if piece.role in ("pad", "bar", "bullet", "ruby") or lo >= hi:
                pieces.append(piece)
                continue
            head, body = (
                piece.text[: lo - piece.start],
                piece.text[lo - piece.start : hi - piece.start],
            )
            tail = piece.text[hi - piece.start :]
            if head:
                pieces.append(replace(piece, text=head))
            pieces.append(replace(piece, text=body, start=lo, url=url))
            if tail:
                pieces.append(replace(piece, text=tail, start=hi))
        result.append(pieces)
    return result


def _spaced(
    text: str,
    start: int,
    end: int,
    drawn: RubyLine,
    role: Role,
    block: str | None,
    lang: Lang | None,
    links: Sequence[tuple[Span, int]],
    part: str = "",
) -> Iterable[Piece]:
    """``text[start:end]`` as pieces placed at the columns ``drawn`` gives its characters
    (bases spaced out under wider readings): runs of the text, and padding between them."""
    runs: list[tuple[int, int, int]] = []  # start, end, column
    column = 0
    for offset in range(start, end):
        at = drawn.columns[offset - start]
        if runs and at == column:
            runs[-1] = (runs[-1][0], offset + 1, runs[-1][2])
        else:
            runs.append((offset, offset + 1, at))
        column = at + cells(text[offset])
    drawn_to = 0
    for run_start, run_end, at in runs:
        if at > drawn_to:
            yield Piece(" " * (at - drawn_to), "pad")
        yield from _cut(text, run_start, run_end, role, block, lang, links, part)
        drawn_to = at + cells(text[run_start:run_end])


def _padded(pieces: Row, width: int) -> Row:
    used = sum(cells(piece.text) for piece in pieces)
    return [*pieces, Piece(" " * (width - used), "pad")] if used < width else pieces


def side_by_side(left: Column, right: Column) -> list[Row]:
    """Two columns as rows: tops aligned, the shorter one padded."""
    rows = []
    for number in range(max(len(left.rows), len(right.rows))):
        first = left.rows[number] if number < len(left.rows) else []
        second = right.rows[number] if number < len(right.rows) else []
        rows.append([*_padded(first, left.width), Piece(" " * GAP, "pad"), *second])
    return rows


class PageBuilder:
    """A page's lines and links, being built; ``build()`` gives the ``Page``."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[Line] = []
        self.links: list[LinkRef] = []
        self.block_lines: dict[str, int] = {}

    def link(self, term_id: str, key: str, lang: Lang, jump: tuple[str, str] | None = None) -> int:
        """A new link to ``term_id`` (or with ``jump``, to a block of the article); its line
        is known once its row is added."""
        self.links.append(LinkRef(term_id, key, lang, -1, jump))
        return len(self.links) - 1

    def links_for(self, spans: Iterable[Span], key: str, lang: Lang) -> list[tuple[Span, int]]:
        """A link for each term occurrence, paired with its span (for ``Column.add_text``)."""
        return [(span, self.link(span.term_id, key, lang)) for span in spans]

    def add(self, rows: Iterable[Sequence[Piece]], block: str | None = None) -> None:
        """Rows onto the page; each link is placed on the first line it appears on."""
        for pieces in rows:
            number = len(self.lines)
            for piece in pieces:
                if piece.link is not None and self.links[piece.link].line < 0:
                    ref = self.links[piece.link]
                    self.links[piece.link] = LinkRef(
                        ref.term_id, ref.block, ref.lang, number, ref.jump
                    )
            self.lines.append(Line(tuple(pieces), block))

    def blank(self, block: str | None = None) -> None:
        """An empty line."""
        self.lines.append(Line((), block))

    def text(
        self,
        text: str,
        role: Role = "text",
        *,
        indent: str = "",
        indent_role: Role = "pad",
        key: str = "",
        lang: Lang = "en",
        spans: Iterable[Span] = (),
    ) -> None:
        """Wrapped text across the page, ``spans`` as its links (``key`` names the thing)."""
        column = Column(self.width)
        links = self.links_for(spans, key, lang) if key else []
        column.add_text(
            text,
            role,
            bullet=indent,
            bullet_role=indent_role,
            block=key or None,
            lang=lang,
            links=links,
        )
        self.add(column.rows, key or None)

    def build(self, *, links_by_line: bool = False) -> Page:
        """The page. With ``links_by_line`` the links are renumbered in the order they are
        drawn (row by row, left to right), for pages whose links were made out of order."""
        if not links_by_line:
            return Page(tuple(self.lines), tuple(self.links), dict(self.block_lines))
        order: dict[int, int] = {}
        for line in self.lines:
            for piece in line.pieces:
                if piece.link is not None:
                    order.setdefault(piece.link, len(order))
        lines = tuple(
            Line(
                tuple(
                    piece if piece.link is None else _relinked(piece, order[piece.link])
                    for piece in line.pieces
                ),
                line.block,
            )
            for line in self.lines
        )
        links = tuple(self.links[old] for old in sorted(order, key=order.__getitem__))
        return Page(lines, links, dict(self.block_lines))


def _relinked(piece: Piece, link: int) -> Piece:
    return replace(piece, link=link)
