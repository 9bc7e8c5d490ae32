"""Export the article as JSON (the contract other tools rely on), Markdown or plain text.

With readings (``--ruby``), the Japanese carries ruby: Aozora Bunko notation in plain text
(``｜文部科学省《もんぶかがくしょう》``), HTML ``<ruby>`` in Markdown; the JSON always carries them
as ``ruby`` lists of ``[start, end, reading]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from genesis_tui.content.attribution import source_lines
from genesis_tui.content.citations import as_data, url_lines
from genesis_tui.content.citations import markdown as cited_markdown
from genesis_tui.content.edition import Content
from genesis_tui.content.model import Block, Lang, Pair, Section, Term, View, view_langs
from genesis_tui.content.readings import RubySpan
from genesis_tui.content.terms import Span, TermMatcher
from genesis_tui.export.notation import html_ruby, notated_lines, shift
from genesis_tui.export.words import lexicon_json, vocabulary_lines, words_json
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.text.control_chars import visible
from genesis_tui.text.kana import reading_order, to_hiragana
from genesis_tui.text.phrases import has_japanese
from genesis_tui.text.typesetting import break_lines

SCHEMA_VERSION = 3
"""2 added ``ruby`` to every block and every ``{ja, en}`` text; 3 added ``words`` beside each
``ruby`` and the ``lexicon`` (``export_words``)."""

_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw: DEL and the C1 controls (U+009B is CSI)."""


def _label(key: str, lang: Lang) -> str:
    """A label in the language of the text it labels."""
    return Catalogue(lang)(key)


def _labels(key: str, langs: tuple[Lang, ...]) -> str:
    """A label in each language shown, ``ja / en``."""
    return " / ".join(_label(key, lang) for lang in langs)


def _pair(pair: Pair) -> dict[str, str]:
    return {"ja": pair.ja, "en": pair.en}


def _ruby_json(content: Content, text: str) -> list[list[int | str]]:
    return [[start, end, reading] for start, end, reading in content.ruby.spans(text)]


def _read_pair(content: Content, pair: Pair) -> dict[str, Any]:
    """A ``{ja, en}`` text with the ruby of its Japanese."""
    return {
        "ja": pair.ja,
        "en": pair.en,
        "ruby": _ruby_json(content, pair.ja),
        "words": words_json(content, pair.ja),
    }


def _sections(content: Content, section_id: str | None) -> tuple[Section, ...]:
    if section_id is None:
        return content.article.sections
    return (content.section(section_id),)


def to_json(content: Content, section_id: str | None = None) -> str:
    """The article, glossary, timeline and lexicon as JSON (schema 3; see the README)."""
    article = content.article
    source = asdict(article.source)
    source["note"] = _read_pair(content, article.source.note)
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "title": _read_pair(content, article.title),
        "source": source,
        "sections": [
            {
                "id": section.id,
                "title": _read_pair(content, section.title),
                "key_points": [_read_pair(content, point) for point in section.key_points],
                "blocks": [_block_json(content, block) for block in section.blocks],
            }
            for section in _sections(content, section_id)
        ],
        "glossary": [
            {
                "id": term.id,
                "term": _read_pair(content, term.term),
                "reading": term.reading,
                "aliases": {"ja": list(term.aliases.ja), "en": list(term.aliases.en)},
                "definition": _read_pair(content, term.definition),
                "category": term.category,
                "related": list(term.related),
                "occurrences": [block.id for _, block in content.occurrences(term.id)],
                "since_occurrences": [block.id for _, block in content.since_occurrences(term.id)],
                "named_in": list(content.named_in(term.id)),
                "country": term.country,
            }
            for term in content.glossary.terms
        ],
        "timeline": [
            {
                "date": event.date,
                "label": _read_pair(content, event.label),
                "source": event.citations[0].url if event.citations else "article",
                "sources": as_data(event.citations),
                "reported_in": list(event.reported_in),
                "terms": list(event.terms),
            }
            for event in content.timeline.events
        ],
        "excluded": [
            {"after": item.after, "ja": item.ja, "reason": _pair(item.reason)}
            for item in article.excluded
        ],
        "lexicon": lexicon_json(content),
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # The models hold no control characters; this keeps JSON safe to print even if one did.
    # Outside strings JSON is ASCII, so each one is inside a string and \u escapes keep its value.
    return _JSON_RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def _block_json(content: Content, block: Block) -> dict[str, Any]:
    return {
        "id": block.id,
        "kind": block.kind,
        "ja": block.ja,
        "en": block.en,
        "ruby": _ruby_json(content, block.ja),
        "words": words_json(content, block.ja),
        "terms": list(content.block_terms(block)),
        "note": _read_pair(content, block.note) if block.note else None,
        "since": _since_json(content, block) if block.since else None,
        "cleanups": list(block.cleanups),
    }


