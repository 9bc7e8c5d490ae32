"""The reader sentence by sentence: the current sentence marked in the Japanese and its English
in every view, moved by ( and ), followed by the word cursor, copied as a pair by y; English on
request (E) revealed one sentence at a time (.) with the layout unchanged, and remembered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style
from textual.pilot import Pilot

from genesis_tui.content.load import load_content
from genesis_tui.pages.page import Piece
from genesis_tui.pages.sentence_marks import Sentence, sentence_lines, sentence_text
from genesis_tui.storage.state import SavedState, View, read_state
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.drawing import layered, line_segments
from genesis_tui.ui.widgets.page_kinds import ArticleView
from tests.apps import SnapCompare, drawn_lines, reader
from tests.conftest import SMALL_CONTENT

SMALL = load_content(SMALL_CONTENT)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
VIEWS = [
    pytest.param("both", (120, 36), id="side-by-side"),
    pytest.param("both", (80, 24), id="interleaved"),
    pytest.param("ja", (80, 24), id="ja"),
    pytest.param("en", (80, 24), id="en"),
]


def _app(view: View = "both", *, english_hidden: bool = False) -> GenesisApp:
    state = SavedState(section="overview", view=view, english_hidden=english_hidden)
    return GenesisApp(SMALL, state=state)


def _article(app: GenesisApp) -> ArticleView:
    return reader(app).article


def _drawn_in(view: ArticleView, name: str) -> dict[str, str]:
    """The text of the whole page drawn with a component's style laid over it, per language,
    spaces dropped (a sentence wraps over lines, side by side between the other column)."""
    over = view._style(name)
    found = {"ja": "", "en": ""}
    for line in view.page.lines:
        segments = line_segments(
            line, view._base_style(), view._style, None, {}, None, view.sentence, view.hidden
        )
        pieces = iter(line.pieces)
        piece = next(pieces, None)
        used = 0
        for segment in segments:
            while piece is not None and used >= len(piece.text):
                piece, used = next(pieces, None), 0
            if piece is None:
                break
            text = piece.text[used : used + len(segment.text)]  # as written, if drawn blank
            used += len(segment.text)
            style = segment.style
            if style is not None and style.bgcolor == over.bgcolor and piece.lang:
                found[piece.lang] += text.replace(" ", "")
    return found


def _shown(view: View) -> tuple[str, ...]:
    return ("ja", "en") if view == "both" else (view,)


def _expected(sentence: Sentence, view: View) -> dict[str, str]:
    ja, en = sentence_text(SMALL, sentence)
    texts = {"ja": ja.replace(" ", ""), "en": en.replace(" ", "")}
    return {lang: texts[lang] if lang in _shown(view) else "" for lang in ("ja", "en")}


# ------------------------------------------------------------------ drawing, pure
_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)).map(sorted), max_size=4)


@given(
    st.text(st.sampled_from("abc 日本語。"), min_size=1, max_size=20),
    st.integers(0, 10),
    _SPANS,
    _SPANS,
)
def test_layers_keep_the_text_and_its_width(
    text: str, start: int, marked: list[tuple[int, int]], hidden: list[tuple[int, int]]
) -> None:
    """Whatever is marked or hidden, a piece is drawn in the cells it had: its own text where
    nothing hides it, blanks of the same width where something does, in the mark's style
    exactly inside the marks."""
    piece = Piece(text, block="b", lang="en", start=start)
    mark, blank = Style(bold=True), Style(italic=True)
    layers = [(tuple(hidden), blank, True), (tuple(marked), mark, False)]
    segments = layered(piece, Style(), layers)
    assert cells("".join(segment.text for segment in segments)) == cells(text)
    position = start
    for segment in segments:
        assert segment.text
        inside = [(a, b) for a, b in hidden if a <= position < b]
        if segment.style is not None and segment.style.italic:
            assert inside and segment.text.strip() == ""
        else:
            assert not inside
            assert segment.text == text[position - start : position - start + len(segment.text)]
        bold = bool(segment.style is not None and segment.style.bold)
        assert bold == any(a <= position < b for a, b in marked)
        position += _length(segment.text, text[position - start :])


def test_hidden_text_keeps_no_underline_of_a_link() -> None:
    """Hidden English is a plain bar: a link's underline (or bold) under it would show where
    the glossary's words are, and how long."""
    piece = Piece("RIKEN and Argonne", block="b", lang="en", start=0, link=1)
    link = Style(underline=True, bold=True, color="blue", bgcolor="white")
    bar = Style(bgcolor="grey50")
    (segment,) = layered(piece, link, [(((0, 17),), bar, True)])
    assert segment.text == " " * 17
    assert segment.style is not None
    assert not segment.style.underline and not segment.style.bold
    assert segment.style.bgcolor == bar.bgcolor


