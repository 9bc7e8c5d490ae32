"""Search folds what people type differently: width forms, case, nakaguro, spaces in Japanese."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from genesis_tui.content.edition import Edition
from genesis_tui.content.search import SearchSession, find_all, fold, search
from genesis_tui.text.folding import _is_japanese, needles
from genesis_tui.text.kana import to_hiragana
from genesis_tui.text.romaji import long_vowels_folded

TEXT = st.text(
    alphabet=st.sampled_from(list("abcABC xyz・･ジェネシスミッション理研ＲＩＫＥＮｶﾞ ﾟ　ß.-")),
    max_size=40,
)


@given(TEXT)
def test_every_folded_character_points_into_the_original(text: str) -> None:
    folded = fold(text)
    assert len(folded.origin) == len(folded.text)
    previous = 0
    for start, end in folded.origin:
        assert 0 <= start < end <= len(text)
        assert start >= previous  # in order: matches map to spans of the text
        previous = start


@example(text="AAAAAAAAAAAAAAAンＮ", data=None)  # "n" is romaji for ん: it finds ン too
@given(TEXT, st.data())
def test_a_match_maps_back_to_text_that_folds_to_the_query(text: str, data: st.DataObject) -> None:
    folded = fold(text).text
    if not folded.strip():
        return
    if data is None:  # the explicit example: the query "n" at the end
        query = "n"
    else:
        i = data.draw(st.integers(0, len(folded) - 1))
        j = data.draw(st.integers(i + 1, len(folded)))
        query = folded[i:j]
    needle = fold(query.strip()).text
    sounds = needles(query).sounds
    for start, end in find_all(text, query):
        # The span marked holds the match: exactly, or widened to whole characters where one
        # character folds to several (ß is ss) or sound marks join the character before them
        # ("Aﾞﾞﾞ": a match of one mark marks all four); or a query in romaji or kana matched as
        # the text sounds (n is ん, and finds ン).
        marked = fold(text[start:end]).text
        marks = sum(char in "\u3099\u309a" for char in marked)
        exact = needle in marked and len(marked) - len(needle) <= 2 + marks
        heard = long_vowels_folded(to_hiragana(marked))
        assert exact or any(sound in heard for sound in sounds), (text, query, start, end)


def test_a_sound_mark_is_found_with_the_character_it_joins() -> None:
    """Half-width sound marks join the character before them, even a Latin one: a match of one
    of them marks the whole of what they join (hypothesis found "Aﾞﾞﾞ")."""
    assert find_all("Aﾞﾞﾞ", "\u3099") == [(0, 4)]
    assert find_all("xAﾞﾞﾞy", "\u3099") == [(1, 5)]


@given(TEXT, st.data())
def test_any_piece_of_the_text_is_found_in_it(text: str, data: st.DataObject) -> None:
    # Sound marks join the kana before them: a slice cutting such a pair is not a query.
    cut = [i for i in range(len(text) + 1) if i == len(text) or text[i] not in "ﾞﾟ"]
    i = data.draw(st.sampled_from(cut))
    j = data.draw(st.sampled_from([c for c in cut if c > i] or [i]))
    query = text[i:j].strip()
    if not fold(query).text:
        return
    assert find_all(text, query), (text, query)


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("ジェネシス・ミッション", "ジェネシスミッション", "ジェネシス・ミッション"),
        ("ジェネシスミッション", "ジェネシス・ミッション", "ジェネシスミッション"),
        ("理化学研究所（RIKEN）", "ＲＩＫＥＮ", "RIKEN"),
        ("ＲＩＫＥＮ", "riken", "ＲＩＫＥＮ"),
        ("日本 の 役割", "日本の役割", "日本 の 役割"),
        ("The Genesis  Mission", "genesis mission", "Genesis  Mission"),
        ("ｶﾞｽ", "ガス", "ｶﾞｽ"),
    ],
)
def test_folded_forms_match(text: str, query: str, found: str) -> None:
    start, end = find_all(text, query)[0]
    assert text[start:end] == found


def test_spaces_between_english_words_still_count() -> None:
    assert not find_all("GenesisMission", "Genesis Mission")


def test_nakaguro_or_not_counts_the_same(small_content: Edition) -> None:
    content = small_content
    plain = search(content, "ジェネシスミッション")
    dotted = search(content, "ジェネシス・ミッション")
    assert len(plain) == len(dotted)
    assert len(search(content, "ＲＩＫＥＮ")) == len(search(content, "RIKEN")) > 0


def test_the_session_says_when_it_wraps_and_keeps_past_queries(small_content: Edition) -> None:
    content = small_content
    session = SearchSession()
    session.start(content, "RIKEN")
    total = len(session.hits)
    session.step(-1)
    assert session.wrapped == -1 and session.position == f"{total}/{total}"
    session.step(1)
    assert session.wrapped == 1 and session.position == f"1/{total}"
    session.step(1)
    assert session.wrapped == 0
    session.start(content, "Fugaku")
    session.start(content, "RIKEN")
    assert session.past == ["Fugaku", "RIKEN"]


def _dropped_space_by_looking(text: str, number: int) -> bool:
    """The rule as first written (quadratic in a run of spaces): a space is left out when the
    nearest characters before and after it that are not spaces include Japanese."""
    before = next((c for c in reversed(text[:number]) if not c.isspace()), "")
    after = next((c for c in text[number + 1 :] if not c.isspace()), "")
    return _is_japanese(before) or _is_japanese(after)


@given(st.text(alphabet=st.sampled_from(list("ab 　\t日本カナ・Ａ")), max_size=40))
def test_spaces_are_left_out_by_the_rule_in_one_pass(text: str) -> None:
    """Runs of spaces are folded in one pass (16k spaces took 7 s), by the same rule."""
    kept = {start for start, _end in fold(text).origin if text[start].isspace()}
    for index, char in enumerate(text):
        if not char.isspace():
            continue
        if _dropped_space_by_looking(text, index):
            assert index not in kept
        elif index == 0 or not text[index - 1].isspace():  # the first of its run
            assert index in kept
