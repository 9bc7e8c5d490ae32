"""Exports with readings: stripping the ruby notation gives the text back, in every format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.export.formats import to_json, to_markdown
from genesis_tui.export.notation import aozora, html_ruby, ruby_line_spans
from genesis_tui.export.plain_text import to_text
from genesis_tui.text.breaks import NO_LINE_END
from genesis_tui.text.kana import is_kanji
from genesis_tui.text.ruby import RubySpan
from genesis_tui.text.typesetting import cells

KANJI = "日本米国文部科学省研究所協力理研富岳二国間"
TEXT_CHARS = KANJI + "のにをはがとしたジェネシス・ミッション「」、。（）AI 2026年々ヶ"


URL_LINE = re.compile(r"^[ |]*(\[\d+\] )?https://")
"""A line that is a cited page's whole URL (after its number, if any)."""


def strip_aozora(text: str) -> str:
    return re.sub("《[^》]*》", "", text).replace("｜", "")


def strip_html_ruby(text: str) -> str:
    return re.sub("<rt>[^<]*</rt>", "", text).replace("<ruby>", "").replace("</ruby>", "")


def parse_aozora(notated: str) -> tuple[str, list[RubySpan]]:
    """Read Aozora Bunko notation back as its reader would: a ruby without ｜ covers the run of
    kanji (and 々 ヶ) just before 《, back to the previous ruby at most."""
    text, spans, bar, last_end, index = "", [], None, 0, 0
    while index < len(notated):
        char = notated[index]
        if char == "｜":
            bar = len(text)
        elif char == "《":
            close = notated.index("》", index)
            start = bar if bar is not None else len(text)
            if bar is None:
                while start > last_end and (is_kanji(text[start - 1]) or text[start - 1] in "ヶ"):
                    start -= 1
            spans.append((start, len(text), notated[index + 1 : close]))
            bar, last_end, index = None, len(text), close
        else:
            text += char
        index += 1
    return text, spans


@st.composite
def ruby_texts(draw: st.DrawFn) -> tuple[str, tuple[RubySpan, ...]]:
    """A text and non-overlapping readings over some of its runs without spaces."""
    text = draw(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=60))
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans: list[RubySpan] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end and " " not in text[start:end]:
            spans.append(
                (start, end, draw(st.text(alphabet="かなよみがくしゅう", min_size=1, max_size=8)))
            )
    return text, tuple(spans)


@given(ruby_texts())
def test_aozora_round_trips_and_marks_ambiguous_starts(
    case: tuple[str, tuple[RubySpan, ...]],
) -> None:
    text, spans = case
    notated = aozora(text, spans)
    assert strip_aozora(notated) == text
    assert parse_aozora(notated) == (text, list(spans))


def test_aozora_bar_only_where_the_start_is_ambiguous() -> None:
    text = "日本の文部科学省と2025年"
    spans = ((0, 2, "にほん"), (3, 8, "もんぶかがくしょう"), (13, 14, "ねん"))
    assert aozora(text, spans) == "日本《にほん》の文部科学省《もんぶかがくしょう》と2025年《ねん》"
    assert aozora("日米両政府", ((0, 2, "にちべい"), (3, 5, "せいふ"))) == (
        "日米《にちべい》両｜政府《せいふ》"
    )
    assert aozora("11月24日", ((2, 3, "がつ"), (3, 6, "にじゅうよっか"))) == (
        "11月《がつ》｜24日《にじゅうよっか》"
    )


@given(ruby_texts())
def test_html_ruby_round_trips(case: tuple[str, tuple[RubySpan, ...]]) -> None:
    text, spans = case
    assert strip_html_ruby(html_ruby(text, spans)) == text


@given(ruby_texts(), st.integers(10, 120))
# A base that fits a line but not with the opening bracket before it: the bracket ends a line.
@example(case=("「0、、、、", ((1, 6, "う"),)), width=10)
# A base wider than the line after an opening bracket: the bracket goes down with it.
@example(case=("0000（0、、、、、", ((5, 11, "う"),)), width=10)
def test_lines_never_break_inside_a_base(
    case: tuple[str, tuple[RubySpan, ...]], width: int
) -> None:
    text, spans = case
    lines = ruby_line_spans(text, width, spans)
    for start, end, _ in spans:
        assert any(s <= start and end <= e for s, e in lines), (start, end, lines)
    position = 0
    for start, end in lines:
        assert position <= start <= end
        assert text[position:start].strip() == ""  # only the spaces at a break are dropped
        position = end
        # Wider than the width only when a base alone is (a reading's notation is not split),
        # with the opening brackets before it that may not end a line (kinsoku).
        if cells(text[start:end]) > width:
            assert any(
                start <= s
                and cells(text[s:e]) > width
                and all(char in NO_LINE_END for char in text[start:s])
                for s, e, _ in spans
            ), (text[start:end], width)
    assert text[position:].strip() == ""


