"""Scrollbars drawn with spaces only: every scrollbar with ``--ascii``, and always the reader's
page (``page_kinds.ArticleView``).

Textual draws the thumb's ends with block elements (▁▂▃ and ▉▊▋), which are East Asian
Ambiguous: a terminal that draws them two cells wide pushes the line out of shape. And a thumb
with eighth-block ends changes at both ends whenever the page moves a line: on the wire, the
reader's ``j`` sent about 40 bytes more (of 400) for it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender


class PlainScrollBarRender(ScrollBarRender):
    """The thumb in whole cells of background colour: no partial-cell glyphs."""

    VERTICAL_BARS: ClassVar[list[str]] = [" "] * 8
    HORIZONTAL_BARS: ClassVar[list[str]] = [" "] * 8


def use_plain_scrollbars(plain: bool) -> type[ScrollBarRender]:
    """Make every scrollbar plain (or not); return the renderer that was in use."""
    previous = ScrollBar.renderer
    ScrollBar.renderer = PlainScrollBarRender if plain else ScrollBarRender
    return previous
