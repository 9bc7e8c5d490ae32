"""The builder every page is made with: text set in columns, cut at its links, side by side.

``Column`` breaks text into rows at one width (with the glossary terms' Japanese names kept
whole, and readings above the Japanese when asked for); ``PageBuilder`` gathers rows into a
``Page``, placing each link on the line it begins on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from genesis_tui.content.model import Lang
from genesis_tui.content.terms import Span, TermMatcher
from genesis_tui.pages.page import GAP, Line, LinkRef, Page, Piece, Role
from genesis_tui.text.phrases import has_japanese
from genesis_tui.text.ruby import RubyLine, RubySpan, ruby_line, ruby_units
from genesis_tui.text.typesetting import cells, line_spans
from genesis_tui.text.units import Spanned

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
        ruby: Sequence[RubySpan] = (),
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
                if drawn.ruby.strip():
                    # A line without a word to read has no row of readings: an empty one
                    # would read as a paragraph break.
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
                pieces.append(piece._replace(text=head))
            pieces.append(piece._replace(text=body, start=lo, url=url))
            if tail:
                pieces.append(piece._replace(text=tail, start=hi))
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
        ruby: Sequence[RubySpan] = (),
    ) -> None:
        """Wrapped text across the page, ``spans`` as its links (``key`` names the thing),
        ``ruby`` its readings drawn above it."""
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
            ruby=ruby,
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
    return piece._replace(link=link)
