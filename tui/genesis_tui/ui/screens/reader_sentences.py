"""The reader sentence by sentence: the current sentence marked in the Japanese and its English,
moved by ``(`` and ``)``, copied as a pair by ``y``; and English on request, the English of each
sentence hidden until ``.`` reveals it.

``Sentences`` is a part the reader screen holds (its keys call it); it sees of the screen only
``SentencesHost``. The current sentence is the one at the word cursor while it is open
(``mark_at``), else the one the keys moved to, starting from the reading position. The English
stays hidden only in the ``both`` view: in ``en`` the reader asked for it, and ``ja`` shows none.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from genesis_tui.content.edition import Edition
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.sentence_marks import (
    Sentence,
    hidden_marks,
    section_sentences,
    sentence_from_line,
    sentence_lines,
    sentence_marks,
    sentence_of,
    sentence_text,
    step,
)
from genesis_tui.pages.word_places import Source
from genesis_tui.ui.host import Notifying
from genesis_tui.ui.screens.reader_places import Places
from genesis_tui.ui.widgets.page_kinds import ArticleView


class SentencesHost(Notifying, Protocol):
    """What the sentences use of the reader screen."""

    content: Edition
    ui: Catalogue
    section_id: str

    @property
    def app(self) -> App[Any]: ...

    @property
    def article(self) -> ArticleView: ...

    @property
    def places(self) -> Places: ...

    def refresh_bindings(self) -> None: ...


class Sentences:
    """The current sentence and English on request (see the module's docstring)."""

    def __init__(self, host: SentencesHost, *, english_hidden: bool = False) -> None:
        self._host = host
        self.current: Sentence | None = None
        """The current sentence: marked in each language shown, copied by ``y``."""
        self.english_hidden = english_hidden
        """English on request: each sentence's English hidden until revealed (remembered)."""
        self.revealed: set[Sentence] = set()
        """The sentences whose English was revealed since English on request was turned on."""

    def show(self) -> None:
        """Mark the current sentence and hide the English not revealed, on the page as it is
        now (after a move, another section or another view)."""
        host = self._host
        content, section_id = host.content, host.section_id
        current = self.current
        blocks = {block.id for block in content.section(section_id).blocks}
        if current is not None and current.block not in blocks:
            current = self.current = None  # left behind in another section
        article = host.article
        marks = sentence_marks(content, current) if current is not None else {}
        hiding = self.english_hidden and article.view == "both"
        hidden = hidden_marks(content, section_id, self.revealed) if hiding else {}
        article.set_sentence(marks, hidden)
        host.refresh_bindings()  # back leaves a current sentence

    def mark_at(self, source: Source, offset: int) -> None:
        """Make the sentence at a place in the text current (the word cursor's word); none when
        the place is not in a block's own text."""
        block, lang, part = source
        in_block = block is not None and not part and lang in ("ja", "en")
        if block is not None and in_block:
            content = self._host.content
            self.current = sentence_of(content, block, "ja" if lang == "ja" else "en", offset)
        else:
            self.current = None  # a note or a key point: no sentence of the article
        self.show()

    def _here(self) -> Sentence | None:
        """The current sentence if some of it is on screen, else the one at the reading
        position."""
        article, content = self._host.article, self._host.content
        top = round(article.scroll_y)
        if self.current is not None:
            first, last = sentence_lines(article.page, content, self.current)
            if first < top + article.scrollable_content_region.height and last >= top:
                return self.current
        return sentence_from_line(article.page, content, top)

    def _make_current(self, sentence: Sentence) -> None:
        """Mark the sentence, and scroll as little as brings it whole into view (its first
        line, at least, when it is taller than the view), with a line above it if it can."""
        self.current = sentence
        self.show()
        article = self._host.article
        first, last = sentence_lines(article.page, self._host.content, sentence)
        top, height = round(article.scroll_y), article.scrollable_content_region.height
        if top <= first and last < top + height:
            return
        if first < top or last - first + 2 > height:
            fits = last - first + 2 <= height
            article.scroll_to(y=max(0, first - 1 if fits else first), animate=False)
        else:
            article.scroll_to(y=last - height + 1, animate=False)

    def step(self, by: int) -> None:
        """Mark the sentence at the reading position; then the next (1) or previous (-1) one,
        past a section's edge into the next or previous section."""
        host = self._host
        here = self._here()
        if here is None:
            return
        if here != self.current:
            self._make_current(here)
            return
        target = step(section_sentences(host.content, host.section_id), here, by)
        if target is None:
            ids = [section.id for section in host.content.article.sections]
            at = ids.index(host.section_id) + by
            if not 0 <= at < len(ids):
                return
            host.places.show_section(ids[at])
            host.article.keep_place()
            sentences = section_sentences(host.content, ids[at])
            target = sentences[0] if by > 0 else sentences[-1]
        self._make_current(target)

    def toggle_english(self) -> None:
        """Hide the English of each sentence until revealed, or show it all again."""
        host = self._host
        self.english_hidden = not self.english_hidden
        self.revealed.clear()
        self.show()
        if not self.english_hidden:
            message = host.ui("sentence.english_shown")
        elif host.article.view == "both":
            message = host.ui("sentence.english_hidden")
        else:
            message = host.ui("sentence.english_hidden_in_both")
        host.notify(message, markup=False, timeout=3)

    def reveal(self) -> None:
        """Reveal the current sentence's English (marking the one at the reading position
        when none is current)."""
        here = self._here()
        if here is None:
            return
        self.revealed.add(here)
        self._make_current(here)

    def leave(self) -> bool:
        """Leave the current sentence (``back``'s first step); False when there is none."""
        if self.current is None:
            return False
        self.current = None
        self.show()
        return True

    def copy(self) -> bool:
        """Copy the current sentence, its Japanese and its English on two lines; False when
        there is none, or a link is chosen (``y`` copies what it does on any page then)."""
        host = self._host
        if self.current is None or host.article.current_link is not None:
            return False
        text = "\n".join(sentence_text(host.content, self.current))
        host.app.copy_to_clipboard(text)
        host.notify(host.ui("copy.sentence", count=len(text)), markup=False, timeout=2)
        return True
