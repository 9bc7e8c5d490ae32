"""Text selected with the mouse, drawn over a line of a page."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip


def with_selection(strip: Strip, span: tuple[int, int], selected: Style) -> Strip:
    """``strip`` with its characters from ``span`` (``end`` -1: to the end) in ``selected``."""
    start, end = span
    length = sum(len(segment.text) for segment in strip)
    end = length if end == -1 else min(end, length)
    if start >= end:
        return strip
    segments: list[Segment] = []
    position = 0
    for text, style, control in strip:
        lo, hi = max(start - position, 0), min(end - position, len(text))
        if lo >= hi:
            segments.append(Segment(text, style, control))
        else:
            segments += [
                Segment(text[:lo], style),
                Segment(text[lo:hi], (style or Style()) + selected),
                Segment(text[hi:], style),
            ]
        position += len(text)
    return Strip([segment for segment in segments if segment.text])
