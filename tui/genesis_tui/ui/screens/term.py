"""A glossary entry, read like a page: it scrolls with the reader's keys, and ``tab`` walks its
related terms and the places it appears in (``enter`` opens a term or jumps to the place)."""

from __future__ import annotations

from functools import partial
from typing import cast

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from genesis_tui.content.edition import Content as ArticleContent
from genesis_tui.content.model import Lang, View, one_lang
from genesis_tui.content.places import Anchor, Marks
from genesis_tui.i18n.catalogue import UiLang
from genesis_tui.pages.page import Page
from genesis_tui.pages.term import term_page
from genesis_tui.ui import keymap
from genesis_tui.ui.messages import StepSearch
from genesis_tui.ui.screens.base import HEADER_ICON, PageScreen, when_ready
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_kinds import ExplainerView
from genesis_tui.ui.widgets.title_bar import TitleBar


class TermScreen(PageScreen):
    """One glossary term; with a search under way, its match marked and the count shown."""

    AUTO_FOCUS = ""
    BINDINGS = keymap.bindings("term")

    def __init__(
        self,
        content: ArticleContent,
        term_id: str,
        *,
        view: View = "both",
        readings: bool = False,
        search_status: str = "",
        marks: Marks | None = None,
    ) -> None:
        super().__init__(content, classes="term-screen")
        self.term = content.term(term_id)
        self.view = view
        """The reader's view: the "appears in" snippets are in its languages."""
        self.readings = readings
        """Readings over the Japanese, as the reader shows them."""
        self.search_status = search_status
        self.marks: Marks = marks or {}

    def compose(self) -> ComposeResult:
        yield TitleBar(icon=HEADER_ICON)
        build = partial(_build, term_id=self.term.id, ui_lang=self.ui.lang, view=self.view)
        yield ExplainerView(self.content, build, ruby=self.readings, id="term-page")
        status = Static(Content(self.search_status), id="search-status")
        status.set_class(bool(self.search_status), "-open")
        yield status
        yield KeyBar(self.extra_hints)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        self.title = self.term.term.get(one_lang(self.view, self.ui.lang))
        self.sub_title = self.ui("term.subtitle")
        view = self.page_view
        if self.marks:
            view.set_marks(self.marks)
            (block, lang, part), spans = next(iter(self.marks.items()))
            # The match on top, or as near the top as the page allows.
            view.go_to(Anchor(block, cast(Lang, lang), part, spans[0][0]))
        self.ready()

    @when_ready
    def action_back(self) -> None:
        """Close this entry."""
        self.dismiss()

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go on through the reader's search matches."""
        self.post_message(StepSearch(step))


def _build(
    content: ArticleContent,
    width: int,
    readings: bool,
    *,
    term_id: str,
    ui_lang: UiLang,
    view: View,
) -> Page:
    return term_page(content, term_id, width, ui_lang, view, readings)
