"""What the word cursor's panel says about a word: its surface, dictionary form, reading with
pitch accent, part of speech and the learner's status; its glosses; its JLPT level, glossary
term, parts and how often it occurs. Entries are content: every piece is a ``Content`` (never
markup)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from genesis_tui.content.lexicon_file import POS, Entry
from genesis_tui.content.pitch import pitch
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.page import Page
from genesis_tui.pages.word_places import WordPlace
from genesis_tui.text.kana import reading_as_written

if TYPE_CHECKING:
    from genesis_tui.content.edition import Edition


def status_label(ui: Catalogue, status: str | None) -> str:
    """A status as the panel names it: new, learning 3/5, known, ignored."""
    if status is None:
        return ui("word.status_new")
    if status.isdigit():
        return ui("word.status_learning", step=status)
    return ui(f"word.status_{status}")


def lookup_text(
    ui: Catalogue,
    content: Edition,
    entry: Entry | None,
    surface: str,
    *,
    status: str | None = None,
    ascii_only: bool = False,
) -> Content:
    """The lookup of a word (``surface`` as the text has it), labels in the interface's
    language."""
    if entry is None:
        return Content(surface)
    lexicon = content.lexicon
    lang = 0 if ui.lang == "en" else 1
    head = Content.assemble(
        (surface, "bold"),
        "  ",
        f"{ui('word.lemma')}: {entry.lemma}",
        "  ",
        pitch(reading_as_written(entry.lemma, entry.reading), entry.accent, ascii_only=ascii_only),
        "  ",
        (POS.get(entry.pos, (entry.pos, entry.pos))[lang], "italic"),
        "  ",
        (f"[{status_label(ui, status)}]", "bold"),
    )
    lines = [head]
    for number, gloss in enumerate(entry.glosses[:3], start=1):
        lines.append(Content(f"{number}. {gloss}"))
    facts: list[str] = []
    if entry.jlpt:
        facts.append(ui("word.jlpt", level=entry.jlpt))
    if entry.term:
        term = content.terms.get(entry.term)
        if term is not None:
            name = term.term.ja if ui.lang == "ja" else term.term.en
            facts.append(ui("word.term", term=name))
    if entry.parts:
        parts = [lexicon.entry(part) for part in entry.parts]
        shown = ", ".join(_part(part) for part in parts if part is not None)
        facts.append(ui("word.parts", parts=shown))
    facts.append(ui("word.count", count=lexicon.count(entry.id)))
    lines.append(Content(" | ".join(facts)))
    return Content("\n").join(lines)


def surface_of(page: Page, word: WordPlace) -> str:
    """The word as the page shows it (its pieces joined, across a line break)."""
    text = ""
    for line in page.lines:
        for piece in line.pieces:
            if piece.source == word.source and piece.role != "ruby":
                lo, hi = (
                    max(word.start, piece.start),
                    min(word.end, piece.start + len(piece.text)),
                )
                if lo < hi:
                    text += piece.text[lo - piece.start : hi - piece.start]
    return text


def _part(entry: Entry) -> str:
    """A part of a compound: its dictionary form, and its reading where that adds something
    (トランプ, not トランプ トランプ)."""
    reading = reading_as_written(entry.lemma, entry.reading)
    return entry.lemma if reading == entry.lemma else f"{entry.lemma} {reading}"
