"""The list of sections, numbered for the 1-9 keys.

A small widget of its own rather than an OptionList: moving the highlight repaints the two
rows that changed, not the whole list, which matters on a slow link (every section switch moves
it). The section shown is marked by ``>`` as well as by its style, so it stands out without
colour. As the terminal narrows the list gives the text room: titles in both languages, then in
the interface's language only, then numbers alone.
"""

from __future__ import annotations

from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from genesis_tui.content.model import Lang, Section
from genesis_tui.text.typesetting import line_spans

Mode = Literal["full", "titles", "numbers"]


class SectionList(Widget):
    """The article's sections; the reader's keys move through them, so it never takes focus."""

    COMPONENT_CLASSES = {"section-list--current"}
    can_focus = False
    ALLOW_SELECT = False
    """A mouse drag over the list selects nothing (Textual would copy the widget's name)."""

    highlighted: reactive[int] = reactive(0, init=False, repaint=False)
    """The index of the section shown."""

    class Chosen(Message):
        """A section was clicked."""

        def __init__(self, section_id: str) -> None:
            super().__init__()
            self.section_id = section_id

    def __init__(self, sections: tuple[Section, ...], lang: Lang = "en") -> None:
        super().__init__(id="sections")
        self._sections = sections
        self._lang = lang
        """The interface's language: its titles come first, and alone when narrow."""
        self._mode: Mode = "full"
        self._view_langs: tuple[Lang, ...] = ("ja", "en")
        """The languages of the view: a one-language view names the sections in it alone."""
        self._laid_out: tuple[tuple[object, ...], list[tuple[int, str]]] | None = None
        """The rows last laid out, with what they were laid out for (every line drawn asks)."""
        self._looked_up: tuple[Style, Style] | None = None

    @property
    def mode(self) -> Mode:
        """Titles in both languages, in the interface's only, or numbers alone."""
        return self._mode

    def _rows(self) -> list[tuple[int, str]]:
        """(section index, text) for every row: a title too long for the list goes on over
        more rows (never cut); in full, the other language's title follows."""
        room = max(4, self.content_region.width - 3)
        key = (room, self._mode, self.highlighted, self._view_langs)
        if self._laid_out is not None and self._laid_out[0] == key:
            return self._laid_out[1]
        rows: list[tuple[int, str]] = []
        other: Lang = "ja" if self._lang == "en" else "en"
        for index, section in enumerate(self._sections):
            mark = ">" if index == self.highlighted else " "
            if self._mode == "numbers":
                rows.append((index, f"{mark}{index + 1}"))
                continue
            langs = tuple(lang for lang in (self._lang, other) if lang in self._view_langs)
            if self._mode != "full":
                langs = langs[:1]
            for number, lang in enumerate(langs):
                title = section.title.get(lang)
                for part, (start, end) in enumerate(line_spans(title, room)):
                    lead = f"{mark}{index + 1} " if number == part == 0 else "   "
                    rows.append((index, lead + title[start:end]))
        self._laid_out = (key, rows)
        return rows

    def set_mode(self, mode: Mode) -> None:
        """Show titles in both languages, in the interface's language, or numbers alone."""
        if mode != self._mode:
            self._mode = mode
            self.refresh()

    def set_view_langs(self, langs: tuple[Lang, ...]) -> None:
        """Name the sections in the languages of the view only."""
        if langs != self._view_langs:
            self._view_langs = langs
            self.refresh()

    def _styles(self) -> tuple[Style, Style]:
        """The list's style and the current section's, kept until the styles change (Textual
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
        rows = self._rows()
        base, current = self._styles()
        if y >= len(rows):
            return Strip.blank(width, base)
        index, text = rows[y]
        style = current if index == self.highlighted else base
        return Strip([Segment(text, style)]).extend_cell_length(width, style).crop(0, width)

    def watch_highlighted(self, old: int, new: int) -> None:
        width = self.size.width
        for y, (index, _) in enumerate(self._rows()):
            if index in (old, new):  # the style and the > mark
                self.refresh(Region(0, y, width, 1))

    def on_click(self, event: events.Click) -> None:
        rows = self._rows()
        if 0 <= event.y < len(rows):
            event.stop()
            self.post_message(self.Chosen(self._sections[rows[event.y][0]].id))
