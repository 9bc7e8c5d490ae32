"""Dictionary order of readings: ー is the vowel it lengthens (the glossary, the md export)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.cli.main import main
from genesis_tui.text.kana import reading_order, to_hiragana


def test_a_long_vowel_sorts_as_the_vowel_it_lengthens() -> None:
    readings = ["エヌビディア", "エーアイ", "おおさか", "オーロラ", "エイチピーエル", "えき"]
    assert sorted(readings, key=reading_order) == [
        "エイチピーエル",  # えいち…
        "エーアイ",  # ええあい
        "えき",
        "エヌビディア",  # えぬ…
        "おおさか",
        "オーロラ",  # おおろら: after おおさ
    ]
    assert reading_order("スーパー") == "すうぱあ"
    assert reading_order("ジェネシス・ミッション") == "じぇねしすみっしょん"


@given(st.text(alphabet="あいうかきくがぱゃっんアイウカキクガパャッンー・", max_size=12))
def test_the_key_is_hiragana_and_as_long_as_the_kana(reading: str) -> None:
    key = reading_order(reading)
    assert key == to_hiragana(key)
    assert len(key) == len(reading.replace("・", ""))
    # Without a ー the key is the hiragana itself: nothing else moves.
    if "ー" not in reading:
        assert key == to_hiragana(reading).replace("・", "")


def test_md_glossary_in_japanese_is_in_dictionary_order_without_echoed_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "--format", "md", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    glossary = out[out.index("## 用語集") :]
    headings = [line[4:] for line in glossary.splitlines() if line.startswith("### ")]
    ai_for_science = headings.index("AI for Science（エーアイ・フォー・サイエンス）")
    assert ai_for_science < headings.index("エヌビディア") < headings.index("大阪（おおさか）")
    # A name in kana is not followed by itself as its reading.
    assert "バイオテクノロジー" in headings and "エヌビディア" in headings
    assert not any(h.endswith("（バイオテクノロジー）") for h in headings)
    assert "理化学研究所（りかがくけんきゅうしょ）" in headings
