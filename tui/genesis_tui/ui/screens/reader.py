"""The reader: the section list and the article, with links, search and back-navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.scalar import Unit
from textual.events import Resize, ScreenResume
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import VIEWS, View, one_lang
from genesis_tui.content.places import Place
from genesis_tui.ui import keymap
from genesis_tui.ui.host import host_of
from genesis_tui.ui.screens.base import (
    HEADER_ICON,
    shown_langs,
    when_ready,
)
from genesis_tui.ui.screens.study import Study, StudyScreen
from genesis_tui.ui.widgets.key_bar import Hint, KeyBar
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar
from genesis_tui.ui.widgets.section_list import SectionList
from genesis_tui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    pass

WIDE = 100
"""From this terminal width on, ``both`` shows Japanese and English side by side, and the
section list its titles in both languages."""
TITLES = 90
"""From this width on, the section list shows titles (in the interface's language); below it,
numbers alone, so the text keeps its room."""
NUMBERS = 52
"""Below this width the section list hides (``s`` shows it): the text needs the cells."""


class ReaderScreen(StudyScreen):
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
        super().__init__(content, anchors, english_hidden=english_hidden, study=study)
        self.readings = readings
        """Readings (furigana) above the Japanese: ``r`` turns them on and off."""
        self._initial = (section_id, view)
        self._resumed = False

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        section_id, view = self._initial
        # The classes for the width, before the widgets below are styled: set in on_mount (by
        # ``_fit``), they would restyle the whole screen again before its first paint.
        self._fit_classes(self.app.size.width)
        yield TitleBar(icon=HEADER_ICON)
        with Horizontal(id="main"):
            yield SectionList(self.content.article.sections, self.ui.lang)
            summary_lang = self.ui.lang
            article = ArticleView(
                self.content, section_id, view, summary_lang=summary_lang, id="article"
            )
            article.set_reactive(ArticleView.ruby, self.readings)
            if self.readings and self.study.hides_readings:
                article.set_hidden_readings(self.study.hidden_readings(self.content))
            if self.study.mark_new:
                article.statuses = self.study.statuses
            yield article
        yield SearchBar(self.content)
        yield KeyBar(self.extra_hints)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        section_id, view = self._initial
        title = self.content.article.title
        self.title = title.ja if self.ui.lang == "ja" else title.en
        self.set_reactive(ReaderScreen.view, view)
        self.set_reactive(ReaderScreen.section_id, section_id)
        self._section_shown()
        self.show_sentences()
        self._fit(self.app.size.width)
        # The reading area's width, from the screen's and the section list's: the page is laid
        # out once, before the first paint, instead of again when the first resize comes.
        section_list = self.query_one(SectionList)
        sections = section_list.styles.width
        scrollbar = self.article.styles.scrollbar_size_vertical
        if sections is not None and sections.unit == Unit.CELLS:
            used = int(sections.value) if section_list.display else 0
            self.article.expect_width(self.app.size.width - used - scrollbar)
        self.article.go_to(self.anchors.get(section_id))
        self.watch(self.article, "scroll_y", self._scrolled, init=False)
        self.call_after_refresh(self._scrolled)
        self.ready()

    def extra_hints(self) -> list[Hint]:
        """Links, sections, matches and back, for wide footers (none while a search is typed: the
        keys go into the search line then); in the word cursor, the status keys (the digits
        are no section keys there)."""
        if self.search_bar.typing:
            return []
        ui = self.ui
        if self.in_word_cursor:
            return [Hint("i 0", ui("hint.ignore_new"))]
        count = len(self.content.article.sections)
        hints = [
            Hint("tab", ui("hint.links")),
            Hint(f"1-{count}", ui("hint.sections")),
            Hint("] [", ui("hint.next_previous")),
            Hint("space", ui("hint.page"), "space"),
        ]
        if self.search_bar.has_hits:
            hints.insert(0, Hint("n N", ui("hint.matches")))
        # Back, greyed while there is nowhere to go back to (no jump, search or sentence).
        hints.append(Hint("esc", ui("key.back"), "escape", enabled=self.can_go_back))
        return hints

    def _scrolled(self) -> None:
        # The percentage changes with every scroll. Setting ``sub_title`` has the header
        # re-lay out its title, and a layout repaints the whole screen (twice the bytes of a
        # page down): the title is redrawn in place instead, its size being fixed.
        text = self._sub_title()
        if text == self.sub_title:
            return
        self.set_reactive(Screen.sub_title, text)
        header = self.query_one(Header)
        header.query_one(HeaderTitle).update(header.format_title(), layout=False)

    def on_screen_resume(self, event: ScreenResume) -> None:
        # Handled before Textual's own handler, which restyles the whole screen as it comes
        # back (the theme may have changed meanwhile). The first time, the screen was styled a
        # moment ago, as it was mounted: restyling it again would delay the first paint.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width)
        self.call_after_refresh(self._scrolled)  # the percentage, once laid out again

    sections_shown: var[bool | None] = var(None, init=False)
    """The reader's choice (``s``) to show or hide the section list; None: by the width."""

    def _fit_classes(self, width: int) -> bool:
        """``-narrow`` and ``-numbers`` for this width; whether it is narrow."""
        one_column = host_of(self.app).screen_reader  # one column, one language
        narrow = width < WIDE or one_column
        self.set_class(narrow, "-narrow")
        self.set_class(narrow and width < TITLES, "-numbers")
        return narrow

    def _fit(self, width: int) -> None:
        one_column = host_of(self.app).screen_reader
        narrow = self._fit_classes(width)
        sections = self.query_one(SectionList)
        sections.set_mode("full" if not narrow else "titles" if width >= TITLES else "numbers")
        shown = width >= NUMBERS and not one_column
        shown = shown if self.sections_shown is None else self.sections_shown
        sections.display = shown
        self.article.side_by_side = not narrow

    def watch_sections_shown(self) -> None:
        self._fit(self.app.size.width)

    @when_ready
    def action_toggle_sections(self) -> None:
        """Hide the section list, or show it again."""
        self.sections_shown = not self.query_one(SectionList).display

    def watch_view(self, view: View) -> None:
        self.article.view = view
        self._section_shown()
        self.show_sentences()
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
        self.show_sentences()

    def _section_shown(self) -> None:
        sections = self.content.article.sections
        index = next(i for i, s in enumerate(sections) if s.id == self.section_id)
        section_list = self.query_one(SectionList)
        section_list.highlighted = index
        section_list.set_view_langs(shown_langs(self.view, self.ui.lang))
        # Titles in the languages shown: in one language's view, nothing of the other.
        title = self.content.article.title.get(one_lang(self.view, self.ui.lang))
        if title != self.title or not self.is_mounted:
            self.title = title
            self.sub_title = self._sub_title()
        else:
            self._scrolled()  # the header's title in place, without a layout

    def _sub_title(self) -> str:
        section = self.content.section(self.section_id)
        ids = [s.id for s in self.content.article.sections]
        number = ids.index(self.section_id) + 1
        title = " / ".join(section.title.get(lang) for lang in shown_langs(self.view, "en"))
        text = self.ui(
            "reader.subtitle",
            number=number,
            total=len(ids),
            title=title,
            view=self.ui(f"view.{self.view}"),
            percent=self.percent_read,
        )
        progress = self.study.progress(self.content, section)
        if progress is None:
            return text
        known = self.ui(
            "reader.known", known=progress.known, total=progress.total, percent=progress.percent
        )
        return f"{text} | {known}"

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