def _length(drawn: str, rest: str) -> int:
    """How many characters of ``rest`` a drawn segment stands for (blanks are cells)."""
    if drawn.strip() or not drawn:
        return len(drawn)
    taken, count = 0, 0
    while taken < len(drawn):
        taken += cells(rest[count])
        count += 1
    return count


# ------------------------------------------------------------------ moving and marking
@pytest.mark.parametrize(("view", "size"), VIEWS)
async def test_sentences_are_marked_and_moved_in_every_view(
    view: View, size: tuple[int, int]
) -> None:
    """) marks the sentence at the reading position, then the next; ( the one before: in the
    Japanese and in its English, as the view shows them."""
    app = _app(view)
    async with app.run_test(size=size) as pilot:
        article = _article(app)
        assert article.two_columns == (size[0] >= 100 and view == "both")
        assert _drawn_in(article, "sentence") == {"ja": "", "en": ""}
        first, second = Sentence("overview-1", 0), Sentence("overview-1", 1)
        await pilot.press("right_parenthesis")
        assert reader(app).sentences.current == first
        assert _drawn_in(article, "sentence") == _expected(first, view)
        await pilot.press("right_parenthesis")
        assert reader(app).sentences.current == second
        assert _drawn_in(article, "sentence") == _expected(second, view)
        await pilot.press("right_parenthesis", "right_parenthesis")
        third = Sentence("overview-3", 0)  # overview-2 is a heading of one sentence
        assert reader(app).sentences.current == third
        await pilot.press("left_parenthesis", "left_parenthesis")
        assert reader(app).sentences.current == second
        assert _drawn_in(article, "sentence") == _expected(second, view)
        await pilot.press("escape")
        assert reader(app).sentences.current is None
        assert _drawn_in(article, "sentence") == {"ja": "", "en": ""}


async def test_the_marked_sentence_is_drawn_on_screen() -> None:
    """What the terminal is sent: the sentence's cells in the sentence's style, and no other."""
    app = _app("both")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_parenthesis", "right_parenthesis")
        article = _article(app)
        over = article._style("sentence")
        marked = ""
        for y in range(article.scrollable_content_region.height):
            for segment in article.render_line(y):
                if segment.style is not None and segment.style.bgcolor == over.bgcolor:
                    marked += segment.text
        ja, en = sentence_text(SMALL, Sentence("overview-1", 1))
        # Side by side, the two columns' lines alternate: each language's part, in order.
        assert "".join(c for c in marked if not c.isascii()) == ja
        assert "".join(c for c in marked if c.isascii()).replace(" ", "") == en.replace(" ", "")


