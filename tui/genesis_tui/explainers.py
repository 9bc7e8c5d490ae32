"""Explainer pages, laid out as terminal lines: the timeline and who's who.

Both are built from the content (the timeline's events, the glossary's organisations) with the
same pieces as the article's pages, so the same widget draws them, links and all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from genesis_tui.i18n import Catalogue, UiLang
from genesis_tui.layout import (
    GAP,
    Lang,
    Layout,
    Line,
    LinkRef,
    Piece,
    Role,
    View,
    _Column,
    _merge,
)
from genesis_tui.loader import Content
from genesis_tui.model import Event, Term
from genesis_tui.typesetting import cells, line_spans

DATE_WIDTH = 10
ARTICLE_MARK, OUTSIDE_MARK = "o", "+"
COUNTRY_KEY = {"japan": "whos_who.japan", "united-states": "whos_who.united_states"}


class _Builder:
    """Lines and links of an explainer page."""

    def __init__(self, content: Content, width: int) -> None:
        self.content = content
        self.width = max(20, width)
        self.lines: list[Line] = []
        self.links: list[LinkRef] = []

    def text(self, text: str, role: Role = "text", *, indent: str = "", key: str = "") -> None:
        """Wrapped text, its glossary terms as links (when ``key`` names the thing it is)."""
        column = _Column(self.width)
        links = []
        if key:
            for span in self.content.matcher.find(text):
                links.append((span, len(self.links)))
                self.links.append(LinkRef(span.term_id, key, "en", -1))
        column.add_text(
            text, role, bullet=indent, bullet_role="pad", block=key or None, lang="en", links=links
        )
        self._add(column.lines, key)

    def _add(self, lines: Sequence[Sequence[Piece]], key: str = "") -> None:
        top = len(self.lines)
        for number, pieces in enumerate(lines):
            for piece in pieces:
                link = piece.link
                if link is not None and self.links[link].line < 0:
                    ref = self.links[link]
                    self.links[link] = LinkRef(ref.term_id, ref.block, ref.lang, top + number)
            self.lines.append(Line(tuple(pieces), key or None))

    def blank(self) -> None:
        self.lines.append(Line(()))

    def term_box(self, term: Term, width: int, lang: Lang = "en") -> list[list[Piece]]:
        """A box naming an organisation (a link to its entry) and saying what it is."""
        inner = width - 4
        index = len(self.links)
        self.links.append(LinkRef(term.id, f"box-{term.id}", "en", -1))
        label = short_name(term, inner)
        name = [Piece(label, "heading", link=index)]
        if cells(label) + 2 + cells(term.term.ja) <= inner:
            name.append(Piece("  " + term.term.ja, "heading"))
        body = _Column(inner)
        body.add_text(_first_sentence(term.definition.get(lang)), "note")
        rows = [name, *body.lines]
        border = [Piece("+" + "-" * (width - 2) + "+", "bar")]
        boxed = [border]
        for row in rows:
            used = sum(cells(piece.text) for piece in row)
            boxed.append(
                [
                    Piece("| ", "bar"),
                    *row,
                    Piece(" " * max(0, inner - used), "pad"),
                    Piece(" |", "bar"),
                ]
            )
        boxed.append(border)
        return boxed

    def layout(self) -> Layout:
        """The page, its links numbered in reading order (row by row, left to right)."""
        order: dict[int, int] = {}
        for line in self.lines:
            for piece in line.pieces:
                if piece.link is not None:
                    order.setdefault(piece.link, len(order))
        lines = tuple(
            Line(
                tuple(
                    piece if piece.link is None else replace(piece, link=order[piece.link])
                    for piece in line.pieces
                ),
                line.block,
            )
            for line in self.lines
        )
        links = sorted(order, key=order.__getitem__)
        return Layout(lines, tuple(self.links[old] for old in links))


def short_name(term: Term, room: int = 24) -> str:
    """The English name if it fits in ``room`` cells, else its shortest English alias."""
    if cells(term.term.en) <= room or not term.aliases.en:
        return term.term.en[:room]
    return min(term.aliases.en, key=len)


def _first_sentence(text: str) -> str:
    """The first sentence of a definition, English or Japanese."""
    ends = [end for end in (text.find(". "), text.find("。")) if end >= 0]
    return text if not ends else text[: min(ends) + 1]


def _event_label(event: Event, view: View) -> list[tuple[Lang, str]]:
    if view == "ja":
        return [("ja", event.label.ja)]
    if view == "en":
        return [("en", event.label.en)]
    return [("ja", event.label.ja), ("en", event.label.en)]


@lru_cache(maxsize=64)
def timeline_layout(
    content: Content, width: int, view: View = "both", ui_lang: UiLang = "en"
) -> Layout:
    """Every dated event, oldest first; events from outside the article marked, with sources.
    The events are said in the languages of ``view``, the page's own words in ``ui_lang``."""
    ui = Catalogue(ui_lang)
    page = _Builder(content, width)
    page.text(ui("timeline.title"), "title")
    page.text(f"{ARTICLE_MARK}  {ui('timeline.in_article')}", "note")
    page.text(f"{OUTSIDE_MARK}  {ui('timeline.outside')}", "note")
    page.blank()
    lead = " " * (DATE_WIDTH + 4)
    events = sorted(content.timeline.events, key=lambda event: event.date)
    for number, event in enumerate(events):
        mark = ARTICLE_MARK if event.from_article else OUTSIDE_MARK
        key = f"event-{number}"
        for index, (lang, label) in enumerate(_event_label(event, view)):
            prefix = (
                f"{event.date:<{DATE_WIDTH}}  {mark} " if index == 0 else f"{'':<{DATE_WIDTH}}  | "
            )
            column = _Column(page.width)
            links = []
            for span in content.matcher.find(label):
                links.append((span, len(page.links)))
                page.links.append(LinkRef(span.term_id, key, lang, -1))
            column.add_text(
                label, "text", bullet=prefix, bullet_role="title", block=key, lang=lang, links=links
            )
            page._add(column.lines, key)
        if not event.from_article:
            page.text(ui("timeline.source", source=event.source), "since", indent=lead)
        page.blank()
    return page.layout()


