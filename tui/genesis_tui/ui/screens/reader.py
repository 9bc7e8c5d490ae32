"""The reader: the section list and the article, with links, search and back-navigation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Resize, ScreenResume
from textual.reactive import var

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import VIEWS, View
from genesis_tui.content.places import Place
from genesis_tui.ui import keymap
from genesis_tui.ui.host import host_of
from genesis_tui.ui.screens.base import HEADER_ICON, when_ready
from genesis_tui.ui.screens.reader_places import PlacesScreen
from genesis_tui.ui.screens.reader_sentences import Sentences
from genesis_tui.ui.screens.reader_signposts import Signposts
from genesis_tui.ui.screens.reader_width import Widths
from genesis_tui.ui.screens.study import Learner, Study
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar
from genesis_tui.ui.widgets.section_list import SectionList
from genesis_tui.ui.widgets.title_bar import TitleBar


class ReaderScreen(PlacesScreen):
    """The article as panels, in Japanese, English or both."""

    BINDINGS = keymap.bindings("reader")

    AUTO_FOCUS = ""
    """Nothing takes focus by itself: the screen's bindings are the reader's keys."""

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
        super().__init__(content, anchors)
        self.readings = readings
        """Readings (furigana) above the Japanese: ``r`` turns them on and off."""
        study = study or Study()
        self.sentences = Sentences(self, english_hidden=english_hidden)
        self.signposts = Signposts(self, study)
        self.learner = Learner(self, study, header=self.signposts.update)
        self.widths = Widths(self)
        self._initial = (section_id, view)
        self._resumed = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        section_id, view = self._initial
        yield TitleBar(icon=HEADER_ICON)
        with Horizontal(id="main"):
            yield SectionList(self.content.article.sections, self.ui.lang)
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
        self._section_shown()
        self.sentences.show()
        self.widths.fit(self.app.size.width)
        self.widths.expect_width()
        self.article.go_to(self.anchors.get(section_id))
        self.watch(self.article, "scroll_y", self._scrolled, init=False)
        self.call_after_refresh(self._scrolled)
        self.ready()

    def _scrolled(self) -> None:
        self.signposts.update()

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Handled before Textual's own handler, which restyles the whole screen as it comes
        # back (the theme may have changed meanwhile). The first time, the screen was styled a
        # moment ago, as it was mounted: restyling it again would delay the first paint.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: Resize) -> None:
        self.widths.fit(event.size.width)
        self.call_after_refresh(self._scrolled)  # the percentage, once laid out again

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
        self._section_shown()
        self.sentences.show()
        self.call_after_refresh(self._scrolled)  # once laid out in the new view

    def watch_section_id(self, old: str, new: str) -> None:
        article = self.article
        if article.place is not None:
            self.anchors[old] = article.place
        # The place to return to first, then the section: its layout puts the place on top.
        article.place = self.anchors.get(new)
        article.section_id = new
        article.highlighted_block = None
        self._section_shown()
        self.sentences.show()

    def _section_shown(self) -> None:
        self.signposts.section_shown()

    @property
    def percent_read(self) -> int:
        """How far through the section the bottom line shown is, in percent."""
        return self.article.percent_shown

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
        return self.sentences.current is not None or super().can_go_back

    @when_ready
    def action_back(self) -> None:
        """Leave the current sentence; else back, as anywhere (see ``PlacesScreen``)."""
        if self.search_bar.typing or not self.sentences.leave():
            super().action_back()

    @when_ready
    def action_copy(self) -> None:
        """Copy the current sentence with its English; else what ``y`` copies on any page."""
        if not self.sentences.copy():
            super().action_copy()

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
