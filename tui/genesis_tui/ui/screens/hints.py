"""Hint mode (f): every link on screen labelled with letters; typing a label follows its link.

A modal screen over the page, transparent but for the labels and a prompt in place of the
footer: the page stays in view, and every key goes to the hints. A label's letters pick its
link; backspace takes back a letter; escape cancels; anything else typed or pasted (a key that
starts no label, a function key, a paste) is ignored. The labels are drawn reversed, which
shows without colour (NO_COLOR, a monochrome terminal) and in ASCII alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from genesis_tui.ui.host import host_of
from genesis_tui.ui.widgets.link_hints import Spot


class HintScreen(ModalScreen[int | None]):
    """The labels over the page; dismissed with the chosen link's index, or None."""

    DEFAULT_CSS = """
    HintScreen { background: transparent; }
    HintScreen > .hint {
        position: absolute; width: auto; height: 1;
        background: $background; color: $foreground; text-style: reverse bold;
    }
    HintScreen > #hint-prompt { dock: bottom; height: 1; width: 1fr; text-style: reverse; }
    """

    def __init__(self, spots: Sequence[Spot]) -> None:
        super().__init__()
        self.spots = tuple(spots)
        self.typed = ""
        """The letters typed so far (the start of one label or more)."""
        self._size_labelled = self.app.size
        self._done = False

    def compose(self) -> ComposeResult:
        for spot in self.spots:
            label = Static(Content(spot.drawn or spot.label), classes="hint")
            label.styles.offset = (spot.x, spot.y)
            yield label
        yield Static(Content(host_of(self.app).ui("hints.prompt")), id="hint-prompt")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self._done:
            return  # typed ahead after the choice: not for the labels
        if event.key == "escape":
            self._finish(None)
            return
        if event.key == "backspace":
            self.typed = self.typed[:-1]
        else:
            letter = (event.character or "").lower()
            typed = self.typed + letter
            if len(letter) != 1 or not any(spot.label.startswith(typed) for spot in self.spots):
                return  # starts no label: ignored
            self.typed = typed
            chosen = [spot.link for spot in self.spots if spot.label == typed]
            if chosen:
                self._finish(chosen[0])
                return
        for widget, spot in zip(self.query(".hint"), self.spots, strict=True):
            widget.display = spot.label.startswith(self.typed)

    def on_resize(self, event: events.Resize) -> None:
        if event.size != self._size_labelled:
            self._finish(None)  # the page is laid out again: the labels would stand elsewhere

    def on_paste(self, event: events.Paste) -> None:
        event.stop()  # a paste is not typing: ignored

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._finish(None)

    def _finish(self, link: int | None) -> None:
        """Close with the link chosen (None: none), once."""
        if not self._done:
            self._done = True
            self.dismiss(link)
