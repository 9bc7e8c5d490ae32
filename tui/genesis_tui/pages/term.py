"""A glossary entry as a page: the term, its definitions, related terms and where it appears.

Laid out like the article's pages, so the entry scrolls with the reader's keys, its related
terms and its places in the article are links that ``tab`` walks, and search marks fall on it.
The texts search looks in carry the field names of ``search.term_fields``.
"""

from __future__ import annotations

from functools import lru_cache

from genesis_tui.content import Content
from genesis_tui.i18n import Catalogue, UiLang
from genesis_tui.model import Block, Lang, Section, View
from genesis_tui.pages.page import BULLET, Column, Page, PageBuilder, Piece
from genesis_tui.search import term_fields
from genesis_tui.terms import Span

SNIPPET_CHARS = {"ja": 12, "en": 30}
"""Context shown either side of a term in the "appears in" list."""


def snippet(content: Content, term_id: str, block: Block, lang: Lang) -> str:
    """The words around the term's first mention in ``block`` in ``lang`` (the block's first
    words when the term is not named in that language)."""
    text: str = getattr(block, lang)
    spans = [s for s in content.spans[(block.id, lang)] if s.term_id == term_id]
    first, last = (spans[0].start, spans[0].end) if spans else (0, 0)
    start = max(0, first - SNIPPET_CHARS[lang])
    end = min(len(text), last + SNIPPET_CHARS[lang] * (1 if spans else 2))
    if lang == "en":  # whole words: out to the spaces around the cut
        start = text.rfind(" ", 0, start) + 1 if start else 0
        space = text.find(" ", end)
        end = len(text) if space < 0 else space
    return ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")


def _section_title(section: Section, ui_lang: UiLang) -> str:
    return section.title.ja if ui_lang == "ja" else section.title.en


@lru_cache(maxsize=64)
def term_page(
    content: Content, term_id: str, width: int, ui_lang: UiLang = "en", view: View = "both"
) -> Page:
    """The entry of ``term_id`` at ``width``: its words in the interface's language, its
    "appears in" snippets in the languages of the reader's ``view``."""
    ui = Catalogue(ui_lang)
    term = content.term(term_id)
    page = PageBuilder(max(20, width))
    fields = {(name, lang): text for name, lang, text in term_fields(term)}
    page.text(term.term.ja, "title", key="term", lang="ja")
    page.text(term.term.en, "title", key="term", lang="en")
    category = f"category.{term.category}"
    labels = f"  |  {Catalogue('ja')(category)} / {Catalogue('en')(category)}"
    page.add([[Piece(term.reading, "text", "reading", "ja"), Piece(labels, "note")]])
    for lang in ("ja", "en"):
        if ("aliases", lang) in fields:
            column = Column(page.width)
            label = f"{ui('term.aliases')}: "
            column.add_text(
                fields[("aliases", lang)],
                "text",
                bullet=label,
                bullet_role="note",
                block="aliases",
                lang=lang,
            )
            page.add(column.rows, "aliases")
    page.blank()
    page.text(ui("term.definition"), "heading")
    page.text(term.definition.ja, key="definition", lang="ja")
    page.blank()
    page.text(term.definition.en, key="definition", lang="en")
    if term.related:
        page.blank()
        page.text(ui("term.related"), "heading")
        for related_id in term.related:
            related = content.term(related_id)
            name = f"{related.term.ja} / {related.term.en}"
            index = page.link(related_id, f"related-{related_id}", "en")
            column = Column(page.width)
            column.add_text(
                name, "text", bullet=BULLET["en"], links=[(Span(0, len(name), related_id), index)]
            )
            page.add(column.rows)
    places = _places(content, term_id, ui_lang, view)
    if places:
        page.blank()
        page.text(ui("term.appears_in"), "heading")
        for label, lines, jump in places:
            page.text(label, "note", indent=BULLET["en"], indent_role="bullet")
            for text in lines:
                index = page.link(term_id, f"place-{jump[1]}", "en", jump)
                column = Column(page.width)
                column.add_text(
                    text, "text", bullet="  ", links=[(Span(0, len(text), term_id), index)]
                )
                page.add(column.rows)
    return page.build()


def _places(
    content: Content, term_id: str, ui_lang: UiLang, view: View
) -> list[tuple[str, list[str], tuple[str, str]]]:
    """(label, snippets, (section, block)) for each place the term appears in."""
    ui = Catalogue(ui_lang)
    langs: tuple[Lang, ...] = ("ja", "en") if view == "both" else (view,)
    places = [
        (
            _section_title(section, ui_lang),
            [snippet(content, term_id, block, lang) for lang in langs],
            (section.id, block.id),
        )
        for section, block in content.occurrences(term_id)
    ]
    mentioned = set(content.occurrences(term_id))
    places += [
        (
            ui("term.since_note", section=_section_title(section, ui_lang)),
            [getattr(block.since, lang) for lang in langs if block.since is not None],
            (section.id, block.id),
        )
        for section, block in content.since_occurrences(term_id)
        if (section, block) not in mentioned
    ]
    return places
