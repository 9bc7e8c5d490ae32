"""The Japanese line breaker: properties on random text, and the article at every width."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

import budoux
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View
from genesis_tui.content.terms import Span
from genesis_tui.export.plain_text import text_lines
from genesis_tui.pages import builder as page_module
from genesis_tui.pages.article import section_page
from genesis_tui.text.breaks import (
    INSEPARABLE,
    NO_LINE_END,
    NO_LINE_START,
    SEPARATOR,
    SEPARATORS,
    break_kinds,
)
from genesis_tui.text.phrases import has_japanese, phrase_starts
from genesis_tui.text.ruby import ruby_lines, ruby_units
from genesis_tui.text.typesetting import (
    _BEFORE_DOTS,
    _CLOSING,
    break_lines,
    cells,
    clipped,
    is_kinsoku_violation,
    line_spans,
    shortened,
)
from genesis_tui.text.units import Spanned, Unit
from tests.conftest import examples, sweep_widths

PARSER = budoux.load_default_japanese_parser()
LATIN_WORD = re.compile(r"[A-Za-z0-9]+")

kana = st.text(
    alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ",
    min_size=1,
    max_size=6,
)
KANJI = "日本米国科学技術研究協力計算資源発見政府"
kanji = st.text(alphabet=KANJI, min_size=1, max_size=4)
small = st.sampled_from(list("ゃゅょっャュョッーぁァ々"))
latin = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    min_size=1,
    max_size=14,
)
punct = st.sampled_from(list("、。「」（）・：？！,.()…―"))
space = st.just(" ")
tokens = st.lists(st.one_of(kana, kanji, small, latin, punct, space), min_size=1, max_size=60)
widths = st.integers(min_value=4, max_value=200)


def _allowed_break(text: str, i: int) -> bool:
    """Whether JLREQ allows a line break before ``text[i]`` (spaces skipped)."""
    left, right = text[:i].rstrip(), text[i:].lstrip()
    if not left or not right:
        return False
    return not is_kinsoku_violation(left, right)


@settings(deadline=None)  # 25 examples by hand, 400 in CI (tests/conftest.py)
@given(tokens, widths)
def test_lines_give_back_the_text_and_fit(parts: list[str], width: int) -> None:
    text = "".join(parts)
    spans = line_spans(text, width)
    lines = [text[s:e] for s, e in spans]
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert text[end:start].strip() == "", "only spaces may be dropped at a break"
    for line in lines:
        assert cells(line) <= width, (line, width)
        assert line == line.strip()


@settings(deadline=None)  # 25 examples by hand, 400 in CI (tests/conftest.py)
@given(tokens, widths)
def test_no_kinsoku_violation_while_a_legal_break_fits(parts: list[str], width: int) -> None:
    """A line may break a kinsoku rule only when no legal break fits on it: the documented
    exception when the width leaves no choice."""
    text = "".join(parts)
    spans = line_spans(text, width)
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        if not is_kinsoku_violation(text[start:end], text[next_start:]):
            continue
        legal = [i for i in range(start + 1, end + 1) if _allowed_break(text, i)]
        assert not legal, f"broke at {end} though {legal} were legal: {text!r} @ {width}"


@settings(deadline=None)  # 25 examples by hand, 400 in CI (tests/conftest.py)
@given(tokens, widths)
def test_latin_words_and_numbers_stay_whole_when_they_fit(parts: list[str], width: int) -> None:
    text = "".join(parts)
    # Kinsoku can glue at most one wide character to either side of a word in these texts. A
    # chain of them (even through a space: "0ゃ ゃ" cannot break before either ゃ) binds more,
    # and there kinsoku wins over keeping the number whole: such texts are left out here.
    assume(
        not any(
            a in NO_LINE_START | NO_LINE_END and b in NO_LINE_START | NO_LINE_END
            for a, b in itertools.pairwise(text.replace(" ", ""))
        )
    )
    breaks = {start for start, _ in line_spans(text, width)[1:]}
    for word in LATIN_WORD.finditer(text):
        if cells(word.group()) <= width - 4:
            inside = set(range(word.start() + 1, word.end()))
            assert not breaks & inside, (word.group(), text, width)


def test_examples() -> None:
    assert break_lines("Hello world, this is wrapping.", 12) == [
        "Hello world,",
        "this is",
        "wrapping.",
    ]
    assert break_lines("日本は米国初の国際的パートナーになりました。", 18) == [
        "日本は米国初の", "国際的パートナーに", "なりました。"
    ]  # fmt: skip
    # A closing mark never starts a line: the character before it is pushed down with it.
    lines = break_lines("あいうえおかきくけこさしすせそ。", 12)
    assert lines[-1].endswith("。") and len(lines[-1]) >= 2
    # …… and ―― are never split.
    for text in ("あいうえ……かきくけ", "あいう――えおかきく"):
        for width in range(4, 20):
            lines = break_lines(text, width)
            for line, following in itertools.pairwise(lines):
                assert not (line[-1] == following[0] and line[-1] in INSEPARABLE), lines
    assert break_lines("", 10) == [""]


# ------------------------------------------------------------------ the article itself
def _article_texts(content: Edition) -> list[str]:
    texts = []
    for _section, block in content.article.blocks():
        texts += [block.ja, block.en]
        if block.note:
            texts += [block.note.ja, block.note.en]
    for section in content.article.sections:
        texts += [point.ja for point in section.key_points]
    for term in content.glossary.terms:
        texts.append(term.definition.ja)
    return texts


def _phrases(text: str) -> list[str]:
    """BudouX phrases, joined again where BudouX cut a number or Latin word ("202|5年")."""
    phrases: list[str] = []
    for phrase in PARSER.parse(text):
        if phrases and LATIN_WORD.fullmatch(phrases[-1][-1]) and LATIN_WORD.fullmatch(phrase[0]):
            phrases[-1] += phrase
        else:
            phrases.append(phrase)
    return phrases


@functools.cache  # BudouX once per text, not once per width of the loops below
def _phrase_inner_offsets(text: str) -> dict[int, str]:
    """Offsets strictly inside a phrase, each with its phrase."""
    inner: dict[int, str] = {}
    offset = 0
    for phrase in _phrases(text):
        for i in range(offset + 1, offset + len(phrase)):
            inner[i] = phrase
        offset += len(phrase)
    return inner


def _check_lines(text: str, spans: tuple[tuple[int, int], ...], width: int) -> list[str]:
    problems = []
    inner = _phrase_inner_offsets(text)
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        line, rest = text[start:end], text[next_start:]
        if is_kinsoku_violation(line, rest):
            problems.append(f"kinsoku at width {width}: {line!r} | {rest[:8]!r}")
        phrase = inner.get(end)
        # A phrase holding spaces (English) may be broken at them, like any Latin text.
        if phrase is not None and " " not in phrase and cells(phrase) <= width:
            problems.append(f"inside phrase {phrase!r} at width {width}: {line!r}")
    return problems


WIDTHS = [80, *range(20, 80), *range(81, 121)]
"""Every width from 20 to 120, 80 first: the one case of each width-by-width test that the
README's command runs (conftest's ``BROAD``; the sweeps below walk every fifth width by hand,
every width in CI: conftest's ``sweep_widths``)."""


