"""Export the article as one HTML page: for browsers, screen readers and pop-up dictionaries.

The page is one self-contained HTML5 file: no script, no font, no image, no style sheet from
elsewhere. What it holds, in order: the title and the source, the sections with their key
points and blocks (the Japanese and the English of each block side by side on a wide screen,
one above the other on a narrow one), the timeline as a list of ``<time>`` elements, the
glossary as ``<dfn>`` entries, and the source and licences again at the foot.

- Every run of text carries its language (``lang="ja"`` / ``lang="en"``), so that a screen
  reader speaks each with the right voice and a pop-up dictionary knows what it looks at.
- The Japanese carries its readings as ``<ruby>``/``<rt>`` (with ``<rp>`` brackets for
  browsers without ruby); a check box at the top hides them, with CSS alone (``:has``; in a
  browser without it the readings stay, as they do in print).
- Each glossary term in the text links to its definition, and each definition links back to
  the blocks that mention it. A link never splits a ruby base: it is widened to take it whole.
- Light and dark colours follow ``prefers-color-scheme`` (``page_style``).

Everything from the content is escaped; a URL is a link only when it is http(s).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Block, Lang, Pair, Section, Term, View, view_langs
from genesis_tui.content.terms import Span
from genesis_tui.export.html_runs import WORDS, TextRuns, citation_links, escaped, link
from genesis_tui.export.page_style import style
from genesis_tui.export.parts import _sections
from genesis_tui.text.control_chars import visible


class _Page(TextRuns):
    """One export: the content, the languages shown, and which blocks and terms it holds."""

    def __init__(
        self, content: Edition, lang: View, section_id: str | None, reader_url: str | None
    ) -> None:
        self.reader_url = reader_url
        langs = view_langs(lang)
        self.sections = _sections(content, section_id)
        self.whole = section_id is None
        self.block_ids = {block.id for section in self.sections for block in section.blocks}
        if self.whole:
            self.terms: tuple[Term, ...] = content.glossary.terms
        else:
            linked = {
                term_id
                for section in self.sections
                for block in section.blocks
                for term_id in content.block_terms(block)
            }
            self.terms = tuple(term for term in content.glossary.terms if term.id in linked)
        super().__init__(content, langs, {term.id for term in self.terms})

    def html(self) -> str:
        article = self.content.article
        first = self.langs[0]
        title = article.title.get(first)
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{first}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light dark">',
            f"<title>{escaped(title)}</title>",
            f"<style>{style()}</style>",
            "</head>",
            "<body>" if len(self.langs) > 1 else '<body class="one-language">',
            *self.header(),
            '<main id="article">',
            *self.body(),
            "</main>",
            *self.footer(),
            "</body>",
            "</html>",
        ]
        return visible("\n".join(parts)) + "\n"

    def readerlink(self) -> Iterator[str]:
        """A link to the terminal reader, on a page that ``serve`` offers beside it."""
        if self.reader_url is not None:
            yield f'<a class="reader" href="{escaped(self.reader_url)}">{self.words("reader")}</a>'

    def header(self) -> Iterator[str]:
        article = self.content.article
        yield "<header>"
        yield '<p class="controls"><input type="checkbox" id="show-ruby" checked>'
        yield f'<label class="toggle" for="show-ruby">{self.words("show_ruby")}</label>'
        yield from self.readerlink()
        yield "</p>"
        yield f"<h1>{self.both(article.title, 'span', '<br>')}</h1>"
        yield from self.source()
        yield '<nav aria-labelledby="contents">'
        yield f'<h2 id="contents">{self.words("contents")}</h2>'
        yield "<ol>"
        for section in self.sections:
            title = self.both(section.title, "span", " / ")
            yield f'<li><a href="#s-{section.id}">{title}</a></li>'
        if self.whole:
            yield f'<li><a href="#timeline">{self.catalogue("timeline.title")}</a></li>'
        yield f'<li><a href="#glossary">{self.catalogue("glossary.title")}</a></li>'
        yield "</ol>"
        yield "</nav>"
        yield "</header>"

    def source(self) -> Iterator[str]:
        source = self.content.article.source
        links = " · ".join(
            link(url, WORDS[key].get(lang), lang, "ui")
            for lang in self.langs
            for key, url in (("original_ja", source.url_ja), ("original_en", source.url_en))
        )
        label = self.catalogue("export.source")
        yield f'<p>{label}: <span lang="en">{escaped(source.publisher)}</span> — {links}</p>'
        yield from self.licences()
        yield self.pair(source.note, css="muted")

    def licences(self) -> Iterator[str]:
        """Whose each part of the page is, and under which licence."""
        publisher = self.content.article.source.publisher
        for key in ("licence_article", "licence_project"):
            words = WORDS[key]
            pair = Pair(
                ja=words.ja.format(publisher=publisher), en=words.en.format(publisher=publisher)
            )
            yield self.pair(pair, css="muted ui")

    def body(self) -> Iterator[str]:
        for section in self.sections:
            yield from self.section(section)
        if self.whole:
            yield from self.timeline()
        yield from self.glossary()

    def section(self, section: Section) -> Iterator[str]:
        yield f'<section id="s-{section.id}" aria-labelledby="h-{section.id}">'
        yield f'<h2 id="h-{section.id}" class="pair">{self.both(section.title)}</h2>'
        if section.key_points:
            label = escaped(WORDS["key_points"].get(self.langs[0]))
            yield f'<ul class="points" aria-label="{label}">'
            for point in section.key_points:
                yield f"<li>{self.pair(point)}</li>"
            yield "</ul>"
        items = False
        for block in section.blocks:
            if block.kind == "list_item" and not items:
                yield '<ul class="items">'
            elif block.kind != "list_item" and items:
                yield "</ul>"
            items = block.kind == "list_item"
            yield from self.block(block)
        if items:
            yield "</ul>"
        yield "</section>"

    def block(self, block: Block) -> Iterator[str]:
        spans: dict[Lang, tuple[Span, ...]] = {
            lang: self.content.spans[(block.id, lang)] for lang in self.langs
        }
        if block.kind == "heading":
            runs = "".join(
                f'<span lang="{lang}">{self.rich(getattr(block, lang), lang, spans[lang])}</span>'
                for lang in self.langs
            )
            yield f'<h3 id="b-{block.id}" class="pair">{runs}</h3>'
        else:
            tag = "li" if block.kind == "list_item" else "div"
            yield f'<{tag} id="b-{block.id}" class="block">{self.pair(block, terms=spans)}'
        if block.note is not None:
            yield '<aside class="note">'
            yield self.pair(block.note, prefix="page.note")
            yield "</aside>"
        if block.since is not None:
            yield '<aside class="note">'
            yield self.pair(Pair(ja=block.since.ja, en=block.since.en), prefix="page.since")
            yield f"<p>{citation_links(block.since.citations)}</p>"
            yield "</aside>"
        if block.kind != "heading":
            yield f"</{tag}>"

    def timeline(self) -> Iterator[str]:
        yield '<section id="timeline" aria-labelledby="h-timeline">'
        yield f'<h2 id="h-timeline">{self.catalogue("timeline.title")}</h2>'
        yield '<ol class="timeline">'
        for event in sorted(self.content.timeline.events, key=lambda event: event.date):
            where = ""
            if event.citations:
                where = f'<p class="muted">{citation_links(event.citations)}</p>'
            yield (
                f'<li><time datetime="{escaped(event.date)}">{escaped(event.date)}</time>'
                f"{self.pair(event.label)}{where}</li>"
            )
        yield "</ol>"
        yield "</section>"

    def glossary(self) -> Iterator[str]:
        yield '<section id="glossary" aria-labelledby="h-glossary">'
        yield f'<h2 id="h-glossary">{self.catalogue("glossary.title")}</h2>'
        yield '<dl class="glossary">'
        for term in self.terms:
            yield "<div>"
            name = self.both(term.term, "span", " / ")
            yield f'<dt><dfn id="term-{term.id}">{name}</dfn></dt>'
            yield f"<dd>{self.pair(term.definition)}</dd>"
            for key, places in (
                ("mentioned", self.content.occurrences(term.id)),
                ("mentioned_since", self.content.since_occurrences(term.id)),
            ):
                links = self.back_links(places)
                if links:
                    yield f'<dd class="muted back">{self.words(key)}: {links}</dd>'
            yield "</div>"
        yield "</dl>"
        yield "</section>"

    def back_links(self, places: Sequence[tuple[Section, Block]]) -> str:
        """Links to the blocks among ``places`` that this page holds, each named by its
        section and its number there."""
        links = []
        for section, block in places:
            if block.id not in self.block_ids:
                continue
            number = section.blocks.index(block) + 1
            lang = self.langs[0]
            name = self.rich(section.title.get(lang), lang, link=False)
            links.append(f'<a href="#b-{block.id}" lang="{lang}">{name} {number}</a>')
        return ", ".join(links)

    def footer(self) -> Iterator[str]:
        yield '<footer aria-labelledby="licences">'
        yield f'<h2 id="licences">{self.words("licences")}</h2>'
        yield from self.source()
        yield "</footer>"


def to_html(
    content: Edition,
    lang: View = "both",
    section_id: str | None = None,
    *,
    reader_url: str | None = None,
) -> str:
    """The article as one self-contained HTML5 page (see the module's docstring); with a link
    to the terminal reader at ``reader_url``, when given (``serve`` gives it)."""
    return _Page(content, lang, section_id, reader_url).html()
