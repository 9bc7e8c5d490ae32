"""The HTML page's runs of text: the content escaped, each run with its language, ruby over the
Japanese and each glossary term a link to its entry (widened to take whole any ruby base it would
cut); and the page's own words. ``genesis_tui.export.html`` builds the page from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from genesis_tui.content.citations import secondary_word
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Block, Citation, Lang, Pair
from genesis_tui.content.terms import Span
from genesis_tui.content.urls import site_name
from genesis_tui.export.parts import _label
from genesis_tui.text.ruby import RubySpan

WORDS: dict[str, Pair] = {
    "contents": Pair(ja="目次", en="Contents"),
    "reader": Pair(ja="端末のリーダーで読む", en="Read it in the terminal reader"),
    "key_points": Pair(ja="要点", en="Key points"),
    "show_ruby": Pair(ja="読みがなを表示", en="Show readings (furigana)"),
    "mentioned": Pair(ja="出てくる箇所", en="Mentioned in"),
    "mentioned_since": Pair(ja="刊行後の注記", en="In the notes since publication"),
    "paragraph": Pair(ja="段落", en="paragraph"),
    "original_ja": Pair(ja="日本語の記事", en="the Japanese article"),
    "original_en": Pair(ja="英語の元記事", en="the English original"),
    "licences": Pair(ja="出典とライセンス", en="Source and licences"),
    "licence_article": Pair(
        ja="日本語の本文は {publisher} が公開したとおりのもので、その権利は同社にあります。",
        en="The Japanese text is as {publisher} published it; its rights are the publisher's.",
    ),
    "licence_project": Pair(
        ja="英訳・訳注・用語集・年表・読みがなは genesis-tui によるもので、MIT ライセンスです。"
        "読みがなは SudachiPy とその辞書 SudachiDict（Apache-2.0）で下書きし、人が確かめました。",
        en="The English translation, notes, glossary, timeline and readings are genesis-tui's, "
        "under the MIT licence. The readings were drafted with SudachiPy and its dictionary "
        "SudachiDict (Apache-2.0) and checked by hand.",
    ),
}
"""The page's own words that the reader's catalogue does not hold."""


def escaped(text: str) -> str:
    """Text from the content, escaped for HTML (quotes too: some of it goes in attributes)."""
    return escape(text, quote=True)


def citation_links(citations: Sequence[Citation]) -> str:
    """The pages a text cites, each a link named by its site (``[1] riken.jp; [2] ...``), a
    secondary one marked."""
    numbered = len(citations) > 1
    parts = []
    for number, citation in enumerate(citations, 1):
        head = f"[{number}] " if numbered else ""
        tail = f", {secondary_word('en')}" if citation.secondary else ""
        site = link(citation.url, site_name(citation.url), "en")
        parts.append(f'<span lang="en">{head}</span>{site}<span lang="en">{escaped(tail)}</span>')
    return "; ".join(parts)


def link(url: str, text: str, lang: Lang, css: str = "") -> str:
    """A link to ``url``, or its text alone when the URL is not http(s): a content directory
    may hold anything, and ``javascript:`` is not a place to send a reader."""
    attribute = f' lang="{lang}"' + (f' class="{css}"' if css else "")
    if not url.startswith(("https://", "http://")):
        return f"<span{attribute}>{escaped(text)}</span>"
    return f'<a href="{escaped(url)}"{attribute}>{escaped(text)}</a>'


class TextRuns:
    """Runs of text in the languages shown, linking the terms the page holds."""

    def __init__(self, content: Edition, langs: tuple[Lang, ...], term_ids: set[str]) -> None:
        self.content = content
        self.langs = langs
        self.term_ids = term_ids

    def rich(self, text: str, lang: Lang, terms: Iterable[Span] = (), *, link: bool = True) -> str:
        """``text`` escaped, with ruby over the Japanese and its glossary terms as links."""
        ruby = self.content.ruby.spans(text) if lang == "ja" else ()
        spans = _widened([s for s in terms if s.term_id in self.term_ids], ruby) if link else []
        out: list[str] = []
        position = 0
        for start, end, term_id in spans:
            out.append(_ruby(text, position, start, ruby))
            inner = _ruby(text, start, end, ruby)
            out.append(f'<a class="term" href="#term-{term_id}">{inner}</a>')
            position = end
        out.append(_ruby(text, position, len(text), ruby))
        return "".join(out)

    def found(self, text: str) -> tuple[Span, ...]:
        return self.content.matcher.find(text)

    def pair(
        self,
        pair: Pair | Block,
        tag: str = "p",
        *,
        terms: dict[Lang, tuple[Span, ...]] | None = None,
        prefix: str | None = None,
        css: str = "",
    ) -> str:
        """The languages of ``pair`` side by side, each its own ``tag`` with its ``lang``."""
        runs = []
        for lang in self.langs:
            text: str = getattr(pair, lang)
            spans = terms[lang] if terms is not None else self.found(text)
            label = (
                f'<span class="label ui">{escaped(_label(prefix, lang))}:</span> ' if prefix else ""
            )
            runs.append(f'<{tag} lang="{lang}">{label}{self.rich(text, lang, spans)}</{tag}>')
        return f'<div class="{" ".join(("pair", css)).strip()}">{"".join(runs)}</div>'

    def both(self, pair: Pair, tag: str = "span", separator: str = " ", css: str = "") -> str:
        """Short words (labels, titles) in each language shown, each with its ``lang``."""
        attribute = f' class="{css}"' if css else ""
        return separator.join(
            f'<{tag}{attribute} lang="{lang}">{self.rich(pair.get(lang), lang, link=False)}</{tag}>'
            for lang in self.langs
        )

    def words(self, key: str, tag: str = "span", separator: str = " / ") -> str:
        """The page's own words (class ``ui``: they have no readings, being no content)."""
        return self.both(WORDS[key], tag, separator, "ui")

    def catalogue(self, key: str, tag: str = "span", separator: str = " / ") -> str:
        """Words of the reader's catalogue, in each language shown (class ``ui``)."""
        pair = Pair(ja=_label(key, "ja"), en=_label(key, "en"))
        return self.both(pair, tag, separator, "ui")


def _widened(terms: Sequence[Span], ruby: Sequence[RubySpan]) -> list[Span]:
    """The term spans, each widened to take whole any ruby base it would cut, and merged with
    the one before it when they then overlap (the first one's term wins)."""
    result: list[Span] = []
    for start, end, term_id in sorted(terms):
        for base_start, base_end, _ in ruby:
            if base_start < start < base_end:
                start = base_start
            if base_start < end < base_end:
                end = base_end
        if result and start < result[-1].end:
            last = result[-1]
            result[-1] = Span(last.start, max(last.end, end), last.term_id)
        else:
            result.append(Span(start, end, term_id))
    return result


def _ruby(text: str, start: int, end: int, ruby: Sequence[RubySpan]) -> str:
    """``text[start:end]`` escaped, with ``<ruby>`` over the bases inside it."""
    out: list[str] = []
    position = start
    for base_start, base_end, reading in ruby:
        if base_start < start or base_end > end:
            continue
        out.append(escaped(text[position:base_start]))
        base = escaped(text[base_start:base_end])
        out.append(f"<ruby>{base}<rp>(</rp><rt>{escaped(reading)}</rt><rp>)</rp></ruby>")
        position = base_end
    out.append(escaped(text[position:end]))
    return "".join(out)
