"""Text set with genesis-tui's own line breaker: Japanese broken where a typesetter would."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from genesis_tui.typesetting import line_spans


class JapaneseText(Widget):
    """Text broken into lines by ``typesetting.line_spans`` at the widget's width.

    Textual's own wrapping breaks only at spaces, which leaves Japanese to be cut anywhere; this
    widget breaks lines itself and again on every resize (the breaker caches per width). The
    text is data: it is never parsed as markup.
    """

    DEFAULT_CSS = """
    JapaneseText { height: auto; }
    """

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self._layout_width = 0

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual may place the widget a cell wider than the width it asked the height for (it
        # rounds fractions); breaking at the asked width keeps the height and the lines in step.
        self._layout_width = width
        return len(line_spans(self.text, max(1, width)))

    @property
    def wrap_width(self) -> int:
        """The width, in cells, the text is broken at now."""
        width = self.content_region.width
        return min(width, self._layout_width) if self._layout_width else width

    def line_texts(self, width: int) -> list[str]:
        """The lines this widget shows at ``width`` cells."""
        return [self.text[start:end] for start, end in line_spans(self.text, max(1, width))]

    def render(self) -> Content:
        return Content("\n").join(Content(line) for line in self.line_texts(self.wrap_width))
