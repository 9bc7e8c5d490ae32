"""Who's who as a page: the organisations on each side, then who signed what with whom.

Each organisation is a box naming it (a link to its glossary entry) with its first sentence;
the agreements are drawn as ``[Japan's parties] <== what they signed ==> [the US parties]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Event, Lang, Term, View
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.builder import Column, PageBuilder, Row, side_by_side
from genesis_tui.pages.page import GAP, Page, Piece
from genesis_tui.pages.timeline import source_rows
from genesis_tui.text.dates import shown_date
from genesis_tui.text.kana import is_kanji
from genesis_tui.text.ruby import RubySpan
from genesis_tui.text.typesetting import cells, line_spans
from genesis_tui.text.units import Unit

COUNTRY_KEY = {"japan": "whos_who.japan", "united-states": "whos_who.united_states"}


def short_name(term: Term, room: int = 24) -> str:
    """The English name if it fits in ``room`` cells, else its shortest English alias."""
    if cells(term.term.en) <= room or not term.aliases.en:
        return term.term.en[:room]
    return min(term.aliases.en, key=len)


def _first_sentence(text: str) -> str:
    """The first sentence of a definition, English or Japanese."""
    ends = [end for end in (text.find(". "), text.find("。")) if end >= 0]
    return text if not ends else text[: min(ends) + 1]


def _name(term: Term, view: View, room: int = 24) -> str:
    """An organisation's name in the view's language (English first in ``both``)."""
    return term.term.ja if view == "ja" else short_name(term, room)


def _term_box(
    page: PageBuilder,
    term: Term,
    width: int,
    lang: Lang = "en",
    view: View = "both",
    readings: Sequence[RubySpan] | None = None,
) -> list[Row]:
    """A box naming an organisation (a link to its entry) and saying what it is; with
    ``readings`` (those of its Japanese definition), the readings above the Japanese."""
    inner = width - 4
    index = page.link(term.id, f"box-{term.id}", "ja" if view == "ja" else "en")
    label = _name(term, view, inner)
    name = [Piece(label, "heading", link=index)]
    ja_at = 0 if view == "ja" else None  # where the Japanese name stands in the name row
    if view == "both" and cells(label) + 2 + cells(term.term.ja) <= inner:
        name.append(Piece("  " + term.term.ja, "heading"))
        ja_at = cells(label) + 2
    above: list[Row] = []
    # The name's reading over it, where it fits.
    shown = ja_at is not None and any(is_kanji(char) for char in term.term.ja)
    if readings is not None and shown and (ja_at or 0) + cells(term.reading) <= inner:
        above.append([Piece(" " * (ja_at or 0), "pad"), Piece(term.reading, "ruby")])
    body = Column(inner)
    sentence = _first_sentence(term.definition.get(lang))
    ruby = [span for span in readings or () if span[1] <= len(sentence)] if lang == "ja" else []
    body.add_text(sentence, "note", ruby=ruby)
    rows = [*above, name, *body.rows]
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


@lru_cache(maxsize=64)
def whos_who_page(
    content: Edition, width: int, lang: Lang = "en", view: View = "both", ruby: bool = False
) -> Page:
    """The organisations on each side (named in the languages of ``view``, each said in a
    sentence of ``lang``, the interface's language, as are the page's own words, unless the
    view shows one language), then who signed what with whom, and when; with ``ruby``, the
    Japanese has its readings above it."""
    ui = Catalogue(lang)
    if view != "both":
        lang = view
    page = PageBuilder(max(20, width))
    page.text(ui("whos_who.title"), "title")
    page.text(ui("whos_who.hint"), "note")
    page.blank()
    organisations = [term for term in content.glossary.terms if term.country is not None]
    sides = [
        [term for term in organisations if term.country == country]
        for country in ("japan", "united-states")
    ]
    two_columns = page.width >= 2 * 30 + GAP
    box_width = (page.width - GAP) // 2 if two_columns else min(page.width, 60)
    columns = [Column(box_width), Column(box_width)]
    for column, country, terms in zip(columns, ("japan", "united-states"), sides, strict=True):
        column.rows.append([Piece(ui(COUNTRY_KEY[country]), "title")])
        for term in terms:
            readings = content.ruby.spans(term.definition.ja) if ruby else None
            column.rows.extend(_term_box(page, term, box_width, lang, view, readings))
    if two_columns:
        page.add(side_by_side(*columns))
    else:
        page.add(columns[0].rows)
        page.blank()
        page.add(columns[1].rows)
    page.blank()
    page.text(ui("whos_who.deals"), "title")
    page.blank()
    names = {term.id: term for term in organisations}
    for number, event in enumerate(sorted(content.timeline.events, key=lambda e: e.date)):
        parties = [names[term_id] for term_id in event.terms if term_id in names]
        if len(parties) < 2:
            continue  # not an agreement between organisations
        key = f"deal-{number}"
        if not event.from_article:
            where = ui("whos_who.outside")
        else:
            where = ui("whos_who.dated_outside" if event.citations else "whos_who.in_article")
        page.text(f"{shown_date(event.date, ui.lang)}  ({where})", "title")
        labels: tuple[tuple[Lang, str], ...] = (("ja", key + "-ja"), ("en", key))
        for label_lang, label_key in labels:
            if view not in ("both", label_lang):
                continue
            label = event.label.get(label_lang)
            spans = content.matcher.find(label)
            readings = content.ruby.spans(label) if ruby and label_lang == "ja" else ()
            page.text(
                label,
                "text",
                indent="  ",
                key=label_key,
                lang=label_lang,
                spans=spans,
                ruby=readings,
            )
        if event.citations:  # the pages the label's facts come from, as on the timeline
            page.add(source_rows(event, page.width, "  ", ui.lang), key)
        agreement = _instrument(content, event)
        # One language a line: in ``both``, the interface's (its word for "signed" with it).
        chain_view: View = view if view != "both" else ui.lang
        chain = _deal_chain(page, parties, agreement, key, ui("whos_who.signed"), chain_view)
        page.add(_fit(chain, page.width), key)
        page.blank()
    return page.build(links_by_line=True)


def _instrument(content: Edition, event: Event) -> Term | None:
    """What the parties signed: the agreement the event's label names (RIKEN and Argonne's
    2024 memorandum is a memorandum, though the glossary counts it in the 2024 framework too),
    else the first agreement among the event's terms, else None."""
    named = [
        span.term_id
        for text in (event.label.en, event.label.ja)
        for span in content.matcher.find(text)
    ]
    for term_id in [*named, *event.terms]:
        term = content.term(term_id)
        if term.category == "agreement":
            return term
    return None


