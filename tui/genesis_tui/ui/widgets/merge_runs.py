"""A line filter that joins neighbouring runs that look the same before they go to the terminal.

Textual writes every segment with its full style and a reset after it. A line of the article is
made of many segments that look alike (the margin, text, padding, the space between the two
columns), and Textual's own widgets add more (a label and its padding): joined, they cost one
escape sequence instead of several. Over a slow SSH link that is a good part of a section switch.

Runs are joined when they would be drawn alike and do not answer clicks differently: a run
without metadata joins the one before it (padding then answers a click as its label does), but
two runs with different metadata, such as two neighbouring glossary links, stay apart.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter


@lru_cache(maxsize=1024)
def _look(style: Style | None) -> Style | None:
    """What a style draws: the style without its metadata and links."""
    return None if style is None else style.clear_meta_and_links()


def _clicks(style: Style | None) -> dict[str, object]:
    """What a run answers a click with: its metadata, less the text offset Textual's selection
    reads (a joined run keeps the first run's offset, which is where its text starts)."""
    if style is None or not style.meta:
        return {}
    return {key: value for key, value in style.meta.items() if key != "offset"}


class MergeRuns(LineFilter):
    """Neighbouring segments that look the same become one."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        merged: list[Segment] = []
        for segment in segments:
            if merged and not segment.control and not merged[-1].control:
                last = merged[-1]
                meta = _clicks(segment.style)
                same_meta = not meta or _clicks(last.style) == meta
                if same_meta and _look(last.style) == _look(segment.style):
                    merged[-1] = Segment(last.text + segment.text, last.style)
                    continue
            merged.append(segment)
        return merged
