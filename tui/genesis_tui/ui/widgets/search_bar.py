"""The reader's search as a widget: the search line (``/``), the status line under the text
(``3/9 in a note: overview-2``), and the session (the query, its matches, earlier queries).

The bar finds; the reader shows. Each match the bar goes to is posted as ``SearchBar.Found``
with its status and the marks to draw, and the reader decides where it is shown (the article,
the timeline, a glossary entry). The search's module and its folding tables are imported at the
first search, not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from genesis_tui.content.edition import Edition
from genesis_tui.content.places import Marks
from genesis_tui.text.typesetting import clipped
from genesis_tui.ui.host import host_of

if TYPE_CHECKING:
    from genesis_tui.content.search import Hit, SearchSession
    from genesis_tui.ui.widgets.search_line import SearchLine


ECHO_WIDTH = 30
"""Cells of a query said back in "no match" (a pasted page would fill the screen)."""


class SearchBar(Widget):
    """The search line and the status line, over the session they drive."""

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
    }
    """

    class Found(Message):
        """The bar went to a match (``hit``), or a search found none (``hit`` is None)."""

        def __init__(self, hit: Hit | None, status: str, marks: Marks, *, new: bool) -> None:
            super().__init__()
            self.hit = hit
            self.status = status
            """The status line as shown (the position and where the match is)."""
            self.marks = marks
            """The matches to draw on a glossary entry or the timeline (the match is there)."""
            self.new = new
            """A new search (the reader remembers the place it jumps away from), not a step."""

    def __init__(self, content: Edition) -> None:
        super().__init__(id="search-bar")
        self.content = content
        self._session: SearchSession | None = None
        self._line: SearchLine | None = None
        """The search line, once opened."""

    def compose(self) -> ComposeResult:
        yield Static(id="search-status")

    @property
    def session(self) -> SearchSession:
        """The search: its query, matches and history, made at the first search."""
        if self._session is None:
            from genesis_tui.content.search import SearchSession

            self._session = SearchSession()
        return self._session

    @property
    def has_hits(self) -> bool:
        """True when a search found matches (False before any search, without making one)."""
        return self._session is not None and bool(self._session.hits)

    @property
    def active(self) -> bool:
        """True once a search was made and not cleared (its matches or its "no match")."""
        return self._session is not None and bool(self._session.query)

    @property
    def typing(self) -> bool:
        """True while the search line has the keys (letters, digits, / and space are text)."""
        return self._line is not None and self._line.has_focus

    @property
    def position(self) -> str:
        """The position as shown, such as ``3/7``; empty with no search."""
        return self._session.position if self._session is not None else ""

    async def open(self) -> None:
        """Open the search line (made the first time: the first screen does without it)."""
        line = self._line
        if line is None:
            from genesis_tui.ui.widgets.search_line import SearchLine

            placeholder = host_of(self.app).ui("reader.search_placeholder")
            line = SearchLine(self.session.past, placeholder=placeholder, id="search-input")
            self._line = line
            await self.mount(line)
        line.add_class("-open")
        line.start(self.session.query)
        line.focus()

    def close(self) -> None:
        """Close the search line; the keys go back to the screen's bindings (n, N, tab...)."""
        if self._line is not None:
            self._line.remove_class("-open")
        self.screen.set_focus(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self._line:
            return
        event.stop()
        self.close()
        session = self.session
        hit = session.start(self.content, event.value)
        if hit is None:
            query = session.query
            shown = clipped(query, ECHO_WIDTH)
            status = host_of(self.app).ui("reader.no_match", query=shown) if query else ""
            self.show_status(status)
            self.post_message(self.Found(None, status, {}, new=True))
            return
        self._found(hit, new=True)

    def step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) match, if there are any."""
        hit = self.session.step(step) if self.has_hits else None
        if hit is not None:
            self._found(hit, new=False)

    def _found(self, hit: Hit, *, new: bool) -> None:
        from genesis_tui.content.search import search_status

        session = self.session
        status = search_status(session, hit, self.content, host_of(self.app).ui)
        self.show_status(status)
        marks: Marks = {}  # the article's are the session's (``session.marks()``)
        if hit.term_id is not None:
            marks = session.marks(hit.term_id)
        elif hit.part == "event":
            marks = session.marks(timeline=True)
        self.post_message(self.Found(hit, status, marks, new=new))

    def clear(self) -> None:
        """Forget the search: its matches and its status line."""
        if self._session is not None:
            self._session.clear()
        self.show_status("")

    def show_status(self, text: str) -> None:
        """Show ``text`` on the status line (none: the line goes)."""
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(bool(text), "-open")