def test_article_at_every_width_has_no_kinsoku_violation_nor_split_phrase(content: Edition) -> None:
    problems: list[str] = []
    for text in _article_texts(content):
        for width in sweep_widths():
            problems += _check_lines(text, line_spans(text, width), width)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("width", WIDTHS)
def test_txt_export_at_every_width(content: Edition, width: int) -> None:
    lines = list(text_lines(content, "ja", width))
    # URLs stand whole on lines of their own, past the width if need be.
    assert max(cells(line) for line in lines if "https://" not in line) <= width
    for previous, line in itertools.pairwise(lines):
        # Indent marks ("* ", "- ", "| ") are the export's own, not the text's.
        body = line[2:] if line[:2] in ("  ", "| ") else line
        assert not (body and previous and body[0] in NO_LINE_START), (width, previous, line)
        assert not (previous and previous[-1] in NO_LINE_END), (width, previous, line)


def test_reader_lines_at_every_width(content: Edition) -> None:
    """The reader draws its page from ``section_page``: in the Japanese view at every width from 20
    to 120 (every fifth by hand), no line is too wide, none breaks a kinsoku rule, none splits
    a phrase that fits nor a glossary term's Japanese name that fits."""
    problems: list[str] = []
    for width in sweep_widths():
        for section in content.article.sections:
            page = section_page(content, section.id, "ja", False, width)
            for line in page.lines:
                assert cells(line.text) <= width, (width, line.text)
            for block in section.blocks:
                texts = [
                    line for line in page.lines
                    if line.block == block.id and any(p.block == block.id for p in line.pieces)
                ]  # fmt: skip
                body = [
                    "".join(p.text for p in line.pieces if p.block == block.id) for line in texts
                ]
                for previous, following in itertools.pairwise(body):
                    if is_kinsoku_violation(previous, following):
                        problems.append(f"kinsoku at {width}: {previous!r} | {following!r}")
                spans, offset = [], 0
                for piece_line in body:
                    start = block.ja.index(piece_line, offset)
                    spans.append((start, start + len(piece_line)))
                    offset = start + len(piece_line)
                inner = _phrase_inner_offsets(block.ja)
                room = width - (2 if block.kind == "list_item" else 0)  # the bullet's indent
                terms = _japanese_terms(block.ja, content.spans[(block.id, "ja")])
                edges = {edge for span in terms for edge in (span.start, span.end)}
                for _, end in spans[:-1]:
                    phrase = inner.get(end)
                    # A phrase that runs into a term ("枠組み|を" after "AI共同研究の枠組み") gives
                    # way to it: the term is kept whole.
                    if end in edges:
                        continue
                    if phrase is not None and " " not in phrase and cells(phrase) <= room:
                        problems.append(f"inside phrase {phrase!r} at {width}")
                problems += _broken_terms(block.ja, terms, [end for _, end in spans[:-1]], room)
    assert not problems, "\n".join(problems[:20])


