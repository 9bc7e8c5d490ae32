"""Search matches laid over a piece of a page's line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style

from genesis_tui.pages.page import Piece


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
