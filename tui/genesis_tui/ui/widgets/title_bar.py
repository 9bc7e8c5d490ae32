"""The screens' title bar: Textual's Header, which lets go of the app when it goes.

Textual's Header watches the app's ``title`` and ``sub_title`` from its mount, and nothing
removes those watchers when the header is removed: Textual prunes the watchers of removed widgets
only when the value they watch changes, and the reader's title never does. Each glossary,
timeline, who's who or term screen closed left its header (and everything it holds) alive:
1,500 round trips grew the reader from 39 to 189 MB. Not filed upstream yet.

The reader's sub-title changes with every scroll (how far the section is read):
``show_sub_title`` redraws it in place, without the layout Textual's Header would do.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from genesis_tui.text.typesetting import cells, shortened

WATCHED = ("title", "sub_title")
"""The app's attributes a Header watches (Textual 8.2, ``Header._on_mount``)."""

CHROME = 18
"""The header's cells around the title: the icon (8) and the clock's space (10)."""

SHORTEST_TITLE = 10
"""The fewest cells the title is shortened to (with "..."); with less room it is left out."""


class TitleBar(Header):
    """A Header that, when removed, takes its watchers off the app."""

    def on_unmount(self) -> None:
        # The watchers live in the app's "__watchers" (textual.reactive._watch): private, and
        # listed in docs/private-apis.md.
        watchers: dict[str, list[tuple[object, object]]] = getattr(self.app, "__watchers", {})
        for name in WATCHED:
            if name in watchers:
                watchers[name] = [entry for entry in watchers[name] if entry[0] is not self]

    def room(self) -> int:
        """The cells the title and sub-title have (before a layout: from the app's width)."""
        return max(0, (self.size.width or self.app.size.width) - CHROME)

    def format_title(self) -> Content:
        """The sub-title and the title, the title shortened (with "...", between words or
        phrases) to the room the sub-title leaves it, or left out: Textual would cut it
        anywhere, with the ambiguous-width "…", and under ``--ascii`` with no mark. A sub-title
        too long alone is shortened too."""
        title, sub_title, room = self.screen_title, self.screen_sub_title, self.room()
        if room < SHORTEST_TITLE:  # Textual cuts it
            return self.app.format_title(title, sub_title)
        if sub_title:
            sub_title = shortened(sub_title, room)  # a term's name (the reader's fits already)
            left = room - cells(sub_title) - 3  # " | " between them
            title = shortened(title, left) if left >= SHORTEST_TITLE else ""
        else:
            title = shortened(title, room)
        return self.app.format_title(title, sub_title)

    def on_resize(self) -> None:
        self.query_one(HeaderTitle).update(self.format_title(), layout=False)

    def show_sub_title(self, text: str) -> None:
        """Make ``text`` the screen's sub-title. Setting ``sub_title`` has the header re-lay
        out its title, and a layout repaints the whole screen (twice the bytes of a page down):
        the title is redrawn in place instead, its size being fixed."""
        screen = self.screen
        if text == screen.sub_title:
            return
        screen.set_reactive(Screen.sub_title, text)
        self.query_one(HeaderTitle).update(self.format_title(), layout=False)