# ------------------------------------------------------------------ terms kept whole
def _glued(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened by the characters kinsoku binds to it on either side."""
    while end < len(text) and not _allowed_break(text, end):
        end += 1
    while start > 0 and not _allowed_break(text, start):
        start -= 1
    return start, end


def _fits(text: str, start: int, end: int, room: int) -> bool:
    """A unit "fits" when it does together with what kinsoku binds to it (kinsoku comes first:
    "意向表明書。" must not leave the "。" to start a line)."""
    return cells(text[slice(*_glued(text, start, end))]) <= room


def _japanese_terms(text: str, spans: tuple[Span, ...]) -> list[Span]:
    return [span for span in spans if has_japanese(text[span.start : span.end])]


def _broken_terms(text: str, terms: list[Span], breaks: list[int], room: int) -> list[str]:
    """Breaks inside a term that would fit on a line."""
    return [
        f"term {text[span.start : span.end]!r} broken at {room} cells"
        for span in terms
        for end in breaks
        if span.start < end < span.end and _fits(text, span.start, span.end, room)
    ]


PREFIX = re.compile(r"^(?:[*|+o-] (?:\S+  )?| +)")
"""What the text export puts before a line's text: a mark, a date, or their indent."""


@pytest.mark.parametrize("width", WIDTHS)
def test_txt_export_keeps_terms_whole(content: Edition, width: int) -> None:
    """No glossary term's Japanese name is broken across two lines of the text export where it
    fits on one (the names found again in the two lines put together)."""
    lines = list(text_lines(content, "both", width))
    problems: list[str] = []
    for previous, line in itertools.pairwise(lines):
        first, second = PREFIX.match(previous), PREFIX.match(line)
        head = previous[first.end() if first else 0 :]
        tail = line[second.end() if second else 0 :]
        if not head or not tail:
            continue
        room = width - (second.end() if second else 0)
        joined = head + tail
        terms = _japanese_terms(joined, content.matcher.find(joined))
        problems += _broken_terms(joined, terms, [len(head)], room)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("view", "side_by_side"), [("ja", False), ("both", True)])
