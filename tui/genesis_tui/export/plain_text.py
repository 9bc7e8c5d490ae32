"""The article as plain text (``export --format txt``, and the text piped out): wrapped at a
width with the reader's Japanese line breaking, a blank line between blocks; with ``--ruby``
the readings in Aozora Bunko notation."""

from __future__ import annotations

from collections.abc import Iterator

from genesis_tui.content.attribution import source_lines
from genesis_tui.content.citations import url_lines
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, Pair, View, view_langs
from genesis_tui.content.terms import Span, TermMatcher
from genesis_tui.export.notation import notated_lines, shift
from genesis_tui.export.parts import _label, _labels, _sections
from genesis_tui.text.control_chars import visible
from genesis_tui.text.phrases import has_japanese
from genesis_tui.text.ruby import RubySpan
from genesis_tui.text.typesetting import break_lines


def text_lines(
    content: Edition,
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


def _source_lines(content: Edition, langs: tuple[Lang, ...], width: int) -> Iterator[str]:
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
    content: Edition, langs: tuple[Lang, ...], width: int, ruby: bool = False
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
    content: Edition,
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