def _no_layout(text: str) -> str:
    """The text without line breaks, indentation and the notes' "| " bars."""
    return re.sub(r"[\s|]", "", text)


@settings(max_examples=12, deadline=None)
@given(width=st.integers(20, 120), lang=st.sampled_from(["ja", "both"]))
def test_txt_round_trip(content: Edition, width: int, lang: str) -> None:
    notated = to_text(content, lang, width, ruby=True)  # type: ignore[arg-type]
    plain = to_text(content, lang, width)  # type: ignore[arg-type]
    assert "《" in notated
    assert _no_layout(strip_aozora(notated)) == _no_layout(plain)
    for line in notated.splitlines():
        if cells(strip_aozora(line)) > width and not URL_LINE.match(line):
            # Only a base wider than the room left by the prefix (timeline dates, note bars)
            # takes a line of its own, wider than the width: its notation cannot be split.
            # (A URL, too, stands whole on its own line.)
            assert line.count("《") == 1 and line.endswith("》"), line


def test_txt_readings_follow_their_bases(content: Edition) -> None:
    notated = to_text(content, "ja", 80, ruby=True)
    assert "文部科学省《もんぶかがくしょう》" in notated
    assert "｜" in notated  # 24日《にじゅうよっか》 and bases after kanji
    text, spans = parse_aozora(notated)
    assert text == strip_aozora(notated)
    assert len(spans) == notated.count("《")


def test_md_round_trip(content: Edition) -> None:
    notated = to_markdown(content, "both", ruby=True)
    assert "<ruby>文部科学省<rt>もんぶかがくしょう</rt></ruby>" in notated
    assert strip_html_ruby(notated) == to_markdown(content, "both")


def test_json_ruby_offsets_lie_on_their_bases(content: Edition) -> None:
    data = json.loads(to_json(content))
    assert data["schema"] == 3
    seen = 0
    for section in data["sections"]:
        for item in [section["title"], *section["key_points"]]:
            seen += _check_offsets(item["ja"], item["ruby"])
        for block in section["blocks"]:
            seen += _check_offsets(block["ja"], block["ruby"])
            for extra in (block["note"], block["since"]):
                if extra is not None:
                    seen += _check_offsets(extra["ja"], extra["ruby"])
    for term in data["glossary"]:
        seen += _check_offsets(term["term"]["ja"], term["term"]["ruby"])
        seen += _check_offsets(term["definition"]["ja"], term["definition"]["ruby"])
    for event in data["timeline"]:
        seen += _check_offsets(event["label"]["ja"], event["label"]["ruby"])
    assert seen > 1000


def _check_offsets(ja: str, ruby: list[list[object]]) -> int:
    """Every kanji of ``ja`` is under exactly one reading; the text comes back without them."""
    covered = [0] * len(ja)
    for start, end, reading in ruby:
        assert isinstance(start, int) and isinstance(end, int) and isinstance(reading, str)
        assert 0 <= start < end <= len(ja)
        for index in range(start, end):
            covered[index] += 1
    assert all(count <= 1 for count in covered)
    assert all(covered[i] for i, char in enumerate(ja) if is_kanji(char)), ja
    return len(ruby)


def test_cli_ruby_flags(capsys: pytest.CaptureFixture[str], content_copy: Path) -> None:
    assert main(["export", "--format", "txt", "--ruby", "--lang", "ja", "--width", "60"]) == 0
    assert "大阪《おおさか》" in capsys.readouterr().out
    assert main(["export", "--format", "md", "--ruby", "--section", "overview"]) == 0
    assert "<ruby>" in capsys.readouterr().out
    assert main(["export", "--format", "json", "--ruby"]) == 2
    assert "always carries the readings" in capsys.readouterr().err
    (content_copy / "readings.toml").unlink()
    (content_copy / "validated.json").unlink(missing_ok=True)
    assert main(["--content", str(content_copy), "export", "--format", "txt", "--ruby"]) == 2
    assert "has no readings" in capsys.readouterr().err
    assert main(["check", str(content_copy)]) == 2
    assert "readings.toml: file is missing" in capsys.readouterr().err