def test_reader_page_keeps_terms_whole(
    content: Edition, monkeypatch: pytest.MonkeyPatch, view: View, side_by_side: bool
) -> None:
    """Every text the reader's page breaks (blocks, key points, notes, in one column or two) at
    every width from 20 to 120 (every fifth by hand): no glossary term's Japanese name broken
    where it fits."""
    broken: list[tuple[str, int, tuple[tuple[int, int], ...]]] = []

    def watched(
        text: str, width: int, units: Iterable[Spanned] = ()
    ) -> tuple[tuple[int, int], ...]:
        spans = line_spans(text, width, units)
        broken.append((text, width, spans))
        return spans

    monkeypatch.setattr(page_module, "line_spans", watched)
    section_page.cache_clear()
    problems: list[str] = []
    for width in sweep_widths():
        for section in content.article.sections:
            section_page(content, section.id, view, side_by_side, width)
        for text, room, spans in broken:
            terms = _japanese_terms(text, content.matcher.find(text))
            problems += _broken_terms(text, terms, [start for start, _ in spans[1:]], room)
        broken.clear()
    section_page.cache_clear()
    assert not problems, "\n".join(problems[:20])


nakaguro_words = st.sampled_from(
    ["スーパー", "コンピューター", "アジア", "データ", "エネルギー", "ミッション", "ジェネシス"]
)
latin_words = st.from_regex(r"[A-Z][A-Z0-9]{0,7}", fullmatch=True)
"""Words such as "HPC2026": a hyphen between two digits is a date's or a range's, not a joiner."""


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(nakaguro_words, latin_words), st.sampled_from("・/-")), min_size=2
    ),
    st.integers(min_value=20, max_value=120),
)
def test_compounds_break_after_their_separators(parts: list[tuple[str, str]], width: int) -> None:
    """A long compound of katakana and Latin words joined by nakaguro, slashes and hyphens
    ("スーパーコンピューティング・アジア(SCA)/HPCアジア2026") breaks only after a joiner while each
    word and its joiner fit on a line: never inside "アジア"."""
    text = "".join(word + joiner for word, joiner in parts)[:-1]
    spans = line_spans(text, width)
    for _, end in spans[:-1]:
        assert text[end - 1] in SEPARATORS, (text, width, [text[s:e] for s, e in spans])


def test_compound_example() -> None:
    text = "スーパーコンピューティング・アジア(SCA)/HPCアジア2026"
    for width in range(20, 60):
        lines = break_lines(text, width)
        joined = "|".join(lines)
        assert "ア|ジア" not in joined and "アジ|ア" not in joined, (width, lines)
    assert break_lines(text, 30) == ["スーパーコンピューティング・", "アジア(SCA)/HPCアジア2026"]
    # Dates and ranges are not compounds: no preference for "2026-" at a line's end.
    assert break_kinds("2026-01-26")[5] < break_kinds("HPC-AI")[4]


@st.composite
def texts_with_units(draw: st.DrawFn) -> tuple[str, list[Unit]]:
    """Random text, and units on it that do not overlap, some wider than their text."""
    text = "".join(draw(tokens))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    units = []
    for a, b in itertools.pairwise(cuts):
        if b > a and draw(st.booleans()):
            extra = draw(st.sampled_from([None, 0, 1, 2, 5]))
            units.append(Unit(a, b, None if extra is None else cells(text[a:b]) + extra))
    return text, units


def _trimmed(text: str, unit: Unit) -> tuple[int, int, int]:
    """A unit without the spaces at its ends (a line may start after them), and the cells it
    takes beyond its text's."""
    start, end = unit.start, unit.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, max(0, (unit.width or 0) - cells(text[start:end]))


