"""The timeline as a page: every dated event, oldest first, with glossary links.

Events reported in the article are marked ``o``, those it does not report ``+``; each event
that cites pages (one from outside the article, or the article's own dated from outside it)
names them, each a link to its whole URL.
"""

from __future__ import annotations

from functools import lru_cache

from genesis_tui.content.citations import listed
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Event, Lang, View, view_langs
from genesis_tui.content.search import dated_events
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.pages.builder import Column, PageBuilder, Row, with_url
from genesis_tui.pages.page import Page
from genesis_tui.text.dates import shown_date
from genesis_tui.text.typesetting import cells

DATE_WIDTH = 10
ARTICLE_MARK, OUTSIDE_MARK = "o", "+"


def _event_labels(event: Event, view: View) -> list[tuple[Lang, str]]:
    langs = view_langs(view)
    return [(lang, event.label.get(lang)) for lang in langs]


@lru_cache(maxsize=64)
def timeline_page(
    content: Edition, width: int, view: View = "both", ui_lang: UiLang = "en", ruby: bool = False
) -> Page:
    """Every dated event, oldest first; events from outside the article marked, with sources.
    The events are said in the languages of ``view``, the page's own words in ``ui_lang``; with
    ``ruby``, the Japanese has its readings above it."""
    ui = Catalogue(ui_lang)
    page = PageBuilder(max(20, width))
    page.text(ui("timeline.title"), "title")
    page.text(ui("timeline.in_article"), "note", indent=f"{ARTICLE_MARK}  ", indent_role="note")
    page.text(ui("timeline.outside"), "note", indent=f"{OUTSIDE_MARK}  ", indent_role="note")
    page.blank()
    events = dated_events(content)
    # The dates' column: ISO in English, 2025年11月 in Japanese (up to 12 cells).
    width = max([DATE_WIDTH, *(cells(shown_date(event.date, ui_lang)) for event in events)])
    lead = " " * (width + 4)
    for number, event in enumerate(events):
        mark = ARTICLE_MARK if event.from_article else OUTSIDE_MARK
        key = f"event-{number}"
        date = shown_date(event.date, ui_lang)
        date += " " * (width - cells(date))
        for index, (lang, label) in enumerate(_event_labels(event, view)):
            prefix = f"{date}  {mark} " if index == 0 else f"{' ' * width}  | "
            column = Column(page.width)
            links = page.links_for(content.matcher.find(label), key, lang)
            readings = content.ruby.spans(label) if ruby and lang == "ja" else ()
            column.add_text(
                label,
                "text",
                bullet=prefix,
                bullet_role="title",
                block=key,
                lang=lang,
                links=links,
                ruby=readings,
            )
            page.add(column.rows, key)
        if event.citations:
            page.add(source_rows(event, page.width, lead, ui_lang), key)
        page.blank()
    return page.build(links_by_line=True)


def source_rows(event: Event, width: int, lead: str, ui_lang: UiLang) -> list[Row]:
    """The pages an event cites, after ``lead``: each site's name a link to its whole URL."""
    listed_text, urls = listed(event.citations, ui_lang)
    text = Catalogue(ui_lang)("timeline.source", source=listed_text)
    offset = text.rindex(listed_text)
    column = Column(width)
    column.add_text(text, "since", bullet=lead, bullet_role="pad", lang=ui_lang)
    rows = column.rows
    for start, end, url in urls:
        rows = with_url(rows, offset + start, offset + end, url)
    return rows
