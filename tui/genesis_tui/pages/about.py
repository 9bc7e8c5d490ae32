"""About this article, as a page: the title, the source (publisher, both pages' addresses as
terminal hyperlinks, that the Japanese is a machine translation) and the source note."""

from __future__ import annotations

from functools import lru_cache

from genesis_tui.content.attribution import source_lines
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, View
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.pages.builder import PageBuilder, Row
from genesis_tui.pages.page import Page, Piece
from genesis_tui.text.typesetting import clipped

INDENT = "  "
"""Before an address, under its label."""


@lru_cache(maxsize=16)
def about_page(
    content: Edition, width: int, ui_lang: UiLang = "en", view: View = "both", ruby: bool = False
) -> Page:
    """The attribution at ``width``: labels in ``ui_lang``, the title and the note in the
    languages of ``view``; each address whole on a line of its own (an OSC 8 link)."""
    ui = Catalogue(ui_lang)
    langs: tuple[Lang, ...] = ("ja", "en") if view == "both" else (view,)
    article = content.article
    page = PageBuilder(max(20, width))
    page.text(ui("about.title"), "title")
    page.blank()
    for lang in langs:
        title = article.title.get(lang)
        readings = content.ruby.spans(title) if ruby and lang == "ja" else ()
        page.text(title, "heading", key="title", lang=lang, ruby=readings)
    page.blank()
    lines = source_lines(article.source, ui, langs)
    for line in lines:
        if line.url is not None:
            page.text(line.text[: -len(line.url)].rstrip(), "note")
            page.add([_address(line.url, page.width)])
        elif line.lang is not None:
            lang = line.lang
            page.blank()
            readings = content.ruby.spans(line.text) if ruby and lang == "ja" else ()
            page.text(line.text, key="source-note", lang=lang, ruby=readings)
        else:
            page.text(line.text)
    return page.build()


def _address(url: str, width: int) -> Row:
    """``url`` indented on a line of its own: never broken (a broken address is not one a
    reader can type or a terminal can find), but cut with "..." where it is wider than the
    line, so that no line of the page runs past the width; the link (OSC 8) is the whole
    address either way."""
    return [Piece(INDENT, "pad"), Piece(clipped(url, width - len(INDENT)), "text", url=url)]
