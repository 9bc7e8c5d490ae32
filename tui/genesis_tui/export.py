"""Export the article as JSON (the contract other tools rely on), Markdown or plain text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from genesis_tui.i18n import Catalogue
from genesis_tui.links import site_name
from genesis_tui.loader import Content
from genesis_tui.model import Block, Lang, Pair, Section, Term, View
from genesis_tui.search import to_hiragana
from genesis_tui.typesetting import break_lines

SCHEMA_VERSION = 1


def _langs(view: View) -> tuple[Lang, ...]:
    return ("ja", "en") if view == "both" else (view,)


def _label(key: str, lang: Lang) -> str:
    """A label in the language of the text it labels."""
    return Catalogue(lang)(key)


def _labels(key: str, langs: tuple[Lang, ...]) -> str:
    """A label in each language shown, ``ja / en``."""
    return " / ".join(_label(key, lang) for lang in langs)


def _pair(pair: Pair) -> dict[str, str]:
    return {"ja": pair.ja, "en": pair.en}


def _sections(content: Content, section_id: str | None) -> tuple[Section, ...]:
    if section_id is None:
        return content.article.sections
    return (content.section(section_id),)


def to_json(content: Content, section_id: str | None = None) -> str:
    """The article, glossary and timeline as JSON (schema 1; see the README)."""
    article = content.article
    data: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "title": _pair(article.title),
        "source": asdict(article.source),
        "sections": [
            {
                "id": section.id,
                "title": _pair(section.title),
                "key_points": [_pair(point) for point in section.key_points],
                "blocks": [_block_json(content, block) for block in section.blocks],
            }
            for section in _sections(content, section_id)
        ],
        "glossary": [
            {
                "id": term.id,
                "term": _pair(term.term),
                "reading": term.reading,
                "aliases": {"ja": list(term.aliases.ja), "en": list(term.aliases.en)},
                "definition": _pair(term.definition),
                "category": term.category,
                "related": list(term.related),
                "occurrences": [block.id for _, block in content.occurrences(term.id)],
                "since_occurrences": [block.id for _, block in content.since_occurrences(term.id)],
                "country": term.country,
            }
            for term in content.glossary.terms
        ],
        "timeline": [
            {
                "date": event.date,
                "label": _pair(event.label),
                "source": event.source,
                "terms": list(event.terms),
            }
            for event in content.timeline.events
        ],
        "excluded": [
            {"after": item.after, "ja": item.ja, "reason": _pair(item.reason)}
            for item in article.excluded
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _block_json(content: Content, block: Block) -> dict[str, Any]:
    return {
        "id": block.id,
        "kind": block.kind,
        "ja": block.ja,
        "en": block.en,
        "terms": list(content.block_terms(block)),
        "note": _pair(block.note) if block.note else None,
        "since": asdict(block.since) if block.since else None,
        "cleanups": list(block.cleanups),
    }


def to_markdown(content: Content, lang: View = "both", section_id: str | None = None) -> str:
    """A readable Markdown document: the article, then the timeline and the glossary."""
    langs = _langs(lang)
    article = content.article
    out: list[str] = [f"# {' / '.join(article.title.get(lg) for lg in langs)}", ""]
    source = article.source
    ja, en = (" / ".join(_label(f"view.{name}", lg) for lg in langs) for name in ("ja", "en"))
    source_label = _labels("export.source", langs)
    out += [
        f"{source_label}: {source.publisher} — [{ja}]({source.url_ja}) · [{en}]({source.url_en})"
    ]
    out += ["", f"_{source.note.get(langs[0])}_", ""]
    for section in _sections(content, section_id):
        out += [f"## {' / '.join(section.title.get(lg) for lg in langs)}", ""]
        if section.key_points:
            for point in section.key_points:
                out.append("- **" + " / ".join(point.get(lg) for lg in langs) + "**")
            out.append("")
        for block in section.blocks:
            for lg in langs:
                text = getattr(block, lg)
                if block.kind == "heading":
                    out.append(f"### {text}")
                elif block.kind == "list_item":
                    out.append(f"- {text}")
                else:
                    out.append(text)
                out.append("")
            if block.note is not None:
                out += _quote(
                    [f"**{_label('page.note', lg)}:** {block.note.get(lg)}" for lg in langs]
                )
            if block.since is not None:
                since = [
                    f"**{_label('page.since', lg)}:** {getattr(block.since, lg)}" for lg in langs
                ]
                url = block.since.source
                out += _quote([*since, f"[{site_name(url)}]({url})"])
    out += ["## " + _labels("timeline.title", langs), ""]
    for event in content.timeline.events:
        label = " / ".join(event.label.get(lg) for lg in langs)
        where = "" if event.from_article else f" ([{site_name(event.source)}]({event.source}))"
        out.append(f"- **{event.date}** {label}{where}")
    out += ["", "## " + " / ".join({"ja": "用語集", "en": "Glossary"}[lg] for lg in langs), ""]

    def order(term: Term) -> str:  # by English, or in Japanese alone by the reading
        return term.term.en.casefold() if "en" in langs else to_hiragana(term.reading)

    for term in sorted(content.glossary.terms, key=order):
        names = {"ja": f"{term.term.ja}（{term.reading}）", "en": term.term.en}
        out += [f"### {' / '.join(names[lg] for lg in langs)}", ""]
        for lg in langs:
            out += [term.definition.get(lg), ""]
    return "\n".join(out).rstrip() + "\n"


def _quote(paragraphs: list[str]) -> list[str]:
    """Markdown block-quote lines for ``paragraphs``, then a blank line."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [f"> {paragraph}", ">"]
    lines[-1] = ""
    return lines


