"""The learner's view of the article: how much of a section they know, which readings to draw,
which words to mark as new. Pure: the statuses are handed in (``storage.statuses`` keeps them),
the words come from the lexicon, and nothing here knows Textual.

*Words* here are content words: the entries of a section's Japanese (key points, blocks and
their notes, where the word cursor walks) less particles and auxiliaries, which a learner
meets on every line and no count or card is the better for. A word the learner ignored is left
out of a section's total, as Lute leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from genesis_tui.content.edition import Edition
from genesis_tui.content.places import Marks
from genesis_tui.text.kana import to_hiragana
from genesis_tui.text.ruby import RubySpan

if TYPE_CHECKING:
    from genesis_tui.content.lexicon_file import Entry
    from genesis_tui.content.model import Section
    from genesis_tui.pages.word_places import WordPlace


class WordStatuses(Protocol):
    """The learner's statuses (``genesis_tui.storage.statuses``): a word's, by its lemma and
    reading; None for a new word."""

    def get(self, lemma: str, reading: str) -> str | None: ...


ReadingsMode = Literal["all", "unknown"]
"""Readings over every word, or only over the words the learner does not know yet."""
READINGS_MODES: tuple[ReadingsMode, ...] = ("all", "unknown")

FUNCTION_WORDS = ("particle", "auxiliary")
"""Parts of speech left out of counts, marks and cards."""


def is_content_word(entry: Entry | None) -> bool:
    """True for an entry a learner learns: not a particle or an auxiliary."""
    return entry is not None and entry.pos not in FUNCTION_WORDS


def section_keys(section: Section) -> list[str]:
    """The lexicon keys of a section's Japanese texts, in reading order."""
    keys = [f"sections.{section.id}.key_points.{n}" for n in range(len(section.key_points))]
    for block in section.blocks:
        keys += [f"blocks.{block.id}.ja", f"blocks.{block.id}.note", f"blocks.{block.id}.since"]
    return keys


def section_entries(content: Edition, section: Section) -> list[Entry]:
    """The section's content words, each once, in order of first use."""
    lexicon = content.lexicon
    seen: dict[str, Entry] = {}
    for key in section_keys(section):
        for _, _, entry_id in lexicon.words(key):
            entry = lexicon.entry(entry_id)
            if entry_id not in seen and entry is not None and is_content_word(entry):
                seen[entry_id] = entry
    return list(seen.values())


def status_of(statuses: WordStatuses, entry: Entry) -> str | None:
    """The learner's status of an entry's word (None: new)."""
    return statuses.get(entry.lemma, entry.reading)


class Progress(NamedTuple):
    """How much of a section the learner knows: known words of the words not ignored."""

    known: int
    total: int

    @property
    def percent(self) -> int:
        """Known words in percent, rounded down (100 only when every word is known)."""
        return self.known * 100 // self.total if self.total else 0

    @property
    def shown_percent(self) -> str:
        """The percentage as the header shows it: ``<1`` for a count above zero that rounds
        down to 0 (1 of 143 known is not 0%)."""
        return "<1" if self.known and not self.percent else str(self.percent)


def section_progress(content: Edition, section: Section, statuses: WordStatuses) -> Progress:
    """The section's known words, of its content words less the ignored ones."""
    known = total = 0
    for entry in section_entries(content, section):
        status = status_of(statuses, entry)
        if status == "ignored":
            continue
        total += 1
        known += status == "known"
    return Progress(known, total)


def is_known(statuses: WordStatuses, entry: Entry) -> bool:
    """Known or ignored: the learner needs no reading over it and no card for it."""
    return status_of(statuses, entry) in ("known", "ignored")


class HiddenReadings(NamedTuple):
    """The readings left out: over the words of these entries, and over a base that is such a
    word inside a longer one (政権 known, its reading goes in トランプ政権 too)."""

    entries: frozenset[str] = frozenset()
    bases: frozenset[tuple[str, str]] = frozenset()
    """(lemma, reading in hiragana) of those entries."""

    def __bool__(self) -> bool:
        return bool(self.entries)


NO_HIDDEN_READINGS = HiddenReadings()
"""Every reading drawn."""


def hidden_readings(
    content: Edition,
    mode: ReadingsMode,
    statuses: WordStatuses,
    above: str | None = None,
) -> HiddenReadings:
    """The readings not drawn: in ``unknown``, over the words the learner knows; with
    ``above`` (a JLPT level), over the words of that level and the easier ones (``N3``: N5, N4
    and N3; a word on no list keeps its reading)."""
    if mode == "all" and above is None:
        return HiddenReadings()
    from genesis_tui.content.lexicon_file import JLPT_LEVELS  # read with the lexicon, not at start

    easy = JLPT_LEVELS[: JLPT_LEVELS.index(above) + 1] if above in JLPT_LEVELS else ()
    hidden = [
        entry
        for entry in content.lexicon.entries.values()
        if (mode == "unknown" and is_known(statuses, entry)) or (entry.jlpt and entry.jlpt in easy)
    ]
    return HiddenReadings(
        frozenset(entry.id for entry in hidden),
        frozenset((entry.lemma, to_hiragana(entry.reading)) for entry in hidden),
    )


def kept_readings(
    text: str,
    ruby: Iterable[RubySpan],
    words: Sequence[tuple[int, int, str]],
    hidden: HiddenReadings,
) -> tuple[RubySpan, ...]:
    """The readings of ``text`` less the hidden ones: a reading goes when every word it stands
    over is hidden, or when its base, read as it is, is a hidden word (a reading over no word
    of the lexicon stays)."""
    kept: list[RubySpan] = []
    for start, end, reading in ruby:
        if (text[start:end], reading) in hidden.bases:
            continue
        under = [entry for lo, hi, entry in words if lo < end and start < hi]
        if not under or not all(entry in hidden.entries for entry in under):
            kept.append((start, end, reading))
    return tuple(kept)


def new_word_marks(words: Iterable[WordPlace], content: Edition, statuses: WordStatuses) -> Marks:
    """Where the new words stand on a page (content words without a status), as marks."""
    lexicon = content.lexicon
    found: dict[tuple[str | None, str, str], list[tuple[int, int]]] = {}
    for word in words:
        entry = lexicon.entry(word.entry)
        if is_content_word(entry) and entry is not None and status_of(statuses, entry) is None:
            found.setdefault(word.source, []).append((word.start, word.end))
    return {source: tuple(sorted(spans)) for source, spans in found.items()}
