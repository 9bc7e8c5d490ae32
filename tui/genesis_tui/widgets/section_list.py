"""The list of sections, numbered for the 1-9 keys.

A small widget of its own rather than an OptionList: moving the highlight repaints the two
rows that changed, not the whole list, which matters on a slow link (every section switch moves
it).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from genesis_tui.model import Lang, Section
from genesis_tui.typesetting import break_lines


class SectionList(Widget):
    """The article's sections; the reader's keys move through them, so it never takes focus."""

    COMPONENT_CLASSES = {"section-list--current"}
    can_focus = False
    ALLOW_SELECT = False
    """A mouse drag over the list selects nothing (Textual would copy the widget's name)."""

    highlighted: reactive[int] = reactive(0, init=False, repaint=False)
    """The index of the section shown."""

    @dataclass
    class Chosen(Message):
        """A section was clicked."""

        section_id: str

    def __init__(self, sections: tuple[Section, ...]) -> None:
        super().__init__(id="sections")
        self._sections = sections
        self._compact = False
        self._langs: tuple[Lang, ...] = ("ja", "en")
        self._compact_lang: Lang = "en"

    def _rows(self) -> list[tuple[int, str]]:
        """(section index, text) for every row: a row for each language shown, or when compact
        (a narrow terminal) one, in the interface's language."""
        langs = self._langs
        if self._compact and len(langs) > 1:
            langs = (self._compact_lang,)
        room = self.content_region.width - 2
        rows: list[tuple[int, str]] = []
        for index, section in enumerate(self._sections):
            for number, lang in enumerate(langs):
                title = section.title.get(lang)
                # A title wider than the list goes on over more rows rather than being cut.
                lines = break_lines(title, room) if room > 4 else [title]
                for line_number, line in enumerate(lines):
                    lead = f"{index + 1} " if number == 0 and line_number == 0 else "  "
                    rows.append((index, lead + line))
        return rows

    def set_langs(self, langs: tuple[Lang, ...], compact_lang: Lang) -> None:
        """Name the sections in ``langs`` (in ``compact_lang`` alone where only one fits)."""
        if (langs, compact_lang) != (self._langs, self._compact_lang):
            self._langs, self._compact_lang = langs, compact_lang
            self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Show the Japanese titles alone (narrow) or both languages (wide)."""
        if compact != self._compact:
            self._compact = compact
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        rows = self._rows()
        base = self.rich_style
        if y >= len(rows):
            return Strip.blank(width, base)
        index, text = rows[y]
        style: Style = base
        if index == self.highlighted:
            style = base + self.get_component_rich_style("section-list--current", partial=True)
        return Strip([Segment(text, style)]).extend_cell_length(width, style).crop(0, width)

    def watch_highlighted(self, old: int, new: int) -> None:
        width = self.size.width
        for y, (index, _) in enumerate(self._rows()):
            if index in (old, new):
                self.refresh(Region(0, y, width, 1))

    def on_click(self, event: events.Click) -> None:
        rows = self._rows()
        if 0 <= event.y < len(rows):
            event.stop()
            self.post_message(self.Chosen(self._sections[rows[event.y][0]].id))
