"""Search across the article (both languages) and the glossary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from genesis_tui.content import Content
from genesis_tui.model import Lang


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: in a block's text (``block_id``) or in a glossary entry (``term_id``)."""

    section_id: str | None
    block_id: str | None
    term_id: str | None
    lang: Lang
    start: int
    end: int


def search(content: Content, query: str) -> tuple[Hit, ...]:
    """Every match of ``query`` (case-insensitive, literal): article blocks first, in reading
    order and ja before en, then one hit per glossary entry that matches."""
    query = query.strip()
    if not query:
        return ()
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[Hit] = []
    for section, block in content.article.blocks():
        for lang in ("ja", "en"):
            for match in pattern.finditer(getattr(block, lang)):
                hits.append(Hit(section.id, block.id, None, lang, match.start(), match.end()))
    for term in content.glossary.terms:
        fields: list[tuple[Lang, str]] = [
            ("ja", term.term.ja),
            ("en", term.term.en),
            ("ja", term.reading),
            *(("ja", alias) for alias in term.aliases.ja),
            *(("en", alias) for alias in term.aliases.en),
            ("ja", term.definition.ja),
            ("en", term.definition.en),
        ]
        for lang, text in fields:
            found = pattern.search(text)
            if found:
                hits.append(Hit(None, None, term.id, lang, found.start(), found.end()))
                break
    return tuple(hits)


def to_hiragana(text: str) -> str:
    """Katakana folded to hiragana, so a reading typed either way matches."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def term_matches(content: Content, term_id: str, text: str) -> bool:
    """True when ``text`` is part of any form of the term: ja, en, reading or an alias."""
    needle = to_hiragana(text.strip().casefold())
    if not needle:
        return True
    term = content.term(term_id)
    forms = (*term.forms(), term.reading)
    return any(needle in to_hiragana(form.casefold()) for form in forms)


class SearchSession:
    """A search under way: its query, its hits, and which hit is shown."""

    def __init__(self) -> None:
        self.query = ""
        self.hits: tuple[Hit, ...] = ()
        self.index = 0

    def start(self, content: Content, query: str) -> Hit | None:
        """Search for ``query``; the first hit, or None when nothing matches."""
        self.query = query.strip()
        self.hits = search(content, self.query)
        self.index = 0
        return self.current

    def step(self, step: int) -> Hit | None:
        """Move ``step`` hits on (wrapping round); the hit now shown, None with no hits."""
        if self.hits:
            self.index = (self.index + step) % len(self.hits)
        return self.current

    def clear(self) -> None:
        """Forget the hits (the query stays, to be edited next time)."""
        self.hits = ()
        self.index = 0

    @property
    def current(self) -> Hit | None:
        """The hit shown now."""
        return self.hits[self.index] if self.hits else None

    @property
    def position(self) -> str:
        """Where the hit shown is among them, such as ``3/7``; empty with no hits."""
        return f"{self.index + 1}/{len(self.hits)}" if self.hits else ""

    def marks(self) -> dict[tuple[str, str], tuple[tuple[int, int], ...]]:
        """The hits in the article, as (start, end) offsets per (block id, language)."""
        marks: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        for hit in self.hits:
            if hit.block_id is not None:
                key = (hit.block_id, hit.lang)
                marks[key] = (*marks.get(key, ()), (hit.start, hit.end))
        return marks
