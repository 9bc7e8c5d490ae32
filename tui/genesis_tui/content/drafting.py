"""``genesis-tui readings``: draft the readings of the Japanese with a morphological analyser.

The analyser (SudachiPy, ``genesis_tui.content.analyser``) reads each text's kanji; the file is
written in its layout by ``genesis_tui.content.readings_format``. A draft is only a draft: a
person reviews every reading before it ships, and this command never changes a reading already
in the file. The reader never imports this module.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from genesis_tui.content.analyser import Analyser, AuthoringError, SudachiAnalyser, draft_spans
from genesis_tui.content.readings import READINGS_FILE, Located, Word, attach, parse_readings, texts
from genesis_tui.content.readings_format import format_readings
from genesis_tui.text.kana import is_kanji
from genesis_tui.text.ruby import RubySpan


def draft_words(
    text: str,
    existing: Sequence[Word],
    analyser: Analyser,
    reviewed: Mapping[str, str] | None = None,
) -> tuple[list[Word], int]:
    """The words of a text: every existing word kept, in its place, and a drafted word for each
    kanji they leave without a reading. A drafted word whose base ``reviewed`` knows takes the
    reviewed reading over the analyser's. Returns the words and how many were drafted."""
    attached = attach(text, existing)
    covered = [False] * len(text)
    for start, end, _ in attached.spans:
        covered[start:end] = [True] * (end - start)
    placed: list[tuple[int, int, Word]] = []  # (start, 0 kept / 1 drafted, word)
    spans = iter(attached.spans)
    missing = {index for index, _ in attached.missing}
    last = 0
    for index, word in enumerate(existing):
        if index not in missing:
            last = next(spans)[0]
        placed.append((last, 0, word))  # a word not found stays after the word before it
    drafted = 0
    for start, end, reading in draft_spans(text, analyser):
        if any(covered[start:end]):
            continue
        base = text[start:end]
        placed.append((start, 1, Word(base, (reviewed or {}).get(base, reading))))
        drafted += 1
    placed.sort(key=lambda item: (item[0], item[1]))
    return [word for _, _, word in placed], drafted


@dataclass(frozen=True, slots=True)
class Draft:
    """What ``draft_readings`` did."""

    path: Path
    drafted: int
    """Words added by the analyser."""
    kept: int
    """Words that were already in the file."""
    texts: int
    """Japanese texts that gained at least one word."""
    pruned: tuple[Pruned, ...] = ()
    """What ``prune`` removed, in the file's order."""


@dataclass(frozen=True, slots=True)
class Pruned:
    """Words removed from ``readings.toml`` by ``draft_readings(..., prune=True)``."""

    key: str
    words: tuple[Word, ...]
    gone: bool
    """True when no text has the key any more (all its words went); False when these words
    no longer fit their text (see ``prune_words``)."""


def draft_readings(
    directory: Path, analyser: Analyser | None = None, *, prune: bool = False
) -> Draft:
    """Draft the readings missing from ``directory/readings.toml`` and write the file.

    A compound the file already reads one way is drafted that way (``reviewed_readings``).

    With ``prune``, first remove what the content no longer has, as an author needs after
    editing it: the keys of texts that are gone, and the words that no longer fit their text
    (``prune_words``). Without it, nothing is ever removed. Pruning cannot tell a word that
    still fits but now stands where it reads differently (初 はつ kept for a new 初めて): the
    texts it lists are the ones to read again in full.

    Raises ``genesis_tui.content.load.ContentError`` when the content is invalid, and
    ``AuthoringError`` when the analyser is missing or the readings file cannot be parsed (it is
    then left as it is: a reviewed reading is never lost).
    """
    from genesis_tui.content.load import load_content

    content = load_content(directory, readings="ignored")
    path = content.directory / READINGS_FILE
    existing = _existing(path)
    analyser = analyser or SudachiAnalyser()
    located = texts(content.article, content.glossary, content.timeline)
    pruned: list[Pruned] = []
    if prune:
        existing, pruned = _prune(existing, located, analyser)
    known = reviewed_readings(existing.values())
    result: dict[str, list[Word]] = {}
    drafted = kept = changed = 0
    for item in located:
        words, count = draft_words(item.text, existing.get(item.key, ()), analyser, known)
        result[item.key] = words
        drafted += count
        kept += len(words) - count
        changed += count > 0
    stale = {key: list(words) for key, words in existing.items() if key not in result}
    kept += sum(len(words) for words in stale.values())
    path.write_text(format_readings(located, result, stale), encoding="utf-8")
    return Draft(path, drafted, kept, changed, tuple(pruned))


