"""The learner's side of the reader: what they know and how they read.

``Study`` is the state (the statuses, ``r``'s mode, a JLPT level, whether new words are marked),
saved with the reading position. ``Learner`` is the part of the reader screen that acts on it
(the screen holds one, and its keys call it): ``r`` cycles the readings (all, then only over
words not yet known once the learner knows one, then none), ``m`` marks the new words, and the
word cursor sets a word's status through ``set_status``, after which the marks, the readings and
the header's count follow at once. It sees of the screen only ``LearnerHost``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Section
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.study import (
    NO_HIDDEN_READINGS,
    HiddenReadings,
    Progress,
    ReadingsMode,
    hidden_readings,
    section_progress,
)
from genesis_tui.storage.statuses import Status, WordStatuses
from genesis_tui.ui.host import Notifying
from genesis_tui.ui.messages import StatusesChanged
from genesis_tui.ui.widgets.page_kinds import ArticleView

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


class LearnerHost(Notifying, Protocol):
    """What the learner's part uses of the reader screen."""

    content: Edition
    ui: Catalogue
    readings: bool
    """Readings shown above the Japanese (``r``)."""

    @property
    def article(self) -> ArticleView: ...

    def post_message(self, message: Message) -> bool: ...

    def call_after_refresh(self, callback: Callable[[], None]) -> bool: ...


class Learner:
    """The learner's keys over their ``Study`` (see the module's docstring)."""

    def __init__(self, host: LearnerHost, study: Study, *, header: Callable[[], None]) -> None:
        self._host = host
        self.study = study
        """What the learner knows and how they read (``r``'s modes, ``m``)."""
        self._header = header
        """Brings the header's count and percentage up to date."""

    def toggle_readings(self) -> None:
        """Readings over every word, then (once the learner knows a word) only over the words
        not yet known, then none."""
        host = self._host
        ui = host.ui
        if not host.content.ruby:
            host.notify(ui("reader.no_readings"), severity="warning", markup=False)
            return
        study = self.study
        if host.readings and study.readings_mode == "all" and study.knows_a_word():
            study.readings_mode = "unknown"
            host.notify(ui("reader.readings_unknown"), markup=False, timeout=3)
        else:
            host.readings = not host.readings
            study.readings_mode = "all"
            if host.readings and study.knows_a_word():
                host.notify(ui("reader.readings_all"), markup=False, timeout=3)
        self._readings_changed()
        if host.readings and host.article.view == "en":
            host.notify(ui("reader.readings_in_japanese"), markup=False)

    def _readings_changed(self) -> None:
        host = self._host
        article = host.article
        if host.readings and self.study.hides_readings:
            article.set_hidden_readings(self.study.hidden_readings(host.content))
        else:
            article.set_hidden_readings(NO_HIDDEN_READINGS)
        article.ruby = host.readings
        host.call_after_refresh(self._header)  # the page's length changed: the percentage

    def next_level(self) -> None:
        """Readings only over the words above a JLPT level: off, N5, N4, N3, N2, N1 in turn."""
        ui = self._host.ui
        level = self.study.next_level()
        if level is None:
            self._host.notify(ui("reader.readings_every_level"), markup=False, timeout=3)
        else:
            self._host.notify(ui("reader.readings_above", level=level), markup=False, timeout=3)
        self._readings_changed()

    def toggle_new_words(self) -> None:
        """Mark the new words (no status yet) in the text, or stop marking them."""
        host, study = self._host, self.study
        if not host.content.lexicon:
            host.notify(host.ui("word.none"), severity="warning", timeout=3, markup=False)
            return
        study.mark_new = not study.mark_new
        host.article.mark_new_words(study.statuses if study.mark_new else None)
        key = "reader.new_words_on" if study.mark_new else "reader.new_words_off"
        host.notify(host.ui(key), markup=False, timeout=3)

    @property
    def statuses(self) -> WordStatuses:
        """What the learner knows of each word (the word cursor reads and sets it)."""
        return self.study.statuses

    def set_status(self, entry: Entry, status: Status | None) -> None:
        """Give a word a status: saved at once (by the app), and the marks, the readings and
        the header's count follow."""
        host, study = self._host, self.study
        if not study.statuses.set(entry.lemma, entry.reading, status):
            return
        host.post_message(StatusesChanged())
        if study.mark_new:
            host.article.mark_new_words(study.statuses)
        if host.readings and study.readings_mode == "unknown":
            # Kept on screen: the word under the cursor stays where it is read.
            host.article.set_hidden_readings(study.hidden_readings(host.content))
        self._header()
