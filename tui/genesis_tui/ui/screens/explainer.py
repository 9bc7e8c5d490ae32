"""Explainer screens: the timeline (t) and who's who (w), each a page with glossary links."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content as TextContent
from textual.widgets import Static

from genesis_tui.content.edition import Edition
from genesis_tui.content.places import Marks, Place
from genesis_tui.pages.page import Page
from genesis_tui.pages.timeline import timeline_page
from genesis_tui.pages.whos_who import whos_who_page
from genesis_tui.ui import keymap
from genesis_tui.ui.messages import StepSearch
from genesis_tui.ui.screens.base import HEADER_ICON, PageScreen, when_ready
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_kinds import ExplainerView
from genesis_tui.ui.widgets.title_bar import TitleBar


class ExplainerScreen(PageScreen):
    """A page of the explainer: scroll it, follow its links, go back."""

    AUTO_FOCUS = ""
    BINDINGS = keymap.bindings("explainer")

    def __init__(
        self,
        content: Edition,
        *,
        search_status: str = "",
        marks: Marks | None = None,
        place: Place | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(content, classes=classes)
        self.search_status = search_status
        """With a search match on this page: the search's status line."""
        self.marks: Marks = marks or {}
        self.place = place
        """Where the match shown is (put on top)."""

    TITLE_KEY = ""
    WIDE = False
    """A page set in two columns (see ``ExplainerView.wide``)."""

    def compose(self) -> ComposeResult:
        yield TitleBar(icon=HEADER_ICON)
        view = ExplainerView(self.content, self.build, ruby=self.readings, id="explainer")
        view.wide = self.WIDE
        yield view
        status = Static(TextContent(self.search_status), id="search-status")
        status.set_class(bool(self.search_status), "-open")
        yield status
        yield KeyBar(self.extra_hints)  # ctrl+p: in help; the icon opens it

    def heading(self) -> str:
        """The header's title: the article's, in the interface's language."""
        title = self.content.article.title
        return title.ja if self.ui.lang == "ja" else title.en

    def on_mount(self) -> None:
        self.title = self.heading()
        self.sub_title = self.ui(self.TITLE_KEY)
        if self.marks:
            self.page_view.set_marks(self.marks)
        if self.place is not None:
            self.page_view.go_to(self.place)
        self.ready()

    def build(self, content: Edition, width: int, ruby: bool) -> Page:
        """The page at ``width``, with readings above the Japanese if ``ruby`` (each kind of
        page says how)."""
        raise NotImplementedError

    @when_ready
    def action_back(self) -> None:
        """Close this page."""
        self.dismiss()

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go on through the reader's search matches (none: nothing happens)."""
        if self.search_status:
            self.post_message(StepSearch(step))


class TimelineScreen(ExplainerScreen):
    """What happened when: the article's events and what came after it."""

    TITLE_KEY = "timeline.title"

    def build(self, content: Edition, width: int, ruby: bool) -> Page:
        return timeline_page(content, width, self.reader_view, self.ui.lang, ruby)


class WhosWhoScreen(ExplainerScreen):
    """Who the players are, and who signed what with whom."""

    TITLE_KEY = "whos_who.title"
    WIDE = True

    def build(self, content: Edition, width: int, ruby: bool) -> Page:
        return whos_who_page(content, width, self.ui.lang, self.reader_view, ruby)


class AboutScreen(ExplainerScreen):
    """Where the article comes from: the publisher, both pages, who translated what."""

    TITLE_KEY = "about.title"

    def build(self, content: Edition, width: int, ruby: bool) -> Page:
        from genesis_tui.pages.about import about_page

        return about_page(content, width, self.ui.lang, self.reader_view, ruby)
