"""The reader's places, as a base of the reader screen: the section and view shown, the
reading position of each section, and the jumps with the history that goes back from them (a
link, a search's match, an occurrence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.reactive import var

from genesis_tui.content.edition import Content as ArticleContent
from genesis_tui.content.model import View
from genesis_tui.content.places import Anchor, History, Location
from genesis_tui.ui.screens.base import when_ready
from genesis_tui.ui.screens.search import SearchScreen
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.section_list import SectionList

if TYPE_CHECKING:
    from genesis_tui.content.search import Hit


class PlacesScreen(SearchScreen):
    """A search screen over the article that knows where the reader is and has been."""

    # Plain variables, not reactives: a reactive repaints its owner when it changes, and the
    # owner here is the whole screen. The widgets that show the change repaint themselves.
    view: var[View] = var("both", init=False)
    section_id: var[str] = var("", init=False)

    def __init__(self, content: ArticleContent, anchors: dict[str, Anchor] | None) -> None:
        super().__init__(content)
        self.history = History()
        self.anchors: dict[str, Anchor] = dict(anchors or {})
        """The reading position in each section visited, to return to it."""

    @property
    def article(self) -> ArticleView:
        """The reading area."""
        return self.query_one("#article", ArticleView)

    def remember_places(self) -> dict[str, Anchor]:
        """The reading position of every section visited, the current one up to date."""
        if self.article.place is not None:
            self.anchors[self.section_id] = self.article.place
        return self.anchors

    # ------------------------------------------------------------------ sections
    @when_ready
    def action_section(self, number: int) -> None:
        """Show section ``number`` (1-based); beyond the last, say how many there are."""
        sections = self.content.article.sections
        if 1 <= number <= len(sections):
            self.show_section(sections[number - 1].id)
        else:
            message = self.ui("reader.no_section", number=number, total=len(sections))
            self.notify(message, severity="warning", timeout=3, markup=False)

    @when_ready
    def action_page(self, pages: int) -> None:
        """Page down or up; past the end of a section, on into the next one (from its top),
        and before its start back into the previous one (at its end), as a pager does."""
        article = self.article
        ids = [section.id for section in self.content.article.sections]
        index = ids.index(self.section_id)
        at_end = round(article.scroll_y) >= article.max_scroll_y
        if pages > 0 and at_end and index + 1 < len(ids):
            self.anchors[ids[index + 1]] = Anchor()
            self.show_section(ids[index + 1])
        elif pages < 0 and round(article.scroll_y) == 0 and index > 0:
            self.show_section(ids[index - 1])
            article.scroll_to(y=article.max_scroll_y, animate=False)
        else:
            super().action_page(pages)

    def _step_section(self, step: int) -> None:
        ids = [section.id for section in self.content.article.sections]
        index = (ids.index(self.section_id) + step) % len(ids)
        self.show_section(ids[index])

    @when_ready
    def action_next_section(self) -> None:
        """Show the next section."""
        self._step_section(1)

    @when_ready
    def action_previous_section(self) -> None:
        """Show the previous section."""
        self._step_section(-1)

    @on(SectionList.Chosen)
    def _section_clicked(self, event: SectionList.Chosen) -> None:
        self.show_section(event.section_id)

    def show_section(self, section_id: str, *, remember: bool = False) -> None:
        """Switch to a section; with ``remember``, the current place goes into the history."""
        if remember:
            self.history.push(self.location())
        self.section_id = section_id

    def location(self) -> Location:
        """Where the reader is now."""
        return Location(self.section_id, self.article.place or Anchor())

    # ------------------------------------------------------------------ jumps and history
    def jump_to_block(self, section_id: str, block_id: str, *, remember: bool = True) -> None:
        """Show a block, scrolled to the top of the reading area and highlighted."""
        self.show_section(section_id, remember=remember)
        article = self.article
        article.highlighted_block = block_id
        article.scroll_to_line(article.page.block_lines[block_id], top=True)

    @when_ready
    def action_back(self) -> None:
        """Return to where the reader was before the last jump (or close the search line)."""
        if self._search_input is not None and self._search_input.has_focus:
            self._close_search_input()
            return
        location = self.history.pop()
        if location is None:
            # Nowhere to go back to: the search's matches and its status line go (a search
            # that found nothing leaves only its "no match" line).
            if self._search is not None:
                self._clear_search()
            return
        self.section_id = location.section_id
        self.article.highlighted_block = None
        self.article.go_to(location.anchor)

    # ------------------------------------------------------------------ search (see SearchScreen)
    def remember_place(self) -> None:
        """Note where the reader is before a search jumps away."""
        self.history.push(self.location())

    def show_hit(self, hit: Hit) -> None:
        """Show a match in the article: in a view that shows its language, its block on top."""
        assert hit.section_id is not None
        if self.view not in ("both", hit.lang):
            self.view = hit.lang if getattr(self.app, "screen_reader", False) else "both"
        if not hit.part:
            assert hit.block_id is not None
            self.jump_to_block(hit.section_id, hit.block_id, remember=False)
            return
        # A note or a key point: its line on top (a note's block is not highlighted: the
        # highlight shows the text jumped to).
        self.show_section(hit.section_id)
        article = self.article
        article.highlighted_block = None
        if not article.page.shows(hit.block_id, hit.lang, hit.part):
            self.view = hit.lang  # key points narrow in ``both``: the interface's language only
        article.go_to(Anchor(hit.block_id, hit.lang, hit.part, hit.start))
