"""The timeline as a page: every dated event, oldest first, with glossary links.

Events reported in the article are marked ``o``; those from outside it ``+``, with their source.
"""

from __future__ import annotations

from functools import lru_cache

from genesis_tui.content import Content
from genesis_tui.dates import shown_date
from genesis_tui.i18n import Catalogue, UiLang
from genesis_tui.links import site_name
from genesis_tui.model import Event, Lang, View
from genesis_tui.pages.builder import Column, PageBuilder, with_url
from genesis_tui.pages.page import Page
from genesis_tui.search import dated_events
from genesis_tui.typesetting import cells

DATE_WIDTH = 10
ARTICLE_MARK, OUTSIDE_MARK = "o", "+"


def _event_labels(event: Event, view: View) -> list[tuple[Lang, str]]:
    langs: tuple[Lang, ...] = ("ja", "en") if view == "both" else (view,)
    return [(lang, event.label.get(lang)) for lang in langs]


@lru_cache(maxsize=64)
def timeline_page(
    content: Content, width: int, view: View = "both", ui_lang: UiLang = "en", ruby: bool = False
) -> Page:
    """Every dated event, oldest first; events from outside the article marked, with sources.
    The events are said in the languages of ``view``, the page's own words in ``ui_lang``; with
    ``ruby``, the Japanese has its readings above it."""
    ui = Catalogue(ui_lang)
    page = PageBuilder(max(20, width))
    page.text(ui("timeline.title"), "title")
    page.text(f"{ARTICLE_MARK}  {ui('timeline.in_article')}", "note")
    page.text(f"{OUTSIDE_MARK}  {ui('timeline.outside')}", "note")
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
        if not event.from_article:
            label = site_name(event.source)
            text = ui("timeline.source", source=label)
            column = Column(page.width)
            column.add_text(text, "since", bullet=lead, bullet_role="pad", lang=ui_lang)
            start = text.rindex(label)
            page.add(with_url(column.rows, start, start + len(label), event.source), key)
        page.blank()
    return page.build(links_by_line=True)