async def test_moving_on_past_a_sections_last_sentence_goes_into_the_next() -> None:
    app = _app("both")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = reader(app)
        await pilot.press("right_parenthesis")
        count = sum(len(SMALL.sentences.of(b.id)) for b in SMALL.section("overview").blocks)
        await pilot.press(*["right_parenthesis"] * (count - 1))
        assert screen.sentences.current == Sentence("overview-9", 0)
        await pilot.press("right_parenthesis")
        assert screen.section_id == "japan-role"
        assert screen.sentences.current == Sentence("japan-role-1", 0)
        await pilot.press("left_parenthesis")
        assert (screen.section_id, screen.sentences.current) == (
            "overview",
            Sentence("overview-9", 0),
        )


async def test_a_sentence_scrolled_away_starts_again_at_the_reading_position() -> None:
    app = _app("both")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = reader(app)
        await pilot.press("right_parenthesis")
        assert screen.sentences.current == Sentence("overview-1", 0)
        await pilot.press("end")
        await pilot.press("right_parenthesis")
        assert (
            screen.sentences.current is not None and screen.sentences.current.block != "overview-1"
        )
        first, last = sentence_lines(screen.article.page, SMALL, screen.sentences.current)
        top = round(screen.article.scroll_y)
        assert top <= first and last < top + screen.article.scrollable_content_region.height


async def test_the_word_cursor_marks_its_words_sentence() -> None:
    app = _app("both")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = reader(app)
        await pilot.press("e")
        await pilot.pause()
        assert (
            screen.sentences.current is None
        )  # a word of the key points: no sentence of the article
        for _ in range(5):
            await pilot.press("right_parenthesis")  # the word cursor's: its next sentence
            if screen.sentences.current is not None:
                break
        assert screen.sentences.current == Sentence("overview-1", 0)
        await pilot.press("right_parenthesis")
        assert screen.sentences.current == Sentence("overview-1", 1)
        assert _drawn_in(screen.article, "sentence") == _expected(screen.sentences.current, "both")


@pytest.mark.parametrize(("view", "size"), VIEWS)
async def test_each_sentence_moved_to_is_brought_whole_into_view(
    view: View, size: tuple[int, int]
) -> None:
    """Every sentence of the section in turn: all its lines, in each language shown, on
    screen (the fixture's sentences are shorter than the screen)."""
    app = _app(view)
    async with app.run_test(size=size) as pilot:
        screen = reader(app)
        count = sum(len(SMALL.sentences.of(b.id)) for b in SMALL.section("overview").blocks)
        for _ in range(count):
            await pilot.press("right_parenthesis")
            assert screen.sentences.current is not None
            first, last = sentence_lines(screen.article.page, SMALL, screen.sentences.current)
            top = round(screen.article.scroll_y)
            height = screen.article.scrollable_content_region.height
            assert top <= first and last < top + height, (
                screen.sentences.current,
                first,
                last,
                top,
            )


async def test_y_copies_the_sentence_and_its_english() -> None:
    app = _app("ja")
    async with app.run_test(size=(80, 24)) as pilot:
        copied: list[str] = []
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("right_parenthesis", "right_parenthesis", "y")
        ja, en = sentence_text(SMALL, Sentence("overview-1", 1))
        assert copied == [f"{ja}\n{en}"]
        assert ja == "この協力は、日米の科学技術の結びつきをさらに強めるものです。"
        await pilot.press("escape", "y")  # no sentence: the block at the top, as before
        assert copied[-1] != copied[0]


# ------------------------------------------------------------------ English on request
def _english_gone(before: list[str], after: list[str]) -> None:
    """Each drawn line as before, but for cells now blank: nothing moved."""
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        assert len(old) == len(new)
        assert all(a == b or b == " " for a, b in zip(old, new, strict=True)), (old, new)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["side-by-side", "interleaved"])
