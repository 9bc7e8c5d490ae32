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
        super().__init__(id="sections")
        self._sections = sections
        self._compact = False
        self.add_options(self._labelled_options())

    def _labelled_options(self) -> list[Option]:
        def label(number: int, section: Section) -> str:
            if self._compact:  # narrow terminals: the Japanese title alone fits
                return f"{number} {section.title.ja}"
            return f"{number} {section.title.ja}\n  {section.title.en}"

        return [
            Option(Content(label(number, section)), id=section.id)
            for number, section in enumerate(self._sections, start=1)
        ]

    def set_compact(self, compact: bool) -> None:
        """Show the Japanese titles alone (narrow) or both languages (wide)."""
        if compact != self._compact:
            self._compact = compact
            highlighted = self.highlighted
            self.clear_options()
            self.add_options(self._labelled_options())
            self.highlighted = highlighted
