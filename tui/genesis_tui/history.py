"""Back-navigation: where the reader was before a jump."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the article: a section and how far it was scrolled."""

    section_id: str
    scroll_y: int


class History:
    """A capped stack of locations to return to."""

    def __init__(self, limit: int = 100) -> None:
        self._stack: list[Location] = []
        self._limit = limit

    def push(self, location: Location) -> None:
        """Remember ``location`` as the place to go back to."""
        if self._stack and self._stack[-1] == location:
            return
        self._stack.append(location)
        del self._stack[: -self._limit]

    def pop(self) -> Location | None:
        """The most recent location, removed; None when there is nowhere to go back to."""
        return self._stack.pop() if self._stack else None

    def __bool__(self) -> bool:
        return bool(self._stack)

    def __len__(self) -> int:
        return len(self._stack)
