"""The kinds of page the screens show: a section of the article, and a page laid out by a
function of the content and the width (the timeline, who's who, a glossary entry)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.scrollbar import ScrollBar

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, View, view_langs
from genesis_tui.content.places import Marks
from genesis_tui.pages.article import section_page
from genesis_tui.pages.page import GAP, Page
from genesis_tui.pages.study import NO_HIDDEN_READINGS, HiddenReadings
from genesis_tui.ui.widgets.page_view import PageView
from genesis_tui.ui.widgets.plain_scrollbar import PlainScrollBarRender

if TYPE_CHECKING:
    from genesis_tui.storage.statuses import WordStatuses


class ArticleView(PageView):
    """A section of the article, in one view, side by side or not."""

    COMPONENT_CLASSES = {"page-view--new"}
    """The learner's new words (``mark_new_words``), besides the page's own styles."""

    section_id: reactive[str] = reactive("", init=False)
    view: reactive[View] = reactive("both", init=False)
    side_by_side: reactive[bool] = reactive(True, init=False)
    ruby: reactive[bool] = reactive(False, init=False)
    """Readings (furigana) above the Japanese."""

    def __init__(
        self,
        content: Edition,
        section_id: str,
        view: View,
        *,
        summary_lang: Lang = "en",
        id: str | None = None,
    ):
        super().__init__(id=id)
        self.content = content
        self.summary_lang = summary_lang
        """The language of the key points when ``both`` shows one language after the other."""
        self.set_reactive(ArticleView.section_id, section_id)
        self.set_reactive(ArticleView.view, view)
        self.hidden_readings = NO_HIDDEN_READINGS
        """The readings left out (``set_hidden_readings``)."""
        self.statuses: WordStatuses | None = None
        """The learner's statuses, when new words are marked (``mark_new_words``)."""
        self._new_marks: tuple[Hashable, Marks] | None = None

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The scrollbar, its thumb in whole cells (``PlainScrollBarRender``): a thumb with
        eighth-block ends changes at both ends on every line scrolled, which cost about 40
        bytes a ``j`` on the wire; in whole cells it moves a row at a time."""
        scrollbar = super().vertical_scrollbar
        # A ClassVar set on the instance, as Textual's ScrollBar docs show for one widget.
        scrollbar.renderer = PlainScrollBarRender  # type: ignore[misc]
        return scrollbar

    MIN_COLUMN = 40
    """The narrowest column Japanese is set in side by side: at 100 columns with the section
    list, two columns were 34 cells, about 17 kanji a line. Narrower, each Japanese block is
    followed by its English."""

    @property
    def two_columns(self) -> bool:
        """True when Japanese and English stand side by side: asked for (``side_by_side``), in
        ``both``, and with room for two columns of ``MIN_COLUMN``."""
        room = self._available >= 2 * self.MIN_COLUMN + GAP
        return self.side_by_side and self.view == "both" and room

    def columns(self) -> int:
        """Two columns when Japanese and English stand side by side."""
        return 2 if self.two_columns else 1

    def page_key(self) -> Hashable:
        """The section, the view, the layout, the readings and the width."""
        return (
            self.section_id,
            self.view,
            self.two_columns,
            self.ruby,
            self.page_width,
            self.hidden_readings,
        )

    def build_page(self) -> Page:
        """The current section laid out at the current width."""
        return section_page(
            self.content,
            self.section_id,
            self.view,
            self.two_columns,
            self.page_width,
            self.summary_lang,
            self.ruby,
            self.hidden_readings if self.ruby else NO_HIDDEN_READINGS,
        )

    def set_hidden_readings(self, hidden: HiddenReadings) -> None:
        """Leave out these readings (over words the learner knows)."""
        if hidden != self.hidden_readings:
            self.hidden_readings = hidden
            if self.ruby:
                self._changed()

    def mark_new_words(self, statuses: WordStatuses | None) -> None:
        """Mark the words that have no status yet (None: mark none); called again after a
        status changes."""
        self.statuses = statuses
        self._new_marks = None
        self._strips.clear()
        self.refresh()

    @property
    def page(self) -> Page:
        """The page, with its new words worked out when they are marked (once per page and
        change of statuses)."""
        page = super().page
        statuses = self.statuses
        if statuses is None:
            self.new_words = None
            return page
        key = (self.page_key(), statuses.version)
        if self._new_marks is None or self._new_marks[0] != key:
            from genesis_tui.pages.study import new_word_marks
            from genesis_tui.pages.word_places import page_words

            words = page_words(page, self.content, self.section_id)
            self._new_marks = (key, new_word_marks(words, self.content, statuses))
        self.new_words = self._new_marks[1]
        return page

    def block_text(self, block: str) -> str:
        """A block of the article in the languages the view shows, Japanese first, each
        whole (side by side, the page's lines would interleave them)."""
        found = next(
            (b for b in self.content.section(self.section_id).blocks if b.id == block), None
        )
        if found is None:
            return self.page.block_text(block)
        langs = view_langs(self.view)
        return "\n\n".join(getattr(found, lang) for lang in langs)

    def copy_text(self) -> str | None:
        """What ``y`` copies: as any page's, but with the key points at the top (above the
        first block), the key points in the languages the view shows."""
        top = round(self.scroll_offset.y)
        lines = self.page.lines
        shown = lines[top : top + max(1, self.scrollable_content_region.height)]
        first = next(
            (piece.source for line in shown for piece in line.pieces if piece.source), None
        )
        if self.current_link is not None or first is None or not first[2].startswith("point"):
            return super().copy_text()
        points = self.content.section(self.section_id).key_points
        langs: tuple[Lang, ...] = ("ja", "en") if self.view == "both" else (self.view,)
        return "\n\n".join("\n".join(point.get(lang) for point in points) for lang in langs)

    def watch_section_id(self) -> None:
        self._changed()

    def watch_view(self) -> None:
        self._changed()

    def watch_side_by_side(self) -> None:
        self._changed()

    def watch_ruby(self) -> None:
        self._changed()


class ExplainerView(PageView):
    """A page laid out by a function of the content, the width and whether readings are shown
    (timeline, who's who, a glossary entry)."""

    def __init__(
        self,
        content: Edition,
        build: Callable[[Edition, int, bool], Page],
        *,
        ruby: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.content = content
        self._build = build
        self.wide = False
        """True for a page of two columns (who's who): it may be twice the measure."""
        self._ruby = ruby

    @property
    def ruby(self) -> bool:
        """Readings (furigana) above the Japanese."""
        return self._ruby

    @ruby.setter
    def ruby(self, shown: bool) -> None:
        if shown != self._ruby:
            self._ruby = shown
            self._changed()

    def columns(self) -> int:
        """Two for a page set in two columns, else one."""
        return 2 if self.wide else 1

    def page_key(self) -> Hashable:
        """The width and the readings."""
        return (self.page_width, self._ruby)

    def build_page(self) -> Page:
        """The page at the current width."""
        return self._build(self.content, self.page_width, self._ruby)
