"""Text folded for matching: what people type differently made the same, and how Japanese is
read spelled out, each folded character pointing back at the text as written.

Width forms are unified (NFKC: ``ＲＩＫＥＮ`` is ``RIKEN``), case folded, katakana read as
hiragana, and the nakaguro and spaces inside Japanese dropped (``ジェネシス・ミッション`` is
``じぇねしすみっしょん``). A query in kana or romaji is also looked for in how the Japanese is
read (``spoken``): each word with a reading spelled out in its kana.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from genesis_tui.text.kana import is_kana, to_hiragana
from genesis_tui.text.romaji import long_vowels_folded, romaji_to_kana
from genesis_tui.text.ruby import RubySpan

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
    """``text`` folded: NFKC, case-folded, katakana as hiragana, nakaguro and spaces inside
    Japanese left out, other runs of spaces made one."""
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
        for char in to_hiragana(unicodedata.normalize("NFKC", original).casefold()):
            if char in NAKAGURO:
                continue
            chars.append(char)
            origin.append((start, end))
    return Folded("".join(chars), tuple(origin))


class Needles(NamedTuple):
    """What a query looks for: its folded text, and the kana it sounds as (for a query in kana
    or romaji), long vowels folded, to look for in how the Japanese is read."""

    text: str
    sounds: tuple[str, ...] = ()


def needles(query: str) -> Needles:
    """The needles of ``query``: folded, and its kana (as typed, or from romaji)."""
    text = fold(query.strip()).text
    sounds = [text] if is_kana(text) else []
    sounds += romaji_to_kana(query)
    return Needles(text, tuple(dict.fromkeys(long_vowels_folded(kana) for kana in sounds)))


def _find(haystack: Folded, needle: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    position = haystack.text.find(needle)
    while position >= 0:
        found.append(haystack.span(position, position + len(needle)))
        position = haystack.text.find(needle, position + len(needle))
    return found


def spoken(text: str, readings: Iterable[RubySpan] = ()) -> Folded:
    """``text`` as it is read, folded: each word with a reading spelled in hiragana (each of
    its kana pointing at the whole word), long vowels folded (``long_vowels_folded``)."""
    folded = fold(text)
    owner: dict[int, RubySpan] = {}
    for span in readings:
        for offset in range(span[0], span[1]):
            owner[offset] = span
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    said: set[RubySpan] = set()
    for char, (start, end) in zip(folded.text, folded.origin, strict=True):
        word = owner.get(start)
        if word is None:
            chars.append(char)
            origin.append((start, end))
        elif word not in said:
            said.add(word)
            reading = to_hiragana(word[2])
            chars.extend(reading)
            origin.extend([(word[0], word[1])] * len(reading))
    return Folded(long_vowels_folded("".join(chars)), tuple(origin))


def find_needles(
    text: str, wanted: Needles, readings: Sequence[RubySpan] = ()
) -> list[tuple[int, int]]:
    """Every match of ``wanted`` in ``text`` (with ``readings``, the readings of its words), as
    (start, end) in ``text`` as written, in order; matches that overlap an earlier one are left
    out."""
    if not wanted.text:
        return []
    found = _find(fold(text), wanted.text)
    if wanted.sounds and (readings or any(_is_japanese(char) for char in text)):
        heard = spoken(text, readings)
        for needle in wanted.sounds:
            found += _find(heard, needle)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def find_all(text: str, query: str, readings: Sequence[RubySpan] = ()) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text``, folded, as (start, end) in ``text`` as written."""
    return find_needles(text, needles(query), readings)
