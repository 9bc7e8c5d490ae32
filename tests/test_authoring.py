"""`genesis-tui readings`: drafting fills in what is missing, never changes a reviewed reading."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from genesis_tui.cli.main import main
from genesis_tui.content.analyser import AuthoringError, SudachiAnalyser, draft_spans, furigana
from genesis_tui.content.drafting import draft_readings, reviewed_readings
from genesis_tui.content.load import load_content
from genesis_tui.content.readings import READINGS_FILE, Word, read_readings
from genesis_tui.content.validate import check_readings

ARTICLE = """\
schema = 1
title = { ja = "日本と米国の協力", en = "Japan and US cooperation" }
[source]
publisher = "Test"
title_en = "Test"
url_ja = "https://example.com/ja"
url_en = "https://example.com/en"
seed = "seed.txt"
machine_translated = false
note = { ja = "試験用の記事です。", en = "A test article." }
[[sections]]
id = "one"
title = { ja = "概要", en = "Overview" }
[[sections.blocks]]
id = "one-1"
kind = "paragraph"
ja = "文部科学省が日本の研究を取り組みとして進めた。"
en = "MEXT advanced Japan's research as an effort."
"""

GLOSSARY = """\
[[terms]]
id = "mext"
term = { ja = "文部科学省", en = "MEXT" }
reading = "もんぶかがくしょう"
category = "organisation"
definition = { ja = "日本の省。", en = "A Japanese ministry." }
"""


class FakeAnalyser:
    """Reads from a table: each known word's position and reading, the rest unknown."""

    TABLE = {
        "日本": "ニッポン",
        "米国": "ベイコク",
        "協力": "キョウリョク",
        "試験": "シケン",
        "用": "ヨウ",
        "記事": "キジ",
        "概要": "ガイヨウ",
        "文部科学省": "モンブカガクショウ",
        "研究": "ケンキュウ",
        "取り組み": "トリクミ",
        "進め": "ススメ",
        "省": "ショウ",
    }

    def words(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        position = 0
        while position < len(text):
            for surface, reading in sorted(self.TABLE.items(), key=lambda kv: -len(kv[0])):
                if text.startswith(surface, position):
                    found.append((position, position + len(surface), reading))
                    position += len(surface)
                    break
            else:
                position += 1
        return found


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    directory = tmp_path / "tiny"
    directory.mkdir()
    (directory / "article.toml").write_text(ARTICLE, encoding="utf-8")
    (directory / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    (directory / "timeline.toml").write_text("", encoding="utf-8")
    return directory


def test_furigana_leaves_okurigana_bare() -> None:
    assert furigana("取り組み", "トリクミ") == [(0, 1, "と"), (2, 3, "く")]
    assert furigana("進め", "ススメ") == [(0, 1, "すす")]
    assert furigana("文部科学省", "モンブカガクショウ") == [(0, 5, "もんぶかがくしょう")]
    assert furigana("ジェネシス", "ジェネシス") == []


def test_drafting_fills_a_directory_that_has_no_readings(tiny: Path) -> None:
    draft = draft_readings(tiny, FakeAnalyser())
    assert draft.kept == 0 and draft.drafted > 0
    content = load_content(tiny)
    assert check_readings(content) == []
    block = content.article.sections[0].blocks[0].ja
    assert content.ruby.spans(block)[0] == (0, 5, "もんぶかがくしょう")


def test_drafting_never_overwrites_a_reading_already_in_the_file(tiny: Path) -> None:
    # A reviewer's reading, different from what the analyser would say (にっぽん).
    (tiny / READINGS_FILE).write_text(
        '[blocks.one-1]\nja = ["日本 ひのもと", "研究 けんきゅう"]\n', encoding="utf-8"
    )
    draft = draft_readings(tiny, FakeAnalyser())
    words = read_readings(tiny)
    assert words is not None
    block = [str(word) for word in words["blocks.one-1.ja"]]
    assert "日本 ひのもと" in block and "日本 にっぽん" not in block
    # The kept words keep their place; the drafted ones are put in reading order around them.
    assert block == [
        "文部科学省 もんぶかがくしょう",
        "日本 ひのもと",
        "研究 けんきゅう",
        "取 と",
        "組 く",
        "進 すす",
    ]
    assert draft.kept == 2
    # Drafting again changes nothing.
    before = (tiny / READINGS_FILE).read_text(encoding="utf-8")
    again = draft_readings(tiny, FakeAnalyser())
    assert again.drafted == 0
    assert (tiny / READINGS_FILE).read_text(encoding="utf-8") == before


def test_drafting_reads_a_compound_as_the_file_already_reads_it(tiny: Path) -> None:
    # The review settled on 日本 にほん in the title; the analyser says にっぽん everywhere.
    (tiny / READINGS_FILE).write_text('title = ["日本 にほん"]\n', encoding="utf-8")
    draft_readings(tiny, FakeAnalyser())
    words = read_readings(tiny)
    assert words is not None
    assert "日本 にほん" in [str(word) for word in words["blocks.one-1.ja"]]
    assert "日本 にっぽん" not in (tiny / READINGS_FILE).read_text(encoding="utf-8")


def test_reviewed_readings_are_compounds_read_one_way() -> None:
    lists = [
        [Word("日本", "にほん"), Word("初", "はつ"), Word("上手", "じょうず")],
        [Word("日本", "にほん"), Word("上手", "うわて")],
    ]
    # 初 alone reads by its neighbours; 上手 is read two ways: both left to the analyser.
    assert reviewed_readings(lists) == {"日本": "にほん"}


def test_drafting_keeps_words_that_no_longer_attach(tiny: Path) -> None:
    (tiny / READINGS_FILE).write_text(
        '[blocks.one-1]\nja = ["政府 せいふ"]\n[blocks.gone]\nja = ["米国 べいこく"]\n',
        encoding="utf-8",
    )
    draft_readings(tiny, FakeAnalyser())
    words = read_readings(tiny)
    assert words is not None
    assert "政府 せいふ" in [str(word) for word in words["blocks.one-1.ja"]]
    assert [str(word) for word in words["blocks.gone.ja"]] == ["米国 べいこく"]


def test_pruning_removes_what_the_content_no_longer_has_and_lists_it(tiny: Path) -> None:
    # After an edit: the block no longer says 政府, and the block "gone" was deleted.
    (tiny / READINGS_FILE).write_text(
        '[blocks.one-1]\nja = ["文部科学省 もんぶかがくしょう", "政府 せいふ", "日本 ひのもと"]\n'
        '[blocks.gone]\nja = ["米国 べいこく"]\n',
        encoding="utf-8",
    )
    draft = draft_readings(tiny, FakeAnalyser(), prune=True)
    assert [(p.key, [str(w) for w in p.words], p.gone) for p in draft.pruned] == [
        ("blocks.gone.ja", ["米国 べいこく"], True),
        ("blocks.one-1.ja", ["政府 せいふ"], False),
    ]
    words = read_readings(tiny)
    assert words is not None and "blocks.gone.ja" not in words
    block = [str(word) for word in words["blocks.one-1.ja"]]
    # What still attaches is kept as reviewed (ひのもと, not the analyser's にっぽん).
    assert block[:2] == ["文部科学省 もんぶかがくしょう", "日本 ひのもと"]
    assert "政府 せいふ" not in block
    assert check_readings(load_content(tiny)) == []
    # Nothing left to prune: a second run removes nothing.
    assert draft_readings(tiny, FakeAnalyser(), prune=True).pruned == ()


def test_pruning_drops_a_kept_word_that_now_falls_inside_a_longer_one(tiny: Path) -> None:
    # 省 was reviewed for a text that read 省が…; the new text's first 省 ends 文部科学省.
    (tiny / READINGS_FILE).write_text(
        '[blocks.one-1]\nja = ["省 しょう", "日本 ひのもと"]\n', encoding="utf-8"
    )
    draft_readings(tiny, FakeAnalyser())  # without pruning, 文部科学 is left unread
    unchecked = load_content(tiny, readings="ignored")
    assert any("'文部科学'" in str(problem) for problem in check_readings(unchecked))
    draft = draft_readings(tiny, FakeAnalyser(), prune=True)
    assert [(p.key, [str(w) for w in p.words]) for p in draft.pruned] == [
        ("blocks.one-1.ja", ["省 しょう"])
    ]
    words = read_readings(tiny)
    assert words is not None
    assert [str(w) for w in words["blocks.one-1.ja"]][:2] == [
        "文部科学省 もんぶかがくしょう",
        "日本 ひのもと",
    ]
    assert check_readings(load_content(tiny)) == []


def test_readings_command_prunes_on_request_and_says_what_it_removed(
    tiny: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny / READINGS_FILE).write_text('[events.2024-04]\nlabel = ["月 がつ"]\n', encoding="utf-8")
    assert main(["readings", str(tiny)]) == 0
    assert "removed" not in capsys.readouterr().out
    assert "events.2024-04.label" in (read_readings(tiny) or {})
    assert main(["readings", "--prune", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "removed events.2024-04.label (no such text any more): 月 がつ" in out
    assert "1 removed" in out
    assert check_readings(load_content(tiny)) == []


def test_a_file_it_cannot_read_whole_is_left_alone(tiny: Path) -> None:
    broken = '[blocks.one-1]\nja = ["日本 nippon"]\n'
    (tiny / READINGS_FILE).write_text(broken, encoding="utf-8")
    with pytest.raises(AuthoringError, match="kana only"):
        draft_readings(tiny, FakeAnalyser())
    assert (tiny / READINGS_FILE).read_text(encoding="utf-8") == broken


def test_the_real_analyser_reads_names_whole_and_leaves_numbers() -> None:
    text = "文部科学省と理化学研究所は2026年1月26日に覚書に署名し、5年間で10億ドルを出す。"
    spans = {(text[s:e], r) for s, e, r in draft_spans(text, SudachiAnalyser())}
    assert ("文部科学省", "もんぶかがくしょう") in spans
    assert ("理化学研究所", "りかがくけんきゅうしょ") in spans
    assert ("覚書", "おぼえがき") in spans
    assert ("年", "ねん") in spans and ("日", "にち") in spans and ("億", "おく") in spans
    assert not any(char.isdigit() for base, _ in spans for char in base)
    assert ("24日", "にじゅうよっか") in draft_spans_of("11月24日")


def draft_spans_of(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], r) for s, e, r in draft_spans(text, SudachiAnalyser())}


def test_readings_command_drafts_and_reports(
    tiny: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["readings", str(tiny)]) == 0
    out = capsys.readouterr().out
    assert "readings drafted" in out and "Review" in out
    assert check_readings(load_content(tiny)) == []


def test_readings_command_without_the_extra_says_what_to_install(
    tiny: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sudachipy", None)  # import sudachipy now fails
    assert main(["readings", str(tiny)]) == 2
    err = capsys.readouterr().err
    assert "pip install '.[authoring]'" in err and "Traceback" not in err
    assert not (tiny / READINGS_FILE).exists()


def test_readings_command_on_invalid_content_lists_the_errors(
    tiny: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tiny / "article.toml").write_text(ARTICLE.replace('kind = "paragraph"', 'kind = "x"'))
    assert main(["readings", str(tiny)]) == 2
    err = capsys.readouterr().err
    assert "content errors:" in err and "article.toml" in err and "kind" in err


def test_check_wants_one_reading_for_texts_that_are_the_same(tiny: Path) -> None:
    # The reader looks readings up by text: two places with the same text share them.
    article = tiny / "article.toml"
    article.write_text(ARTICLE.replace('ja = "概要"', 'ja = "日本と米国の協力"'), encoding="utf-8")
    draft_readings(tiny, FakeAnalyser())
    readings = tiny / READINGS_FILE
    text = readings.read_text(encoding="utf-8")
    readings.write_text(text.replace('"日本 にっぽん"', '"日本 にほん"', 1), encoding="utf-8")
    problems = [str(problem) for problem in check_readings(load_content(tiny, readings="ignored"))]
    assert len(problems) == 1
    assert "sections.one.title" in problems[0] and "the same text as title" in problems[0]
