"""Readings written into text: Aozora Bunko notation for plain text, HTML ruby for Markdown.

``｜文部科学省《もんぶかがくしょう》``: the reading follows its base in 《》, and a ｜ marks where
the base begins when a reader could not tell (Aozora Bunko's rule: a base of kanji after kanji,
or a base that is not all kanji). Lines are broken on the text without the notation and never
inside a base, so stripping the notation gives the text back, line for line.
"""

from __future__ import annotations

from collections.abc import Iterable

from genesis_tui.content.terms import Span
from genesis_tui.text.breaks import NO_LINE_END
from genesis_tui.text.kana import is_kanji
from genesis_tui.text.ruby import RubySpan
from genesis_tui.text.typesetting import cells, line_spans
from genesis_tui.text.units import Unit


def _aozora_kanji(char: str) -> bool:
    """A character that Aozora Bunko's ruby takes as kanji when no ｜ marks the start."""
    return len(char) == 1 and (is_kanji(char) or char in "ヶヵ仝")


def aozora(text: str, spans: Iterable[RubySpan]) -> str:
    """``text`` in Aozora Bunko notation: ``base《reading》``, with ｜ before a base whose start
    the reader cannot find alone, i.e. when the character before it is kanji too (a ruby
    without ｜ covers the whole run of kanji before it) or the base is not all kanji."""
    out: list[str] = []
    position = 0
    for start, end, reading in spans:
        out.append(text[position:start])
        base = text[start:end]
        # What precedes the base in the output: plain text, the 》 of a ruby, or nothing.
        before = text[start - 1] if start > position else ("》" if start > 0 else "")
        ambiguous = not all(_aozora_kanji(char) for char in base) or _aozora_kanji(before)
        out.append(f"{'｜' if ambiguous else ''}{base}《{reading}》")
        position = end
    out.append(text[position:])
    return "".join(out)


def html_ruby(text: str, spans: Iterable[RubySpan]) -> str:
    """``text`` with HTML ruby: ``<ruby>base<rt>reading</rt></ruby>``."""
    out: list[str] = []
    position = 0
    for start, end, reading in spans:
        out += [text[position:start], f"<ruby>{text[start:end]}<rt>{reading}</rt></ruby>"]
        position = end
    out.append(text[position:])
    return "".join(out)


def ruby_line_spans(
    text: str, width: int, spans: tuple[RubySpan, ...], terms: tuple[Span, ...] = ()
) -> list[tuple[int, int]]:
    """``line_spans`` that never break inside a base of ``spans``: the bases are units the
    breaker keeps whole where they fit; a line that would still end inside one (a base at a
    place too narrow for it) ends before it (and before an opening bracket just before it, for
    kinsoku; when the base fits a line but not with those brackets, after them), and the rest is
    broken again. A base wider than the whole line keeps its line, wider than ``width``: the
    notation of one reading cannot be split."""
    units = tuple(Unit(unit.start, unit.end) for unit in terms) + tuple(
        Unit(start, end) for start, end, _ in spans
    )
    if not spans:
        return list(line_spans(text, width, units))
    result: list[tuple[int, int]] = []
    lines = list(line_spans(text, width, units))
    index = 0
    while index < len(lines):
        start, end = lines[index]
        following = lines[index + 1][0] if index + 1 < len(lines) else None
        split = next((s for s in spans if following is not None and s[0] < following < s[1]), None)
        if split is None:
            result.append((start, end))
            index += 1
            continue
        cut = split[0]
        while cut > start and text[cut - 1] in NO_LINE_END:
            cut -= 1
        if cut == start and split[0] > start and cells(text[split[0] : split[1]]) <= width:
            # The base fits a line but not with the opening brackets bound to it: the brackets
            # end a line of their own (a forced break, as the typesetter makes when kinsoku
            # leaves no other) rather than the line running past the width.
            cut = split[0]
        if cut > start:
            stop = cut
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            result.append((start, stop))
        else:
            result.append((start, split[1]))
            cut = split[1]
        while cut < len(text) and text[cut] == " ":
            cut += 1
        if cut >= len(text):
            break
        rest = tuple(Unit(u.start - cut, u.end - cut) for u in units if u.start >= cut)
        lines = [(cut + s, cut + e) for s, e in line_spans(text[cut:], width, rest)]
        index = 0
    return result


def notated_lines(
    text: str, width: int, spans: tuple[RubySpan, ...], terms: tuple[Span, ...]
) -> list[str]:
    """``text`` broken into lines, each in Aozora notation (bases kept whole)."""
    lines: list[str] = []
    for start, end in ruby_line_spans(text, width, spans, terms):
        inside = [(s - start, e - start, r) for s, e, r in spans if start <= s and e <= end]
        lines.append(aozora(text[start:end], inside))
    return lines


def shift(spans: Iterable[RubySpan], offset: int) -> tuple[RubySpan, ...]:
    return tuple((start + offset, end + offset, reading) for start, end, reading in spans)