@lru_cache(maxsize=64)
def whos_who_layout(content: Content, width: int, lang: Lang = "en") -> Layout:
    """The organisations on each side (each said in a sentence of ``lang``, the interface's
    language, as are the page's own words), then who signed what with whom, and when."""
    ui = Catalogue(lang)
    page = _Builder(content, width)
    page.text(ui("whos_who.title"), "title")
    page.text(ui("whos_who.hint"), "note")
    page.blank()
    organisations = [term for term in content.glossary.terms if term.country is not None]
    sides = [
        [term for term in organisations if term.country == country]
        for country in ("japan", "united-states")
    ]
    side_by_side = page.width >= 2 * 30 + GAP
    box_width = (page.width - GAP) // 2 if side_by_side else min(page.width, 60)
    columns = [_Column(box_width), _Column(box_width)]
    for column, country, terms in zip(columns, ("japan", "united-states"), sides, strict=True):
        column.lines.append([Piece(ui(COUNTRY_KEY[country]), "title")])
        for term in terms:
            column.lines.extend(page.term_box(term, box_width, lang))
    if side_by_side:
        page._add([list(line.pieces) for line in _merge(columns)])
    else:
        page._add(columns[0].lines)
        page.blank()
        page._add(columns[1].lines)
    page.blank()
    page.text(ui("whos_who.deals"), "title")
    page.blank()
    names = {term.id: term for term in organisations}
    for number, event in enumerate(sorted(content.timeline.events, key=lambda e: e.date)):
        parties = [names[term_id] for term_id in event.terms if term_id in names]
        if len(parties) < 2:
            continue  # not an agreement between organisations
        key = f"deal-{number}"
        where = ui("whos_who.in_article" if event.from_article else "whos_who.outside")
        page.text(f"{event.date}  ({where})", "title")
        page.text(event.label.ja, "text", indent="  ", key=key + "-ja")
        page.text(event.label.en, "text", indent="  ", key=key)
        agreement = next(
            (content.term(t) for t in event.terms if content.term(t).category == "agreement"), None
        )
        chain = _deal_chain(page, parties, agreement, key, ui("whos_who.signed"))
        page._add(_fit(chain, page.width), key)
        page.blank()
    return page.layout()


def _deal_chain(
    page: _Builder, parties: Sequence[Term], agreement: Term | None, key: str, signed: str
) -> list[Piece]:
    """``[Japan's parties] <== what they signed ==> [the US parties]``, each name a link."""

    def names(terms: Sequence[Term]) -> list[Piece]:
        pieces: list[Piece] = []
        for index, term in enumerate(terms):
            if index:
                pieces.append(Piece(" + ", "bar"))
            link = len(page.links)
            page.links.append(LinkRef(term.id, key, "en", -1))
            pieces += [Piece("[", "bar"), Piece(short_name(term), "heading", link=link)]
            pieces.append(Piece("]", "bar"))
        return pieces

    japan = [term for term in parties if term.country == "japan"]
    others = [term for term in parties if term.country != "japan"]
    if not japan:  # an agreement within one side: first party, then the rest
        japan, others = others[:1], others[1:]
    middle: list[Piece] = [Piece(" <== ", "bar")]
    if agreement is not None:
        link = len(page.links)
        page.links.append(LinkRef(agreement.id, key, "en", -1))
        middle.append(Piece(agreement.term.en, "note", link=link))
    else:
        middle.append(Piece(signed, "note"))
    middle.append(Piece(" ==> ", "bar"))
    return [Piece("  ", "pad"), *names(japan), *middle, *names(others)]


def _fit(pieces: list[Piece], width: int) -> list[list[Piece]]:
    """Pieces on lines no wider than ``width``, wrapping between words, continuation indented."""
    indent = min(4, width // 4)
    words: list[Piece] = []
    for piece in pieces:  # a long name may wrap inside itself: split at spaces, keep the link
        parts = piece.text.split(" ")
        for index, part in enumerate(parts):
            text = part + (" " if index < len(parts) - 1 else "")
            if text:
                words.append(Piece(text, piece.role, link=piece.link))
    lines: list[list[Piece]] = [[]]
    used = 0
    for word in words:
        if used + cells(word.text.rstrip()) > width and used > indent:
            lines.append([Piece(" " * indent, "pad")])
            used = indent
            if not word.text.strip():
                continue
        if cells(word.text.rstrip()) <= width - indent:
            chunks = [word.text]
        else:  # longer than any line: break it as the line breaker would
            chunks = [word.text[start:end] for start, end in line_spans(word.text, width - indent)]
        for text in chunks:
            if used + cells(text.rstrip()) > width:
                lines.append([Piece(" " * indent, "pad")])
                used = indent
            lines[-1].append(Piece(text, word.role, link=word.link))
            used += cells(text)
    return [_trim(line, width) for line in lines]


def _trim(line: list[Piece], width: int) -> list[Piece]:
    """Drop trailing spaces that would run past the width."""
    while line and sum(cells(piece.text) for piece in line) > width:
        last = line[-1]
        stripped = last.text.rstrip()
        if stripped == last.text:
            break
        line[-1] = Piece(stripped, last.role, link=last.link)
        if not stripped:
            line.pop()
    return line
