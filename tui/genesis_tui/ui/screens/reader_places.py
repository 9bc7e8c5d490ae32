"""The reader's places, as a base of the reader screen: the section and view shown, the
reading position of each section, and the jumps with the history that goes back from them (a
link, a search's match, an occurrence). The search itself is a widget (``SearchBar``): what it
finds comes here as a message, to be shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.reactive import var

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View
from genesis_tui.content.places import History, Location, Place
from genesis_tui.ui.host import host_of
from genesis_tui.ui.messages import OpenTerm
from genesis_tui.ui.screens.base import PageScreen, when_ready
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar
from genesis_tui.ui.widgets.section_list import SectionList

if TYPE_CHECKING:
    from genesis_tui.content.search import Hit


class PlacesScreen(PageScreen):
    """A screen over the article that knows where the reader is and has been, and shows what
    its search finds."""

    # Plain variables, not reactives: a reactive repaints its owner when it changes, and the
    # owner here is the whole screen. The widgets that show the change repaint themselves.
    view: var[View] = var("both", init=False)
    section_id: var[str] = var("", init=False)

    def __init__(self, content: Edition, anchors: dict[str, Place] | None) -> None:
        super().__init__(content)
        self.history = History()
        self.anchors: dict[str, Place] = dict(anchors or {})
        """The reading position in each section visited, to return to it."""

    @property
    def article(self) -> ArticleView:
        """The reading area."""
        return self.query_one("#article", ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        """The search line, its status line and its matches."""
        return self.query_one(SearchBar)

    @property
    def can_go_back(self) -> bool:
        """Whether ``back`` has something to do: a search line to close, a search to clear, a
        place to return to (``back`` is greyed otherwise)."""
        bar = self.search_bar
        return bool(self.history) or bar.typing or bar.active

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.has_widgets:
            return True
        if action == "search":  # while a search is typed, / is a character: not offered
            return not self.search_bar.typing
        if action == "back":
            return True if self.can_go_back else None
        return True

    def remember_places(self) -> dict[str, Place]:
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
            self.anchors[ids[index + 1]] = Place()
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
            self.remember_place()
        self.section_id = section_id

    def location(self) -> Location:
        """Where the reader is now."""
        return Location(self.section_id, self.article.place or Place())

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
        bar = self.search_bar
        if bar.typing:
            bar.close()
            return
        location = self.history.pop()
        self.refresh_bindings()
        if location is None:
            # Nowhere to go back to: the search's matches and its status line go (a search
            # that found nothing leaves only its "no match" line).
            bar.clear()
            self.article.set_marks({})
            self.refresh_bindings()
            return
        self.section_id = location.section_id
        self.article.highlighted_block = None
        self.article.go_to(location.anchor)

    def remember_place(self) -> None:
        """Note where the reader is before a jump (``back`` returns here)."""
        self.history.push(self.location())
        self.refresh_bindings()

    # ------------------------------------------------------------------ search
    @when_ready
    async def action_search(self) -> None:
        """Open the search line (leaving the word cursor: a match moves the reading place, and
        the cursor's keys would not follow it)."""
        from genesis_tui.ui.widgets.word_panel import WordPanel

        for panel in self.query(WordPanel):
            await panel.remove()
        await self.search_bar.open()
        self.refresh_bindings()

    @when_ready
    def action_search_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) search match."""
        self.search_bar.step(step)

    def on_search_bar_found(self, message: SearchBar.Found) -> None:
        """Show what the search found: in the article, the timeline or a glossary entry."""
        self.refresh_bindings()
        if message.new:
            self.article.set_marks(self.search_bar.session.marks())
        hit = message.hit
        if hit is None:
            return
        if message.new:
            self.remember_place()
        if hit.term_id is not None:
            # The entry shows the count and the match; n and N there come back here.
            self.post_message(OpenTerm(hit.term_id, message.status, message.marks))
        elif hit.part == "event":
            from genesis_tui.ui.screens.explainer import TimelineScreen

            place = Place(hit.block_id, hit.lang, "", hit.start)
            timeline = TimelineScreen(
                self.content, search_status=message.status, marks=message.marks, place=place
            )
            self.app.push_screen(timeline)
        else:
            self.show_hit(hit)

    def show_hit(self, hit: Hit) -> None:
        """Show a match in the article: in a view that shows its language, its block on top."""
        assert hit.section_id is not None
        if self.view not in ("both", hit.lang):
            self.view = hit.lang if host_of(self.app).screen_reader else "both"
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
        article.go_to(Place(hit.block_id, hit.lang, hit.part, hit.start))
