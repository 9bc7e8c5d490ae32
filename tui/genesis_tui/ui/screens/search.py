"""The reader's search, as a base of the reader screen: the search line, the count, the hits.

A match in the article (a block, a note, a key point) is shown by the reader (``show_hit``); a
match in the timeline opens the timeline, and one in the glossary the entry: each shows the
count and the match and sends ``n`` and ``N`` back here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from genesis_tui.content.edition import Content as ArticleContent
from genesis_tui.content.places import Anchor
from genesis_tui.ui.messages import OpenTerm
from genesis_tui.ui.screens.base import PageScreen, when_ready
from genesis_tui.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from textual.widgets import Input

    from genesis_tui.content.search import Hit, SearchSession
    from genesis_tui.ui.widgets.search_line import SearchLine


class SearchScreen(PageScreen):
    """A page screen with the reader's search (``/``, ``n``, ``N``)."""

    def __init__(self, content: ArticleContent) -> None:
        super().__init__(content)
        self._search: SearchSession | None = None
        self._search_input: SearchLine | None = None
        """The search line, once opened."""

    @property
    def search(self) -> SearchSession:
        """The search: its query, matches and history, made at the first search (search and
        its folding tables are imported then, not at start)."""
        if self._search is None:
            from genesis_tui.content.search import SearchSession

            self._search = SearchSession()
        return self._search

    @property
    def has_hits(self) -> bool:
        """True when a search found matches (False before any search, without making one)."""
        return self._search is not None and bool(self._search.hits)

    @property
    def typing_search(self) -> bool:
        """True while the search line has the keys (letters, digits, / and space are text)."""
        return self._search_input is not None and self._search_input.has_focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a search is typed, / is a character: the footer does not offer it as a key.
        return not (action == "search" and self.typing_search)

    def remember_place(self) -> None:
        """Note the place a search jumps away from (the reader keeps a history)."""

    def show_hit(self, hit: Hit) -> None:
        """Show a match in the article (the reader does)."""
        raise NotImplementedError

    @when_ready
    async def action_search(self) -> None:
        """Open the search line (made the first time: the first screen does without it)."""
        search_input = self._search_input
        if search_input is None:
            from genesis_tui.ui.widgets.search_line import SearchLine

            placeholder = self.ui("reader.search_placeholder")
            search_input = SearchLine(self.search.past, placeholder=placeholder, id="search-input")
            self._search_input = search_input
            await self.mount(search_input, before=self.query_one(KeyBar))
        search_input.add_class("-open")
        search_input.start(self.search.query)
        search_input.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self._search_input:
            return
        self._close_search_input()
        hit = self.search.start(self.content, event.value)
        self.page_view.set_marks(self.search.marks())
        if hit is None:
            query = self.search.query
            self._show_status(self.ui("reader.no_match", query=query) if query else "")
            return
        self.remember_place()
        self._go_to_hit(hit)

    def _close_search_input(self) -> None:
        if self._search_input is not None:
            self._search_input.remove_class("-open")
        # The keys go back to the screen's own bindings (n, N, tab...).
        self.set_focus(None)

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) search match."""
        hit = self.search.step(step) if self.has_hits else None
        if hit is not None:
            self._go_to_hit(hit)

    def _go_to_hit(self, hit: Hit) -> None:
        from genesis_tui.content.search import search_status

        status = search_status(self.search, hit, self.content, self.ui)
        self._show_status(status)
        if hit.term_id is not None:
            # The entry shows the count and the match; n and N there come back here.
            marks = self.search.marks(hit.term_id)
            self.post_message(OpenTerm(hit.term_id, status, marks))
            return
        if hit.part == "event":
            from genesis_tui.ui.screens.explainer import TimelineScreen

            marks = self.search.marks(timeline=True)
            place = Anchor(hit.block_id, hit.lang, "", hit.start)
            self.app.push_screen(
                TimelineScreen(self.content, search_status=status, marks=marks, place=place)
            )
            return
        self.show_hit(hit)

    def _clear_search(self) -> None:
        self.search.clear()
        self.page_view.set_marks({})
        self._show_status("")

    def _show_status(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(bool(text), "-open")

    @property
    def search_position(self) -> str:
        """The search position as shown, such as ``3/7``; empty with no search."""
        return self.search.position if self._search is not None else ""
