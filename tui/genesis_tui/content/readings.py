"""Readings (furigana) of the Japanese text: the model of ``readings.toml`` and the ruby lookup.

``readings.toml`` is content, written for people: drafted by ``genesis-tui readings`` with a
morphological analyser, then read and corrected by hand. It holds, for each Japanese text of the
content, the text's kanji words in reading order, each as ``"base reading"``::

    [blocks.overview-1]
    ja = ["政権 せいけん", "年末 ねんまつ", "発表 はっぴょう", ...]

A word is attached to the first occurrence of its base after the previous word of the same list,
so a list reads like the text and needs no offsets: editing a reading is editing the kana, and a
text that changes keeps the readings of the words still in it. The keys name where each text is
(``texts`` lists them): ``title``, ``source.note``, ``sections.<id>.title``,
``sections.<id>.key_points.<n>``, ``blocks.<id>.ja|note|since``, ``terms.<id>.term|definition``,
``events.<date>.label`` (a second event of the same date is ``<date>_2``).

Nothing here imports pydantic or the analyser: the reader looks readings up with ``Ruby``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from genesis_tui.content.attaching import Attached, bare_runs
from genesis_tui.content.attaching import attach as attached
from genesis_tui.content.files import Unreadable, leaves, parse_toml, read_file, too_deep
from genesis_tui.content.model import Article, Glossary, Timeline
from genesis_tui.text.kana import is_kana, is_kanji
from genesis_tui.text.ruby import RubySpan

READINGS_FILE = "readings.toml"
ARTICLE_FILE, GLOSSARY_FILE, TIMELINE_FILE = "article.toml", "glossary.toml", "timeline.toml"


@dataclass(frozen=True, slots=True)
class Word:
    """A base (the kanji, as written in the text) and its reading in kana."""

    base: str
    reading: str

    def __str__(self) -> str:
        return f"{self.base} {self.reading}"


@dataclass(frozen=True, slots=True)
class Located:
    """One Japanese text of the content: its file, its key in ``readings.toml``, the text."""

    file: str
    key: str
    text: str


def texts(article: Article, glossary: Glossary, timeline: Timeline) -> list[Located]:
    """Every Japanese text the reader shows, in the order of the content files."""
    found = [Located(ARTICLE_FILE, "title", article.title.ja)]
    found.append(Located(ARTICLE_FILE, "source.note", article.source.note.ja))
    for section in article.sections:
        found.append(Located(ARTICLE_FILE, f"sections.{section.id}.title", section.title.ja))
        for index, point in enumerate(section.key_points):
            key = f"sections.{section.id}.key_points.{index}"
            found.append(Located(ARTICLE_FILE, key, point.ja))
    for _, block in article.blocks():
        found.append(Located(ARTICLE_FILE, f"blocks.{block.id}.ja", block.ja))
        if block.note is not None:
            found.append(Located(ARTICLE_FILE, f"blocks.{block.id}.note", block.note.ja))
        if block.since is not None:
            found.append(Located(ARTICLE_FILE, f"blocks.{block.id}.since", block.since.ja))
    for term in glossary.terms:
        found.append(Located(GLOSSARY_FILE, f"terms.{term.id}.term", term.term.ja))
        found.append(Located(GLOSSARY_FILE, f"terms.{term.id}.definition", term.definition.ja))
    seen: dict[str, int] = {}
    for event in timeline.events:
        seen[event.date] = seen.get(event.date, 0) + 1
        name = event.date if seen[event.date] == 1 else f"{event.date}_{seen[event.date]}"
        found.append(Located(TIMELINE_FILE, f"events.{name}.label", event.label.ja))
    return found


# ---------------------------------------------------------------------------- the file
@dataclass(frozen=True, slots=True)
class Flaw:
    """Something wrong in ``readings.toml``: the key it is at, and what."""

    key: str
    message: str


def parse_readings(data: Mapping[str, Any]) -> tuple[dict[str, tuple[Word, ...]], list[Flaw]]:
    """The words of each key of parsed ``readings.toml``, and what is malformed in it."""
    words: dict[str, tuple[Word, ...]] = {}
    flaws: list[Flaw] = []
    for key, value in leaves(data):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            flaws.append(Flaw(key, 'must be a list of "base reading" strings'))
            continue
        found: list[Word] = []
        for index, item in enumerate(value):
            parts = item.split()
            if len(parts) != 2:
                message = f'word {index + 1} ({item!r}) must be a base and its reading, "基 き"'
                flaws.append(Flaw(key, message))
            elif not is_kana(parts[1]):
                message = f"word {index + 1} ({item!r}): the reading must be in kana only"
                flaws.append(Flaw(key, message))
            else:
                found.append(Word(parts[0], parts[1]))
        words[key] = tuple(found)
    return words, flaws


def read_readings(directory: Path) -> dict[str, tuple[Word, ...]] | None:
    """The words of ``directory/readings.toml`` (malformed entries left out), or None when the
    file is missing or unreadable. ``genesis-tui check`` reports what this forgives."""
    try:
        data = parse_toml(read_file(Path(directory) / READINGS_FILE))
    except (Unreadable, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # a FIFO, a device, a huge or deeply nested file: no ruby
    if too_deep(data):
        return None
    return parse_readings(data)[0]


# ---------------------------------------------------------------------- attaching words
def attach(text: str, words: Iterable[Word]) -> Attached[Word]:
    """Place each word on the first occurrence of its base after the previous word placed
    (its spans give each word's reading)."""
    return attached(text, words, lambda word: word.base, lambda word: word.reading)


def unread_kanji(text: str, spans: Iterable[RubySpan]) -> list[tuple[int, str]]:
    """The runs of kanji that no span covers, as (offset, run)."""
    return bare_runs(text, spans, is_kanji)


def spelled_out(text: str, spans: Iterable[RubySpan]) -> str:
    """The text with each base replaced by its reading (how the text sounds, in kana)."""
    out: list[str] = []
    position = 0
    for start, end, reading in sorted(spans):
        out += [text[position:start], reading]
        position = end
    out.append(text[position:])
    return "".join(out)


class Ruby:
    """The ruby spans of every Japanese text of the content, looked up by the text itself.

    Built from ``readings.toml``; a text with no readings (or content with no readings file)
    has no spans. Spans are sorted, never overlap, and lie inside the text.
    """

    def __init__(self, spans: Mapping[str, tuple[RubySpan, ...]] | None = None) -> None:
        self._spans = dict(spans or {})
        self._words: dict[str, str] | None = None

    def __bool__(self) -> bool:
        return any(self._spans.values())

    def spans(self, text: str) -> tuple[RubySpan, ...]:
        """The readings over ``text``: (start, end, reading), in order; () when it has none."""
        return self._spans.get(text, ())

    def reading_of(self, word: str) -> str | None:
        """The reading a word has somewhere in the content (a glossary alias such as 理研 has
        none of its own), or None."""
        if self._words is None:
            self._words = {}
            for text, spans in self._spans.items():
                for start, end, reading in spans:
                    self._words.setdefault(text[start:end], reading)
        return self._words.get(word)


def build_ruby(located: Iterable[Located], words: Mapping[str, tuple[Word, ...]]) -> Ruby:
    """The lookup of each text's spans (words that do not attach are left out)."""
    table: dict[str, tuple[RubySpan, ...]] = {}
    for item in located:
        if item.key in words:
            table.setdefault(item.text, attach(item.text, words[item.key]).spans)
    return Ruby(table)


def load_ruby(directory: Path, article: Article, glossary: Glossary, timeline: Timeline) -> Ruby:
    """The ruby of a content directory; empty when it has no (readable) ``readings.toml``."""
    words = read_readings(directory)
    if words is None:
        return Ruby()
    return build_ruby(texts(article, glossary, timeline), words)
