"""Search across everything the reader shows, in both languages: the article's blocks, key
points and notes, the timeline and the glossary (terms, readings, aliases, definitions).

Matching is done on folded text (``folding``: width forms, case, katakana and hiragana, the
nakaguro and spaces inside Japanese do not count), so a match is marked on the text as written.
A query in kana, or in romaji (``riken``, ``oboegaki``), is also looked for in how the Japanese
is read: each word with a reading (``readings.toml``) is spelled out in its kana, and a match
there marks the word itself (``りけん`` and ``riken`` find 理研).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Event, Lang, Term
from genesis_tui.content.places import Marks
from genesis_tui.i18n.catalogue import Catalogue, note_label
from genesis_tui.text.dates import shown_date
from genesis_tui.text.folding import find_all, find_needles, fold, needles
from genesis_tui.text.romaji import long_vowels_folded
from genesis_tui.text.ruby import RubySpan

if TYPE_CHECKING:
    from genesis_tui.content.readings import Ruby

__all__ = ["Hit", "SearchSession", "find_all", "fold", "search", "search_status"]

LANGS: tuple[Lang, ...] = ("ja", "en")


class Hit(NamedTuple):
    """One match, and where it is: ``part`` says which text.

    - ``""``: a block's own text (``section_id``, ``block_id``);
    - ``"note"``, ``"since"``: that block's translator's or since-publication note, offsets
      in the note as shown, after its label (``note_label``);
    - ``"point<n>"``: the section's n-th key point (no block);
    - ``"event"``: a timeline event's label (``block_id`` is ``event-<n>``, n in date order);
    - a glossary entry: ``term_id``, with ``block_id`` naming the entry's field, as in
      ``term_fields``.
    """

    section_id: str | None
    block_id: str | None
    term_id: str | None
    lang: Lang
    start: int
    end: int
    part: str = ""

    @property
    def in_article(self) -> bool:
        """True for a match the reader's page shows (a block, its notes, a key point)."""
        return self.section_id is not None


"""Search matches: (start, end) offsets per text shown (block, language, part)."""


def term_fields(term: Term) -> list[tuple[str, Lang, str]]:
    """The texts of a glossary entry that search looks in, as (field, language, text); the
    entry's page shows them under the same field names."""
    fields: list[tuple[str, Lang, str]] = [
        ("term", "ja", term.term.ja),
        ("term", "en", term.term.en),
        ("reading", "ja", term.reading),
    ]
    if term.aliases.ja:
        fields.append(("aliases", "ja", ", ".join(term.aliases.ja)))
    if term.aliases.en:
        fields.append(("aliases", "en", ", ".join(term.aliases.en)))
    fields += [("definition", "ja", term.definition.ja), ("definition", "en", term.definition.en)]
    return fields


def dated_events(content: Edition) -> list[Event]:
    """The timeline's events oldest first, as the timeline shows them (``event-<n>``)."""
    return sorted(content.timeline.events, key=lambda event: event.date)


def alias_readings(ruby: Ruby, aliases: Sequence[str]) -> tuple[RubySpan, ...]:
    """Readings over the aliases as search joins them (``, ``), each the reading its word has
    elsewhere in the content."""
    spans: list[RubySpan] = []
    position = 0
    for alias in aliases:
        reading = ruby.reading_of(alias)
        if reading is not None:
            spans.append((position, position + len(alias), reading))
        position += len(alias) + len(", ")
    return tuple(spans)


def search(content: Edition, query: str) -> tuple[Hit, ...]:
    """Every match of ``query`` (folded, literal; in kana or romaji, also by reading): the
    article in reading order (each section's key points, then each block's text and notes, ja
    before en), then the timeline, then one hit per glossary entry that matches (its first
    match)."""
    wanted = needles(query)
    if not wanted.text:
        return ()
    ruby = content.ruby if wanted.sounds else None

    def find(text: str, lang: Lang, read: str | None = None, at: int = 0) -> list[tuple[int, int]]:
        """Matches in ``text``; the readings are those of ``read`` (the text itself unless
        given), which starts at ``at`` in ``text``."""
        readings: tuple[RubySpan, ...] = ()
        if ruby is not None and lang == "ja":
            spans = ruby.spans(text if read is None else read)
            readings = tuple((start + at, end + at, kana) for start, end, kana in spans)
        return find_needles(text, wanted, readings)

    hits: list[Hit] = []
    for section in content.article.sections:
        for number, point in enumerate(section.key_points):
            for lang in LANGS:
                for start, end in find(point.get(lang), lang):
                    hits.append(Hit(section.id, None, None, lang, start, end, f"point{number}"))
        for block in section.blocks:
            for part, said in (("", block), ("note", block.note), ("since", block.since)):
                if said is None:
                    continue
                for lang in LANGS:
                    # A note as shown: after its label, which a search finds too.
                    label = note_label(part, lang) if part else ""
                    text = getattr(said, lang)
                    for start, end in find(label + text, lang, text, len(label)):
                        hits.append(Hit(section.id, block.id, None, lang, start, end, part))
    for number, event in enumerate(dated_events(content)):
        for lang in LANGS:
            for start, end in find(event.label.get(lang), lang):
                hits.append(Hit(None, f"event-{number}", None, lang, start, end, "event"))
    for term in content.glossary.terms:
        for name, lang, text in term_fields(term):
            if name == "aliases" and lang == "ja" and ruby is not None:
                found = find_needles(text, wanted, alias_readings(ruby, term.aliases.ja))
            else:
                found = find(text, lang)
            if found:
                hits.append(Hit(None, name, term.id, lang, *found[0]))
                break
    return tuple(hits)


