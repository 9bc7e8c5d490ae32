"""What check and the drafting commands say, in Japanese under a Japanese locale or with
``--ui-lang ja``: their messages are the catalogue's, by id (a content error's details stay
as the validator words them, each naming its file and place)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from genesis_tui.cli.main import main
from genesis_tui.content.lexicon_draft import LexiconDraft
from genesis_tui.i18n.catalogue import Catalogue
from tests.conftest import SMALL_CONTENT


@pytest.fixture
def japanese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("japanese_locale")
def test_check_says_ok_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SMALL_CONTENT)]) == 0
    out = capsys.readouterr().out
    assert ": 問題なし — " in out and " 節、" in out and "ブロック" in out
    assert main(["--ui-lang", "en", "check", str(SMALL_CONTENT)]) == 0
    assert ": OK — " in capsys.readouterr().out


def test_checks_errors_are_counted_in_japanese(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (small_content_copy / "timeline.toml").unlink()
    assert main(["--ui-lang", "ja", "check", str(small_content_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("genesis-tui: 内容の誤り 1 件:\n")
    assert "timeline.toml: file is missing" in err  # the validator's words, as they are


@pytest.mark.usefixtures("japanese_locale")
def test_readings_says_what_it_did_in_japanese(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["readings", "--prune", str(small_content_copy)]) == 0
    out = capsys.readouterr().out
    assert "readings.toml: " in out and " 文の読みを 0 件下書きし、" in out
    assert "件を取り除きました。" in out and "drafted" not in out


def test_readings_without_its_extra_says_so_in_japanese(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sudachipy", None)  # import sudachipy now fails
    assert main(["--ui-lang", "ja", "readings", str(small_content_copy)]) == 2
    err = capsys.readouterr().err
    assert "読みの下書きには形態素解析器が必要です" in err and "pip install '.[authoring]'" in err


def test_lexicon_refuses_a_file_it_cannot_read_in_japanese(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = small_content_copy / "lexicon.toml"
    path.write_text("[words\n", encoding="utf-8")
    assert main(["--ui-lang", "ja", "lexicon", str(small_content_copy)]) == 2
    assert "読めないため、そのままにします" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "[words\n"


def test_the_lexicons_summary_in_both_languages() -> None:
    draft = LexiconDraft(Path("lexicon.toml"), texts=3, entries=2, no_glosses=["富岳"])
    english = draft.summary(False, Catalogue("en"))
    assert english.startswith("lexicon.toml: 2 entries drafted for 3 texts, 0 entries")
    assert "No gloss found for: 富岳." in english and "genesis-tui check" in english
    japanese = draft.summary(False, Catalogue("ja"))
    assert japanese.startswith("lexicon.toml: 3 文について見出しを 2 件下書きし")
    assert "語義が見つからなかった語: 富岳。" in japanese and "アクセントは" in japanese
    assert " " not in japanese.split("。")[1][:1]  # sentences joined as Japanese joins them
