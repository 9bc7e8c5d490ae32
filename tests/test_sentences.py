"""Sentences, aligned: the division by rule, the alignment drafted by length, ``sentences.toml``
held to the article by ``check``, and the lookup of a sentence with its English."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.content.edition import ContentError, Edition
from genesis_tui.content.load import load_content
from genesis_tui.content.model import Block
from genesis_tui.content.sentences import SENTENCES_FILE, Aligned
from genesis_tui.content.sentences_draft import align, draft_block
from genesis_tui.text.sentences import split_en, split_ja


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


# ------------------------------------------------------------------ division by rule
@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("一つ目です。二つ目です！三つ目？", ["一つ目です。", "二つ目です！", "三つ目？"]),
        ("彼は「行こう。」と言った。次の文。", ["彼は「行こう。」と言った。", "次の文。"]),
        ("『本。』を読む。", ["『本。』を読む。"]),
        ("ジェネシスの使命とは?", ["ジェネシスの使命とは?"]),
        ("終わりのない文", ["終わりのない文"]),
        ("本当に！？はい。", ["本当に！？", "はい。"]),
    ],
)
def test_japanese_ends_at_full_stops_outside_quotations(text: str, sentences: list[str]) -> None:
    assert _texts(text, split_ja(text)) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("The U.S. and Japan met. They agreed.", ["The U.S. and Japan met.", "They agreed."]),
        ("Dr. Smith came. He left.", ["Dr. Smith came.", "He left."]),
        ("Fields, e.g. Energy, grew. Good.", ["Fields, e.g. Energy, grew.", "Good."]),
        ('He said "Stop. Now." Then left.', ['He said "Stop. Now."', "Then left."]),
        ("It rose 3.5 per cent. Then fell.", ["It rose 3.5 per cent.", "Then fell."]),
        ("Ask J. Smith about it. Fine.", ["Ask J. Smith about it.", "Fine."]),
        ("It ended in 2025. 2026 began.", ["It ended in 2025.", "2026 began."]),
        ("(A note.) Next.", ["(A note.)", "Next."]),
    ],
)
def test_english_ends_at_full_stops_not_abbreviations(text: str, sentences: list[str]) -> None:
    assert _texts(text, split_en(text)) == sentences


_TEXT = st.text(st.sampled_from("あ漢。！？?「」『』 .!\"'ABab1()"), max_size=40)


@given(_TEXT)
def test_the_division_covers_the_text_in_order(text: str) -> None:
    """Either rule's sentences, in order, are the text with only spaces left out, none empty."""
    for split in (split_ja, split_en):
        spans = split(text)
        position = 0
        for start, end in spans:
            assert start < end
            assert text[position:start].strip() == ""
            assert text[start:end] == text[start:end].strip()
            position = end
        assert text[position:].strip() == ""


@given(st.lists(st.integers(1, 200), max_size=8), st.lists(st.integers(1, 200), max_size=8))
def test_the_alignment_takes_every_sentence_once_in_order(ja: list[int], en: list[int]) -> None:
    pairs = align(ja, en)
    assert sum(di for di, _ in pairs) == len(ja)
    assert sum(dj for _, dj in pairs) == len(en)
    if ja and en:
        assert all(di and dj for di, dj in pairs)


def test_the_draft_joins_two_short_sentences_that_one_translates() -> None:
    block = Block(
        id="b",
        kind="paragraph",
        ja="日本は米国と協力する計画に初めて参加した。これは大きな一歩だ。予算は未定。",
        en="Japan has joined the plan to work with the US for the first time, a big step."
        " The budget is not yet decided.",
    )
    assert [(len(ja), len(en)) for ja, en in draft_block(block)] == [(2, 1), (1, 1)]


# ------------------------------------------------------------------ the content
def test_every_block_of_the_article_is_divided_in_both_languages(content: Edition) -> None:
    """Each block is in sentences.toml, and its pairs cover its Japanese and its English."""
    sentences = content.sentences
    assert sentences
    for _, block in content.article.blocks():
        pairs = sentences.of(block.id)
        for lang in ("ja", "en"):
            text = block.ja if lang == "ja" else block.en
            spans = [span for pair in pairs for span in (pair.ja if lang == "ja" else pair.en)]
            assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip()), (block.id, lang)
            joined = " ".join(text[start:end] for start, end in spans)
            assert joined.replace(" ", "") == text.replace(" ", ""), (block.id, lang)
        assert all(len(pair.ja) == 1 or len(pair.en) == 1 for pair in pairs), block.id


def test_the_small_content_is_divided_too(small_content: Edition) -> None:
    assert len(small_content.sentences.of("overview-3")) == 2


def test_a_sentence_is_found_by_its_offset_with_its_english(small_content: Edition) -> None:
    sentences = small_content.sentences
    block = small_content.section("overview").blocks[2]
    second = block.ja.index("米国エネルギー省")
    ja, en = sentences.sentence_at(block.id, second)
    assert ja.startswith("米国エネルギー省が主導し") and ja.endswith("開発します。")
    assert en.startswith("Led by the US Department of Energy")
    assert sentences.sentence_at(block.id, 0)[1].startswith("The Genesis Mission is")
    assert sentences.index_at(block.id, "en", block.en.index("Led by")) == 1
    assert sentences.index_at(block.id, "en", len(block.en) + 5) == 1


def test_a_directory_without_the_file_leaves_each_block_whole(content_copy: Path) -> None:
    (content_copy / SENTENCES_FILE).unlink()
    content = load_content(content_copy)
    block = content.article.sections[0].blocks[0]
    assert not content.sentences
    whole = Aligned(((0, len(block.ja)),), ((0, len(block.en)),))
    assert content.sentences.of(block.id) == (whole,)
    assert content.sentences.sentence_at(block.id, 3) == (block.ja, block.en)