def term_matches(content: Edition, term_id: str, text: str) -> bool:
    """True when ``text`` is part of any form of the term: ja, en, reading or an alias."""
    wanted = needles(text)
    if not wanted.text:
        return True
    term = content.term(term_id)
    if any(wanted.text in fold(form).text for form in (*term.forms(), term.reading)):
        return True
    heard = long_vowels_folded(fold(term.reading).text)
    return any(sound in heard for sound in wanted.sounds)


class SearchSession:
    """A search under way: its query, its hits, which hit is shown, and earlier queries."""

    def __init__(self) -> None:
        self.query = ""
        self.hits: tuple[Hit, ...] = ()
        self.index = 0
        self.wrapped = 0
        """1 when the last step went from the last hit round to the first, -1 the other way."""
        self.past: list[str] = []
        """Earlier queries, oldest first, each once (for up and down in the search line)."""

    def start(self, content: Edition, query: str) -> Hit | None:
        """Search for ``query``; the first hit, or None when nothing matches."""
        self.query = query.strip()
        if self.query:
            if self.query in self.past:
                self.past.remove(self.query)
            self.past.append(self.query)
        self.hits = search(content, self.query)
        self.index = 0
        self.wrapped = 0
        return self.current

    def step(self, step: int) -> Hit | None:
        """Move ``step`` hits on (wrapping round); the hit now shown, None with no hits."""
        self.wrapped = 0
        if self.hits:
            moved = self.index + step
            self.wrapped = 1 if moved >= len(self.hits) else -1 if moved < 0 else 0
            self.index = moved % len(self.hits)
        return self.current

    def clear(self) -> None:
        """Forget the hits (the query stays, to be edited next time)."""
        self.hits = ()
        self.index = 0
        self.wrapped = 0

    @property
    def current(self) -> Hit | None:
        """The hit shown now."""
        return self.hits[self.index] if self.hits else None

    @property
    def position(self) -> str:
        """Where the hit shown is among them, such as ``3/7``; empty with no hits."""
        return f"{self.index + 1}/{len(self.hits)}" if self.hits else ""

    def marks(
        self,
        term_id: str | None = None,
        *,
        timeline: bool = False,
    ) -> Marks:
        """The hits as (start, end) offsets per text shown, keyed as a page's pieces name their
        text (``Piece.source``: block, language, part): the article's (its blocks, notes and
        key points), with ``timeline`` the timeline's, with ``term_id`` that glossary entry's
        (per field)."""
        marks: Marks = {}
        for hit in self.hits:
            if term_id is not None:
                wanted = hit.term_id == term_id
            elif timeline:
                wanted = hit.part == "event"
            else:
                wanted = hit.in_article
            if not wanted:
                continue
            key = (hit.block_id, hit.lang, "" if hit.part == "event" else hit.part)
            marks[key] = (*marks.get(key, ()), (hit.start, hit.end))
        return marks


def search_status(session: SearchSession, hit: Hit, content: Edition, ui: Catalogue) -> str:
    """The status line for ``hit``: the query, k/N, where the match is (a block, a note, the
    key points, a timeline event, a glossary entry), and a word when the search went round the
    end."""
    status = ui("reader.match", query=session.query, position=session.position)
    status += " " + hit_place(hit, content, ui)
    if session.wrapped:
        wrapped = "reader.wrapped_top" if session.wrapped > 0 else "reader.wrapped_bottom"
        status += "  (" + ui(wrapped) + ")"
    return status


def hit_place(hit: Hit, content: Edition, ui: Catalogue) -> str:
    """Where a match is, in the interface's words: ``in a note: overview-2``."""
    if hit.term_id is not None:
        term = content.term(hit.term_id).term
        return ui("reader.in_glossary", term=term.ja if ui.lang == "ja" else term.en)
    if hit.part == "event":
        event = dated_events(content)[int(str(hit.block_id).removeprefix("event-"))]
        return ui("reader.in_timeline", date=shown_date(event.date, ui.lang))
    if hit.part.startswith("point"):
        assert hit.section_id is not None
        title = content.section(hit.section_id).title.get(ui.lang)
        return ui("reader.in_key_points", section=title)
    key = {"note": "reader.in_note", "since": "reader.in_since"}.get(hit.part, "reader.in_text")
    return ui(key, block=hit.block_id)
