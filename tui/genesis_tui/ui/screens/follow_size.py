"""A guard for screens against stale resizes, which can otherwise keep a screen busy forever."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.screen import Screen


class FollowsAppSize(Screen[None]):
    """A screen that ignores a resize to any size but the app's.

    Textual lays a screen out at the size a Resize event carries, and a screen whose layout
    changed posts itself a Resize with its new size. With two sizes in a screen's queue at once
    (left by a burst of resizes, or a cover pushed and popped between them), each layout posts the
    other size again: the screen lays itself out back and forth for ever and nothing else is
    served. Only the app's current size is ever right, so any other is dropped.
    """

    def check_message_enabled(self, message: Message) -> bool:
        """Refuse a Resize that is no longer the app's size."""
        if isinstance(message, events.Resize) and message.size != self.app.size:
            return False
        return super().check_message_enabled(message)
