"""The lexicon of the article: every word of its Japanese, attached by span to an entry.

``lexicon.toml`` is content, drafted by ``genesis-tui lexicon`` (SudachiPy, JMdict, Kanjium) and
reviewed by hand. It has two tables. ``words`` lists, for each Japanese text of the content
(keyed as in ``readings.toml``: ``blocks.<id>.ja``, ``terms.<id>.definition``...), the text's
words in reading order, each ``"surface"`` when the entry's id is the surface itself, else
``"surface entry-id"``::

    [words]
    "blocks.overview-1.ja" = ["政権", "は", "年末", "に", "発表 発表する", ...]

A word is attached to the first occurrence of its surface after the word before it, as the
readings are: a list reads like the text and needs no offsets. ``entries`` holds one table per
entry, its id the dictionary form (``#2`` after it when two entries share one)::

    [entries."研究所"]
    lemma = "研究所"
    reading = "けんきゅうじょ"
    pos = "noun"
    glosses = ["research institute", "laboratory"]
    accent = [0]          # Kanjium's mora positions: 0 flat, n the mora the pitch falls after
    jlpt = "N3"           # unofficial lists: the JLPT publishes none since 2010
    term = "riken"        # the glossary term the word belongs to
    parts = ["研究"]      # a compound's parts, each an entry of its own

Nothing here imports pydantic, Textual or a dictionary: the reader reads the file at the first
lookup (``Content.lexicon``), never at start.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from genesis_tui.content.files import Unreadable, parse_toml, read_file, too_deep
from genesis_tui.text.kana import is_kana

LEXICON_FILE = "lexicon.toml"

POS = {
    "noun": ("noun", "名詞"),
    "proper noun": ("proper noun", "固有名詞"),
    "pronoun": ("pronoun", "代名詞"),
    "numeral": ("numeral", "数詞"),
    "verb": ("verb", "動詞"),
    "adjective": ("adjective (-i)", "形容詞"),
    "adjectival noun": ("adjectival noun (-na)", "形状詞"),
    "adverb": ("adverb", "副詞"),
    "adnominal": ("pre-noun adjectival", "連体詞"),
    "conjunction": ("conjunction", "接続詞"),
    "interjection": ("interjection", "感動詞"),
    "particle": ("particle", "助詞"),
    "auxiliary": ("auxiliary verb", "助動詞"),
    "prefix": ("prefix", "接頭辞"),
    "suffix": ("suffix", "接尾辞"),
    "counter": ("counter", "助数詞"),
    "expression": ("expression", "表現"),
}
"""The parts of speech an entry may have: its name in the file, and in each interface language."""

JLPT_LEVELS = ("N5", "N4", "N3", "N2", "N1")

WordSpan = tuple[int, int, str]
"""A word over ``text[start:end]``: (start, end, entry id), offsets in characters."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A word of the lexicon: its dictionary form and reading, what it is and means."""

    id: str
    lemma: str
    reading: str
    pos: str
    glosses: tuple[str, ...]
    accent: tuple[int, ...] = ()
    jlpt: str = ""
    term: str = ""
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Flaw:
    """Something wrong in ``lexicon.toml``: where (a key) and what."""

    key: str
    message: str


@dataclass(frozen=True, slots=True)
class Listed:
    """A word as listed for a text: its surface and the id of its entry."""

    surface: str
    entry: str

    def __str__(self) -> str:
        return self.surface if self.surface == self.entry else f"{self.surface} {self.entry}"


# ---------------------------------------------------------------------------- the file
def parse_lexicon(
    data: Mapping[str, Any],
) -> tuple[dict[str, tuple[Listed, ...]], dict[str, Entry], list[Flaw]]:
    """The words of each text, the entries by id, and what is malformed, of parsed TOML."""
    flaws: list[Flaw] = []
    for name in data:
        if name not in ("words", "entries"):
            flaws.append(Flaw(str(name), "unknown table (a lexicon has [words] and [entries])"))
    words: dict[str, tuple[Listed, ...]] = {}
    raw_words = data.get("words", {})
    if not isinstance(raw_words, dict):
        flaws.append(Flaw("words", "must be a table of word lists"))
        raw_words = {}
    for key, value in _leaves(raw_words, ""):
        where = f"words.{key}"
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            flaws.append(Flaw(where, 'must be a list of "surface" or "surface entry" strings'))
            continue
        found: list[Listed] = []
        for index, item in enumerate(value):
            parts = item.split()
            if len(parts) not in (1, 2):
                message = f'word {index + 1} ({item!r}) must be "surface" or "surface entry"'
                flaws.append(Flaw(where, message))
                continue
            found.append(Listed(parts[0], parts[-1]))
        words[key] = tuple(found)
    entries: dict[str, Entry] = {}
    raw_entries = data.get("entries", {})
    if not isinstance(raw_entries, dict):
        flaws.append(Flaw("entries", "must be a table of entries"))
        raw_entries = {}
    for entry_id, value in raw_entries.items():
        entry = _entry(str(entry_id), value, flaws)
        if entry is not None:
            entries[entry.id] = entry
    return words, entries, flaws


