"""A glossary entry as a page: the term, its definitions, related terms and where it appears.

Laid out like the article's pages, so the entry scrolls with the reader's keys, its related
terms and its places in the article are links that ``tab`` walks, and search marks fall on it.
The texts search looks in carry the field names of ``search.term_fields``.
"""

from __future__ import annotations

from functools import lru_cache

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Block, Lang, Section, View, one_lang, view_langs
from genesis_tui.content.search import term_fields
from genesis_tui.content.terms import Span
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.pages.builder import Column, PageBuilder
from genesis_tui.pages.page import BULLET, Page, Piece
from genesis_tui.text.ruby import RubySpan

SNIPPET_CHARS = {"ja": 12, "en": 30}
"""Context shown either side of a term in the "appears in" list."""


def snippet(content: Edition, term_id: str, block: Block, lang: Lang) -> str:
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


def _section_title(section: Section, ui_lang: UiLang, view: View = "both") -> str:
    """A section's title in the view's language, or in ``both`` the interface's."""
    return section.title.get(one_lang(view, ui_lang))


@lru_cache(maxsize=64)
def term_page(
    content: Edition,
    term_id: str,
    width: int,
    ui_lang: UiLang = "en",
    view: View = "both",
    ruby: bool = False,
) -> Page:
    """The entry of ``term_id`` at ``width``: its own words in the interface's language, the
    term's in the languages of the reader's ``view`` (in one language's view, that one alone),
    as are its "appears in" snippets; with ``ruby``, its Japanese name and definition have
    their readings above them."""
    ui = Catalogue(ui_lang)
    term = content.term(term_id)
    langs = view_langs(view)
    page = PageBuilder(max(20, width))
    fields = {(name, lang): text for name, lang, text in term_fields(term)}

    def readings(lang: Lang, text: str) -> tuple[RubySpan, ...]:
        return content.ruby.spans(text) if ruby and lang == "ja" else ()

    for lang in langs:
        name = term.term.get(lang)
        page.text(name, "title", key="term", lang=lang, ruby=readings(lang, name))
    category = f"category.{term.category}"
    labels = " / ".join(Catalogue(lang)(category) for lang in langs)
    if "ja" in langs:
        page.add([[Piece(term.reading, "text", "reading", "ja"), Piece(f"  |  {labels}", "note")]])
    else:
        page.add([[Piece(labels, "note")]])
    for lang in langs:
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
    for number, lang in enumerate(langs):
        if number:
            page.blank()
        definition = term.definition.get(lang)
        page.text(definition, key="definition", lang=lang, ruby=readings(lang, definition))
    if term.related:
        page.blank()
        page.text(ui("term.related"), "heading")
        for related_id in term.related:
            related = content.term(related_id)
            name = " / ".join(related.term.get(lang) for lang in langs)
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
    content: Edition, term_id: str, ui_lang: UiLang, view: View
) -> list[tuple[str, list[str], tuple[str, str]]]:
    """(label, snippets, (section, block)) for each place the term appears in."""
    ui = Catalogue(ui_lang)
    langs = view_langs(view)
    places = [
        (
            _section_title(section, ui_lang, view),
            [snippet(content, term_id, block, lang) for lang in langs],
            (section.id, block.id),
        )
        for section, block in content.occurrences(term_id)
    ]
    mentioned = set(content.occurrences(term_id))
    places += [
        (
            ui("term.since_note", section=_section_title(section, ui_lang, view)),
            [getattr(block.since, lang) for lang in langs if block.since is not None],
            (section.id, block.id),
        )
        for section, block in content.since_occurrences(term_id)
        if (section, block) not in mentioned
    ]
    return places
