"""What screens and the palette ask of the app, as messages: neither imports the app.

A screen posts one of these to itself; it bubbles up to the app, which owns the screen stack
and the reader at its bottom. The palette's hits post theirs to the app.
"""

from __future__ import annotations

from textual.message import Message

from genesis_tui.content.places import Marks


class OpenTerm(Message):
    """Show a glossary entry over the current screen (over the reader, from the palette); for a
    search match in it, with the search's status line and the match's marks (per field and
    language of the entry)."""

    def __init__(
        self,
        term_id: str,
        search_status: str = "",
        marks: Marks | None = None,
        *,
        over_reader: bool = False,
    ) -> None:
        super().__init__()
        self.term_id = term_id
        self.over_reader = over_reader
        self.search_status = search_status
        self.marks = marks or {}


class JumpToBlock(Message):
    """Close what is over the reader and show this block there, highlighted."""

    def __init__(self, section_id: str, block_id: str) -> None:
        super().__init__()
        self.section_id = section_id
        self.block_id = block_id


class StepSearch(Message):
    """Go on to the next (1) or previous (-1) match of the reader's search."""

    def __init__(self, step: int) -> None:
        super().__init__()
        self.step = step


class ShowSection(Message):
    """Go to a section in the reader (from the palette)."""

    def __init__(self, section_id: str) -> None:
        super().__init__()
        self.section_id = section_id


class RunAction(Message):
    """Run an action (from the palette): one of the reader's, or the app's own (help, quit)."""

    def __init__(self, action: str, *, reader: bool = True) -> None:
        super().__init__()
        self.action = action
        self.reader = reader


class ToggleReadings(Message):
    """Show or hide the readings above the Japanese, in the reader and on every screen."""


class StatusesChanged(Message):
    """The learner gave a word a status: the statuses are to be saved."""
