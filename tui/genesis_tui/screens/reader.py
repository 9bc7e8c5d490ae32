"""The reader: the section list and the article, with links, search and back-navigation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Input, OptionList, Static

from genesis_tui.history import History, Location
from genesis_tui.loader import Content as ArticleContent
from genesis_tui.search import Hit, search
from genesis_tui.state import VIEWS, View
from genesis_tui.widgets.block_text import BlockText
from genesis_tui.widgets.section_list import SectionList
from genesis_tui.widgets.section_view import BlockRow, SectionView

WIDE = 100
"""From this width on, ``both`` shows Japanese and English side by side."""


@dataclass(frozen=True, slots=True)
class Link:
    """A glossary link on screen: the widget that shows it and its index there."""

    widget: BlockText
    index: int

    @property
    def term_id(self) -> str:
        """The glossary term the link opens."""
        return self.widget.links[self.index].term_id


class ReaderScreen(Screen[None]):
    """The article as panels, in Japanese, English or both."""

    BINDINGS = [
        *(
            Binding(str(n), f"section({n})", f"Section {n}", show=False, id=f"section-{n}")
            for n in range(1, 10)
        ),
        Binding("]", "next_section", "Next", id="next-section"),
        Binding("[", "previous_section", "Previous", id="previous-section"),
        Binding("v", "cycle_view", "View", id="cycle-view"),
        Binding("g", "glossary", "Glossary", id="glossary"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("n", "search_step(1)", "Next match", show=False, id="search-next"),
        Binding("N", "search_step(-1)", "Previous match", show=False, id="search-previous"),
        Binding("tab", "link(1)", "Next link", show=False, priority=True, id="link-next"),
        Binding(
            "shift+tab", "link(-1)", "Previous link", show=False, priority=True, id="link-previous"
        ),
        Binding("enter", "open_link", "Open link", show=False, id="open-link"),
        Binding("escape,backspace", "back", "Back", id="back"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="scroll-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="scroll-up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
        Binding("home", "edge(0)", "Top", show=False, id="top"),
        Binding("end", "edge(1)", "Bottom", show=False, id="bottom"),
    ]

    AUTO_FOCUS = ""
    """Nothing takes focus by itself: the screen's bindings are the reader's keys."""

    view: reactive[View] = reactive("both", init=False)
    section_id: reactive[str] = reactive("", init=False)

    def __init__(
        self, content: ArticleContent, section_id: str, view: View, *, scroll: int = 0
    ) -> None:
        super().__init__()
        self.content = content
        self.history = History()
        self._initial = (section_id, view, scroll)
        self._links: list[Link] = []
        self._link_index: int | None = None
        self._hits: tuple[Hit, ...] = ()
        self._hit_index = 0
        self._query = ""
        self._highlighted: BlockRow | None = None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield SectionList(self.content.article.sections)
            with ContentSwitcher(id="pages"):
                for section in self.content.article.sections:
                    yield SectionView(self.content, section)
        yield Static(id="search-status")
        yield Input(placeholder="Search (enter: go, escape: close)", id="search-input")
        yield Footer()

    def on_mount(self) -> None:
        section_id, view, scroll = self._initial
        self.title = self.content.article.title.en
        self.set_reactive(ReaderScreen.view, view)
        self._apply_view_classes()
        self.section_id = section_id
        if scroll:
            self.call_after_refresh(self.current.scroll_to, y=scroll, animate=False)

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < WIDE
        self.set_class(narrow, "-narrow")
        self.query_one(SectionList).set_compact(narrow)

    @property
    def current(self) -> SectionView:
        """The section shown now."""
        return self.query_one(f"#section-{self.section_id}", SectionView)

    def _apply_view_classes(self) -> None:
        for view in VIEWS:
            self.set_class(view == self.view, f"-view-{view}")

    def watch_view(self) -> None:
        self._apply_view_classes()
        self._refresh_links()
        self.sub_title = self._sub_title()

    def watch_section_id(self, section_id: str) -> None:
        self.query_one(ContentSwitcher).current = f"section-{section_id}"
        sections = self.content.article.sections
        index = next(i for i, s in enumerate(sections) if s.id == section_id)
        self.query_one(SectionList).highlighted = index
        self.sub_title = self._sub_title()
        self._refresh_links()

    def _sub_title(self) -> str:
        section = self.content.section(self.section_id)
        number = [s.id for s in self.content.article.sections].index(self.section_id) + 1
        return f"{number} {section.title.ja} / {section.title.en} · view: {self.view}"

    # ------------------------------------------------------------------ sections
    def show_section(self, section_id: str, *, remember: bool = False) -> None:
        """Switch to a section; with ``remember``, the current place goes into the history."""
        if remember:
            self.history.push(self.location())
        self.section_id = section_id

    def location(self) -> Location:
        """Where the reader is now."""
        return Location(self.section_id, round(self.current.scroll_y))

    def action_section(self, number: int) -> None:
        """Show section ``number`` (1-based)."""
        sections = self.content.article.sections
        if 1 <= number <= len(sections):
            self.show_section(sections[number - 1].id)

    def _step_section(self, step: int) -> None:
        ids = [section.id for section in self.content.article.sections]
        index = (ids.index(self.section_id) + step) % len(ids)
        self.show_section(ids[index])

    def action_next_section(self) -> None:
        """Show the next section."""
        self._step_section(1)

    def action_previous_section(self) -> None:
        """Show the previous section."""
        self._step_section(-1)

    @on(OptionList.OptionSelected, "#sections")
    def _section_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.show_section(event.option.id)

    def action_cycle_view(self) -> None:
        """Cycle the view: both, ja, en."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]

    # ------------------------------------------------------------------ scrolling
    def action_scroll(self, lines: int) -> None:
        """Scroll the section by ``lines``."""
        self.current.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll the section by a page."""
        view = self.current
        view.scroll_relative(
            y=pages * max(1, view.scrollable_content_region.height - 1), animate=False
        )

    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or the bottom (1)."""
        if end:
            self.current.scroll_end(animate=False)
        else:
            self.current.scroll_home(animate=False)

    # ------------------------------------------------------------------ links
    def _visible_langs(self) -> tuple[Literal["ja", "en"], ...]:
        return ("ja", "en") if self.view == "both" else (self.view,)

    def _refresh_links(self) -> None:
        if self._link_index is not None and self._link_index < len(self._links):
            self._links[self._link_index].widget.current_link = None
        self._links = []
        self._link_index = None
        for row in self.current.rows():
            for lang in self._visible_langs():
                widget = row.text(lang)
                self._links.extend(Link(widget, i) for i in range(len(widget.links)))

    def action_link(self, step: int) -> None:
        """Move to the next (1) or previous (-1) glossary link, in reading order."""
        if not self._links:
            self.notify("No glossary links in this view.", severity="warning", markup=False)
            return
        if self._link_index is None:
            index = 0 if step > 0 else len(self._links) - 1
        else:
            self._links[self._link_index].widget.current_link = None
            index = (self._link_index + step) % len(self._links)
        self._link_index = index
        link = self._links[index]
        link.widget.current_link = link.index
        line = link.widget.line_of_offset(link.widget.links[link.index].start)
        region = link.widget.region
        top = region.y - self.current.region.y + round(self.current.scroll_y) + line
        self.current.scroll_to(y=max(0, top - self.current.size.height // 3), animate=False)

    def action_open_link(self) -> None:
        """Open the glossary entry of the current link."""
        if self._link_index is not None:
            self.open_term(self._links[self._link_index].term_id)

    @on(BlockText.LinkClicked)
    def _link_clicked(self, event: BlockText.LinkClicked) -> None:
        self.open_term(event.block_text.links[event.index].term_id)

    def open_term(self, term_id: str) -> None:
        """Show a glossary entry over the reader."""
        from genesis_tui.screens.term import TermScreen

        self.app.push_screen(TermScreen(self.content, term_id))

    def action_glossary(self) -> None:
        """Open the glossary."""
        from genesis_tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.content))

    # ------------------------------------------------------------------ jumps and history
    def jump_to_block(self, section_id: str, block_id: str, *, remember: bool = True) -> None:
        """Show a block, scrolled into view and highlighted."""
        self.show_section(section_id, remember=remember)
        row = self.current.row(block_id)
        if self._highlighted is not None:
            self._highlighted.remove_class("-highlight")
        row.add_class("-highlight")
        self._highlighted = row
        self.call_after_refresh(self.current.scroll_to_widget, row, animate=False, top=True)

    def action_back(self) -> None:
        """Return to where the reader was before the last jump (or close the search line)."""
        if self.query_one("#search-input", Input).has_focus:
            self._close_search_input()
            return
        location = self.history.pop()
        if location is None:
            if self._hits:
                self._clear_search()
            return
        self.section_id = location.section_id
        self.call_after_refresh(self.current.scroll_to, y=location.scroll_y, animate=False)

    # ------------------------------------------------------------------ search
    def action_search(self) -> None:
        """Open the search line."""
        search_input = self.query_one("#search-input", Input)
        search_input.add_class("-open")
        search_input.value = self._query
        search_input.focus()

    @on(Input.Submitted, "#search-input")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search_input()
        self._query = event.value.strip()
        self._clear_marks()
        self._hits = search(self.content, self._query)
        if not self._hits:
            self._show_status(f"/{self._query}  no match" if self._query else "")
            return
        self._mark_hits()
        self.history.push(self.location())
        self._go_to_hit(0, remember=False)

    def _close_search_input(self) -> None:
        search_input = self.query_one("#search-input", Input)
        search_input.remove_class("-open")
        # The keys go back to the screen's own bindings (n, N, tab...).
        self.set_focus(None)

    def action_search_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) search match."""
        if self._hits:
            self._go_to_hit((self._hit_index + step) % len(self._hits), remember=False)

    def _go_to_hit(self, index: int, *, remember: bool) -> None:
        self._hit_index = index
        hit = self._hits[index]
        self._show_status(f"/{self._query}  {index + 1}/{len(self._hits)}")
        if hit.term_id is not None:
            self.open_term(hit.term_id)
            return
        assert hit.section_id is not None and hit.block_id is not None
        if self.view != "both" and self.view != hit.lang:
            self.view = "both"
        self.jump_to_block(hit.section_id, hit.block_id, remember=remember)

    def _mark_hits(self) -> None:
        for hit in self._hits:
            if hit.block_id is None or hit.section_id is None:
                continue
            view = self.query_one(f"#section-{hit.section_id}", SectionView)
            widget = view.row(hit.block_id).text(hit.lang)
            widget.marks = (*widget.marks, (hit.start, hit.end))

    def _clear_marks(self) -> None:
        for widget in self.query(BlockText):
            if widget.marks:
                widget.marks = ()

    def _clear_search(self) -> None:
        self._clear_marks()
        self._hits = ()
        self._show_status("")

    def _show_status(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(bool(text), "-open")

    @property
    def search_position(self) -> str:
        """The search position as shown, such as ``3/7``; empty with no search."""
        return f"{self._hit_index + 1}/{len(self._hits)}" if self._hits else ""
