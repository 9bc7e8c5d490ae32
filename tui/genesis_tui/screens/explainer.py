"""Explainer screens: the timeline (t) and who's who (w), each a page with glossary links."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header

from genesis_tui.explainers import timeline_layout, whos_who_layout
from genesis_tui.i18n import catalogue_of
from genesis_tui.layout import Layout
from genesis_tui.loader import Content
from genesis_tui.screens.ready import HEADER_ICON, ReadyAfterMount, page_bindings
from genesis_tui.widgets.article_view import ExplainerView, PageView


class ExplainerScreen(ReadyAfterMount):
    """A page of the explainer: scroll it, follow its links, go back."""

    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="explainer-back"),
        *page_bindings("explainer-", show_open=True),
    ]

    TITLE_KEY = ""

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content
        self.ui = catalogue_of(self.app)
        self.ui.localize_bindings(self._bindings)

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        yield ExplainerView(self.content, self.build, id="explainer")
        yield Footer(show_command_palette=False)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        title = self.content.article.title
        self.title = title.ja if self.ui.lang == "ja" else title.en
        self.sub_title = self.ui(self.TITLE_KEY)
        self.ready()

    def build(self, content: Content, width: int) -> Layout:
        """The page at ``width`` (each kind of page says how)."""
        raise NotImplementedError

    @property
    def view(self) -> PageView:
        """The page."""
        return self.query_one("#explainer", PageView)

    def action_back(self) -> None:
        """Close this page."""
        self.dismiss()

    def action_link(self, step: int) -> None:
        """Move to the next (1) or previous (-1) link."""
        self.view.step_link(step)

    def action_open_link(self) -> None:
        """Open the current link's glossary entry."""
        term_id = self.view.current_term
        if term_id is not None:
            self._open(term_id)

    @on(PageView.LinkClicked)
    def _clicked(self, event: PageView.LinkClicked) -> None:
        self._open(self.view.page.links[event.index].term_id)

    def _open(self, term_id: str) -> None:
        from genesis_tui.screens.term import TermScreen

        self.app.push_screen(TermScreen(self.content, term_id))

    def action_scroll(self, lines: int) -> None:
        """Scroll by lines."""
        self.view.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll by pages."""
        self.view.scroll_relative(
            y=pages * max(1, self.view.scrollable_content_region.height - 1), animate=False
        )

    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or bottom (1)."""
        if end:
            self.view.scroll_end(animate=False)
        else:
            self.view.scroll_home(animate=False)


class TimelineScreen(ExplainerScreen):
    """What happened when: the article's events and what came after it."""

    TITLE_KEY = "timeline.title"

    def build(self, content: Content, width: int) -> Layout:
        return timeline_layout(content, width, "both", self.ui.lang)


class WhosWhoScreen(ExplainerScreen):
    """Who the players are, and who signed what with whom."""

    TITLE_KEY = "whos_who.title"

    def build(self, content: Content, width: int) -> Layout:
        return whos_who_layout(content, width, self.ui.lang)
