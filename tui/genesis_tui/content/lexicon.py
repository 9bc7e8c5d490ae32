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
from collections.abc import Iterable, Mapping
from pathlib import Path

from genesis_tui.content.files import Unreadable, parse_toml, read_file, too_deep
from genesis_tui.content.lexicon_file import Entry, Listed, WordSpan, attach, parse_lexicon

LEXICON_FILE = "lexicon.toml"


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
