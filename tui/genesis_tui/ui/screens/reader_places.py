"""The reader's places: the reading position of each section, the sections and pages turned, and
the jumps with the history that goes back from them (a link, a search's match, an occurrence).

``Places`` is a part the reader screen holds (its keys call it); it sees of the screen only
``PlacesHost``. The section and the view shown stay the screen's (they drive its widgets): the
places set them. The search itself is a widget (``SearchBar``): what it finds comes to the
screen as a message, and ``show_found`` shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.message import Message

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View
from genesis_tui.content.places import History, Location, Place
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.ui.host import Notifying, host_of
from genesis_tui.ui.messages import OpenTerm
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from genesis_tui.content.search import Hit


class PlacesHost(Notifying, Protocol):
    """What the places use of the reader screen."""

    content: Edition
    ui: Catalogue
    section_id: str
    view: View

    @property
    def app(self) -> App[Any]: ...

    @property
    def article(self) -> ArticleView: ...

    @property
    def search_bar(self) -> SearchBar: ...

    def refresh_bindings(self) -> None: ...

    def post_message(self, message: Message) -> bool: ...


class Places:
    """Where the reader is and has been (see the module's docstring)."""

    def __init__(self, host: PlacesHost, anchors: dict[str, Place] | None = None) -> None:
        self._host = host
        self.history = History()
        """The places jumped away from, for ``back``."""
        self.anchors: dict[str, Place] = dict(anchors or {})
        """The reading position in each section visited, to return to it."""

    @property
    def can_go_back(self) -> bool:
        """Whether ``back`` has something to do here: a search line to close, a search to
        clear, a place to return to."""
        bar = self._host.search_bar
        return bool(self.history) or bar.typing or bar.active

    def remember(self) -> dict[str, Place]:
        """The reading position of every section visited, the current one up to date."""
        article = self._host.article
        if article.place is not None:
            self.anchors[self._host.section_id] = article.place
        return self.anchors

    def turn_to(self, old: str, new: str) -> None:
        """The section shown changes: the place in the one left is kept, and the new one opens
        at its own."""
        article = self._host.article
        if article.place is not None:
            self.anchors[old] = article.place
        # The place to return to first, then the section: its layout puts the place on top.
        article.place = self.anchors.get(new)
        article.section_id = new
        article.highlighted_block = None

    # ------------------------------------------------------------------ sections
    def go_to_section(self, number: int) -> None:
        """Show section ``number`` (1-based); beyond the last, say how many there are."""
        host = self._host
        sections = host.content.article.sections
        if 1 <= number <= len(sections):
            self.show_section(sections[number - 1].id)
        else:
            message = host.ui("reader.no_section", number=number, total=len(sections))
            host.notify(message, severity="warning", timeout=3, markup=False)

    def turn_page(self, pages: int) -> bool:
        """Page down past the end of a section on into the next one (from its top), or up
        before its start back into the previous one (at its end), as a pager does; False
        when the page turns within the section."""
        host = self._host
        article = host.article
        ids = [section.id for section in host.content.article.sections]
        index = ids.index(host.section_id)
        at_end = round(article.scroll_y) >= article.max_scroll_y
        if pages > 0 and at_end and index + 1 < len(ids):
            self.anchors[ids[index + 1]] = Place()
            self.show_section(ids[index + 1])
        elif pages < 0 and round(article.scroll_y) == 0 and index > 0:
            self.show_section(ids[index - 1])
            article.scroll_to(y=article.max_scroll_y, animate=False)
        else:
            return False
        return True

    def step_section(self, step: int) -> None:
        """Show the next (1) or previous (-1) section, round from the last to the first."""
        ids = [section.id for section in self._host.content.article.sections]
        index = (ids.index(self._host.section_id) + step) % len(ids)
        self.show_section(ids[index])

    def show_section(self, section_id: str, *, remember: bool = False) -> None:
        """Switch to a section; with ``remember``, the current place goes into the history."""
        if remember:
            self.remember_place()
        self._host.section_id = section_id

    def location(self) -> Location:
        """Where the reader is now."""
        host = self._host
        return Location(host.section_id, host.article.place or Place(), host.view)

    # ------------------------------------------------------------------ jumps and history
    def jump_to_block(self, section_id: str, block_id: str, *, remember: bool = True) -> None:
        """Show a block, scrolled to the top of the reading area and highlighted."""
        self.show_section(section_id, remember=remember)
        article = self._host.article
        article.highlighted_block = block_id
        article.scroll_to_line(article.page.block_lines[block_id], top=True)

    def back(self) -> None:
        """Return to where the reader was before the last jump (or close the search line)."""
        host = self._host
        bar = host.search_bar
        if bar.typing:
            bar.close()
            return
        location = self.history.pop()
        host.refresh_bindings()
        if location is None:
            # Nowhere to go back to: the search's matches and its status line go (a search
            # that found nothing leaves only its "no match" line).
            bar.clear()
            host.article.set_marks({})
            host.refresh_bindings()
            return
        if location.view is not None:
            host.view = location.view  # a search showing a match in the other language
        host.section_id = location.section_id
        host.article.highlighted_block = None
        host.article.go_to(location.anchor)

    def remember_place(self) -> None:
        """Note where the reader is before a jump (``back`` returns here)."""
        self.history.push(self.location())
        self._host.refresh_bindings()

    # ------------------------------------------------------------------ search
    def show_found(self, message: SearchBar.Found) -> None:
        """Show what the search found: in the article, the timeline or a glossary entry."""
        host = self._host
        host.refresh_bindings()
        if message.new:
            host.article.set_marks(host.search_bar.session.marks())
        hit = message.hit
        if hit is None:
            return
        if message.new:
            self.remember_place()
        if hit.term_id is not None:
            # The entry shows the count and the match; n and N there come back here.
            host.post_message(OpenTerm(hit.term_id, message.status, message.marks))
        elif hit.part == "event":
            from genesis_tui.ui.screens.explainer import TimelineScreen

            place = Place(hit.block_id, hit.lang, "", hit.start)
            timeline = TimelineScreen(
                host.content, search_status=message.status, marks=message.marks, place=place
            )
            host.app.push_screen(timeline)
        else:
            self.show_hit(hit)

    def show_hit(self, hit: Hit) -> None:
        """Show a match in the article: in a view that shows its language, its block on top."""
        assert hit.section_id is not None
        host = self._host
        if host.view not in ("both", hit.lang):
            host.view = hit.lang if host_of(host.app).screen_reader else "both"
        if not hit.part:
            assert hit.block_id is not None
            self.jump_to_block(hit.section_id, hit.block_id, remember=False)
            return
        # A note or a key point: its line on top (a note's block is not highlighted: the
        # highlight shows the text jumped to).
        self.show_section(hit.section_id)
        article = host.article
        article.highlighted_block = None
        if not article.page.shows(hit.block_id, hit.lang, hit.part):
            host.view = hit.lang  # key points narrow in ``both``: the interface's language only
        article.go_to(Place(hit.block_id, hit.lang, hit.part, hit.start))