# ------------------------------------------------------------------ check
def _errors(directory: Path) -> list[str]:
    (directory / "validated.json").unlink(missing_ok=True)
    with pytest.raises(ContentError) as raised:
        load_content(directory, readings="required")
    return [str(problem) for problem in raised.value.problems]


def _edit(directory: Path, old: str, new: str) -> None:
    path = directory / SENTENCES_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


_SECOND = "この協力は、日米の科学技術の結びつきをさらに強めるものです。"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (
            "さらに強める",
            "もっと強める",
            ["blocks.overview-1[1].ja", "is not the block's text in order", "さらに強める"],
        ),
        (
            f'["{_SECOND}"]',
            '["この協力は、"]',
            ["blocks.overview-1[1].ja", "no sentence holds the end", "日米の科学技術"],
        ),
        (f'["{_SECOND}"]', '[""]', ["blocks.overview-1[1].ja", "must not be empty"]),
        (f'["{_SECOND}"]', "[]", ["blocks.overview-1[1].ja", "one or more sentences"]),
        (
            "[[blocks.overview-2]]",
            "[[blocks.overview-99]]",
            ["blocks.overview-99", "no block of the article"],
        ),
        ("[[blocks.overview-2]]", "[[blocks.overview-99]]", ["blocks.overview-2", "missing"]),
        (
            'en = ["What is',
            'note = "x"\nen = ["What is',
            ["blocks.overview-2[0].note", "unknown key"],
        ),
        ('["What is the Genesis Mission?"]', '["What is the Genesis Mission? "]', ["a space"]),
        ("[[blocks.overview-1]]", "[[blocks.overview-1]", ["sentences.toml", "not valid TOML"]),
    ],
    ids=[
        "changed",
        "end left out",
        "empty",
        "no sentences",
        "unknown block",
        "missing block",
        "unknown key",
        "space",
        "toml",
    ],
)
def test_check_names_the_place_and_the_problem(
    small_content_copy: Path, old: str, new: str, fragments: list[str]
) -> None:
    _edit(small_content_copy, old, new)
    errors = _errors(small_content_copy)
    assert all(SENTENCES_FILE in error for error in errors), errors
    assert any(all(fragment in error for fragment in fragments) for error in errors), errors


def _overview_1(directory: Path, merged: str = "") -> list[tuple[str, str]]:
    """The two pairs of the fixture's first block, as TOML strings (ja, en); with ``merged``,
    the two replaced by it, one pair."""
    path = directory / SENTENCES_FILE
    text = path.read_text(encoding="utf-8")
    head = "[[blocks.overview-1]]\n"
    start = text.index(head)
    end = text.index("[[blocks.overview-2]]")
    pairs = [
        tuple(line.split(" = ", 1)[1][1:-1] for line in chunk.splitlines()[:2])
        for chunk in text[start:end].split(head)[1:]
    ]
    if merged:
        path.write_text(text[:start] + head + merged + "\n" + text[end:], encoding="utf-8")
    return pairs  # type: ignore[return-value]


def test_check_refuses_several_sentences_aligned_with_several(small_content_copy: Path) -> None:
    """Two Japanese sentences with two English ones are two pairs (or the text is wrong)."""
    (ja_1, en_1), (ja_2, en_2) = _overview_1(small_content_copy)
    _overview_1(small_content_copy, f"ja = [{ja_1}, {ja_2}]\nen = [{en_1}, {en_2}]\n")
    (error,) = _errors(small_content_copy)
    assert "blocks.overview-1[0]" in error and "several Japanese sentences" in error


def test_check_takes_several_sentences_aligned_with_one(small_content_copy: Path) -> None:
    """A translation that joins two sentences into one is a pair of two and one."""
    (ja_1, en_1), (ja_2, _) = _overview_1(small_content_copy)
    article = small_content_copy / "article.toml"
    source = article.read_text(encoding="utf-8")
    old_en = "with AI. The cooperation draws the science and technology of Japan and the US closer"
    assert old_en in source
    article.write_text(source.replace(old_en, "with AI, drawing the two closer"), "utf-8")
    joined = en_1.replace("with AI.", "with AI, drawing the two closer still.")
    _overview_1(small_content_copy, f"ja = [{ja_1}, {ja_2}]\nen = [{joined}]\n")
    (small_content_copy / "validated.json").unlink(missing_ok=True)
    content = load_content(small_content_copy, readings="ignored")
    (pair,) = content.sentences.of("overview-1")
    assert len(pair.ja) == 2 and len(pair.en) == 1
    block = content.section("overview").blocks[0]
    assert content.sentences.sentence_at(block.id, len(block.ja) - 3)[1].endswith("closer still.")


@pytest.mark.parametrize(
    "damage",
    [
        b"[[blocks.overview-1]\n",
        b"\xff\xfe",
        b"blocks = 3\n",
        b'[[blocks.overview-1]]\nja = ["x"]\n',
    ],
    ids=["not toml", "not utf-8", "wrong shape", "wrong text"],
)
def test_the_reader_leaves_blocks_whole_where_the_file_is_wrong(
    small_content_copy: Path, damage: bytes
) -> None:
    """Edition that was not checked: the reader still opens, each block one sentence."""
    (small_content_copy / SENTENCES_FILE).write_bytes(damage)
    content = load_content(small_content_copy, validate=False)
    block = content.article.sections[0].blocks[0]
    assert content.sentences.sentence_at(block.id, 0) == (block.ja, block.en)
