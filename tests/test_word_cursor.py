"""The word cursor (e) and its lookup panel: every word reachable and looked up, movement by
word, line, sentence and section in each view, the page following, the panel never over the
word, occurrences walked and come back from."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.geometry import Region

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.content.pitch import pitch
from genesis_tui.pages.word_places import page_words
from genesis_tui.storage.state import SavedState, View
from genesis_tui.text.kana import reading_as_written, to_hiragana
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.word_panel import WordPanel
from tests.conftest import SMALL_CONTENT, examples

OWN = load_content(SMALL_CONTENT)
"""The tests' own content, with its lexicon: the article's words can change under them."""
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def _app(view: View = "both", readings: bool = False, ui_lang: str = "en") -> GenesisApp:
    state = SavedState(section="overview", view=view, readings=readings)
    return GenesisApp(OWN, state=state, ui_lang=ui_lang)  # type: ignore[arg-type]


def _panel(app: GenesisApp) -> WordPanel:
    return app.screen.query_one(WordPanel)


def _word_region(screen: WordPanel) -> Region:
    """Where the word under the cursor begins on the terminal."""
    article = screen.reader.article
    word = screen.word
    y = article.region.y + word.line - round(article.scroll_y)
    return Region(article.region.x + article.left_margin + word.x, y, 2, 1)


def _covers(screen: WordPanel) -> bool:
    return screen.region.overlaps(_word_region(screen))


# ------------------------------------------------------------------ pure
def test_pitch_marks_the_downstep_and_ascii_the_number() -> None:
    assert pitch("にほん", (2,)) == "にほꜜん"
    assert pitch("きょう", (1,)) == "きょꜜう"
    assert pitch("けんきゅう", (0,)) == "けんきゅう (0)"
    assert pitch("にほん", (2,), ascii_only=True) == "にほん [2]"
    assert pitch("にほん", ()) == "にほん"


def test_every_word_of_every_section_is_on_its_page(content: Edition) -> None:
    from genesis_tui.pages.article import section_page

    for section in content.article.sections:
        for view, side in (("ja", False), ("both", True), ("both", False)):
            for ruby in (False, True):
                page = section_page(content, section.id, view, side, 84, "en", ruby)  # type: ignore[arg-type]
                words = page_words(page, content, section.id)
                keys = {f"blocks.{block.id}.ja" for block in section.blocks}
                expected = sum(len(content.lexicon.words(key)) for key in keys)
                shown = [w for w in words if w.source[2] == ""]
                assert len(shown) == expected, (section.id, view, side, ruby)


# ------------------------------------------------------------------ Pilot
async def test_a_walk_over_every_word_looks_each_up() -> None:
    """Right from the first word to the last of the last section: each lookup has a dictionary
    form, a reading and a gloss, and the walk crosses every section."""
    app = _app("ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        seen_sections = {screen.reader.section_id}
        steps = 0
        while True:
            entry = screen.entry
            assert entry is not None and entry.lemma and entry.reading and entry.glosses
            before = (screen.reader.section_id, screen.index)
            screen.action_word(1)
            steps += 1
            if (screen.reader.section_id, screen.index) == before:
                break
            seen_sections.add(screen.reader.section_id)
        assert seen_sections == {section.id for section in OWN.article.sections}
        in_blocks = sum(
            len(OWN.lexicon.words(f"blocks.{block.id}.ja"))
            for section in OWN.article.sections
            for block in section.blocks
        )
        assert steps >= in_blocks  # every word of the blocks, and the key points' and notes'


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", ["ja", "both"])
async def test_moves_by_word_line_and_section_and_the_page_follows(
    size: tuple[int, int], view: View
) -> None:
    app = _app(view)
    async with app.run_test(size=size) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        first = screen.word
        await pilot.press("right", "l")
        assert screen.index == 2
        await pilot.press("h")
        assert screen.index == 1
        await pilot.press("down")
        assert screen.word.line > first.line
        await pilot.press("up")
        assert screen.word.line == first.line
        await pilot.press("right_parenthesis")
        assert screen.word.sentence == first.sentence + 1
        await pilot.press("left_parenthesis")
        assert screen.word.sentence == first.sentence
        for _ in range(40):  # across lines and blocks
            await pilot.press("down")
        await pilot.pause()  # the page follows once the app is idle
        article = screen.reader.article
        top = round(article.scroll_y)
        assert top <= screen.word.line < top + article.scrollable_content_region.height
        assert not _covers(screen)
        screen.index = len(screen.words) - 1
        await pilot.press("right")  # on into the next section
        assert screen.reader.section_id == OWN.article.sections[1].id
        assert screen.index == 0
        await pilot.press("left")  # and back to the last word of the first
        assert screen.reader.section_id == "overview"
        assert screen.index == len(screen.words) - 1
        await pilot.pause()
        assert not _covers(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(WordPanel)
        assert screen.reader.article.word is None


@pytest.mark.parametrize("readings", [False, True])
async def test_the_panel_never_covers_the_word(readings: bool) -> None:
    app = _app("ja", readings=readings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        for _ in range(60):
            await pilot.press("down")
            await pilot.pause()
            assert not _covers(screen), screen.word


async def test_occurrences_walk_and_escape_comes_back() -> None:
    app = _app("ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        while len(screen.occurrences()) < 3:
            screen.action_word(1)
        start = (screen.reader.section_id, screen.word)
        await pilot.press("o")
        assert (screen.reader.section_id, screen.word) != start
        assert screen.word.entry == start[1].entry
        await pilot.press("o")
        await pilot.press("escape")
        assert (screen.reader.section_id, screen.word) == start
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(WordPanel)


async def test_enter_opens_the_glossary_entry_of_a_term() -> None:
    app = _app("ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        while not (screen.entry and screen.entry.term):
            screen.action_word(1)
        term = screen.entry.term
        await pilot.press("enter")
        assert getattr(app.screen, "term", None) is OWN.term(term)


async def test_the_panel_labels_are_in_the_interface_language() -> None:
    app = _app("ja", ui_lang="ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        text = screen.panel_text().plain
        assert "辞書形" in text and "記事中" in text


async def test_english_view_has_no_words_and_says_so() -> None:
    app = _app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert not app.screen.query(WordPanel)


# ------------------------------------------------------------------ snapshots
class TestWordCursorSnapshots:
    """The word cursor on a word of the first block and its lookup panel below or above it."""

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("readings", [False, True], ids=["plain", "readings"])
    @pytest.mark.parametrize("ui_lang", ["en", "ja"])
    def test_cursor_and_panel(
        self, snap_compare: Any, size: tuple[int, int], readings: bool, ui_lang: str
    ) -> None:
        """After e, two words right and a line down: the cursor on a word of the key points, its
        panel (dictionary form, reading, part of speech, glosses, how often the text has it)
        and the footer's keys, in the interface's language."""
        app = _app("ja", readings=readings, ui_lang=ui_lang)
        assert snap_compare(app, terminal_size=size, press=["e", "right", "right", "down"])


@pytest.mark.parametrize("view", ["ja", "both"])
async def test_a_resize_keeps_the_word(view: View) -> None:
    """The same word after a resize; in both, where 80 columns show the key points in English
    only, the key point's word is gone and the cursor stays on a word in view."""
    app = _app(view)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e", "right", "right", "right", "down")
        await pilot.pause()
        screen = _panel(app)
        before = (screen.word.source, screen.word.start, screen.word.entry)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        after = (screen.word.source, screen.word.start, screen.word.entry)
        assert after == before or (view == "both" and before[0][2].startswith("point"))
        assert not _covers(screen)