def reviewed_readings(lists: Iterable[Sequence[Word]]) -> dict[str, str]:
    """The reading of each compound (two kanji or more) that the file reads one way wherever
    it stands. The analyser reads 日本 にっぽん and 国立研究所 けんきゅうしょ every time, where
    the review settled on にほん and じょ; a compound read two ways (it can happen) is left to
    the analyser, and so is a single kanji, whose reading turns on its neighbours (初めて, 初の)."""
    seen: dict[str, set[str]] = {}
    for words in lists:
        for word in words:
            if len(word.base) > 1 and all(map(is_kanji, word.base)):
                seen.setdefault(word.base, set()).add(word.reading)
    return {base: next(iter(readings)) for base, readings in seen.items() if len(readings) == 1}


def _prune(
    existing: Mapping[str, tuple[Word, ...]], located: Sequence[Located], analyser: Analyser
) -> tuple[dict[str, tuple[Word, ...]], list[Pruned]]:
    """The words that still fit the content, and what was removed: keys of texts that are
    gone, then the words of each text that no longer fit it (``prune_words``)."""
    keys = {item.key for item in located}
    pruned = [Pruned(key, words, True) for key, words in existing.items() if key not in keys]
    kept = {key: words for key, words in existing.items() if key in keys}
    for item in located:
        words = kept.get(item.key, ())
        analysed = draft_spans(item.text, analyser) if words else []
        kept_words, removed = prune_words(item.text, words, analysed)
        if removed:
            pruned.append(Pruned(item.key, removed, False))
            kept[item.key] = kept_words
    return kept, pruned


def prune_words(
    text: str, words: Sequence[Word], drafted: Sequence[RubySpan] = ()
) -> tuple[tuple[Word, ...], tuple[Word, ...]]:
    """The words of a list that still fit ``text``, and those that no longer do.

    A word no longer fits when its base is not in the text after the word before it, or when,
    the text having changed around it, it now falls on part of a longer word that the analyser
    reads (``drafted``) and leaves the rest of that word's kanji without a reading: 継 of an old
    引き継ぐ on the new 継続的, 年 on 同年. Drafting then reads the whole word. A text whose
    kanji all have readings never loses a word this way, so a checked file is left as it is.
    """
    kept = list(range(len(words)))  # indices into words, so removed ones stay in file order
    while True:
        attached = attach(text, [words[index] for index in kept])
        missing = {index for index, _ in attached.missing}
        placed = [index for index in range(len(kept)) if index not in missing]
        cut = _cut_word(text, attached.spans, drafted)
        drop = missing | ({placed[cut]} if cut is not None else set())
        if not drop:
            break
        kept = [index for at, index in enumerate(kept) if at not in drop]
    removed = sorted(set(range(len(words))) - set(kept))
    return tuple(words[index] for index in kept), tuple(words[index] for index in removed)


def _cut_word(text: str, spans: Sequence[RubySpan], drafted: Sequence[RubySpan]) -> int | None:
    """The index of the first span that covers part of a drafted word whose other kanji are
    left unread, or None."""
    covered = [False] * len(text)
    for start, end, _ in spans:
        covered[start:end] = [True] * (end - start)
    for index, (start, end, _) in enumerate(spans):
        for word_start, word_end, _ in drafted:
            inside = word_start <= start and end <= word_end
            longer = word_end - word_start > end - start
            unread = any(
                is_kanji(text[at]) and not covered[at] for at in range(word_start, word_end)
            )
            if inside and longer and unread:
                return index
    return None


def _existing(path: Path) -> dict[str, tuple[Word, ...]]:
    """The words already in the file; refuses a file it cannot read whole."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise AuthoringError("authoring.unreadable", path=path, error=error) from None
    words, flaws = parse_readings(data)
    if flaws:
        first = flaws[0]
        raise AuthoringError("authoring.flaw", path=path, key=first.key, message=first.message)
    return words
