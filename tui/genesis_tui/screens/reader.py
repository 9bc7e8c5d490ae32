"""The reader: the section list and the article, with links, search and back-navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.css.scalar import Unit
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Footer, Header, Static

from genesis_tui.content import Content as ArticleContent
from genesis_tui.history import History, Location
from genesis_tui.model import VIEWS, View
from genesis_tui.screens.base import HEADER_ICON, PageScreen, one_lang, page_bindings, shown_langs
from genesis_tui.search import Hit, SearchSession
from genesis_tui.widgets.page_view import ArticleView
from genesis_tui.widgets.section_list import SectionList

if TYPE_CHECKING:
    from textual.widgets import Input

WIDE = 100
"""From this terminal width on, ``both`` shows Japanese and English side by side."""


class ReaderScreen(PageScreen):
    """The article as panels, in Japanese, English or both."""

    BINDINGS = [
        *(
            Binding(str(n), f"section({n})", f"Section {n}", show=False, id=f"section-{n}")
            for n in range(1, 10)
        ),
        # ], [ and escape are in help, not in the footer: at 80 columns it has no room.
        Binding("]", "next_section", "Next", show=False, id="next-section"),
        Binding("[", "previous_section", "Previous", show=False, id="previous-section"),
        Binding("v", "cycle_view", "View", id="cycle-view"),
        Binding("r", "toggle_readings", "Readings", id="toggle-readings"),
        Binding("g", "glossary", "Glossary", id="glossary"),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("w", "whos_who", "Who's who", id="whos-who"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("n", "search_step(1)", "Next match", show=False, id="search-next"),
        Binding("N", "search_step(-1)", "Previous match", show=False, id="search-previous"),
        Binding("escape,backspace", "back", "Back", show=False, id="back"),
        Binding("y", "copy", "Copy", show=False, id="copy"),
        *page_bindings(),
    ]

    AUTO_FOCUS = ""
    """Nothing takes focus by itself: the screen's bindings are the reader's keys."""

    view: reactive[View] = reactive("both", init=False)
    section_id: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        content: ArticleContent,
        section_id: str,
        view: View,
        *,
        scroll: int = 0,
        readings: bool = False,
    ) -> None:
        super().__init__(content)
        self.readings = readings
        """Readings (furigana) above the Japanese: ``r`` turns them on and off."""
        self.history = History()
        self._search_input: Input | None = None
        """The search line, once opened."""
        self._initial = (section_id, view, scroll)
        self.scroll_positions: dict[str, int] = {}
        """The scroll offset of each section visited, to return to it."""
        self.search = SearchSession()

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        section_id, view, _ = self._initial
        yield Header(icon=HEADER_ICON)
        with Horizontal(id="main"):
            yield SectionList(self.content.article.sections)
            summary_lang = self.ui.lang
            article = ArticleView(
                self.content, section_id, view, summary_lang=summary_lang, id="article"
            )
            article.set_reactive(ArticleView.ruby, self.readings)
            yield article
        yield Static(id="search-status")
        yield Footer(show_command_palette=False)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        section_id, view, scroll = self._initial
        self.set_reactive(ReaderScreen.view, view)
        self.set_reactive(ReaderScreen.section_id, section_id)
        self._section_shown()
        self._fit(self.app.size.width)
        # The reading area's width, from the screen's and the section list's: the page is laid
        # out once, before the first paint, instead of again when the first resize comes.
        sections = self.query_one(SectionList).styles.width
        scrollbar = self.article.styles.scrollbar_size_vertical
        if sections is not None and sections.unit == Unit.CELLS:
            self.article.expect_width(self.app.size.width - int(sections.value) - scrollbar)
        if scroll:
            self.call_after_refresh(self.article.scroll_to, y=scroll, animate=False)
        self.ready()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        narrow = width < WIDE
        self.set_class(narrow, "-narrow")
        self.query_one(SectionList).set_compact(narrow)
        self.article.side_by_side = not narrow

    @property
    def article(self) -> ArticleView:
        """The reading area."""
        return self.query_one("#article", ArticleView)

    def watch_view(self, view: View) -> None:
        self.article.view = view
        self._section_shown()

    def watch_section_id(self, old: str, new: str) -> None:
        article = self.article
        self.scroll_positions[old] = round(article.scroll_y)
        article.section_id = new
        article.highlighted_block = None
        self._section_shown()
        article.scroll_to(y=self.scroll_positions.get(new, 0), animate=False)

    def _section_shown(self) -> None:
        sections = self.content.article.sections
        index = next(i for i, s in enumerate(sections) if s.id == self.section_id)
        section_list = self.query_one(SectionList)
        section_list.highlighted = index
        section_list.set_langs(shown_langs(self.view, self.ui.lang), self.ui.lang)
        # Titles in the languages shown: in one language's view, nothing of the other.
        self.title = self.content.article.title.get(one_lang(self.view, self.ui.lang))
        self.sub_title = self._sub_title()

    def _sub_title(self) -> str:
        section = self.content.section(self.section_id)
        number = [s.id for s in self.content.article.sections].index(self.section_id) + 1
        title = " / ".join(section.title.get(lang) for lang in shown_langs(self.view, "en"))
        view = self.ui(f"view.{self.view}")
        return self.ui("reader.subtitle", number=number, title=title, view=view)

    def remember_scroll(self) -> dict[str, int]:
        """The scroll offset of every section visited, the current one up to date."""
        self.scroll_positions[self.section_id] = round(self.article.scroll_y)
        return self.scroll_positions

    # ------------------------------------------------------------------ sections
    def show_section(self, section_id: str, *, remember: bool = False) -> None:
        """Switch to a section; with ``remember``, the current place goes into the history."""
        if remember:
            self.history.push(self.location())
        self.section_id = section_id

    def location(self) -> Location:
        """Where the reader is now."""
        return Location(self.section_id, round(self.article.scroll_y))

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

    @on(SectionList.Chosen)
    def _section_clicked(self, event: SectionList.Chosen) -> None:
        self.show_section(event.section_id)

    def action_toggle_readings(self) -> None:
        """Show or hide the readings above the Japanese."""
        if not self.content.ruby:
            self.notify(self.ui("reader.no_readings"), severity="warning", markup=False)
            return
        self.readings = not self.readings
        self.article.ruby = self.readings
        if self.readings and self.view == "en":
            self.notify(self.ui("reader.readings_in_japanese"), markup=False)

    def action_cycle_view(self) -> None:
        """Cycle the view: both, ja, en."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]

    # ------------------------------------------------------------------ other pages
    # The other screens are imported when first opened: the first paint does without them.
    def action_glossary(self) -> None:
        """Open the glossary."""
        from genesis_tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.content))

    def action_timeline(self) -> None:
        """Open the timeline."""
        from genesis_tui.screens.explainer import TimelineScreen

        self.app.push_screen(TimelineScreen(self.content))

    def action_whos_who(self) -> None:
        """Open who's who."""
        from genesis_tui.screens.explainer import WhosWhoScreen

        self.app.push_screen(WhosWhoScreen(self.content))

    # ------------------------------------------------------------------ jumps and history
    def jump_to_block(self, section_id: str, block_id: str, *, remember: bool = True) -> None:
        """Show a block, scrolled to the top of the reading area and highlighted."""
        self.show_section(section_id, remember=remember)
        article = self.article
        article.highlighted_block = block_id
        article.scroll_to_line(article.page.block_lines[block_id], top=True)

    def action_back(self) -> None:
        """Return to where the reader was before the last jump (or close the search line)."""
        if self._search_input is not None and self._search_input.has_focus:
            self._close_search_input()
            return
        location = self.history.pop()
        if location is None:
            if self.search.hits:
                self._clear_search()
            return
        self.section_id = location.section_id
        self.article.highlighted_block = None
        self.article.scroll_to(y=location.scroll_y, animate=False)

    # ------------------------------------------------------------------ search
    async def action_search(self) -> None:
        """Open the search line (made the first time: the first screen does without it)."""
        search_input = self._search_input
        if search_input is None:
            from textual.widgets import Input

            placeholder = self.ui("reader.search_placeholder")
            search_input = self._search_input = Input(placeholder=placeholder, id="search-input")
            await self.mount(search_input, before=self.query_one(Footer))
        search_input.add_class("-open")
        search_input.value = self.search.query
        search_input.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self._search_input:
            return
        self._close_search_input()
        hit = self.search.start(self.content, event.value)
        self.article.set_marks(self.search.marks())
        if hit is None:
            query = self.search.query
            self._show_status(self.ui("reader.no_match", query=query) if query else "")
            return
        self.history.push(self.location())
        self._go_to_hit(hit)

    def _close_search_input(self) -> None:
        if self._search_input is not None:
            self._search_input.remove_class("-open")
        # The keys go back to the screen's own bindings (n, N, tab...).
        self.set_focus(None)

    def action_search_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) search match."""
        hit = self.search.step(step) if self.search.hits else None
        if hit is not None:
            self._go_to_hit(hit)

    def _go_to_hit(self, hit: Hit) -> None:
        position = self.search.position
        self._show_status(self.ui("reader.match", query=self.search.query, position=position))
        if hit.term_id is not None:
            self.open_term(hit.term_id)
            return
        assert hit.section_id is not None and hit.block_id is not None
        if self.view not in ("both", hit.lang):
            self.view = "both"
        self.jump_to_block(hit.section_id, hit.block_id, remember=False)

    def _clear_search(self) -> None:
        self.search.clear()
        self.article.set_marks({})
        self._show_status("")

    def _show_status(self, text: str) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(bool(text), "-open")

    @property
    def search_position(self) -> str:
        """The search position as shown, such as ``3/7``; empty with no search."""
        return self.search.position
