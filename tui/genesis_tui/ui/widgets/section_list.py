"""The article's sections as one row of tabs under the header, numbered for the 1-9 keys.

One row, full width, above the page rather than beside it: a terminal scrolls whole rows, so a
list beside the page scrolled with it and was drawn again for every line moved (most of what a
``j`` cost on the wire); the row above stays where it is. The section shown is marked by ``>``
as well as by its style, so it stands out without colour.

What the row shows is what fits in it, whole: the titles in the view's languages (Japanese
first, as the page and the header have them), else in the interface's language alone (in the
view with both), else the numbers with the current section's title, else the numbers alone. A
title is never cut; wide (East Asian) characters count two cells. Where the page is centred
(past its reading measure), the row starts where its text does, as far as it has room to move.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from genesis_tui.content.model import Lang, Section
from genesis_tui.text.typesetting import cells

GAP = " "
"""Between two items; each item starts with its mark (``>`` or a space), so two cells apart."""

PAGE_ORDER: tuple[Lang, ...] = ("ja", "en")
"""The languages as the page sets them side by side (and the header names a section)."""

Tab = tuple[int, str]
"""A section's index and the text of its item (the mark, the number, any titles)."""


def tab_row(
    sections: Sequence[Section], current: int, langs: Sequence[Lang], width: int
) -> list[Tab]:
    """The items of the row for ``width`` cells: the first form that fits (see the module's
    docstring). ``langs``: the view's languages, the interface's first (it is the one kept
    when only one fits); both are shown in the page's order, Japanese first."""

    def item(index: int, shown: Sequence[Lang]) -> Tab:
        mark = ">" if index == current else " "
        titles = "".join(f" {sections[index].title.get(lang)}" for lang in shown)
        return index, f"{mark}{index + 1}{titles}"

    everywhere = range(len(sections))
    in_page_order = sorted(langs, key=PAGE_ORDER.index)
    forms = [[item(i, in_page_order) for i in everywhere]]
    if len(langs) > 1:
        forms.append([item(i, langs[:1]) for i in everywhere])
    forms.append([item(i, langs[:1] if i == current else ()) for i in everywhere])
    numbers = [item(i, ()) for i in everywhere]
    return next((form for form in forms if row_cells(form) <= width), numbers)


def row_cells(row: Sequence[Tab]) -> int:
    """The cells ``row`` takes, its gaps included."""
    return sum(cells(text) for _, text in row) + cells(GAP) * max(0, len(row) - 1)


class SectionList(Widget):
    """The article's sections; the reader's keys move through them, so it never takes focus."""

    COMPONENT_CLASSES = {"section-list--current"}
    can_focus = False
    ALLOW_SELECT = False
    """A mouse drag over the row selects nothing (Textual would copy the widget's name)."""

    highlighted: reactive[int] = reactive(0, init=False, repaint=False)
    """The index of the section shown."""

    class Chosen(Message):
        """A section was clicked."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(
        self,
        sections: tuple[Section, ...],
        lang: Lang = "en",
        indent: Callable[[], int] = lambda: 0,
    ) -> None:
        super().__init__(id="sections")
        self._sections = sections
        self._indent = indent
        """The cells the page's text stands right of its usual place (centred past its measure):
        the row moves right as far, where it has room."""
        self._lang = lang
        """The interface's language: its titles come first, and alone when the row is short."""
        self._view_langs: tuple[Lang, ...] = ("ja", "en")
        """The languages of the view: a one-language view names the sections in it alone."""
        self._laid_out: tuple[tuple[object, ...], tuple[int, list[Tab]]] | None = None
        """The items last laid out, with what they were laid out for (every paint asks)."""
        self._looked_up: tuple[Style, Style] | None = None

    def tabs(self) -> list[Tab]:
        """(section index, text) for every item of the row, as it is drawn now."""
        return self._layout()[1]

    def _layout(self) -> tuple[int, list[Tab]]:
        """The blank cells before the row, and its items."""
        width = self.content_region.width or self.app.size.width
        indent = self._indent()
        key = (width, self.highlighted, self._view_langs, indent)
        if self._laid_out is not None and self._laid_out[0] == key:
            return self._laid_out[1]
        other: Lang = "ja" if self._lang == "en" else "en"
        langs = tuple(lang for lang in (self._lang, other) if lang in self._view_langs)
        row = tab_row(self._sections, self.highlighted, langs, width)
        laid_out = (max(0, min(indent, width - row_cells(row))), row)
        self._laid_out = (key, laid_out)
        return laid_out

    @property
    def indent(self) -> int:
        """The blank cells before the row's first item, as it is drawn now."""
        return self._layout()[0]

    def text(self) -> str:
        """The row as it reads (for tests, and for anyone asking what it shows)."""
        return GAP.join(text for _, text in self.tabs())

    def set_view_langs(self, langs: tuple[Lang, ...]) -> None:
        """Name the sections in the languages of the view only."""
        if langs != self._view_langs:
            self._view_langs = langs
            self.refresh()

    def _styles(self) -> tuple[Style, Style]:
        """The row's style and the current section's, kept until the styles change (Textual
        works them out anew at every call, by walking up the whole tree)."""
        if self._looked_up is None:
            base = self.rich_style
            current = base + self.get_component_rich_style("section-list--current", partial=True)
            self._looked_up = (base, current)
        return self._looked_up

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._looked_up = None

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base, current = self._styles()
        if y > 0:
            return Strip.blank(width, base)
        indent, row = self._layout()
        segments = [Segment(" " * indent, base)] if indent else []
        for index, text in row:
            if index:
                segments.append(Segment(GAP, base))
            segments.append(Segment(text, current if index == self.highlighted else base))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def watch_highlighted(self) -> None:
        self.refresh()  # one row: the marks, the styles and perhaps the form change

    def on_click(self, event: events.Click) -> None:
        if event.y != 0:
            return
        x, row = self._layout()
        for index, text in row:
            size = cells(text)
            if x <= event.x < x + size:
                event.stop()
                self.post_message(self.Chosen(self._sections[index].id))
                return
            x += size + cells(GAP)