async def test_english_on_request_reveals_one_sentence_at_a_time(size: tuple[int, int]) -> None:
    app = _app("both")
    async with app.run_test(size=size) as pilot:
        screen, article = reader(app), _article(app)
        await pilot.pause()
        lines, shown = article.page.text(), drawn_lines(app)[1:]  # the header line aside
        first, second = (sentence_text(SMALL, Sentence("overview-1", n))[1] for n in (0, 1))
        await pilot.press("E")
        app.clear_notifications()
        await pilot.pause()
        assert screen.sentences.english_hidden
        hidden = drawn_lines(app)[1:]
        assert article.page.text() == lines  # the same layout
        _english_gone(shown, hidden)
        text = " ".join(hidden)
        assert "Japan is to become" not in text and "The cooperation draws" not in text
        assert "日本は、AIで科学研究を速める" in text  # the Japanese stays
        assert "Key points" in text  # and so does what is not a block's text
        await pilot.press("right_parenthesis", "full_stop")
        await pilot.pause()
        one = drawn_lines(app)[1:]
        _english_gone(shown, one)
        assert _drawn_in(article, "hidden")["en"].startswith(second[:10].replace(" ", ""))
        assert first.replace(" ", "") not in _drawn_in(article, "hidden")["en"]
        assert "The cooperation draws" not in " ".join(one)
        await pilot.press("right_parenthesis")
        assert "The cooperation draws" not in " ".join(drawn_lines(app))
        await pilot.press("full_stop")
        await pilot.pause()
        assert first.replace(" ", "") not in _drawn_in(article, "hidden")["en"]
        assert second.replace(" ", "") not in _drawn_in(article, "hidden")["en"]
        assert article.page.text() == lines
        await pilot.press("E")
        assert not screen.sentences.english_hidden and article.hidden == {}


async def test_english_on_request_hides_nothing_in_one_languages_view() -> None:
    app = _app("en", english_hidden=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert reader(app).sentences.english_hidden
        assert _article(app).hidden == {}
        assert "Japan is to become" in " ".join(drawn_lines(app))
        await pilot.press("v")  # en -> both: hidden
        assert _article(app).hidden


async def test_english_on_request_is_remembered() -> None:
    app = _app("both")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        assert app.remember().english_hidden
    again = _app("both", english_hidden=app.remember().english_hidden)
    async with again.run_test(size=(80, 24)):
        assert "Japan is to become" not in " ".join(drawn_lines(again))


# ------------------------------------------------------------------ what a person sees
async def _marked(pilot: Pilot[Any]) -> None:
    await pilot.press("right_parenthesis", "right_parenthesis")
    await pilot.pause()


async def _hidden(pilot: Pilot[Any]) -> None:
    await pilot.press("E", "right_parenthesis", "full_stop", "right_parenthesis")
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


class TestSnapshots:
    """The current sentence marked, and English on request, at 80x24 and 120x36."""

    @pytest.mark.parametrize("size", SIZES)
    def test_marked_sentence(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The second sentence marked in the Japanese and its English (bold on a tint)."""
        assert snap_compare(_app("both"), terminal_size=size, run_before=_marked)

    @pytest.mark.parametrize("size", SIZES)
    def test_hidden_english(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """English on request: the first sentence's English revealed, the second marked with
        its English still hidden, the rest hidden; the layout as without."""
        assert snap_compare(_app("both"), terminal_size=size, run_before=_hidden)


@pytest.mark.parametrize(("value", "read"), [(True, True), (1, False), ("true", False)])
def test_english_on_request_is_read_back_only_when_true(
    tmp_path: Path, value: object, read: bool
) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"english_hidden": value}), encoding="utf-8")
    assert read_state(path) == (SavedState(english_hidden=read), None)


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_hidden_english_shows_its_place_without_colour(
    no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under NO_COLOR the tint over hidden English is a grey next to the background's: the place
    is underlined instead (blank cells, so nothing of the English shows)."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = _app("both", english_hidden=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        article = _article(app)
        assert article.hidden
        underlined_blanks = [
            segment
            for y in range(article.scrollable_content_region.height)
            for segment in article.render_line(y)
            if segment.style is not None and segment.style.underline and not segment.text.strip()
        ]
        assert bool(underlined_blanks) == no_color
