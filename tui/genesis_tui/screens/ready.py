"""Keys that arrive while a screen has no widgets are ignored, never a crash.

Over SSH people type ahead: ``q`` then ``t`` then ``k`` reach an app that is closing, which still
opens the timeline but takes its widgets away again. Screens that act on their widgets take
bindings only while they have them.
"""

from __future__ import annotations

from textual.screen import Screen

HEADER_ICON = "*"
"""The header's icon (it opens the palette): Textual's ⭘ is East Asian Ambiguous, * is not."""


class ReadyAfterMount(Screen[None]):
    """A screen whose bindings are enabled from the end of ``on_mount`` (call ``ready()``)."""

    _ready = False

    def ready(self) -> None:
        """The widgets are there: take keys from now on."""
        self._ready = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Children gone again: the app is closing, and a key typed after q arrived.
        return self._ready and bool(self.children)