@settings(max_examples=examples(60), deadline=None)
@given(index=st.integers(min_value=0, max_value=10_000), step=st.sampled_from([1, -1]))
def test_line_and_sentence_steps_go_where_they_say(index: int, step: int) -> None:
    from genesis_tui.pages.article import section_page
    from genesis_tui.pages.word_places import line_step, sentence_step

    page = section_page(OWN, "overview", "ja", False, 60, "en", False)
    words = page_words(page, OWN, "overview")
    index %= len(words)
    here = words[index]
    moved = words[line_step(words, index, step)]
    lines = sorted({word.line for word in words})
    if moved != here:
        between = [
            line for line in lines if min(here.line, moved.line) < line < max(here.line, moved.line)
        ]
        assert (moved.line - here.line) * step > 0 and not between
    target = words[sentence_step(words, index, step)]
    if step > 0:
        assert target.sentence in (here.sentence, here.sentence + 1)
        if target.sentence == here.sentence + 1:
            assert words[sentence_step(words, index, step) - 1].sentence == here.sentence
    else:
        assert target.sentence in (here.sentence, here.sentence - 1)


@pytest.mark.parametrize("key", ["g", "t", "w"])
async def test_keys_that_work_everywhere_open_and_come_back_to_the_word(key: str) -> None:
    app = _app("ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "right")
        await pilot.pause()
        panel = _panel(app)
        before = panel.word
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not panel.reader
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is panel.reader and panel.has_focus
        assert panel.word == before and panel.reader.article.word is not None


async def test_the_count_is_the_number_of_places_the_walk_visits() -> None:
    app = _app("ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = _panel(app)
        for _ in range(30):
            entry = screen.entry
            assert entry is not None
            assert OWN.lexicon.count(entry.id) == len(screen.occurrences()), entry.id
            screen.action_word(1)


async def test_v_keeps_the_word_and_english_alone_leaves_the_cursor() -> None:
    app = _app("both")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e", "down", "right")
        await pilot.pause()
        panel = _panel(app)
        before = (panel.word.source, panel.word.start)
        await pilot.press("v")  # both -> ja
        await pilot.pause()
        assert (panel.word.source, panel.word.start) == before
        await pilot.press("v")  # ja -> en: no Japanese, no cursor
        await pilot.pause()
        assert not app.screen.query(WordPanel)
        assert panel.reader.article.word is None


async def test_a_search_leaves_the_word_cursor(small_content: Edition) -> None:
    """/ in the word cursor closes it: its keys would not follow the match the search goes to
    (the digits would be sections again, escape would move the panel)."""

    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert app.screen.query(WordPanel)
        await pilot.press("slash")
        await pilot.pause()
        assert not app.screen.query(WordPanel)
        assert app.screen.query_one("#search-input").has_focus


@pytest.mark.parametrize(
    ("lemma", "reading", "shown"),
    [
        ("トランプ政権", "とらんぷせいけん", "トランプせいけん"),
        ("トランプ", "とらんぷ", "トランプ"),
        ("量子コンピューティング", "りょうしこんぴゅーてぃんぐ", "りょうしコンピューティング"),
        ("ジェネシス・ミッション", "じぇねしす・みっしょん", "ジェネシス・ミッション"),
        ("日本", "にほん", "にほん"),
    ],
)
def test_a_reading_keeps_the_katakana_the_word_is_written_in(
    lemma: str, reading: str, shown: str
) -> None:
    """The panel shows a loanword's reading as dictionaries do, in the katakana it is written
    in (the lexicon keeps readings in hiragana)."""
    assert reading_as_written(lemma, reading) == shown


@given(
    st.text(alphabet="アイウカキクー政権日本", max_size=8),
    st.text(alphabet="あいうかきくーせ", max_size=10),
)
def test_a_reading_as_written_reads_the_same(lemma: str, reading: str) -> None:
    """Only the script changes: the reading as written is the same reading."""
    assert to_hiragana(reading_as_written(lemma, reading)) == reading
