"""Content set by our line breaker at whatever width it is drawn, for widgets that wrap what
they are given themselves (the palette's list of hits).

Textual wraps Japanese at any character, so a term's reading in brackets could leave its "）"
alone on a line. ``SetLines`` breaks the lines first, by ``line_spans`` (kinsoku, phrases, words
kept whole), at the width the list draws it, resize or not; Textual then finds every line fits.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from genesis_tui.text.typesetting import line_spans


def set_lines(content: Content, width: int) -> Content:
    """``content`` with a newline at each of the line breaker's breaks for ``width`` cells (the
    spaces at a break left out), its styles kept."""
    spans = line_spans(content.plain, max(1, width))
    return Content("\n").join([content[start:end] for start, end in spans])


class SetLines(Visual):
    """A ``Content`` drawn with its lines broken by the line breaker."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._set: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return str(self.content)

    def _at(self, width: int) -> Content:
        if self._set is None or self._set[0] != width:
            self._set = (width, set_lines(self.content, width))
        return self._set[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)
