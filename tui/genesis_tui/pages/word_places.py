"""Where the words of the Japanese stand on a page: the word cursor's stops, in reading order.

A page's pieces say which text they show and at what offset (``Piece.source``, ``Piece.start``);
the lexicon gives each text's words by its key. Joining the two gives every word on the page with
the lines and cells it covers, so the cursor moves by word, by line and by sentence without
Textual. A block's sentences are the content's (``sentences.toml``). Pure: tested without an
app.
"""

from __future__ import annotations

from typing import NamedTuple

from genesis_tui.content.edition import Edition
from genesis_tui.pages.page import Page
from genesis_tui.text.typesetting import cells

Source = tuple[str | None, str, str]
"""(block, language, part) of a piece's text, as ``Piece.source`` gives it."""

SENTENCE_ENDS = "。！？!?"


class WordPlace(NamedTuple):
    """One word on the page."""

    source: Source
    start: int
    """Offset of the word in the piece's text as laid out (a note's label included)."""
    end: int
    entry: str
    line: int
    """The line where the word begins."""
    x: int
    """The cell where it begins on that line."""
    sentence: int
    """The number of its sentence on the page (words of one sentence share it)."""


def text_key(source: Source, section_id: str) -> tuple[str, int] | None:
    """The lexicon key of a piece's text and the offset its words are shifted by on the page
    (a note is laid out after its label), or None for text that has no words."""
    from genesis_tui.i18n.catalogue import note_label

    block, lang, part = source
    if lang != "ja":
        return None
    if part.startswith("point"):
        return f"sections.{section_id}.key_points.{part[5:]}", 0
    if block is None:
        return None
    if part == "":
        return f"blocks.{block}.ja", 0
    if part == "note":
        return f"blocks.{block}.note", len(note_label("note", "ja"))
    if part == "since":
        return f"blocks.{block}.since", len(note_label("since", "ja"))
    return None


def page_words(page: Page, content: Edition, section_id: str) -> tuple[WordPlace, ...]:
    """Every word of the Japanese on ``page``, in reading order (line, then cell)."""
    lexicon = content.lexicon
    found: dict[tuple[Source, int], WordPlace] = {}
    for number, line in enumerate(page.lines):
        x = 0
        for piece in line.pieces:
            source = piece.source
            known = text_key(source, section_id) if source is not None else None
            if source is not None and known is not None and piece.role != "ruby":
                key, shift = known
                end = piece.start + len(piece.text)
                for start, stop, entry in lexicon.words(key):
                    start, stop = start + shift, stop + shift
                    if stop <= piece.start or start >= end or (source, start) in found:
                        continue
                    before = piece.text[: max(0, start - piece.start)]
                    found[(source, start)] = WordPlace(
                        source, start, stop, entry, number, x + cells(before), 0
                    )
            x += cells(piece.text)
    words = sorted(found.values(), key=lambda word: (word.line, word.x))
    return _sentences(page, content, words)


def _sentences(page: Page, content: Edition, words: list[WordPlace]) -> tuple[WordPlace, ...]:
    """The words numbered by sentence: a new one in another text, and within a block's text at
    each sentence of the content's division (``Edition.sentences``); in other texts (notes,
    key points) after a sentence's end by rule."""
    full: dict[Source, str] = {}
    for line in page.lines:
        for piece in line.pieces:
            if piece.source is not None and piece.role != "ruby":
                text = full.get(piece.source, "")
                if len(text) < piece.start:
                    text += " " * (piece.start - len(text))
                full[piece.source] = text[: piece.start] + piece.text
    numbered: list[WordPlace] = []
    sentence = 0
    for index, word in enumerate(words):
        if index:
            before = words[index - 1]
            block, lang, part = word.source
            if before.source != word.source:
                sentence += 1
            elif block is not None and part == "" and lang == "ja":
                stored = content.sentences
                sentence += stored.index_at(block, "ja", word.start) != stored.index_at(
                    block, "ja", before.start
                )
            else:
                between = full.get(word.source, "")[before.end : word.start]
                sentence += any(c in SENTENCE_ENDS for c in between)
        numbered.append(word._replace(sentence=sentence))
    return tuple(numbered)


def line_step(words: tuple[WordPlace, ...], index: int, step: int) -> int:
    """The word on the next line with words (step 1) or the previous (-1) nearest the cell the
    current word begins at; ``index`` when there is none."""
    here = words[index]
    lines = sorted({word.line for word in words})
    later = [line for line in lines if (line - here.line) * step > 0]
    if not later:
        return index
    target = later[0] if step > 0 else later[-1]
    candidates = [i for i, word in enumerate(words) if word.line == target]
    return min(candidates, key=lambda i: abs(words[i].x - here.x))


def sentence_step(words: tuple[WordPlace, ...], index: int, step: int) -> int:
    """The first word of the next sentence (1), or of this one and then the one before (-1)."""
    here = words[index].sentence
    if step > 0:
        return next((i for i in range(index, len(words)) if words[i].sentence > here), index)
    first = next(i for i in range(len(words)) if words[i].sentence == here)
    if first < index:
        return first
    if first == 0:
        return index
    before = words[first - 1].sentence
    return next(i for i in range(len(words)) if words[i].sentence == before)