def _since_json(content: Content, block: Block) -> dict[str, Any]:
    since = block.since
    assert since is not None
    return {
        "ja": since.ja,
        "en": since.en,
        "source": since.citations[0].url if since.citations else None,
        "sources": as_data(since.citations),
        "ruby": _ruby_json(content, since.ja),
        "words": words_json(content, since.ja),
    }


# ---------------------------------------------------------------------- ruby notation
def to_markdown(
    content: Content,
    lang: View = "both",
    section_id: str | None = None,
    *,
    ruby: bool = False,
    vocabulary: bool = False,
) -> str:
    """A readable Markdown document: the article, then the timeline and the glossary.

    With ``ruby``, the Japanese carries its readings as HTML ``<ruby>``; with ``vocabulary``,
    each section ends with its words and their entries.
    """
    langs = view_langs(lang)
    article = content.article

    def get(pair: Pair | Any, lg: str) -> str:
        text: str = getattr(pair, lg)
        return html_ruby(text, content.ruby.spans(text)) if ruby and lg == "ja" else text

    out: list[str] = [f"# {' / '.join(get(article.title, lg) for lg in langs)}", ""]
    source = article.source
    ja, en = (" / ".join(_label(f"view.{name}", lg) for lg in langs) for name in ("ja", "en"))
    source_label = _labels("export.source", langs)
    out += [
        f"{source_label}: {source.publisher} — [{ja}]({source.url_ja}) · [{en}]({source.url_en})"
    ]
    out += ["", f"_{get(source.note, langs[0])}_", ""]
    for section in _sections(content, section_id):
        out += [f"## {' / '.join(get(section.title, lg) for lg in langs)}", ""]
        if section.key_points:
            for point in section.key_points:
                out.append("- **" + " / ".join(get(point, lg) for lg in langs) + "**")
            out.append("")
        for block in section.blocks:
            for lg in langs:
                text = get(block, lg)
                if block.kind == "heading":
                    out.append(f"### {text}")
                elif block.kind == "list_item":
                    out.append(f"- {text}")
                else:
                    out.append(text)
                out.append("")
            if block.note is not None:
                note = block.note
                out += _quote([f"**{_label('page.note', lg)}:** {get(note, lg)}" for lg in langs])
            if block.since is not None:
                since = [f"**{_label('page.since', lg)}:** {get(block.since, lg)}" for lg in langs]
                out += _quote([*since, cited_markdown(block.since.citations, langs)])
        if vocabulary:
            out += vocabulary_lines(content, section, _labels("export.vocabulary", langs))
    out += ["## " + _labels("timeline.title", langs), ""]
    for mark, key in (("o", "timeline.in_article"), ("+", "timeline.outside")):
        out.append(f"`{mark}` {_labels(key, langs)}  ")
    out.append("")
    for event in content.timeline.events:
        label = " / ".join(get(event.label, lg) for lg in langs)
        cited = event.citations
        where = f" ({cited_markdown(cited, langs)})" if cited else ""
        mark = "o" if event.from_article else "+"
        out.append(f"- `{mark}` **{event.date}** {label}{where}")
    out += ["", "## " + _labels("glossary.title", langs), ""]

    def order(term: Term) -> str:  # by English, or in Japanese alone by the reading
        return term.term.en.casefold() if "en" in langs else reading_order(term.reading)

    for term in sorted(content.glossary.terms, key=order):
        # The reading only where it adds something: not after a name written in kana.
        same = to_hiragana(term.reading) == to_hiragana(term.term.ja)
        reading = "" if same else f"（{term.reading}）"
        names = {"ja": f"{get(term.term, 'ja')}{reading}", "en": term.term.en}
        out += [f"### {' / '.join(names[lg] for lg in langs)}", ""]
        for lg in langs:
            out += [get(term.definition, lg), ""]
    return visible("\n".join(out).rstrip()) + "\n"  # visible: see to_text


