"""The cache in the user's cache directory: used when it matches, ignored when it is odd."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from genesis_tui.content import cache
from genesis_tui.content.load import load_content


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GENESIS_TUI_CACHE", raising=False)
    return tmp_path / "cache" / "genesis-tui"


def test_content_is_cached_and_read_back_the_same(content_copy: Path, cache_home: Path) -> None:
    first = load_content(content_copy, validate=False)
    assert [p.name for p in cache_home.glob("content-*.json")] == [f"content-{first.key}.json"]
    second = load_content(content_copy, validate=False)
    assert second.article == first.article and second.glossary == first.glossary
    assert second.timeline == first.timeline


def test_an_edit_makes_a_new_entry(content_copy: Path, cache_home: Path) -> None:
    first = load_content(content_copy, validate=False)
    article = content_copy / "article.toml"
    article.write_text(article.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = load_content(content_copy, validate=False)
    assert second.key != first.key
    assert len(list(cache_home.glob("content-*.json"))) == 2


@pytest.mark.parametrize(
    "junk",
    [b"", b"not json", b"[1, 2, 3]", b'[{"schema": "x"}, {}, {}]', b"[" * 100_000],
)
def test_a_cache_entry_that_makes_no_sense_is_ignored(
    content_copy: Path, cache_home: Path, junk: bytes
) -> None:
    key = load_content(content_copy, validate=False).key
    (cache_home / f"content-{key}.json").write_bytes(junk)
    content = load_content(content_copy, validate=False)
    assert content.article.sections  # built from the TOML instead


def test_a_cache_entry_that_is_not_a_regular_file_is_not_read(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    os.mkfifo(cache_home / "content-fifo.json")
    assert cache.read("content", "fifo") is None  # and it does not block


def test_the_cache_can_be_turned_off(
    content_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GENESIS_TUI_CACHE", "off")
    load_content(content_copy, validate=False)
    assert not cache_home.exists()


def test_an_unwritable_cache_directory_is_no_error(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file where a directory should be
    assert load_content(content_copy, validate=False).article.sections


def test_break_analysis_is_kept_for_the_next_start(cache_home: Path) -> None:
    from genesis_tui.text import breaks, phrases, typesetting

    text = "日本は米国初の国際的パートナーになりました。"
    typesetting.clear_caches()
    with cache.breaks_kept("some-content"):
        lines = typesetting.break_lines(text, 10)
    kinds = breaks.break_kinds(text)
    typesetting.clear_caches()
    with cache.breaks_kept("some-content"):
        assert breaks.analysed()[text]  # known before anything is broken
        assert breaks.break_kinds(text) == kinds
        assert typesetting.break_lines(text, 10) == lines
    assert text not in phrases._PHRASES  # BudouX was not asked again


@pytest.mark.parametrize(
    "coded",
    ["", "0" * 3, "9" * 23, "x" * 23, "٣" * 23, None, 7],
)
def test_break_kinds_read_back_are_checked(coded: object) -> None:
    from genesis_tui.text import breaks

    text = "日本は米国初の国際的パートナーになりました。"  # 22 characters: 23 digits
    breaks.clear()
    breaks.preload({text: coded})  # type: ignore[dict-item]
    assert breaks.break_kinds(text) == breaks._analyse(text)


def test_break_kinds_read_back_are_used() -> None:
    from genesis_tui.text import breaks

    text = "米国初"
    breaks.clear()
    breaks.preload({text: "0177"})
    assert list(breaks.break_kinds(text)) == [0, 1, 7, 7]


def test_phrase_offsets_outside_their_text_are_not_taken() -> None:
    from genesis_tui.text import phrases

    phrases.preload_phrases({"日本語": [1, 99], "米国": ["x"], "英語": [1]})  # type: ignore[list-item]
    assert "日本語" not in phrases._PHRASES and "米国" not in phrases._PHRASES
    assert phrases._PHRASES["英語"] == frozenset({1})
