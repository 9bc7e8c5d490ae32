"""Search across the article (both languages) and the glossary.

Matching is done on folded text: width forms unified (NFKC: ``ＲＩＫＥＮ`` is ``RIKEN``), case
folded, and the nakaguro and spaces inside Japanese dropped (``ジェネシス・ミッション`` is
``ジェネシスミッション``). Every folded character remembers which characters of the original it
came from, so a match is marked on the text as written.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from genesis_tui.content import Content
from genesis_tui.i18n import Catalogue
from genesis_tui.kana import to_hiragana
from genesis_tui.model import Lang, Term

NAKAGURO = frozenset("・･")
"""The Japanese middle dot (full and half width): written or not between katakana words."""

_SOUND_MARKS = frozenset("\u3099\u309a\uff9e\uff9f")
"""Voiced and semi-voiced sound marks, which join the kana before them."""


def _is_japanese(char: str) -> bool:
    """Kana, kanji, and the Japanese punctuation and full-width forms."""
    if not char:
        return False
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF  # punctuation, hiragana, katakana
        or 0x3400 <= code <= 0x9FFF  # kanji
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full- and half-width forms
    )


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each character with the combining marks that follow it."""
    clusters: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if clusters and (unicodedata.combining(char) or char in _SOUND_MARKS):
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    return clusters


def _space_neighbours(text: str, clusters: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """For each character, the nearest character before it and after it that is not a space
    ("" at either end). Two passes: looking for them from each space in a run of n spaces took
    n * n steps (16k spaces typed into the search: 7 s)."""
    firsts = [text[start] for start, _end in clusters]
    before: list[str] = []
    seen = ""
    for char in firsts:
        before.append(seen)
        if not char.isspace():
            seen = char
    after: list[str] = [""] * len(firsts)
    seen = ""
    for number in range(len(firsts) - 1, -1, -1):
        after[number] = seen
        if not firsts[number].isspace():
            seen = firsts[number]
    return before, after


class Folded(NamedTuple):
    """Text folded for matching, and where each of its characters came from."""

    text: str
    origin: tuple[tuple[int, int], ...]
    """For each folded character, the (start, end) of the original characters it came from."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's (start, end) for the folded text's ``[start:end]``."""
        return self.origin[start][0], self.origin[end - 1][1]


def fold(text: str) -> Folded:
    """``text`` folded: NFKC, case-folded, nakaguro and spaces inside Japanese left out, other
    runs of spaces made one."""
    clusters = _clusters(text)
    before, after = _space_neighbours(text, clusters)
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    for number, (start, end) in enumerate(clusters):
        original = text[start:end]
        if original in NAKAGURO:
            continue
        if original.isspace():
            # Spaces inside Japanese are left out; elsewhere a run of them is one space.
            # Spaces with Japanese on either side (the nearest characters not spaces).
            inside_japanese = _is_japanese(before[number]) or _is_japanese(after[number])
            if inside_japanese or (chars and chars[-1] == " "):
                continue
            chars.append(" ")
            origin.append((start, end))
            continue
        for char in unicodedata.normalize("NFKC", original).casefold():
            if char in NAKAGURO:
                continue
            chars.append(char)
            origin.append((start, end))
    return Folded("".join(chars), tuple(origin))


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text``, folded, as (start, end) in ``text`` as written."""
    needle = fold(query.strip()).text
    if not needle:
        return []
    haystack = fold(text)
    found: list[tuple[int, int]] = []
    position = haystack.text.find(needle)
    while position >= 0:
        found.append(haystack.span(position, position + len(needle)))
        position = haystack.text.find(needle, position + len(needle))
    return found


class Hit(NamedTuple):
    """One match: in a block's text (``block_id``, a section's block) or in a glossary entry
    (``term_id``, with ``block_id`` naming the entry's field, as in ``term_fields``)."""

    section_id: str | None
    block_id: str | None
    term_id: str | None
    lang: Lang
    start: int
    end: int


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


def search(content: Content, query: str) -> tuple[Hit, ...]:
    """Every match of ``query`` (folded, literal): article blocks first, in reading order and
    ja before en, then one hit per glossary entry that matches (its first match)."""
    query = query.strip()
    if not fold(query).text:
        return ()
    hits: list[Hit] = []
    for section, block in content.article.blocks():
        for lang in ("ja", "en"):
            for start, end in find_all(getattr(block, lang), query):
                hits.append(Hit(section.id, block.id, None, lang, start, end))
    for term in content.glossary.terms:
        for name, lang, text in term_fields(term):
            found = find_all(text, query)
            if found:
                hits.append(Hit(None, name, term.id, lang, *found[0]))
                break
    return tuple(hits)


def term_matches(content: Content, term_id: str, text: str) -> bool:
    """True when ``text`` is part of any form of the term: ja, en, reading or an alias."""
    needle = to_hiragana(fold(text.strip()).text)
    if not needle:
        return True
    term = content.term(term_id)
    forms = (*term.forms(), term.reading)
    return any(needle in to_hiragana(fold(form).text) for form in forms)


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

    def start(self, content: Content, query: str) -> Hit | None:
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
        self, term_id: str | None = None
    ) -> dict[tuple[str, str], tuple[tuple[int, int], ...]]:
        """The hits as (start, end) offsets per (block id, language): in the article, or with
        ``term_id`` in that glossary entry (per field)."""
        marks: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        for hit in self.hits:
            if hit.block_id is not None and hit.term_id == term_id:
                key = (hit.block_id, hit.lang)
                marks[key] = (*marks.get(key, ()), (hit.start, hit.end))
        return marks


def search_status(session: SearchSession, hit: Hit, content: Content, ui: Catalogue) -> str:
    """The status line for ``hit``: the query, k/N, where the match is (a glossary entry is
    named), and a word when the search went round the end."""
    status = ui("reader.match", query=session.query, position=session.position)
    if hit.term_id is not None:
        term = content.term(hit.term_id).term
        status += "  " + ui("reader.in_glossary", term=term.ja if ui.lang == "ja" else term.en)
    if session.wrapped:
        wrapped = "reader.wrapped_top" if session.wrapped > 0 else "reader.wrapped_bottom"
        status += "  (" + ui(wrapped) + ")"
    return status