def _deal_chain(
    page: PageBuilder,
    parties: Sequence[Term],
    agreement: Term | None,
    key: str,
    signed: str,
    view: View = "both",
) -> list[Piece]:
    """``[Japan's parties] <== what they signed ==> [the US parties]``, each name a link."""

    def names(terms: Sequence[Term]) -> list[Piece]:
        pieces: list[Piece] = []
        for index, term in enumerate(terms):
            if index:
                pieces.append(Piece(" + ", "bar"))
            link = page.link(term.id, key, "en")
            pieces += [Piece("[", "bar"), Piece(_name(term, view), "heading", link=link)]
            pieces.append(Piece("]", "bar"))
        return pieces

    japan = [term for term in parties if term.country == "japan"]
    others = [term for term in parties if term.country != "japan"]
    if not japan:  # an agreement within one side: first party, then the rest
        japan, others = others[:1], others[1:]
    middle: list[Piece] = [Piece(" <== ", "bar")]
    if agreement is not None:
        link = page.link(agreement.id, key, "en")
        agreement_name = agreement.term.ja if view == "ja" else agreement.term.en
        middle.append(Piece(agreement_name, "note", link=link))
    else:
        middle.append(Piece(signed, "note"))
    middle.append(Piece(" ==> ", "bar"))
    return [Piece("  ", "pad"), *names(japan), *middle, *names(others)]


def _fit(pieces: list[Piece], width: int) -> list[Row]:
    """Pieces on lines no wider than ``width``, continuation indented, broken by the line
    breaker: a bracketed name (``[NVIDIA]``) and a one-word agreement (``意向表明書``) are units,
    kept whole where they fit."""
    indent = min(4, width // 4)
    lead = next((n for n, piece in enumerate(pieces) if piece.role != "pad"), len(pieces))
    first = sum(cells(piece.text) for piece in pieces[:lead])
    body = pieces[lead:]
    text = "".join(piece.text for piece in body)
    starts = list(accumulate((len(piece.text) for piece in body), initial=0))
    units: list[Unit] = []
    for n, piece in enumerate(body):
        if piece.link is None:
            continue
        start, end = starts[n], starts[n + 1]
        if n and n + 1 < len(body) and (body[n - 1].text, body[n + 1].text) == ("[", "]"):
            units.append(Unit(start - 1, end + 1))
        elif " " not in piece.text:
            units.append(Unit(start, end))
    lines: list[Row] = []
    offset, room, row = 0, width - first, list(pieces[:lead])
    while offset < len(text):
        shifted = [Unit(u.start - offset, u.end - offset) for u in units if u.start >= offset]
        start, end = line_spans(text[offset:], max(1, room), shifted)[0]
        for n, piece in enumerate(body):  # the pieces' parts on this line, roles and links kept
            left, right = max(starts[n], offset + start), min(starts[n + 1], offset + end)
            if left < right:
                row.append(piece._replace(text=text[left:right]))
        lines.append(row)
        offset += end
        while offset < len(text) and text[offset] == " ":
            offset += 1
        row, room = [Piece(" " * indent, "pad")], width - indent
    return lines or [row]
