"""A glossary entry, read like a page: it scrolls with the reader's keys, and ``tab`` walks its
related terms and the places it appears in (``enter`` opens a term or jumps to the place)."""

from __future__ import annotations

from typing import cast

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, View, one_lang
from genesis_tui.content.places import Marks, Place
from genesis_tui.pages.page import Page
from genesis_tui.pages.term import term_page
from genesis_tui.ui import keymap
from genesis_tui.ui.messages import StepSearch
from genesis_tui.ui.screens.base import when_ready
from genesis_tui.ui.screens.explainer import ExplainerScreen


class TermScreen(ExplainerScreen):
    """One glossary term; with a search under way, its match marked and the count shown."""

    BINDINGS = keymap.bindings("term")
    TITLE_KEY = "term.subtitle"

    def __init__(
        self,
        content: Edition,
        term_id: str,
        *,
        view: View = "both",
        readings: bool = False,
        search_status: str = "",
        marks: Marks | None = None,
    ) -> None:
        place = None
        if marks:  # the match on top, or as near the top as the page allows
            (block, lang, part), spans = next(iter(marks.items()))
            place = Place(block, cast(Lang, lang), part, spans[0][0])
        super().__init__(
            content, search_status=search_status, marks=marks, place=place, classes="term-screen"
        )
        self.term = content.term(term_id)
        self.view = view
        """The reader's view: the "appears in" snippets are in its languages."""
        self.readings = readings
        """Readings over the Japanese, as the reader shows them."""

    def heading(self) -> str:
        return self.term.term.get(one_lang(self.view, self.ui.lang))

    def build(self, content: Edition, width: int, ruby: bool) -> Page:
        return term_page(content, self.term.id, width, self.ui.lang, self.view, ruby)

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go on through the reader's search matches (a term opened from the palette too)."""
        self.post_message(StepSearch(step))