def _quote(paragraphs: list[str]) -> list[str]:
    """Markdown block-quote lines for ``paragraphs``, then a blank line."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [f"> {paragraph}", ">"]
    lines[-1] = ""
    return lines


def text_lines(
    content: Content,
    lang: View = "both",
    width: int = 80,
    section_id: str | None = None,
    *,
    ruby: bool = False,
) -> Iterator[str]:
    """The article as plain text lines, wrapped at ``width`` cells, a blank line between blocks.

    With ``ruby``, the Japanese carries its readings in Aozora Bunko notation. Lines are broken
    on the text as a ruby-aware reader shows it (``width`` does not count the notation), and
    never inside a base.
    """
    langs = view_langs(lang)
    matcher = content.matcher

    def spans(text: str, lg: str = "ja", offset: int = 0) -> tuple[RubySpan, ...]:
        return shift(content.ruby.spans(text), offset) if ruby and lg == "ja" else ()

    def joined(pair: Pair, prefix: str = "") -> tuple[str, tuple[RubySpan, ...]]:
        """The pair's languages joined by " / " after ``prefix``, with the ruby of the ja."""
        offset = len(prefix) if langs[0] == "ja" else 0
        return prefix + " / ".join(pair.get(lg) for lg in langs), spans(pair.ja, langs[0], offset)

    title, title_spans = joined(content.article.title)
    yield from _wrapped(title, width, title_spans, matcher)
    yield ""
    yield from _source_lines(content, langs, width)
    for section in _sections(content, section_id):
        yield ""
        heading, heading_spans = joined(section.title, "## ")
        yield from _wrapped(heading, width, heading_spans, matcher)
        for point in section.key_points:
            for lg in langs:
                yield from _indented(point.get(lg), width, "* ", "  ", spans(point.ja, lg), matcher)
        for block in section.blocks:
            for lg in langs:
                yield ""
                text = getattr(block, lg)
                if block.kind == "list_item":
                    yield from _indented(text, width, "- ", "  ", spans(text, lg), matcher)
                else:
                    yield from _wrapped(text, width, spans(text, lg), matcher)
            for label, extra in (("page.note", block.note), ("page.since", block.since)):
                if extra is not None:
                    for lg in langs:
                        yield ""
                        prefix = f"{_label(label, lg)}: "
                        note = prefix + getattr(extra, lg)
                        ruby_spans = spans(extra.ja, lg, len(prefix))
                        yield from _indented(note, width, "| ", "| ", ruby_spans, matcher)
            if block.since is not None:
                for line in url_lines(block.since.citations, langs):
                    yield _url_line("| ", line)
    if section_id is None:
        yield from _timeline_lines(content, langs, width, ruby)


def _source_lines(content: Content, langs: tuple[Lang, ...], width: int) -> Iterator[str]:
    """Where the article comes from (as the reader's About page says it), each address whole
    on a line of its own, the glossary's names kept whole as everywhere."""
    matcher = content.matcher
    for line in source_lines(content.article.source, lambda key: _labels(key, langs), langs):
        if line.lang is not None:  # the source note: a paragraph in each language
            yield ""
        text = line.text if line.url is None else line.text[: -len(line.url)].rstrip()
        yield from _wrapped(text, width, (), matcher)
        if line.url is not None:
            yield _url_line("  ", line.url)


def _timeline_lines(
    content: Content, langs: tuple[Lang, ...], width: int, ruby: bool = False
) -> Iterator[str]:
    """The timeline, oldest first; events the article does not report marked +; every page an
    event cites given whole."""
    yield ""
    yield from break_lines("## " + _labels("timeline.title", langs), width)
    yield from _indented(_labels("timeline.in_article", langs), width, "o ", "  ")
    yield from _indented(_labels("timeline.outside", langs), width, "+ ", "  ")
    for event in sorted(content.timeline.events, key=lambda event: event.date):
        yield ""
        mark = "o" if event.from_article else "+"
        for index, lg in enumerate(langs):
            first = f"{mark} {event.date}  " if index == 0 else " " * (len(event.date) + 4)
            label = event.label.get(lg)
            spans = content.ruby.spans(label) if ruby and lg == "ja" else ()
            yield from _indented(label, width, first, " " * len(first), spans, content.matcher)
        for line in url_lines(event.citations, langs):
            yield _url_line("  ", line)


def _url_line(prefix: str, url: str) -> str:
    """A URL on a line of its own, whole even past the width: broken, neither a terminal nor
    a mail reader would find it, and copying it would take two pastes."""
    return prefix + url


def _wrapped(
    text: str, width: int, spans: tuple[RubySpan, ...] = (), matcher: TermMatcher | None = None
) -> list[str]:
    """``text`` broken into lines, the glossary terms' Japanese names (found by ``matcher``)
    kept whole where they fit; in Aozora notation when it has ruby ``spans``."""
    terms = _terms(matcher, text)
    return notated_lines(text, width, spans, terms) if spans else break_lines(text, width, terms)


def _terms(matcher: TermMatcher | None, text: str) -> tuple[Span, ...]:
    """The glossary terms' Japanese names in ``text``: the line breaker keeps them whole."""
    if matcher is None:
        return ()
    found = matcher.find(text)
    return tuple(span for span in found if has_japanese(text[span.start : span.end]))


def _indented(
    text: str,
    width: int,
    first: str,
    rest: str,
    spans: tuple[RubySpan, ...] = (),
    matcher: TermMatcher | None = None,
) -> Iterator[str]:
    inner = max(1, width - len(first))
    for index, line in enumerate(_wrapped(text, inner, spans, matcher)):
        yield (first if index == 0 else rest) + line


def to_text(
    content: Content,
    lang: View = "both",
    width: int = 80,
    section_id: str | None = None,
    *,
    ruby: bool = False,
) -> str:
    """The article as plain text (see ``text_lines``)."""
    # The models already hold no control characters; one pass over the output costs little and
    # keeps the text safe for a terminal however the content was built.
    return visible("\n".join(text_lines(content, lang, width, section_id, ruby=ruby))) + "\n"
