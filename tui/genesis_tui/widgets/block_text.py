"""A block of text set with genesis-tui's own line breaker, with glossary links and marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from genesis_tui.glossary import Span
from genesis_tui.typesetting import cells, line_spans


class BlockText(Widget):
    """Text broken into lines by ``typesetting.line_spans`` at the widget's width.

    Textual's own wrapping breaks only at spaces, which leaves Japanese to be cut anywhere; this
    widget breaks lines itself and re-breaks them on every resize (the breaker caches per width).
    The text is data: it is never parsed as markup.
    """

    COMPONENT_CLASSES = {"block-text--link", "block-text--current", "block-text--mark"}

    DEFAULT_CSS = """
    BlockText { height: auto; }
    BlockText > .block-text--link { text-style: underline; }
    BlockText > .block-text--current { text-style: reverse bold; }
    BlockText > .block-text--mark { text-style: reverse; }
    """

    current_link: reactive[int | None] = reactive(None)
    """Index into ``links`` of the link that has the reader's attention."""
    marks: reactive[tuple[tuple[int, int], ...]] = reactive(())
    """Search matches to show, as (start, end) offsets."""

    def __init__(
        self,
        text: str,
        links: Sequence[Span] = (),
        *,
        bullet: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.links = tuple(links)
        self.bullet = bullet
        """Shown before the first line; the other lines are indented to match (a hanging indent)."""
        self._indent = cells(bullet)
        self._layout_width = 0

    def _spans(self, width: int) -> tuple[tuple[int, int], ...]:
        return line_spans(self.text, max(1, width - self._indent))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual may place the widget a cell wider than the width it asked the height for (it
        # rounds fractions); breaking at the asked width keeps the height and the lines in step.
        self._layout_width = width
        return len(self._spans(width))

    @property
    def wrap_width(self) -> int:
        """The width, in cells, the text is broken at now."""
        width = self.content_region.width
        return min(width, self._layout_width) if self._layout_width else width

    def line_texts(self, width: int) -> list[str]:
        """The text of the lines this widget shows at ``width`` cells, bullet left out."""
        return [self.text[start:end] for start, end in self._spans(width)]

    def _component_style(self, name: str) -> Style:
        """A component class's text style and colour, over the widget's own background."""
        return replace(self.get_visual_style(name, partial=True), background=None)

    def render(self) -> Content:
        spans = self._spans(self.wrap_width)
        styles: list[tuple[int, int, Style]] = []
        link_style = self._component_style("block-text--link")
        current_style = self._component_style("block-text--current")
        mark_style = self._component_style("block-text--mark")
        for index, link in enumerate(self.links):
            style = current_style if index == self.current_link else link_style
            # The link's index, as data; a click is turned into a message, never into an action.
            styles.append((link.start, link.end, style + Style.from_meta({"link": index})))
        for start, end in self.marks:
            styles.append((start, end, mark_style))
        lines: list[Content] = []
        hang = " " * self._indent
        for number, (line_start, line_end) in enumerate(spans):
            line = Content(self.text[line_start:line_end])
            for start, end, style in styles:
                lo, hi = max(start, line_start), min(end, line_end)
                if lo < hi:
                    line = line.stylize(style, lo - line_start, hi - line_start)
            if self._indent:
                line = Content(self.bullet if number == 0 else hang) + line
            lines.append(line)
        return Content("\n").join(lines)

    @dataclass
    class LinkClicked(Message):
        """A glossary link was clicked."""

        block_text: BlockText
        index: int

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("link")
        if isinstance(index, int) and 0 <= index < len(self.links):
            event.stop()
            self.post_message(self.LinkClicked(self, index))

    def line_of_offset(self, offset: int) -> int:
        """The line (0-based, at the current width) that holds text offset ``offset``."""
        spans = self._spans(self.wrap_width)
        for number, (_, end) in enumerate(spans):
            if offset < end:
                return number
        return max(0, len(spans) - 1)
