"""Readings (furigana): every kanji of the Japanese has one, and `check` says what is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from genesis_tui.content.edition import ContentError, Edition
from genesis_tui.content.load import load_content
from genesis_tui.content.readings import (
    READINGS_FILE,
    Word,
    attach,
    is_kana,
    is_kanji,
    parse_readings,
    spelled_out,
    texts,
    unread_kanji,
)
from genesis_tui.content.validate import check_readings


def _located(content: Edition) -> list[tuple[str, str]]:
    return [
        (item.key, item.text) for item in texts(content.article, content.glossary, content.timeline)
    ]


# ------------------------------------------------------------------ the bundled content
def test_every_kanji_of_the_japanese_lies_under_a_reading(content: Edition) -> None:
    bare = [
        (key, offset, run)
        for key, text in _located(content)
        for offset, run in unread_kanji(text, content.ruby.spans(text))
    ]
    assert bare == []


def test_the_texts_cover_titles_key_points_notes_glossary_and_timeline(content: Edition) -> None:
    keys = {key for key, _ in _located(content)}
    assert "title" in keys
    assert "sections.overview.title" in keys
    assert "sections.overview.key_points.0" in keys
    assert "blocks.overview-1.ja" in keys and "blocks.overview-1.note" in keys
    assert any(key.endswith(".since") for key in keys)
    assert "terms.mext.term" in keys and "terms.mext.definition" in keys
    assert any(key.startswith("events.") for key in keys)
    # Every text with a kanji has readings: none is left out of the table.
    for key, text in _located(content):
        if any(map(is_kanji, text)):
            assert content.ruby.spans(text), key


def test_the_bundled_readings_pass_check(content: Edition) -> None:
    assert check_readings(content, "required") == []


def test_spans_are_sorted_inside_the_text_and_in_kana(content: Edition) -> None:
    for key, text in _located(content):
        spans = content.ruby.spans(text)
        ends = [0]
        for start, end, reading in spans:
            assert ends[-1] <= start < end <= len(text), key
            assert is_kana(reading), (key, reading)
            ends.append(end)


@pytest.mark.parametrize(
    ("base", "reading"),
    [
        ("理化学研究所", "りかがくけんきゅうしょ"),
        ("文部科学省", "もんぶかがくしょう"),
        ("経済産業省", "けいざいさんぎょうしょう"),
        ("富岳", "ふがく"),
        ("理研", "りけん"),
        ("日米", "にちべい"),
        ("大阪", "おおさか"),
        ("覚書", "おぼえがき"),
        ("核融合", "かくゆうごう"),
        ("二国間", "にこくかん"),
        ("日本", "にほん"),
    ],
)
def test_names_and_compounds_take_their_reading(content: Edition, base: str, reading: str) -> None:
    found = {
        reading_
        for _, text in _located(content)
        for start, end, reading_ in content.ruby.spans(text)
        if text[start:end] == base
    }
    assert found == {reading}


def test_numbers_are_left_to_the_learner_except_irregular_days(content: Edition) -> None:
    overview = content.article.sections[0]
    point = overview.key_points[1].ja  # "…2025年11月の大統領令…"
    bases = [point[start:end] for start, end, _ in content.ruby.spans(point)]
    assert "年" in bases and "月" in bases
    assert not any(char.isdigit() for base in bases for char in base)
    note = content.article.sections[0].blocks[0].note
    assert note is not None  # "…署名は2025年11月24日です。"
    spans = content.ruby.spans(note.ja)
    assert ("24日", "にじゅうよっか") in {(note.ja[s:e], r) for s, e, r in spans}


def test_glossary_terms_read_as_their_reading(content: Edition) -> None:
    term = content.term("statement-of-intent")
    spans = content.ruby.spans(term.term.ja)
    assert spelled_out(term.term.ja, spans) == term.reading == "いこうひょうめいしょ"


# ------------------------------------------------------------------ the model
def test_words_attach_in_order_after_the_word_before() -> None:
    text = "日本と日本語と日本"
    attached = attach(
        text, [Word("日本", "にほん"), Word("日本語", "にほんご"), Word("日本", "に")]
    )
    assert attached.spans == ((0, 2, "にほん"), (3, 6, "にほんご"), (7, 9, "に"))
    missing = attach(text, [Word("日本語", "にほんご"), Word("日本語", "にほんご")])
    assert missing.missing == ((1, Word("日本語", "にほんご")),)


def test_unread_kanji_are_found_as_runs() -> None:
    assert unread_kanji("米国と日本政府", [(0, 2, "べいこく"), (3, 5, "にほん")]) == [(5, "政府")]


def test_malformed_words_are_flaws() -> None:
    words, flaws = parse_readings(
        {"blocks": {"a": {"ja": ["米国 べいこく", "米国", "米国 beikoku"]}}}
    )
    assert words == {"blocks.a.ja": (Word("米国", "べいこく"),)}
    assert [flaw.key for flaw in flaws] == ["blocks.a.ja", "blocks.a.ja"]
    assert "base and its reading" in flaws[0].message
    assert "kana only" in flaws[1].message


# ------------------------------------------------------------------ check
def _readings_errors(directory: Path, rule: str = "required") -> list[str]:
    (directory / "validated.json").unlink(missing_ok=True)  # validate, whatever the stamp says
    with pytest.raises(ContentError) as raised:
        load_content(directory, readings=rule)  # type: ignore[arg-type]
    return [str(problem) for problem in raised.value.problems]


def _edit(directory: Path, old: str, new: str) -> None:
    path = directory / READINGS_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_readings_file_is_an_error_for_check(content_copy: Path) -> None:
    (content_copy / READINGS_FILE).unlink()
    (error,) = _readings_errors(content_copy)
    assert "readings.toml" in error and "file is missing" in error
    assert "genesis-tui readings" in error


def test_missing_readings_file_still_opens_older_content(content_copy: Path) -> None:
    (content_copy / READINGS_FILE).unlink()
    (content_copy / "validated.json").unlink(missing_ok=True)
    content = load_content(content_copy)
    assert not content.ruby
    assert content.ruby.spans(content.article.title.ja) == ()


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (
            '"政権 せいけん"',
            '"政権 seiken"',
            ["readings.toml", "blocks.overview-1.ja", "政権 seiken", "kana only"],
        ),
        (
            '"政権 せいけん"',
            '"政府 せいふ"',
            ["readings.toml", "blocks.overview-1.ja", "'政府' is not in the text (article.toml)"],
        ),
        (
            '"政権 せいけん", ',
            "",
            ["readings.toml", "blocks.overview-1.ja", "no reading for '政権'", "article.toml"],
        ),
        (
            "[blocks.overview-1]",
            "[blocks.overview-99]",
            ["readings.toml", "blocks.overview-99.ja", "no Japanese text of the content"],
        ),
        (
            'term = ["意向 いこう", "表明 ひょうめい", "書 しょ"]',
            'term = ["意向 いこう", "表明 ひょうめい", "書 か"]',
            ["terms.statement-of-intent.term", "いこうひょうめいか", "いこうひょうめいしょ"],
        ),
        ('title = ["', 'title = "', ["readings.toml", "line 11", "not valid TOML"]),
    ],
    ids=["not kana", "not in the text", "kanji without reading", "unknown key", "term", "toml"],
)
def test_check_names_the_file_the_place_and_the_problem(
    content_copy: Path, old: str, new: str, fragments: list[str]
) -> None:
    _edit(content_copy, old, new)
    errors = _readings_errors(content_copy)
    assert any(all(fragment in error for fragment in fragments) for error in errors), errors


def test_bad_readings_stop_the_reader_too_but_not_the_drafter(content_copy: Path) -> None:
    _edit(content_copy, '"政権 せいけん"', '"政権 seiken"')
    assert _readings_errors(content_copy, "optional")
    load_content(content_copy, readings="ignored")


@pytest.mark.slow  # a real process, 0.7 s of CPU
def test_the_reader_needs_no_analyser() -> None:
    code = (
        "import sys\n"
        "import genesis_tui.ui.app\n"
        "from genesis_tui.content.load import load_content\n"
        "from genesis_tui.storage.paths import content_dir\n"
        "content = load_content(content_dir())\n"
        "assert content.ruby.spans(content.article.title.ja)\n"
        "assert 'sudachipy' not in sys.modules, 'the analyser was imported'\n"
        "assert 'genesis_tui.content.drafting' not in sys.modules, 'drafting imported'\n"
        "assert 'genesis_tui.content.analyser' not in sys.modules, 'the analyser imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
