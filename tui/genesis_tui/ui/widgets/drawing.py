"""How a page's line is drawn: its pieces as Rich segments, styled by what they are (headings,
notes, links, web addresses), with search matches, the word cursor's word and the current
sentence laid over them, and the English kept hidden drawn blank. Pure Rich, no Textual: the
page view gives the styles its stylesheet resolves."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style

from genesis_tui.content.places import Marks
from genesis_tui.pages.page import Line, Piece
from genesis_tui.text.phrases import has_japanese
from genesis_tui.text.typesetting import cells

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
    sentence: Marks | None = None,
    hidden: Marks | None = None,
    new: Marks | None = None,
) -> list[Segment]:
    """The line's pieces as segments, over ``base``; ``style`` gives a role's style; the word
    under the word cursor, if it is on the line, in the ``word`` style; the current sentence
    in the ``sentence`` style; text in ``hidden`` drawn blank (in the ``hidden`` style), each
    character as wide as before; the learner's ``new`` words, when marked, in the ``new``
    style, under all the rest."""
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
        if key is None or piece.role == "ruby":
            segments.append(Segment(piece.text, look))
            continue
        layers: list[Layer] = []
        if new and (spans := new.get(key)):
            layers.append((spans, style("new"), False))
        if hidden and (spans := hidden.get(key)):
            layers.append((spans, style("hidden"), True))
        if sentence and (spans := sentence.get(key)):
            layers.append((spans, style("sentence"), False))
        if word is not None and key == word[0]:
            layers.append((((word[1], word[2]),), style("word"), False))
        elif found := marks.get(key):
            layers.append((found, style("mark") + MARK_ALONE, False))
        segments.extend(layered(piece, look, layers) if layers else [Segment(piece.text, look)])
    return segments


Layer = tuple[Sequence[tuple[int, int]], Style, bool]
"""Places to mark in a text, (start, end) offsets into it; the style laid over them; and
whether the text there is drawn blank."""


def layered(piece: Piece, style: Style, layers: Sequence[Layer]) -> list[Segment]:
    """The piece as segments: its text in ``style``, each part inside a layer's places with
    that layer's style laid over it (later layers over earlier ones), blank where a layer says.
    Offsets are into the text the piece comes from."""
    start, end = piece.start, piece.start + len(piece.text)
    cuts = {start, end}
    for spans, _, _ in layers:
        for lo, hi in spans:
            cuts.update(cut for cut in (lo, hi) if start < cut < end)
    bounds = sorted(cuts)
    segments: list[Segment] = []
    for lo, hi in itertools.pairwise(bounds):
        text, look = piece.text[lo - start : hi - start], style
        for spans, over, blank in layers:
            if any(a <= lo and hi <= b for a, b in spans):
                if blank:  # nothing of the hidden text shows: not a link's underline either
                    look = Style(color=look.color, bgcolor=look.bgcolor)
                    text = " " * cells(text)
                look = look + over
        segments.append(Segment(text, look))
    return segments
