"""The morphological analyser that drafts readings, and what it makes of a text.

The analyser is SudachiPy with its core dictionary (the ``authoring`` extra): in its longest
split mode (C) it keeps names and technical compounds whole and reads them as their owners do
(理化学研究所 りかがくけんきゅうしょ, 文部科学省 もんぶかがくしょう, 核融合 かくゆうごう), and its
dictionary is updated several times a year. ``draft_spans`` turns its words into readings of a
text's kanji, corrected by the rules the review of the first draft found. The reader never
imports this module.
"""

from __future__ import annotations

import re
from typing import Protocol

from genesis_tui.i18n.catalogue import CatalogueError
from genesis_tui.text.kana import is_kana, is_kanji, to_hiragana
from genesis_tui.text.ruby import RubySpan

DAY_READINGS = {
    1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
    7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか",
    24: "にじゅうよっか",
}  # fmt: skip
"""Days of the month whose 日 is not read にち. Numbers are left to the learner (年 after
2025 is read ねん, and only 年 gets ruby), but here the kanji's own reading changes with the
number, so the ruby covers the number too: 24日 にじゅうよっか."""


class AuthoringError(CatalogueError):
    """Drafting cannot go on (no analyser, or a readings file it must not overwrite): raised
    with a message id of the catalogue (``authoring.*``)."""


class Analyser(Protocol):
    """A morphological analyser: the words of a text with their readings."""

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """Each word as (start, end, reading in kana); the reading may be in katakana."""
        ...


class SudachiAnalyser:
    """SudachiPy with its core dictionary, in split mode C (names and compounds whole)."""

    def __init__(self) -> None:
        try:
            from sudachipy import Dictionary, SplitMode
        except ImportError:
            raise AuthoringError("authoring.needs_sudachi_readings") from None
        try:
            self._tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
        except Exception as error:  # the dictionary package is missing or broken
            raise AuthoringError("authoring.broken_dictionary", error=error) from None

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """Each morpheme of ``text`` as (start, end, reading in katakana)."""
        return [(m.begin(), m.end(), m.reading_form()) for m in self._tokenizer.tokenize(text)]


def furigana(surface: str, reading: str) -> list[tuple[int, int, str]]:
    """Split a word's reading over its kanji runs, leaving its kana (okurigana) bare.

    ``furigana("取り組み", "トリクミ")`` is ``[(0, 1, "と"), (2, 3, "く")]``. When the kana of the
    surface do not line up with the reading, the whole word gets the whole reading.
    """
    reading = to_hiragana(reading)
    if not any(is_kanji(char) for char in surface) or not is_kana(reading):
        return []
    runs = _join_kanji(surface)
    pattern = "".join("(.+?)" if is_kanji(run[0]) else re.escape(to_hiragana(run)) for run in runs)
    match = re.fullmatch(pattern, reading)
    if match is None:
        return [(0, len(surface), reading)]
    spans: list[tuple[int, int, str]] = []
    offset, group = 0, 1
    for run in runs:
        if is_kanji(run[0]):
            spans.append((offset, offset + len(run), match.group(group)))
            group += 1
        offset += len(run)
    return spans


def _join_kanji(surface: str) -> list[str]:
    """The surface cut into runs of kanji and runs of anything else."""
    runs: list[str] = []
    for char in surface:
        if runs and is_kanji(char) == is_kanji(runs[-1][0]):
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def draft_spans(text: str, analyser: Analyser) -> list[RubySpan]:
    """The analyser's readings of a text's kanji, as spans.

    Two rules from the review of the first draft correct the analyser: a number is left to the
    learner (it reads 10億 as いちれいおく; the ruby is 億 おく), and a day of the month is read
    にち unless ``DAY_READINGS`` says otherwise (it reads every such 日 か).
    """
    spans: list[RubySpan] = []
    words = analyser.words(text)
    for index, (start, end, reading) in enumerate(words):
        surface = text[start:end]
        if surface == "日" and index > 0:
            before = words[index - 1]
            number = text[before[0] : before[1]]
            if number.isdecimal() and before[1] == start:
                day = DAY_READINGS.get(int(number))
                spans.append((before[0], end, day) if day else (start, end, "にち"))
                continue
        if any(char.isdecimal() for char in surface) and any(map(is_kanji, surface)):
            for match in re.finditer(r"[^\d]+", surface):  # the kanji apart from the number
                offset = start + match.start()
                inner = draft_spans(match.group(), analyser)
                spans.extend((offset + s, offset + e, r) for s, e, r in inner)
            continue
        spans.extend((start + s, start + e, r) for s, e, r in furigana(surface, reading))
    return spans
