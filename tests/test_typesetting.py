"""The Japanese line breaker: properties on random text, and the article at every width."""

from __future__ import annotations

import itertools
import re

import budoux
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from genesis_tui.export import text_lines
from genesis_tui.loader import Content
from genesis_tui.pages.article import section_page
from genesis_tui.typesetting import (
    INSEPARABLE,
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    cells,
    is_kinsoku_violation,
    line_spans,
)

PARSER = budoux.load_default_japanese_parser()
LATIN_WORD = re.compile(r"[A-Za-z0-9]+")

kana = st.text(
    alphabet="あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ",
    min_size=1,
    max_size=6,
)
kanji = st.text(alphabet="日本米国科学技術研究協力計算資源発見政府", min_size=1, max_size=4)
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


@settings(max_examples=400, deadline=None)
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


@settings(max_examples=400, deadline=None)
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


@settings(max_examples=400, deadline=None)
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
def _article_texts(content: Content) -> list[str]:
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


def test_article_at_every_width_has_no_kinsoku_violation_nor_split_phrase(content: Content) -> None:
    problems: list[str] = []
    for text in _article_texts(content):
        for width in range(20, 121):
            problems += _check_lines(text, line_spans(text, width), width)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("width", range(20, 121))
def test_txt_export_at_every_width(content: Content, width: int) -> None:
    lines = list(text_lines(content, "ja", width))
    # URLs stand whole on lines of their own, past the width if need be.
    assert max(cells(line) for line in lines if "https://" not in line) <= width
    for previous, line in itertools.pairwise(lines):
        # Indent marks ("* ", "- ", "| ") are the export's own, not the text's.
        body = line[2:] if line[:2] in ("  ", "| ") else line
        assert not (body and previous and body[0] in NO_LINE_START), (width, previous, line)
        assert not (previous and previous[-1] in NO_LINE_END), (width, previous, line)


def test_reader_lines_at_every_width(content: Content) -> None:
    """The reader draws its page from ``section_page``: in the Japanese view at every width from 20
    to 120, no line is too wide, none breaks a kinsoku rule, none splits a phrase that fits."""
    problems: list[str] = []
    for width in range(20, 121):
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
                for _, end in spans[:-1]:
                    phrase = inner.get(end)
                    if phrase is not None and " " not in phrase and cells(phrase) <= room:
                        problems.append(f"inside phrase {phrase!r} at {width}")
    assert not problems, "\n".join(problems[:20])
