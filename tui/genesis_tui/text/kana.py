"""Kana and kanji: which characters need a reading, which are one, and hiragana for katakana.

Small and dependency-free: search, the glossary and the palette fold katakana with it without
loading the readings themselves.
"""

from __future__ import annotations

import re

_KANA = r"^[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u30fd\u30fe]+$"
"""Hiragana and katakana (with ー and the iteration marks), nothing else: no spaces, no ・."""


def is_kanji(char: str) -> bool:
    """True for a character that needs a reading: a CJK ideograph, or 々 〆 〇."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or char in "々〆〇"
    )


def is_kana(text: str) -> bool:
    """True when ``text`` is written in kana only (a reading's alphabet)."""
    return bool(re.match(_KANA, text))


def to_hiragana(text: str) -> str:
    """Katakana turned into hiragana; everything else (ー included) left as it is."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def _katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char == "ー"


def reading_as_written(lemma: str, reading: str) -> str:
    """``reading`` (in hiragana) with the katakana that begins or ends ``lemma`` kept as it is
    written, as dictionaries show a loanword's reading: トランプ政権 and とらんぷせいけん give
    トランプせいけん; a word in katakana alone reads as itself."""
    start = 0
    while start < len(lemma) and _katakana(lemma[start]):
        start += 1
    end = len(lemma)
    while end > start and _katakana(lemma[end - 1]):
        end -= 1
    head, tail = lemma[:start], lemma[end:]
    if head and reading.startswith(to_hiragana(head)):
        reading = head + reading[len(head) :]
    if tail and len(reading) - len(tail) >= len(head) and reading.endswith(to_hiragana(tail)):
        reading = reading[: len(reading) - len(tail)] + tail
    return reading


_VOWEL_ROWS = (
    ("あかがさざただなはばぱまやらわぁゃゎ", "あ"),
    ("いきぎしじちぢにひびぴみりぃ", "い"),
    ("うくぐすずつづっぬふぶぷむゆるぅゅゔ", "う"),
    ("えけげせぜてでねへべぺめれぇ", "え"),
    ("おこごそぞとどのほぼぽもよろをぉょ", "お"),
)
_VOWEL = {kana: vowel for row, vowel in _VOWEL_ROWS for kana in row}
"""The vowel each hiragana ends in: what a ー after it lengthens."""


def reading_order(reading: str) -> str:
    """A sort key that puts readings in dictionary order: in hiragana, ー read as the vowel it
    lengthens (エーアイ as ええあい, before エヌビディア), the nakaguro and spaces ignored."""
    key: list[str] = []
    for char in to_hiragana(reading):
        if char in "・ ":
            continue
        if char == "ー" and key and key[-1] in _VOWEL:
            char = _VOWEL[key[-1]]
        key.append(char)
    return "".join(key)
