"""The lexicon's file, ``lexicon.toml``: its entries and word lists parsed and checked, and
the words of a text attached to it by surface (the file format is described in
``genesis_tui.content.lexicon``).

Pure and small: the reader, ``check`` and the drafter all read the file through
``parse_lexicon``; ``attach`` places a text's listed words on it as the readings are placed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from genesis_tui.content.attaching import Attached, bare_runs
from genesis_tui.content.attaching import attach as attached
from genesis_tui.content.files import leaves
from genesis_tui.text.kana import is_kana

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
    for key, value in leaves(raw_words):
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


# ---------------------------------------------------------------------- attaching words
def attach(text: str, words: Iterable[Listed]) -> Attached[Listed]:
    """Place each word on the first occurrence of its surface after the word before it (its
    spans give each word's entry id)."""
    return attached(text, words, lambda word: word.surface, lambda word: word.entry)


def needs_word(char: str) -> bool:
    """True for a character a word must cover: not punctuation, a symbol, a space or a digit."""
    category = unicodedata.category(char)
    return category[0] not in "PSZN" and char not in "\u3000\n\t"


def uncovered(text: str, spans: Iterable[WordSpan]) -> list[tuple[int, str]]:
    """The runs of characters no word covers (punctuation and digits aside), as (offset, run)."""
    return bare_runs(text, spans, needs_word)
