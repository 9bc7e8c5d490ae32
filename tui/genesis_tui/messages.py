"""What screens ask of the app, as messages: a screen never imports the app.

A screen posts one of these to itself; it bubbles up to the app, which owns the screen stack
and the reader at its bottom.
"""

from __future__ import annotations

from textual.message import Message

# Written out rather than as dataclasses, as Textual's own messages are: defining a dataclass
# costs a fraction of a millisecond at every start.


class OpenTerm(Message):
    """Show a glossary entry over the current screen; for a search match in it, with the
    search's status line and the match's marks (per field and language of the entry)."""

    def __init__(
        self,
        term_id: str,
        search_status: str = "",
        marks: dict[tuple[str | None, str, str], tuple[tuple[int, int], ...]] | None = None,
    ) -> None:
        super().__init__()
        self.term_id = term_id
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


class ToggleReadings(Message):
    """Show or hide the readings above the Japanese, in the reader and on every screen."""
