"""The list of sections, numbered for the 1-9 keys."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from genesis_tui.model import Section


class SectionList(OptionList):
    """The article's sections; the reader's keys move through them, so it never takes focus."""

    can_focus = False

    def __init__(self, sections: tuple[Section, ...]) -> None:
        options = [
            Option(Content(f"{number} {section.title.ja}\n  {section.title.en}"), id=section.id)
            for number, section in enumerate(sections, start=1)
        ]
        super().__init__(*options, id="sections")
