"""Lay out a section as terminal lines: the reader's page, computed without Textual.

A ``Layout`` is the list of lines a section shows at one width and in one view: key points,
then each block (Japanese and English side by side, or one after the other), with notes under
their block. Each line is made of ``Piece``s that know what they are (text, heading, note, link)
so the widget can style them, and where their text came from so search marks can be laid on.
Layouts are cached per section, view and width: a section switch or a scroll re-uses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from genesis_tui.glossary import Span, TermMatcher
from genesis_tui.loader import Content
from genesis_tui.model import Block
from genesis_tui.typesetting import cells, has_japanese, line_spans

Lang = Literal["ja", "en"]
View = Literal["both", "ja", "en"]
Role = Literal["text", "heading", "note", "since", "title", "bullet", "bar", "pad"]

GAP = 2
"""Cells between the Japanese and the English column."""
BULLET: dict[Lang, str] = {"ja": "・", "en": "- "}
"""Neither is East Asian Ambiguous, so both are the same width in every terminal."""
BAR = "| "
NOTE_LABEL: dict[Lang, str] = {"ja": "訳注", "en": "Translator's note"}
SINCE_LABEL: dict[Lang, str] = {"ja": "その後", "en": "Since publication"}
KEY_POINTS_LABEL: dict[Lang, str] = {"ja": "要点", "en": "Key points"}


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
    """Index into ``Layout.links`` when this piece is a glossary link."""


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


@dataclass(frozen=True)
class Layout:
    """A section laid out at one width and view."""

    lines: tuple[Line, ...]
    links: tuple[LinkRef, ...]
    block_lines: dict[str, int] = field(default_factory=dict)
    """The first line of each block."""

    def text(self) -> list[str]:
        """Every line as plain text."""
        return [line.text for line in self.lines]


class _Column:
    """Lines of one language column, being built."""

    def __init__(self, width: int, matcher: TermMatcher | None = None) -> None:
        self.width = max(1, width)
        self.lines: list[list[Piece]] = []
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
    ) -> None:
        indent = cells(bullet)
        found = [span for span, _ in links] or (self.matcher.find(text) if self.matcher else ())
        terms = [span for span in found if has_japanese(text[span.start : span.end])]
        spans = line_spans(text, max(1, self.width - indent), terms)  # Japanese terms kept whole
        first = last = 0  # links and lines are both in text order: each line's links, in turn
        for number, (start, end) in enumerate(spans):
            while first < len(links) and links[first][0].end <= start:
                first += 1
            last = max(first, last)
            while last < len(links) and links[last][0].start < end:
                last += 1
            pieces: list[Piece] = []
            if indent:
                lead = bullet if number == 0 else " " * indent
                pieces.append(Piece(lead, bullet_role if number == 0 else "pad"))
            pieces.extend(_split(text, start, end, role, block, lang, links[first:last]))
            self.lines.append(pieces)

    def blank(self) -> None:
        self.lines.append([])


def _split(
    text: str,
    start: int,
    end: int,
    role: Role,
    block: str | None,
    lang: Lang | None,
    links: Sequence[tuple[Span, int]],
) -> Iterable[Piece]:
    """``text[start:end]`` as pieces, cut where glossary links begin and end."""
    position = start
    for span, index in links:
        lo, hi = max(span.start, start), min(span.end, end)
        if lo >= hi:
            continue
        if lo > position:
            yield Piece(text[position:lo], role, block, lang, position)
        yield Piece(text[lo:hi], role, block, lang, lo, link=index)
        position = hi
    if position < end:
        yield Piece(text[position:end], role, block, lang, position)


def _pad(pieces: list[Piece], width: int) -> list[Piece]:
    used = sum(cells(piece.text) for piece in pieces)
    return [*pieces, Piece(" " * (width - used), "pad")] if used < width else pieces


def _merge(columns: Sequence[_Column], block: str | None = None) -> list[Line]:
    """Columns side by side (tops aligned, the shorter padded), or one column as it is."""
    if len(columns) == 1:
        return [Line(tuple(pieces), block) for pieces in columns[0].lines]
    left, right = columns
    rows = max(len(left.lines), len(right.lines))
    merged = []
    for row in range(rows):
        first = left.lines[row] if row < len(left.lines) else []
        second = right.lines[row] if row < len(right.lines) else []
        pieces = [*_pad(first, left.width), Piece(" " * GAP, "pad"), *second]
        merged.append(Line(tuple(pieces), block))
    return merged


class _Page:
    """A section's lines and links, being built."""

    def __init__(self, content: Content, langs: tuple[Lang, ...], side: bool, width: int) -> None:
        self.content = content
        self.langs = langs
        self.side_by_side = side and len(langs) == 2
        self.width = width
        self.lines: list[Line] = []
        self.links: list[LinkRef] = []
        self.block_lines: dict[str, int] = {}

    def columns(self) -> list[_Column]:
        if not self.side_by_side:
            return [_Column(self.width, self.content.matcher)]
        left = (self.width - GAP) // 2
        matcher = self.content.matcher
        return [_Column(left, matcher), _Column(self.width - GAP - left, matcher)]

    def group(self, parts: Sequence[tuple[Lang, str, Role]], block: Block | None = None) -> None:
        """Lines for one thing said in each language shown: side by side or one after another."""
        columns = self.columns()
        link_lines: dict[int, int] = {}  # link index -> line inside the group
        for index, (lang, text, role) in enumerate(parts):
            column = columns[index] if self.side_by_side else columns[0]
            if not self.side_by_side and index:
                column.blank()
            if block is not None and role in ("text", "heading"):
                links = []
                for span in self.content.spans[(block.id, lang)]:
                    links.append((span, len(self.links)))
                    self.links.append(LinkRef(span.term_id, block.id, lang, -1))
                bullet = BULLET[lang] if block.kind == "list_item" else ""
                first = len(column.lines)
                column.add_text(text, role, bullet=bullet, block=block.id, lang=lang, links=links)
                for number in range(first, len(column.lines)):
                    for piece in column.lines[number]:
                        if piece.link is not None:
                            link_lines.setdefault(piece.link, number)
            else:
                bullet_role: Role = "bar" if role in ("note", "since") else "bullet"
                bullet = BAR if role in ("note", "since") else ""
                column.add_text(text, role, bullet=bullet, bullet_role=bullet_role)
        top = len(self.lines)
        for index, number in link_lines.items():
            link = self.links[index]
            self.links[index] = LinkRef(link.term_id, link.block, link.lang, top + number)
        self.lines.extend(_merge(columns, block.id if block else None))

    def blank(self, block: str | None = None) -> None:
        self.lines.append(Line((), block))