def text_lines(
    content: Content, lang: View = "both", width: int = 80, section_id: str | None = None
) -> Iterator[str]:
    """The article as plain text lines, wrapped at ``width`` cells, a blank line between blocks."""
    langs = _langs(lang)
    title = " / ".join(content.article.title.get(lg) for lg in langs)
    yield from break_lines(title, width)
    for section in _sections(content, section_id):
        yield ""
        heading = " / ".join(section.title.get(lg) for lg in langs)
        yield from break_lines(f"## {heading}", width)
        for point in section.key_points:
            for lg in langs:
                yield from _indented(point.get(lg), width, "* ", "  ")
        for block in section.blocks:
            for lg in langs:
                yield ""
                text = getattr(block, lg)
                if block.kind == "list_item":
                    yield from _indented(text, width, "- ", "  ")
                else:
                    yield from break_lines(text, width)
            for label, extra in (("page.note", block.note), ("page.since", block.since)):
                if extra is not None:
                    for lg in langs:
                        yield ""
                        note = f"{_label(label, lg)}: {getattr(extra, lg)}"
                        yield from _indented(note, width, "| ", "| ")
            if block.since is not None:
                yield _url_line("| ", block.since.source)
    if section_id is None:
        yield from _timeline_lines(content, langs, width)


def _timeline_lines(content: Content, langs: tuple[Lang, ...], width: int) -> Iterator[str]:
    """The timeline, oldest first; events from outside the article marked + with their source."""
    yield ""
    yield from break_lines("## " + " / ".join(_label("timeline.title", lg) for lg in langs), width)
    yield from _indented(
        " / ".join(_label("timeline.in_article", lg) for lg in langs), width, "o ", "  "
    )
    yield from _indented(
        " / ".join(_label("timeline.outside", lg) for lg in langs), width, "+ ", "  "
    )
    for event in sorted(content.timeline.events, key=lambda event: event.date):
        yield ""
        mark = "o" if event.from_article else "+"
        for index, lg in enumerate(langs):
            first = f"{mark} {event.date}  " if index == 0 else " " * (len(event.date) + 4)
            yield from _indented(event.label.get(lg), width, first, " " * len(first))
        if not event.from_article:
            yield _url_line("  ", event.source)


def _url_line(prefix: str, url: str) -> str:
    """A URL on a line of its own, whole even past the width: broken, neither a terminal nor
    a mail reader would find it, and copying it would take two pastes."""
    return prefix + url


def _indented(text: str, width: int, first: str, rest: str) -> Iterator[str]:
    inner = max(1, width - len(first))
    for index, line in enumerate(break_lines(text, inner)):
        yield (first if index == 0 else rest) + line


def to_text(
    content: Content, lang: View = "both", width: int = 80, section_id: str | None = None
) -> str:
    """The article as plain text (see ``text_lines``)."""
    return "\n".join(text_lines(content, lang, width, section_id)) + "\n"