SOFT = (".glosses", ".reading")
"""Flaws of an entry that still leave it usable (a draft without a gloss, a reading not yet
in kana): ``check`` reports them, the drafter keeps the entry for a person to finish."""

_KEYS = {"lemma", "reading", "pos", "glosses", "accent", "jlpt", "term", "parts"}


def _entry(entry_id: str, value: Any, flaws: list[Flaw]) -> Entry | None:
    where = f"entries.{entry_id}"
    if not isinstance(value, dict):
        flaws.append(Flaw(where, "must be a table"))
        return None
    before = len(flaws)
    for name in sorted(set(value) - _KEYS):
        flaws.append(Flaw(f"{where}.{name}", "unknown key"))
    for name in ("lemma", "reading", "pos"):
        if not isinstance(value.get(name), str) or not value[name]:
            flaws.append(Flaw(f"{where}.{name}", "required, a non-empty string"))
    reading = value.get("reading")
    if isinstance(reading, str) and reading and not is_kana(reading):
        flaws.append(Flaw(f"{where}.reading", f"{reading!r} must be in kana only"))
    pos = value.get("pos")
    if isinstance(pos, str) and pos and pos not in POS:
        known = ", ".join(POS)
        flaws.append(Flaw(f"{where}.pos", f"unknown part of speech {pos!r} (known: {known})"))
    glosses = value.get("glosses")
    if not (
        isinstance(glosses, list) and glosses and all(isinstance(g, str) and g for g in glosses)
    ):
        flaws.append(Flaw(f"{where}.glosses", "required, a list of at least one English gloss"))
    accent = value.get("accent", [])
    if not (isinstance(accent, list) and all(_is_mora(n) for n in accent)):
        flaws.append(Flaw(f"{where}.accent", "must be a list of mora positions (0, 1, 2...)"))
    jlpt = value.get("jlpt", "")
    if jlpt not in ("", *JLPT_LEVELS):
        flaws.append(Flaw(f"{where}.jlpt", f"{jlpt!r} is not one of {', '.join(JLPT_LEVELS)}"))
    for name in ("term",):
        if not isinstance(value.get(name, ""), str):
            flaws.append(Flaw(f"{where}.{name}", "must be a string"))
    parts = value.get("parts", [])
    if not (isinstance(parts, list) and all(isinstance(p, str) for p in parts)):
        flaws.append(Flaw(f"{where}.parts", "must be a list of entry ids"))
    if any(not flaw.key.endswith(SOFT) for flaw in flaws[before:]):
        return None
    return Entry(
        entry_id,
        value["lemma"],
        value["reading"],
        value["pos"],
        tuple(g for g in glosses if isinstance(g, str)) if isinstance(glosses, list) else (),
        tuple(accent),
        jlpt,
        value.get("term", ""),
        tuple(parts),
    )


def _is_mora(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 30


def _leaves(data: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, Any]]:
    for name, value in data.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        if isinstance(value, dict):
            yield from _leaves(value, key)
        else:
            yield key, value


# ---------------------------------------------------------------------- attaching words
@dataclass(frozen=True, slots=True)
class Attached:
    """A text's words placed on it, and the words whose surface is not there."""

    spans: tuple[WordSpan, ...]
    missing: tuple[tuple[int, Listed], ...]


def attach(text: str, words: Iterable[Listed]) -> Attached:
    """Place each word on the first occurrence of its surface after the word before it."""
    spans: list[WordSpan] = []
    missing: list[tuple[int, Listed]] = []
    position = 0
    for index, word in enumerate(words):
        start = text.find(word.surface, position)
        if start < 0:
            missing.append((index, word))
            continue
        position = start + len(word.surface)
        spans.append((start, position, word.entry))
    return Attached(tuple(spans), tuple(missing))


def needs_word(char: str) -> bool:
    """True for a character a word must cover: not punctuation, a symbol, a space or a digit."""
    category = unicodedata.category(char)
    return category[0] not in "PSZN" and char not in "\u3000\n\t"