@settings(max_examples=examples(400), deadline=None)
@given(texts_with_units(), st.integers(min_value=20, max_value=120))
def test_units_stay_whole_where_they_fit(case: tuple[str, list[Unit]], width: int) -> None:
    """A unit is never broken where it fits (with what kinsoku binds to it), and a line counts
    a whole unit at its width."""
    text, units = case
    spans = line_spans(text, width, units)
    lines = [text[s:e] for s, e in spans]
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    trimmed = [_trimmed(text, unit) for unit in units]
    for start, end in spans:
        extra = sum(more for a, b, more in trimmed if start <= a and b <= end and b > a)
        assert cells(text[start:end]) + extra <= width, (text[start:end], extra, width)
    breaks = [end for _, end in spans[:-1]]
    kept: list[tuple[int, int]] = []
    for start, end, extra in trimmed:
        if end > start and cells(text[slice(*_glued(text, start, end))]) + extra <= width:
            kept.append((start, end))
            inside = [b for b in breaks if start < b < end]
            assert not inside, (text[start:end], lines, width)
    # Kinsoku still holds, except where no legal break outside a whole unit fits.
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        if is_kinsoku_violation(text[start:end], text[next_start:]):
            legal = [
                i
                for i in range(start + 1, end + 1)
                if _allowed_break(text, i) and not any(a < i < b for a, b in kept)
            ]
            assert not legal, (text, width, lines, legal)


def test_terms_whole_examples() -> None:
    text = "文部科学省と米国エネルギー省が意向表明書に署名し、二国間協力を進める。"
    terms = [Unit(m.start(), m.end()) for m in re.finditer("意向表明書|二国間協力", text)]
    for width in range(10, 80):
        lines = break_lines(text, width, terms)
        assert any("意向表明書" in line for line in lines), (width, lines)
        assert any("二国間協力" in line for line in lines), (width, lines)


# ------------------------------------------------------------------ readings (ruby)
hiragana = st.text(
    alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのゃゅょっ", min_size=1, max_size=9
)


