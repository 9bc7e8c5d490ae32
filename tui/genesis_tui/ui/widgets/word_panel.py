"""The word cursor: every word of the Japanese, one at a time, looked up in the lexicon.

A panel docked at the bottom of the reader, which takes the keys while it has focus: the page
above it keeps the current word in view, marked reversed and underlined (an attribute, not a
colour alone), so the panel never covers the word. The panel is part of the reader's own screen,
not a screen over it: a move repaints the word's lines and the panel, never the whole terminal
(a screen over the reader would have Textual render the reader beneath it at every frame).
Moving past a section's last word goes on into the next section. The learner gives the word
under the cursor a status here (``1``-``5``, ``K``, ``i``, ``0``: ``action_status``); the
reader keeps and saves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.content import Content
from textual.widgets import Static

from genesis_tui.content.lexicon_file import Entry
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.word_places import (
    Source,
    WordPlace,
    line_step,
    page_words,
    sentence_step,
)
from genesis_tui.storage.statuses import Status, WordStatuses
from genesis_tui.ui import keymap
from genesis_tui.ui.messages import OpenTerm
from genesis_tui.ui.widgets.word_lookup import lookup_text, surface_of

if TYPE_CHECKING:
    from genesis_tui.content.edition import Edition
    from genesis_tui.ui.widgets.page_kinds import ArticleView


class Sections(Protocol):
    def show_section(self, section_id: str, *, remember: bool = False) -> None: ...


class Sentences(Protocol):
    def mark_at(self, source: Source, offset: int) -> None: ...


class Learner(Protocol):
    @property
    def statuses(self) -> WordStatuses: ...

    def set_status(self, entry: Entry, status: Status | None) -> None: ...


class WordHost(Protocol):
    """What the panel needs of the screen it is in (the reader) and of the parts it holds:
    widgets never import screens."""

    content: Edition
    ui: Catalogue
    section_id: str

    @property
    def article(self) -> ArticleView: ...

    @property
    def places(self) -> Sections: ...

    @property
    def sentences(self) -> Sentences: ...

    @property
    def learner(self) -> Learner: ...


class WordPanel(Static, can_focus=True):
    """The word cursor's lookup panel, with the keys that move the cursor."""

    DEFAULT_CSS = """
    WordPanel {
        dock: bottom;
        width: 100%;
        height: 6;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        border-top: solid $primary;
    }
    WordPanel:focus { border-top: solid $accent; }
    """

    HEIGHT = 6
    """Fixed: a panel that grew and shrank with each entry would resize the page at each move."""

    BINDINGS = keymap.bindings("words")

    def __init__(self, reader: WordHost) -> None:
        super().__init__(id="word-panel")
        self.reader = reader
        self.ui: Catalogue = reader.ui
        self.words: tuple[WordPlace, ...] = ()
        self.index = 0
        self._section_words: dict[tuple[object, ...], tuple[WordPlace, ...]] = {}
        self._marked_line: int | None = None
        """The page line of the word marked last (to repaint it when the mark moves on)."""
        self.origin: tuple[str, WordPlace] | None = None
        """Where an occurrence walk began: escape comes back to it."""

    def on_mount(self) -> None:
        keymap.localize_bindings(self.ui, self._bindings)
        self._load_words()
        top = round(self.reader.article.scroll_y)
        self.index = next((i for i, w in enumerate(self.words) if w.line >= top), 0)
        if not self.words:
            self.notify(self.ui("word.none"), severity="warning", timeout=3, markup=False)
            self.remove()
            return
        article = self.reader.article
        for name in ("section_id", "view", "ruby", "side_by_side"):
            self.watch(article, name, self._page_changed, init=False)
        self.focus()
        self.call_after_refresh(self._show)

    def on_unmount(self) -> None:
        # However the cursor is left (escape, or g, t, w, / closing what is over the reader),
        # the word is no longer marked.
        self.reader.article.set_word(None)

    def on_resize(self) -> None:
        # The page is laid out again at the new width: the same word, where it now stands.
        self.call_after_refresh(self._relayout)

    def _page_changed(self) -> None:
        # v, r, ] or [ changed the page under the cursor: the same word if it is still there.
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        if not self.words:
            return
        here = (self.word.source, self.word.start)
        self._load_words()
        if not self.words:
            self.action_leave()
            return
        self.index = next(
            (i for i, w in enumerate(self.words) if (w.source, w.start) == here),
            min(self.index, len(self.words) - 1),
        )
        self._show()

    # ------------------------------------------------------------------ where the words are
    def _load_words(self) -> None:
        article = self.reader.article
        self.words = page_words(article.page, self.reader.content, self.reader.section_id)

    @property
    def word(self) -> WordPlace:
        """The word under the cursor."""
        return self.words[self.index]

    @property
    def entry(self) -> Entry | None:
        """The lexicon's entry of the word under the cursor."""
        return self.reader.content.lexicon.entry(self.word.entry)

    def _show(self) -> None:
        """Mark the word, bring it into view, and fill and place the panel."""
        article = self.reader.article
        word = self.word
        # Only the old word's line and the new one's are repainted, unless the page scrolls.
        before = self._marked_line
        self._marked_line = word.line
        lines = (word.line,) if before is None else (before, word.line)
        article.set_word((word.source, word.start, word.end), lines)
        self.reader.sentences.mark_at(word.source, word.start)  # the word's sentence, marked
        article.scroll_to_line(word.line)
        self.update(self.panel_text(), layout=False)  # its height is fixed

    def _to_section(self, section_id: str, last: bool = False) -> None:
        self.reader.places.show_section(section_id)
        self.reader.article.keep_place()
        self._load_words()
        self.index = len(self.words) - 1 if last else 0

    # ------------------------------------------------------------------ moving
    def action_word(self, step: int) -> None:
        """The next or previous word; past a section's edge, into the next or previous one."""
        index = self.index + step
        if 0 <= index < len(self.words):
            self.index = index
        else:
            ids = [section.id for section in self.reader.content.article.sections]
            at = ids.index(self.reader.section_id) + step
            if not 0 <= at < len(ids):
                return
            self._to_section(ids[at], last=step < 0)
        self._show()

    def action_line(self, step: int) -> None:
        """The nearest word on the next or previous line with words."""
        self.index = line_step(self.words, self.index, step)
        self._show()

    def action_sentence(self, step: int) -> None:
        """The first word of the next sentence, or of this one (then the one before)."""
        self.index = sentence_step(self.words, self.index, step)
        self._show()

    def occurrences(self) -> list[tuple[str, WordPlace]]:
        """Every place of the current word's entry in the article, in reading order."""
        from genesis_tui.pages.article import section_page

        reader, article = self.reader, self.reader.article
        found: list[tuple[str, WordPlace]] = []
        for section in reader.content.article.sections:
            key = (section.id, article.view, article.side_by_side, article.page_width, article.ruby)
            if key not in self._section_words:
                page = section_page(
                    reader.content,
                    section.id,
                    article.view,
                    article.side_by_side,
                    article.page_width,
                    article.summary_lang,
                    article.ruby,
                )
                self._section_words[key] = page_words(page, reader.content, section.id)
            for word in self._section_words[key]:
                if word.entry == self.word.entry:
                    found.append((section.id, word))
        return found

    def action_occurrence(self, step: int) -> None:
        """The next place in the article where the same word stands (escape comes back)."""
        places = self.occurrences()
        here = (self.reader.section_id, self.word)
        if len(places) < 2:
            return
        if self.origin is None:
            self.origin = here
        at = next((i for i, p in enumerate(places) if p == here), 0)
        self._go(places[(at + step) % len(places)])

    def _go(self, place: tuple[str, WordPlace]) -> None:
        section_id, word = place
        if section_id != self.reader.section_id:
            self._to_section(section_id)
        self.index = next(
            (
                i
                for i, w in enumerate(self.words)
                if (w.source, w.start) == (word.source, word.start)
            ),
            0,
        )
        self._show()

    def action_open_term(self) -> None:
        """Open the glossary entry of the word, when it is a glossary term."""
        entry = self.entry
        if entry is not None and entry.term:
            self.post_message(OpenTerm(entry.term))

    def action_status(self, status: str) -> None:
        """Give the word a status (Lute's: learning 1-5, known, ignored; ``new`` takes it away)."""
        entry = self.entry
        if entry is None:
            return
        self.reader.learner.set_status(entry, None if status == "new" else cast(Status, status))
        self.update(self.panel_text(), layout=False)

    def action_leave(self) -> None:
        """Back to where an occurrence walk began; else leave the word cursor."""
        if self.origin is not None:
            origin, self.origin = self.origin, None
            self._go(origin)
            return
        self.remove()

    # ------------------------------------------------------------------ the panel
    def panel_text(self) -> Content:
        """The lookup of the word under the cursor, labels in the interface's language."""
        entry = self.entry
        status = self.reader.learner.statuses.get(entry.lemma, entry.reading) if entry else None
        return lookup_text(
            self.ui,
            self.reader.content,
            entry,
            surface_of(self.reader.article.page, self.word),
            status=status,
            ascii_only=bool(getattr(self.app, "ascii", False)),
        )
