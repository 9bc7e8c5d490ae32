"""What screens ask of the app, as messages: a screen never imports the app.

A screen posts one of these to itself; it bubbles up to the app, which owns the screen stack
and the reader at its bottom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class OpenTerm(Message):
    """Show a glossary entry over the current screen; for a search match in it, with the
    search's status line and the match's marks (per field and language of the entry)."""

    term_id: str
    search_status: str = ""
    marks: dict[tuple[str, str], tuple[tuple[int, int], ...]] = field(default_factory=dict)


@dataclass
class JumpToBlock(Message):
    """Close what is over the reader and show this block there, highlighted."""

    section_id: str
    block_id: str


@dataclass
class StepSearch(Message):
    """Go on to the next (1) or previous (-1) match of the reader's search."""

    step: int