@st.composite
def texts_with_ruby(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    """Random text, with readings on some of its kanji runs (whole or in part)."""
    text = "".join(draw(tokens))
    ruby = []
    for run in re.finditer(f"[{KANJI}]+", text):
        if draw(st.booleans()):
            start = draw(st.integers(run.start(), run.end() - 1))
            end = draw(st.integers(start + 1, run.end()))
            ruby.append((start, end, draw(hiragana)))
    return text, ruby


def _cell_map(line: str) -> list[str]:
    """The character drawn in each cell of ``line`` ("" for the right half of a wide one)."""
    out: list[str] = []
    for char in line:
        out += [char] + [""] * (cells(char) - 1)
    return out


@settings(max_examples=examples(400), deadline=None)
@given(texts_with_ruby(), st.integers(min_value=20, max_value=120))
def test_readings_drawn_over_their_bases(
    case: tuple[str, list[tuple[int, int, str]]], width: int
) -> None:
    """With readings on: every reading centred over its base's columns, the two rows the same
    width and no wider than the line, the text given back, and kinsoku kept."""
    text, ruby = case
    rows = ruby_lines(text, width, ruby)
    spans = line_spans(text, width, ruby_units(text, ruby))
    assert len(rows) == len(spans)
    drawn: list[str] = []
    for row, (start, end) in zip(rows, spans, strict=True):
        assert cells(row.ruby) == cells(row.base) <= width, (row, width)
        base = _cell_map(row.base)
        assert len(row.columns) == end - start
        for index, column in enumerate(row.columns):
            assert base[column] == text[start + index], (row, text[start:end])
        top = _cell_map(row.ruby)
        claimed = [False] * len(top)
        for base_start, base_end, reading in ruby:
            if not (start <= base_start and base_end <= end):
                continue  # a base broken across lines (only when too wide): drawn in shares
            left = row.columns[base_start - start]
            right = row.columns[base_end - 1 - start] + cells(text[base_end - 1])
            size = cells(reading)
            middle = left + right - size  # twice the column where a centred reading starts
            placed = [
                c for c in (middle // 2, (middle + 1) // 2) if "".join(top[c : c + size]) == reading
            ]
            assert placed, (reading, text[base_start:base_end], row)
            for c in range(placed[0], placed[0] + size):
                claimed[c] = True
        stray = [c for c, char in enumerate(top) if char.strip() and not claimed[c]]
        assert not stray or any(
            s < end and e > start and not (start <= s and e <= end) for s, e, _ in ruby
        ), (row, "text in the ruby row over no reading")
        drawn.append(text[start:end])
    assert re.sub(r"\s", "", "".join(drawn)) == re.sub(r"\s", "", text)
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        if is_kinsoku_violation(text[start:end], text[next_start:]):
            legal = [i for i in range(start + 1, end + 1) if _allowed_break(text, i)]
            assert not legal, (text, width, legal)


# ------------------------------------------------------------------ phrase analysis in windows
@settings(max_examples=examples(200), deadline=None)
@given(tokens, st.integers(min_value=1, max_value=40))
def test_phrases_in_windows_are_those_of_the_whole_text(parts: list[str], window: int) -> None:
    """BudouX reads a huge text in windows; the phrases are exactly those of one reading."""
    text = "".join(parts)
    whole: set[int] = set()
    offset = 0
    for phrase in PARSER.parse(text)[:-1]:
        offset += len(phrase)
        whole.add(offset)
    assert phrase_starts(text, window) == frozenset(whole)


def test_ruby_example() -> None:
    """A reading wider than its base spaces the base out (1:2:1 between and around its
    characters); a narrower one is centred over it; both rows are the same width."""
    text = "文部科学省と米国が署名した。"
    ruby = [(0, 5, "もんぶかがくしょう"), (6, 8, "べいこく"), (9, 11, "しょめい")]
    (line,) = ruby_lines(text, 50, ruby)
    assert line.ruby == "もんぶかがくしょう  べいこく  しょめい      "
    assert line.base == "文  部  科 学  省 と 米  国 が 署  名 した。"
    assert cells(line.ruby) == cells(line.base) == 44
    assert line.columns[:6] == (0, 4, 8, 11, 15, 18)
    # Too narrow for the whole reading over its base: the base is broken, its reading shared.
    rows = ruby_lines("文部科学省", 12, [(0, 5, "もんぶかがくしょう")])
    assert [row.ruby.strip() for row in rows] == ["もんぶかが", "くしょう"]
    assert all(cells(row.base) <= 12 for row in rows)


@given(st.text(max_size=60), st.integers(5, 40))
def test_clipped_text_fits_and_keeps_its_start(text: str, width: int) -> None:
    """What is said back of a typed text fits its cells and starts as the text does."""
    from genesis_tui.text.typesetting import clipped

    shown = clipped(text, width)
    if cells(text) <= width:
        assert shown == text
    else:
        assert cells(shown) <= width and shown.endswith("...")
        assert text.startswith(shown.removesuffix("..."))


@settings(max_examples=examples(400), deadline=None)
@given(tokens, widths)
def test_a_shortened_text_fits_and_is_cut_where_a_line_may_break(
    parts: list[str], width: int
) -> None:
    """A title too long for the header: its start and "...", in the width, cut between words or
    phrases (or, when not even the first one fits, anywhere)."""
    text = "".join(parts)
    short = shortened(text, width)
    if cells(text) <= width:
        assert short == text
        return
    assert short.endswith("...") and cells(short) <= width, (text, width, short)
    head = short[:-3]
    assert text.startswith(head), (text, short)
    kinds = break_kinds(text)
    at_a_break = any(
        (kinds[cut] >= SEPARATOR or (kinds[cut] and text[cut - 1] in _CLOSING))
        and text[:cut].rstrip(_BEFORE_DOTS) == head
        for cut in range(1, len(text))
    )
    opened = sum(char in NO_LINE_END for char in head)
    assert not at_a_break or opened <= sum(char in _CLOSING for char in head), (text, short)
    assert at_a_break or short == clipped(text, width), (text, width, short)


@pytest.mark.parametrize(
    ("text", "width", "short"),
    [
        ("Japan becomes the first international partner", 20, "Japan becomes the..."),
        ("日本、米国「ジェネシス・ミッション」初の国際パートナーに", 24, "日本、米国..."),
        (
            "日本、米国「ジェネシス・ミッション」初の国際パートナーに",
            40,
            "日本、米国「ジェネシス・ミッション」...",
        ),
        ("日本、ジェネシス・ミッションに参加", 22, "日本、ジェネシス..."),
        ("Supercalifragilistic words", 10, "Superca..."),
        ("Open challenges", 15, "Open challenges"),
    ],
)
def test_shortened_examples(text: str, width: int, short: str) -> None:
    assert shortened(text, width) == short