@lru_cache(maxsize=256)
def layout(
    content: Content,
    section_id: str,
    view: View,
    side_by_side: bool,
    width: int,
    summary_lang: Lang = "en",
) -> Layout:
    """A section's lines at ``width`` cells in ``view``; with ``side_by_side``, ``both`` shows
    Japanese and English in two columns. Cached per content, section, view and width.

    The key points come first, kept short: side by side in both languages, but one after the
    other they would fill the first screen, so there they are in ``summary_lang`` only (the
    interface's language; ``v`` shows the other)."""
    section = content.section(section_id)
    langs: tuple[Lang, ...] = ("ja", "en") if view == "both" else (view,)
    page = _Page(content, langs, side_by_side, max(8, width))
    if section.key_points:
        columns = page.columns()
        summary_langs = langs if page.side_by_side or len(langs) == 1 else (summary_lang,)
        for index, lang in enumerate(summary_langs):
            column = columns[index] if page.side_by_side else columns[0]
            if not page.side_by_side and index:
                column.blank()
            column.add_text(KEY_POINTS_LABEL[lang], "title")
            for point in section.key_points:
                column.add_text(point.get(lang), "text", bullet=BULLET[lang])
        page.lines.extend(_merge(columns))
        page.blank()
    for block in section.blocks:
        page.block_lines[block.id] = len(page.lines)
        role: Role = "heading" if block.kind == "heading" else "text"
        page.group([(lang, getattr(block, lang), role) for lang in langs], block)
        if block.note is not None:
            page.blank(block.id)
            note = block.note
            page.group([(lg, f"{NOTE_LABEL[lg]}: {note.get(lg)}", "note") for lg in langs])
        if block.since is not None:
            page.blank(block.id)
            since = block.since
            page.group(
                [
                    (lg, f"{SINCE_LABEL[lg]}: {getattr(since, lg)} ({since.source})", "since")
                    for lg in langs
                ]
            )
        page.blank()
    return Layout(tuple(page.lines), tuple(page.links), page.block_lines)
