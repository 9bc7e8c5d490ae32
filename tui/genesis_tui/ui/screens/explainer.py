"""Explainer screens: the timeline (t) and who's who (w), each a page with glossary links."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header

from genesis_tui.content.edition import Content
from genesis_tui.pages.page import Page
from genesis_tui.pages.timeline import timeline_page
from genesis_tui.pages.whos_who import whos_who_page
from genesis_tui.ui import keymap
from genesis_tui.ui.screens.base import HEADER_ICON, PageScreen, when_ready
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_kinds import ExplainerView


class ExplainerScreen(PageScreen):
    """A page of the explainer: scroll it, follow its links, go back."""

    AUTO_FOCUS = ""
    BINDINGS = keymap.bindings("explainer")

    TITLE_KEY = ""
    WIDE = False
    """A page set in two columns (see ``ExplainerView.wide``)."""

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        view = ExplainerView(self.content, self.build, id="explainer")
        view.wide = self.WIDE
        yield view
        yield KeyBar(self.extra_hints)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        title = self.content.article.title
        self.title = title.ja if self.ui.lang == "ja" else title.en
        self.sub_title = self.ui(self.TITLE_KEY)
        self.ready()

    def build(self, content: Content, width: int) -> Page:
        """The page at ``width`` (each kind of page says how)."""
        raise NotImplementedError

    @when_ready
    def action_back(self) -> None:
        """Close this page."""
        self.dismiss()


class TimelineScreen(ExplainerScreen):
    """What happened when: the article's events and what came after it."""

    TITLE_KEY = "timeline.title"

    def build(self, content: Content, width: int) -> Page:
        return timeline_page(content, width, self.reader_view, self.ui.lang)


class WhosWhoScreen(ExplainerScreen):
    """Who the players are, and who signed what with whom."""

    TITLE_KEY = "whos_who.title"
    WIDE = True

    def build(self, content: Content, width: int) -> Page:
        return whos_who_page(content, width, self.ui.lang, self.reader_view)
