"""Notifications shown once while they are up: 20,000 presses of 9 (no such section) make one
toast, not 20,000. Textual lays out every toast on screen again for each new one: the reader
froze for minutes and grew past a gigabyte."""

from __future__ import annotations

import time

KEPT = 64
"""Notifications remembered before the ones no longer on screen are forgotten."""


class RecentNotices:
    """The notifications on screen, each with the time it goes."""

    def __init__(self) -> None:
        self._until: dict[tuple[str, ...], float] = {}

    def first(self, key: tuple[str, ...], shown_for: float) -> bool:
        """Whether a notification is new (not the same as one on screen); if so, noted."""
        now = time.monotonic()
        if self._until.get(key, 0.0) > now:
            return False
        if len(self._until) > KEPT:
            self._until = {other: until for other, until in self._until.items() if until > now}
        self._until[key] = now + shown_for
        return True
