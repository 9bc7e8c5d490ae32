"""The reader: the section list and the article, with links, search and back-navigation.

The screen composes the widgets and keeps the keys; what a key does lives in one of the parts
the screen holds, plain classes that see of it only a narrow Protocol each: ``places`` (reading
positions, sections, jumps and back), ``sentences`` (the current sentence, English on request),
``learner`` (what the learner knows, readings and marks), ``signposts`` (the header, the
section list's mark, the footer's hints) and ``widths`` (the layout at a width). The search is a
widget, ``SearchBar``: what it finds comes here as a message, for the places to show.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize, ScreenResume
from textual.reactive import var

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import VIEWS, View
from genesis_tui.content.places import Place
from genesis_tui.ui import keymap
from genesis_tui.ui.host import host_of
from genesis_tui.ui.screens.base import HEADER_ICON, PageScreen, when_ready
from genesis_tui.ui.screens.reader_places import Places
from genesis_tui.ui.screens.reader_sentences import Sentences
from genesis_tui.ui.screens.reader_signposts import Signposts
from genesis_tui.ui.screens.reader_width import Widths
from genesis_tui.ui.screens.study import Learner, Study
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar
from genesis_tui.ui.widgets.section_list import SectionList
from genesis_tui.ui.widgets.title_bar import TitleBar


class ReaderScreen(PageScreen):
    """The article as panels, in Japanese, English or both."""

    BINDINGS = keymap.bindings("reader")

    AUTO_FOCUS = ""
    """Nothing takes focus by itself: the screen's bindings are the reader's keys."""

    # Plain variables, not reactives: a reactive repaints its owner when it changes, and the
    # owner here is the whole screen. The widgets that show the change repaint themselves.
    view: var[View] = var("both", init=False)
    section_id: var[str] = var("", init=False)

    def __init__(
        self,
        content: Edition,
        section_id: str,
        view: View,
        *,
        anchors: dict[str, Place] | None = None,
        readings: bool = False,
        english_hidden: bool = False,
        study: Study | None = None,
    ) -> None:
        super().__init__(content)
        self.readings = readings
        """Readings (furigana) above the Japanese: ``r`` turns them on and off."""
        study = study or Study()
        self.places = Places(self, anchors)
        self.sentences = Sentences(self, english_hidden=english_hidden)
        self.signposts = Signposts(self, study)
        self.learner = Learner(self, study, header=self.signposts.update)
        self.widths = Widths(self)
        self._initial = (section_id, view)
        self._resumed = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        section_id, view = self._initial
        self.widths.classes(self.app.size.width)  # before the widgets below are styled
        yield TitleBar(icon=HEADER_ICON)
        yield SectionList(self.content.article.sections, self.ui.lang, self._text_indent)
        with Horizontal(id="main"):
            summary_lang = self.ui.lang
            article = ArticleView(
                self.content, section_id, view, summary_lang=summary_lang, id="article"
            )
            article.set_reactive(ArticleView.ruby, self.readings)
            study = self.learner.study
            if self.readings and study.hides_readings:
                article.set_hidden_readings(study.hidden_readings(self.content))
            if study.mark_new:
                article.statuses = study.statuses
            yield article
        yield SearchBar(self.content)
        yield KeyBar(self.signposts.hints)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        section_id, view = self._initial
        title = self.content.article.title
        self.title = title.ja if self.ui.lang == "ja" else title.en
        self.set_reactive(ReaderScreen.view, view)
        self.set_reactive(ReaderScreen.section_id, section_id)
        self.signposts.section_shown()
        self.sentences.show()
        self.widths.fit(self.app.size.width)
        self.widths.expect_width()
        self.article.go_to(self.places.anchors.get(section_id))
        self.watch(self.article, "scroll_y", self.signposts.update, init=False)
        self.call_after_refresh(self.signposts.update)
        self.ready()

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Handled before Textual's own handler, which restyles the whole screen as it comes
        # back (the theme may have changed meanwhile). The first time, the screen was styled a
        # moment ago, as it was mounted: restyling it again would delay the first paint.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: Resize) -> None:
        self.widths.fit(event.size.width)
        self.call_after_refresh(self.signposts.update)  # the percentage, once laid out again

    sections_shown: var[bool | None] = var(None, init=False)
    """The reader's choice (``s``) to show or hide the section list; None: by the width."""

    def watch_sections_shown(self) -> None:
        self.widths.fit(self.app.size.width)

    @when_ready
    def action_toggle_sections(self) -> None:
        """Hide the section list, or show it again."""
        self.sections_shown = not self.query_one(SectionList).display

    def watch_view(self, view: View) -> None:
        self.article.view = view
        self.signposts.section_shown()
        self.sentences.show()
        self.call_after_refresh(self.signposts.update)  # once laid out in the new view

    def watch_section_id(self, old: str, new: str) -> None:
        self.places.turn_to(old, new)
        self.signposts.section_shown()
        self.sentences.show()

    def _text_indent(self) -> int:
        """How far right of its margin the page's text stands (the section tabs follow it)."""
        return self.article.left_margin - ArticleView.MARGIN

    @property
    def percent_read(self) -> int:
        """How far through the section the bottom line shown is, in percent."""
        return self.article.percent_shown

    @property
    def article(self) -> ArticleView:
        """The reading area."""
        return self.query_one("#article", ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        """The search line, its status line and its matches."""
        return self.query_one(SearchBar)

    @when_ready
    def action_words(self) -> None:
        """Put the word cursor on the first word on screen, with its lookup panel."""
        from genesis_tui.ui.widgets.word_panel import WordPanel

        if self.app.return_code is not None:
            return  # quitting: a burst of keys after q opens nothing
        found = self.query(WordPanel)
        if found:
            found.first().focus()
        else:
            self.mount(WordPanel(self), before=self.query_one(KeyBar))

    @when_ready
    def action_cycle_view(self) -> None:
        """Cycle the view: both, ja, en (ja, en for a screen reader)."""
        views = ("ja", "en") if host_of(self.app).screen_reader else VIEWS
        self.view = views[(views.index(self.view) + 1) % len(views)]

    # ------------------------------------------------------------------ other pages
    # The other screens are imported when first opened: the first paint does without them.
    @when_ready
    def action_glossary(self) -> None:
        """Open the glossary."""
        from genesis_tui.ui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.content))

    @when_ready
    def action_timeline(self) -> None:
        """Open the timeline."""
        from genesis_tui.ui.screens.explainer import TimelineScreen

        self.app.push_screen(TimelineScreen(self.content))

    @when_ready
    def action_whos_who(self) -> None:
        """Open who's who."""
        from genesis_tui.ui.screens.explainer import WhosWhoScreen

        self.app.push_screen(WhosWhoScreen(self.content))

    # ------------------------------------------------------------------ the parts' keys
    # Each key calls the part that does it; the part's method says what that is.
    @property
    def can_go_back(self) -> bool:
        """Whether ``back`` has something to do (it is greyed otherwise)."""
        return self.sentences.current is not None or self.places.can_go_back

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.has_widgets:
            return True
        if action == "search":  # while a search is typed, / is a character: not offered
            return not self.search_bar.typing
        if action == "back":
            return True if self.can_go_back else None
        return True

    @when_ready
    def action_back(self) -> None:
        """Leave the current sentence; else what ``Places.back`` does."""
        if self.search_bar.typing or not self.sentences.leave():
            self.places.back()

    @when_ready
    def action_page(self, pages: int) -> None:
        """Page down or up, on across a section's edge as a pager does."""
        if not self.places.turn_page(pages):
            super().action_page(pages)

    @when_ready
    def action_copy(self) -> None:
        """Copy the current sentence with its English; else what ``y`` copies on any page."""
        if not self.sentences.copy():
            super().action_copy()

    @when_ready
    def action_section(self, number: int) -> None:
        self.places.go_to_section(number)

    @when_ready
    def action_next_section(self) -> None:
        self.places.step_section(1)

    @when_ready
    def action_previous_section(self) -> None:
        self.places.step_section(-1)

    @on(SectionList.Chosen)
    def _section_clicked(self, event: SectionList.Chosen) -> None:
        self.places.show_section(event.section_id)

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
        self.search_bar.step(step)

    def on_search_bar_found(self, message: SearchBar.Found) -> None:
        self.places.show_found(message)

    @when_ready
    def action_sentence(self, by: int) -> None:
        self.sentences.step(by)

    @when_ready
    def action_toggle_english(self) -> None:
        self.sentences.toggle_english()

    @when_ready
    def action_reveal(self) -> None:
        self.sentences.reveal()

    @when_ready
    def action_toggle_readings(self) -> None:
        self.learner.toggle_readings()

    @when_ready
    def action_readings_level(self) -> None:
        self.learner.next_level()

    @when_ready
    def action_toggle_new_words(self) -> None:
        self.learner.toggle_new_words()
