"""The current sentence on a page, and the English kept hidden: as marks over a page's text.

A sentence of the article is a pair of a block's division (``Edition.sentences``): its
Japanese and the English that says the same. It is marked in each language the page shows, by
the same offsets the page's pieces carry (``Marks``), so one mark serves every view: one
language, both side by side, or each Japanese block followed by its English. English on request
hides the English of each pair the reader has not revealed yet: the same offsets, drawn blank,
so the page is laid out exactly as before. Pure: tested without an app.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang
from genesis_tui.content.places import Marks, Place
from genesis_tui.pages.page import Page


class Sentence(NamedTuple):
    """One sentence pair of the article: its block and its number in the block's division."""

    block: str
    number: int


def section_sentences(content: Edition, section_id: str) -> list[Sentence]:
    """Every sentence of a section's blocks, in reading order."""
    return [
        Sentence(block.id, index)
        for block in content.section(section_id).blocks
        for index in range(len(content.sentences.of(block.id)))
    ]


def sentence_of(content: Edition, block: str, lang: Lang, offset: int) -> Sentence:
    """The sentence that holds ``offset`` of a block's text in ``lang``."""
    return Sentence(block, content.sentences.index_at(block, lang, offset))


def sentence_from_line(page: Page, content: Edition, line: int) -> Sentence | None:
    """The sentence at the reading position: the one that holds the first text of a block on
    ``line`` or below it (in the left column, side by side); None when no block follows."""
    for number in range(max(0, line), len(page.lines)):
        for piece in page.lines[number].pieces:
            source = piece.source
            if source is None or piece.role == "ruby" or source[2] or source[0] is None:
                continue
            return sentence_of(content, source[0], source[1], piece.start)
    return None


def step(sentences: list[Sentence], current: Sentence, by: int) -> Sentence | None:
    """The sentence ``by`` places after (before) ``current`` in ``sentences``; None past
    either end, or when ``current`` is not among them."""
    if current not in sentences:
        return None
    index = sentences.index(current) + by
    return sentences[index] if 0 <= index < len(sentences) else None


def sentence_marks(content: Edition, sentence: Sentence) -> Marks:
    """The sentence's place in each language, keyed as a page's pieces name its block's text."""
    pair = content.sentences.of(sentence.block)[sentence.number]
    return {(sentence.block, lang, ""): (pair.span(lang),) for lang in ("ja", "en")}


def hidden_marks(content: Edition, section_id: str, revealed: Collection[Sentence]) -> Marks:
    """The English of every sentence of the section not yet revealed."""
    marks: Marks = {}
    for block in content.section(section_id).blocks:
        pairs = content.sentences.of(block.id)
        spans = tuple(
            pair.span("en")
            for index, pair in enumerate(pairs)
            if Sentence(block.id, index) not in revealed
        )
        if spans:
            marks[(block.id, "en", "")] = spans
    return marks


def sentence_lines(page: Page, content: Edition, sentence: Sentence) -> tuple[int, int]:
    """The first and the last page line of the sentence, in whichever languages the page
    shows (interleaved, its English comes after its block's Japanese)."""
    pair = content.sentences.of(sentence.block)[sentence.number]
    lines: list[int] = []
    for lang in ("ja", "en"):
        if page.shows(sentence.block, lang):
            start, end = pair.span(lang)
            for offset in (start, max(start, end - 1)):
                lines.append(page.line_of(Place(sentence.block, lang, "", offset)))
    return (min(lines), max(lines)) if lines else (0, 0)


def sentence_text(content: Edition, sentence: Sentence) -> tuple[str, str]:
    """The sentence's text: (Japanese, English)."""
    return content.sentences.text(sentence.block, sentence.number)
