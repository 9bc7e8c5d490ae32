"""The learner's side of the reader, as a base of the reader screen: what they know and how
they read.

``Study`` is the state (the statuses, ``r``'s mode, a JLPT level, whether new words are marked),
saved with the reading position; ``StudyScreen`` gives the reader the keys: ``r`` cycles the
readings (all, then only over words not yet known once the learner knows one, then none), ``m``
marks the new words, and the word cursor sets a word's status through ``set_status``, after
which the marks, the readings and the header's count follow at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Section
from genesis_tui.content.places import Place
from genesis_tui.pages.study import (
    NO_HIDDEN_READINGS,
    HiddenReadings,
    Progress,
    ReadingsMode,
    hidden_readings,
    section_progress,
)
from genesis_tui.storage.statuses import Status, WordStatuses
from genesis_tui.ui.messages import StatusesChanged
from genesis_tui.ui.screens.base import when_ready
from genesis_tui.ui.screens.reader_sentences import SentencesScreen

if TYPE_CHECKING:
    from genesis_tui.content.lexicon_file import Entry


@dataclass
class Study:
    """What the learner knows, and how they read."""

    statuses: WordStatuses = field(default_factory=WordStatuses)
    readings_mode: ReadingsMode = "all"
    """While readings are shown: over every word, or only over words not yet known."""
    readings_above: str | None = None
    """A JLPT level: readings only over the words above it (and words on no list)."""
    mark_new: bool = False
    """New words (no status yet) marked in the text."""
    _hidden: tuple[tuple[object, ...], HiddenReadings] | None = field(default=None, repr=False)
    _progress: dict[tuple[str, int], Progress] = field(default_factory=dict, repr=False)

    @property
    def hides_readings(self) -> bool:
        """True when some readings are left out (a mode or a level says so)."""
        return self.readings_mode == "unknown" or self.readings_above is not None

    def knows_a_word(self) -> bool:
        """True once the learner has marked a word known or ignored."""
        return any(status in ("known", "ignored") for status in self.statuses.words.values())

    def hidden_readings(self, content: Edition) -> HiddenReadings:
        """The entries whose readings are left out now."""
        key = (self.statuses.version, self.readings_mode, self.readings_above)
        if self._hidden is None or self._hidden[0] != key:
            found = hidden_readings(content, self.readings_mode, self.statuses, self.readings_above)
            self._hidden = (key, found)
        return self._hidden[1]

    def next_level(self) -> str | None:
        """The JLPT level after the current one (off, N5, N4, N3, N2, N1, off...), now set."""
        from genesis_tui.content.lexicon_file import JLPT_LEVELS

        levels: tuple[str | None, ...] = (None, *JLPT_LEVELS)
        self.readings_above = levels[(levels.index(self.readings_above) + 1) % len(levels)]
        return self.readings_above

    def progress(self, content: Edition, section: Section) -> Progress | None:
        """How much of the section the learner knows; None until they have marked a word (the
        header then stays as it was, and the lexicon unread at start)."""
        if not len(self.statuses) or not content.lexicon:
            return None
        key = (section.id, self.statuses.version)
        if key not in self._progress:
            self._progress[key] = section_progress(content, section, self.statuses)
        return self._progress[key]


class StudyScreen(SentencesScreen):
    """The reader's sentences, with the learner's keys (see the module's docstring)."""

    def __init__(
        self,
        content: Edition,
        anchors: dict[str, Place] | None,
        *,
        english_hidden: bool = False,
        study: Study | None = None,
    ) -> None:
        super().__init__(content, anchors, english_hidden=english_hidden)
        self.study = study or Study()
        """What the learner knows and how they read (``r``'s modes, ``m``)."""

    def _section_shown(self) -> None:
        """The section list and the header brought up to date (the reader's)."""
        raise NotImplementedError

    def _scrolled(self) -> None:
        """The header's percentage brought up to date (the reader's)."""
        raise NotImplementedError

    @when_ready
    def action_toggle_readings(self) -> None:
        """Readings over every word, then (once the learner knows a word) only over the words
        not yet known, then none."""
        if not self.content.ruby:
            self.notify(self.ui("reader.no_readings"), severity="warning", markup=False)
            return
        study = self.study
        if self.readings and study.readings_mode == "all" and study.knows_a_word():
            study.readings_mode = "unknown"
            self.notify(self.ui("reader.readings_unknown"), markup=False, timeout=3)
        else:
            self.readings = not self.readings
            study.readings_mode = "all"
            if self.readings and study.knows_a_word():
                self.notify(self.ui("reader.readings_all"), markup=False, timeout=3)
        self._readings_changed()
        if self.readings and self.article.view == "en":
            self.notify(self.ui("reader.readings_in_japanese"), markup=False)

    def _readings_changed(self) -> None:
        article = self.article
        if self.readings and self.study.hides_readings:
            article.set_hidden_readings(self.study.hidden_readings(self.content))
        else:
            article.set_hidden_readings(NO_HIDDEN_READINGS)
        article.ruby = self.readings
        self.call_after_refresh(self._scrolled)  # the page's length changed: the percentage

    @when_ready
    def action_readings_level(self) -> None:
        """Readings only over the words above a JLPT level: off, N5, N4, N3, N2, N1 in turn
        (from the palette)."""
        level = self.study.next_level()
        if level is None:
            self.notify(self.ui("reader.readings_every_level"), markup=False, timeout=3)
        else:
            self.notify(self.ui("reader.readings_above", level=level), markup=False, timeout=3)
        self._readings_changed()

    @when_ready
    def action_toggle_new_words(self) -> None:
        """Mark the new words (no status yet) in the text, or stop marking them."""
        if not self.content.lexicon:
            self.notify(self.ui("word.none"), severity="warning", timeout=3, markup=False)
            return
        self.study.mark_new = not self.study.mark_new
        self.article.mark_new_words(self.study.statuses if self.study.mark_new else None)
        key = "reader.new_words_on" if self.study.mark_new else "reader.new_words_off"
        self.notify(self.ui(key), markup=False, timeout=3)

    @property
    def statuses(self) -> WordStatuses:
        """The learner's statuses (the word panel reads and sets them)."""
        return self.study.statuses

    def set_status(self, entry: Entry, status: Status | None) -> None:
        """Give a word a status: saved at once (by the app), and the marks, the readings and
        the header's count follow."""
        if not self.study.statuses.set(entry.lemma, entry.reading, status):
            return
        self.post_message(StatusesChanged())
        if self.study.mark_new:
            self.article.mark_new_words(self.study.statuses)
        if self.readings and self.study.readings_mode == "unknown":
            # Kept on screen: the word under the cursor stays where it is read.
            self.article.set_hidden_readings(self.study.hidden_readings(self.content))
        self._section_shown()

    @property
    def in_word_cursor(self) -> bool:
        """True while the word cursor's panel is up."""
        from genesis_tui.ui.widgets.word_panel import WordPanel

        return bool(self.query(WordPanel))
