"""The reader sentence by sentence, as a base of the reader screen: the current sentence marked
in the Japanese and its English, moved by ``(`` and ``)``, copied as a pair by ``y``; and
English on request, the English of each sentence hidden until ``.`` reveals it.

The current sentence is the one at the word cursor while it is open (``mark_sentence_at``),
else the one the keys moved to, starting from the reading position. The English stays hidden
only in the ``both`` view: in ``en`` the reader asked for it, and ``ja`` shows none.
"""

from __future__ import annotations

from genesis_tui.content.edition import Edition
from genesis_tui.content.places import Place
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
from genesis_tui.ui.screens.base import when_ready
from genesis_tui.ui.screens.reader_places import PlacesScreen


class SentencesScreen(PlacesScreen):
    """The reader's places, with a current sentence and English on request."""

    def __init__(
        self,
        content: Edition,
        anchors: dict[str, Place] | None,
        *,
        english_hidden: bool = False,
    ) -> None:
        super().__init__(content, anchors)
        self.sentence: Sentence | None = None
        """The current sentence: marked in each language shown, copied by ``y``."""
        self.english_hidden = english_hidden
        """English on request: each sentence's English hidden until revealed (remembered)."""
        self.revealed: set[Sentence] = set()
        """The sentences whose English was revealed since English on request was turned on."""

    def show_sentences(self) -> None:
        """Mark the current sentence and hide the English not revealed, on the page as it is
        now (after a move, another section or another view)."""
        content, section_id = self.content, self.section_id
        current = self.sentence
        blocks = {block.id for block in content.section(section_id).blocks}
        if current is not None and current.block not in blocks:
            current = self.sentence = None  # left behind in another section
        article = self.article
        marks = sentence_marks(content, current) if current is not None else {}
        hiding = self.english_hidden and article.view == "both"
        hidden = hidden_marks(content, section_id, self.revealed) if hiding else {}
        article.set_sentence(marks, hidden)
        self.refresh_bindings()  # back leaves a current sentence

    @property
    def can_go_back(self) -> bool:
        """A current sentence to leave, or what ``back`` does anywhere in the reader."""
        return self.sentence is not None or super().can_go_back

    def mark_sentence_at(self, source: Source, offset: int) -> None:
        """Make the sentence at a place in the text current (the word cursor's word); none when
        the place is not in a block's own text."""
        block, lang, part = source
        in_block = block is not None and not part and lang in ("ja", "en")
        if block is not None and in_block:
            self.sentence = sentence_of(self.content, block, "ja" if lang == "ja" else "en", offset)
        else:
            self.sentence = None  # a note or a key point: no sentence of the article
        self.show_sentences()

    def _sentence_here(self) -> Sentence | None:
        """The current sentence if some of it is on screen, else the one at the reading
        position."""
        article = self.article
        top = round(article.scroll_y)
        if self.sentence is not None:
            first, last = sentence_lines(article.page, self.content, self.sentence)
            if first < top + article.scrollable_content_region.height and last >= top:
                return self.sentence
        return sentence_from_line(article.page, self.content, top)

    def _make_current(self, sentence: Sentence) -> None:
        """Mark the sentence, and scroll as little as brings it whole into view (its first
        line, at least, when it is taller than the view), with a line above it if it can."""
        self.sentence = sentence
        self.show_sentences()
        article = self.article
        first, last = sentence_lines(article.page, self.content, sentence)
        top, height = round(article.scroll_y), article.scrollable_content_region.height
        if top <= first and last < top + height:
            return
        if first < top or last - first + 2 > height:
            fits = last - first + 2 <= height
            article.scroll_to(y=max(0, first - 1 if fits else first), animate=False)
        else:
            article.scroll_to(y=last - height + 1, animate=False)

    @when_ready
    def action_sentence(self, by: int) -> None:
        """Mark the sentence at the reading position; then the next (1) or previous (-1) one,
        past a section's edge into the next or previous section."""
        here = self._sentence_here()
        if here is None:
            return
        if here != self.sentence:
            self._make_current(here)
            return
        target = step(section_sentences(self.content, self.section_id), here, by)
        if target is None:
            ids = [section.id for section in self.content.article.sections]
            at = ids.index(self.section_id) + by
            if not 0 <= at < len(ids):
                return
            self.show_section(ids[at])
            self.article.keep_place()
            sentences = section_sentences(self.content, ids[at])
            target = sentences[0] if by > 0 else sentences[-1]
        self._make_current(target)

    @when_ready
    def action_toggle_english(self) -> None:
        """Hide the English of each sentence until revealed, or show it all again."""
        self.english_hidden = not self.english_hidden
        self.revealed.clear()
        self.show_sentences()
        if not self.english_hidden:
            message = self.ui("sentence.english_shown")
        elif self.article.view == "both":
            message = self.ui("sentence.english_hidden")
        else:
            message = self.ui("sentence.english_hidden_in_both")
        self.notify(message, markup=False, timeout=3)

    @when_ready
    def action_reveal(self) -> None:
        """Reveal the current sentence's English (marking the one at the reading position
        when none is current)."""
        here = self._sentence_here()
        if here is None:
            return
        self.revealed.add(here)
        self._make_current(here)

    @when_ready
    def action_back(self) -> None:
        """Leave the current sentence first; then back, as anywhere (see ``PlacesScreen``)."""
        if self.sentence is not None and not self.search_bar.typing:
            self.sentence = None
            self.show_sentences()
            return
        super().action_back()

    @when_ready
    def action_copy(self) -> None:
        """Copy the current sentence, its Japanese and its English on two lines; else (or
        with a link chosen) what ``y`` copies on any page."""
        if self.sentence is None or self.article.current_link is not None:
            super().action_copy()
            return
        text = "\n".join(sentence_text(self.content, self.sentence))
        self.app.copy_to_clipboard(text)
        self.notify(self.ui("copy.sentence", count=len(text)), markup=False, timeout=2)