def uncovered(text: str, spans: Iterable[WordSpan]) -> list[tuple[int, str]]:
    """The runs of characters no word covers (punctuation and digits aside), as (offset, run)."""
    covered = [False] * len(text)
    for start, end, _ in spans:
        covered[start:end] = [True] * (end - start)
    runs: list[tuple[int, str]] = []
    start = -1
    for offset, char in enumerate([*text, ""]):
        bare = bool(char) and needs_word(char) and not covered[offset]
        if bare and start < 0:
            start = offset
        elif not bare and start >= 0:
            runs.append((start, text[start:offset]))
            start = -1
    return runs


# ---------------------------------------------------------------------- the lookup
class Lexicon:
    """The words of every Japanese text (by its key) and the entries they point to."""

    def __init__(
        self,
        spans: Mapping[str, tuple[WordSpan, ...]] | None = None,
        entries: Mapping[str, Entry] | None = None,
        texts: Mapping[str, str] | None = None,
    ) -> None:
        self._spans = dict(spans or {})
        self.entries = dict(entries or {})
        self._counts: dict[str, int] | None = None
        self._by_text: dict[str, tuple[WordSpan, ...]] = {}
        """The words of each text by the text itself (its first key's), for the exports."""
        for key, text in (texts or {}).items():
            self._by_text.setdefault(text, self._spans.get(key, ()))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def words(self, key: str) -> tuple[WordSpan, ...]:
        """The words of the text at ``key``: (start, end, entry id), in order."""
        return self._spans.get(key, ())

    def words_of(self, text: str) -> tuple[WordSpan, ...]:
        """The words of a text looked up by the text itself (the exports know no keys)."""
        return self._by_text.get(text, ())

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, if there is one."""
        return self.entries.get(entry_id)

    def keys(self) -> list[str]:
        """The keys of the texts that have words."""
        return list(self._spans)

    def count(self, entry_id: str) -> int:
        """How often the entry's word occurs in the article's pages (key points, blocks and their
        notes, where the word cursor walks; not the titles, the glossary or the timeline)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for key, spans in self._spans.items():
                if not key.startswith(("blocks.", "sections.")) or key.endswith(".title"):
                    continue
                for _, _, found in spans:
                    counts[found] = counts.get(found, 0) + 1
            self._counts = counts
        return self._counts.get(entry_id, 0)


def read_lexicon(
    directory: Path,
) -> tuple[dict[str, tuple[Listed, ...]], dict[str, Entry]] | None:
    """The words and entries of ``directory/lexicon.toml`` (malformed ones left out), or None
    when the file is missing or unreadable. ``genesis-tui check`` reports what this forgives."""
    from genesis_tui.content import cache

    try:
        raw = read_file(Path(directory) / LEXICON_FILE)
    except Unreadable:
        return None
    # Parsing the TOML is most of the work (about 0.1 s): the parsed data is kept in the cache,
    # under the file's digest, and read back as JSON (under 10 ms). Either way it is checked.
    name = cache.key(raw)
    data = cache.read("lexicon", name)
    if not isinstance(data, dict):
        try:
            data = parse_toml(raw)
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            return None
        if too_deep(data):
            return None
        cache.write("lexicon", name, data)
    try:
        words, entries, _ = parse_lexicon(data)
    except RecursionError:  # a cache file nested too deep (the TOML was checked above)
        return None
    return words, entries


def load_lexicon(directory: Path, located: Iterable[tuple[str, str]]) -> Lexicon:
    """The lexicon of a content directory for its texts, given as (key, text); empty when the
    directory has no (readable) ``lexicon.toml``."""
    found = read_lexicon(directory)
    if found is None:
        return Lexicon()
    words, entries = found
    located = list(located)
    spans = {key: attach(text, words[key]).spans for key, text in located if key in words}
    return Lexicon(spans, entries, dict(located))


SMALL_KANA = set("ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ")
DOWNSTEP = "\ua71c"
"""ꜜ (U+A71C): narrow in every terminal (not East Asian Ambiguous)."""


def morae(reading: str) -> list[str]:
    """The reading cut into morae: a small kana belongs to the kana before it."""
    found: list[str] = []
    for char in reading:
        if found and char in SMALL_KANA:
            found[-1] += char
        else:
            found.append(char)
    return found


def pitch(reading: str, accent: tuple[int, ...], *, ascii_only: bool = False) -> str:
    """The reading with its pitch accent: a downstep mark ꜜ after the mora the pitch falls
    after (none for a flat word, 0); ``[n]`` after the reading under ``--ascii``. A word with
    more than one accent shows each, the commonest first."""
    if not accent:
        return reading
    if ascii_only:
        return f"{reading} [{', '.join(map(str, accent))}]"
    shown = []
    for fall in accent:
        parts = morae(reading)
        if 0 < fall <= len(parts):
            parts[fall - 1] += DOWNSTEP
        shown.append("".join(parts) + ("" if fall else " (0)"))
    return " / ".join(shown)
