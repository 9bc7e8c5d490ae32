"""Export the article as JSON (the contract other tools rely on), Markdown or plain text.

With readings (``--ruby``), the Japanese carries ruby: Aozora Bunko notation in plain text
(``｜文部科学省《もんぶかがくしょう》``), HTML ``<ruby>`` in Markdown; the JSON always carries them
as ``ruby`` lists of ``[start, end, reading]``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

from genesis_tui.content.citations import as_data
from genesis_tui.content.citations import markdown as cited_markdown
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Block, Pair, Term, View, view_langs
from genesis_tui.export.notation import html_ruby
from genesis_tui.export.parts import _label, _labels, _sections
from genesis_tui.export.words import lexicon_json, vocabulary_lines, words_json
from genesis_tui.text.control_chars import visible
from genesis_tui.text.kana import reading_order, to_hiragana

SCHEMA_VERSION = 3
"""2 added ``ruby`` to every block and every ``{ja, en}`` text; 3 added ``words`` beside each
``ruby`` and the ``lexicon`` (``export_words``)."""

_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw: DEL and the C1 controls (U+009B is CSI)."""


def _pair(pair: Pair) -> dict[str, str]:
    return {"ja": pair.ja, "en": pair.en}


def _ruby_json(content: Edition, text: str) -> list[list[int | str]]:
    return [[start, end, reading] for start, end, reading in content.ruby.spans(text)]


def _read_pair(content: Edition, pair: Pair) -> dict[str, Any]:
    """A ``{ja, en}`` text with the ruby of its Japanese."""
    return {
        "ja": pair.ja,
        "en": pair.en,
        "ruby": _ruby_json(content, pair.ja),
        "words": words_json(content, pair.ja),
    }


def to_json(content: Edition, section_id: str | None = None) -> str:
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


def _block_json(content: Edition, block: Block) -> dict[str, Any]:
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


def _since_json(content: Edition, block: Block) -> dict[str, Any]:
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
    content: Edition,
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
