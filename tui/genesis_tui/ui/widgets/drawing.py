"""How a page's line is drawn: its pieces as Rich segments, styled by what they are (headings,
notes, links, web addresses), with search matches laid over them. Pure Rich, no Textual: the
page view gives the styles its stylesheet resolves."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style

from genesis_tui.content.places import Marks
from genesis_tui.pages.page import Line, Piece
from genesis_tui.text.phrases import has_japanese

NOT_ITALIC = Style(italic=False)
MARK_ALONE = Style(bold=False, underline=False)
"""A search match is reverse and nothing else: on a link, and on the current link (bold,
underlined, reverse), it still stands out where no colour is drawn (NO_COLOR)."""
ROLES_STYLED = ("heading", "title", "note", "since", "bar", "bullet", "ruby")
"""Roles with a style of their own (the rest is text in the page's style)."""


WordMark = tuple[tuple[str | None, str, str], int, int]
"""The word under the word cursor: (block, language, part) of its text, its start and end."""


def line_segments(
    line: Line,
    base: Style,
    style: Callable[[str], Style],
    current_link: int | None,
    marks: Marks,
    word: WordMark | None = None,
    new: Marks | None = None,
) -> list[Segment]:
    """The line's pieces as segments, over ``base``; ``style`` gives a role's style; the word
    under the word cursor, if it is on the line, in the ``word`` style; search matches over
    ``new`` (the learner's new words, when marked)."""
    segments: list[Segment] = []
    for piece in line.pieces:
        look = base
        if piece.role in ROLES_STYLED:
            look = look + style(piece.role)
            if look.italic and (piece.lang == "ja" or has_japanese(piece.text)):
                # Terminals slant kana and kanji by shearing them: never italic.
                look = look + NOT_ITALIC
        if piece.link is not None:
            name = "current" if piece.link == current_link else "link"
            look = look + style(name) + Style(meta={"link": piece.link})
        if piece.url is not None:
            # A terminal hyperlink (OSC 8): the label opens the whole address.
            look = look + style("url") + Style(link=piece.url)
        key = piece.source
        found = marks.get(key) if key is not None and piece.role != "ruby" else None
        if word is not None and piece.source == word[0] and piece.role != "ruby":
            segments.extend(marked(piece, look, look + style("word"), [(word[1], word[2])]))
        elif found:
            segments.extend(marked(piece, look, look + style("mark") + MARK_ALONE, found))
        elif new and key is not None and piece.role != "ruby" and key in new:
            segments.extend(marked(piece, look, look + style("new"), new[key]))
        else:
            segments.append(Segment(piece.text, look))
    return segments


def marked(
    piece: Piece, style: Style, mark: Style, marks: Sequence[tuple[int, int]]
) -> list[Segment]:
    """The piece as segments: its text in ``style``, the parts inside ``marks`` (offsets into
    the text the piece comes from) in ``mark``."""
    end = piece.start + len(piece.text)
    segments, position = [], piece.start
    for lo, hi in marks:
        lo, hi = max(lo, position), min(hi, end)
        if lo >= hi:
            continue
        if lo > position:
            segments.append(Segment(piece.text[position - piece.start : lo - piece.start], style))
        segments.append(Segment(piece.text[lo - piece.start : hi - piece.start], mark))
        position = hi
    if position < end:
        segments.append(Segment(piece.text[position - piece.start :], style))
    return segments
