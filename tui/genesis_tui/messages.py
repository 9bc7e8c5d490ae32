"""What screens ask of the app, as messages: a screen never imports the app.

A screen posts one of these to itself; it bubbles up to the app, which owns the screen stack
and the reader at its bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenTerm(Message):
    """Show a glossary entry over the current screen."""

    term_id: str


@dataclass
class JumpToBlock(Message):
    """Close what is over the reader and show this block there, highlighted."""

    section_id: str
    block_id: str


@dataclass
class StepSearch(Message):
    """Go on to the next (1) or previous (-1) match of the reader's search."""

    step: int
