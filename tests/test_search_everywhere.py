"""Search reaches every text the reader shows: key points, translator's and since notes, the
timeline, glossary definitions, in both languages, by reading and by romaji; the status line
names the place of each match, and the match is marked where it is shown."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from genesis_tui.content.edition import Edition
from genesis_tui.content.search import search
from genesis_tui.text.folding import spoken
from genesis_tui.text.romaji import long_vowels_folded, romaji_to_kana
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.explainer import TimelineScreen
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.term import TermScreen
from genesis_tui.ui.widgets.page_view import PageView

NARROW = (80, 24)


@pytest.fixture
def content(small_content: Edition) -> Edition:
    return small_content


def status_text(app: GenesisApp) -> str:
    """The search's status line, which must be on screen."""
    status = app.screen.query_one("#search-status", Static)
    region = status.region
    assert region.height == 1 and region.bottom <= app.size.height - 1, region
    return str(status.render())


def marked_on_screen(view: PageView) -> str:
    """The text of the segments drawn reversed (search marks) in the visible lines."""
    shown = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is not None and style.reverse and not style.bold:
                shown.append(segment.text)
    return "".join(shown)


# ---------------------------------------------------------------------- pure: what is searched
@pytest.mark.parametrize(
    ("query", "count", "part"),
    [
        ("外国の政府", 1, "note"),  # a translator's note
        ("Translator's note", 2, "note"),  # a note's label, as shown (two notes)
        ("10億ドル", 2, "since"),  # a since-publication note (two of them)
        ("計算基盤の開発", 1, "point1"),  # a key point
        ("settled in talks", 1, "point0"),
        ("launches the Genesis", 1, "event"),  # a timeline label
        ("法的拘束力", 1, "definition"),  # a glossary definition (the entry's field)
    ],
)
def test_search_looks_in_every_kind_of_text(
    content: Edition, query: str, count: int, part: str
) -> None:
    hits = search(content, query)
    assert len(hits) == count, hits
    hit = hits[0]
    assert (hit.block_id if hit.term_id else hit.part) == part


def test_readings_and_romaji_find_the_kanji(content: Edition) -> None:
    by_kanji = search(content, "理研")
    for query in ("りけん", "リケン", "riken", "RIKEN"):
        found = search(content, query)
        # Every 理研 of the article and timeline the kanji find (and for RIKEN the English).
        wanted = {hit for hit in by_kanji if hit.lang == "ja" and hit.term_id is None}
        assert wanted and wanted <= set(found), query
        assert "riken" in {hit.term_id for hit in found}, query
    assert search(content, "いこうひょうめいしょ") and search(content, "ikouhyoumeisho")
    assert search(content, "ikōhyōmeisho") == search(content, "ikouhyoumeisho")


def test_a_reading_match_marks_the_word_as_written() -> None:
    heard = spoken("理研と大阪", [(0, 2, "りけん"), (3, 5, "おおさか")])
    position = heard.text.index("りけん")
    assert heard.span(position, position + 3) == (0, 2)


@pytest.mark.parametrize(
    ("typed", "kana"),
    [
        ("oboegaki", "おぼえがき"),
        ("shi", "し"),
        ("si", "し"),
        ("tsu", "つ"),
        ("tu", "つ"),
        ("jenesisu", "じぇねしす"),
        ("zyenesisu", "じぇねしす"),
        ("konnichiha", "こんにちは"),
        ("kon'nichiha", "こんにちは"),
        ("Tōkyō", "とうきょう"),
        ("ＲＩＫＥＮ", "りけん"),
        ("kanyu", "かんゆ"),  # Hepburn's kan'yu without the apostrophe
        ("kanyu", "かにゅ"),  # as an input method reads it
        ("kan'yu", "かんゆ"),
        ("kinyoubi", "きんようび"),  # 金曜日
        ("konnyaku", "こんにゃく"),
    ],
)
def test_romaji_as_input_methods_spell_it(typed: str, kana: str) -> None:
    assert kana in romaji_to_kana(typed)


@pytest.mark.parametrize("typed", ["genesis", "stands for", "MEXT", "-", "2026", ""])
def test_what_is_not_romaji_stays_as_it_is(typed: str) -> None:
    assert romaji_to_kana(typed) == ()


def test_long_vowels_match_however_written() -> None:
    assert long_vowels_folded("とうきょう") == long_vowels_folded("とおきょお")


# ---------------------------------------------------------------------- in the reader
async def test_a_match_in_a_note_is_named_and_marked(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"外国の政府", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "1/1 in a note: overview-1" in status_text(app)
        assert marked_on_screen(app.screen.article) == "外国の政府"


async def test_a_match_in_a_key_point_is_named_and_marked(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"settled in talks", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.section_id == "outlook"
        assert "1/1 in the key points: Outlook" in status_text(app)
        assert marked_on_screen(app.screen.article) == "settled in talks"


async def test_a_match_in_the_timeline_opens_it_there(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"意向表明書", "enter")
        await pilot.pause()
        hits = app.reader.search_bar.session.hits
        places = [hit.part or ("term" if hit.term_id else "text") for hit in hits]
        # The key point, the block, the timeline label, the glossary entry.
        assert places == ["point0", "text", "event", "term"], places
        await pilot.press("n", "n")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert "3/4 in the timeline: 2026-01" in status_text(app)
        assert marked_on_screen(app.screen.page_view) == "意向表明書"
        await pilot.press("n")  # on to the glossary entry, from the timeline
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert "4/4 in the glossary: statement of intent" in status_text(app)


async def test_a_match_in_a_definition_is_marked_in_the_entry(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"法的拘束力", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        assert "1/1 in the glossary: statement of intent" in status_text(app)
        assert marked_on_screen(app.screen.page_view) == "法的拘束力"


async def test_romaji_finds_the_kanji_in_the_article(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"ikouhyoumeisho", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "1/4 in the key points" in status_text(app)
        assert "意向表明書" in marked_on_screen(app.screen.article)


async def test_back_after_a_search_restores_the_view_it_changed(content: Edition) -> None:
    """In the English view a match in the Japanese is shown in both languages; escape goes
    back to the place and to the English view it was read in."""
    from genesis_tui.storage.state import SavedState

    app = GenesisApp(content, state=SavedState(section="japan-role", view="en"))
    async with app.run_test(size=NARROW) as pilot:
        reader = app.reader
        await pilot.press("j", "j")
        top = reader.article.place
        await pilot.press("slash", *"外国の政府", "enter")
        await pilot.pause()
        assert reader.view == "both" and reader.section_id == "overview"
        await pilot.press("escape")
        await pilot.pause()
        assert reader.view == "en" and reader.section_id == "japan-role"
        assert reader.article.place == top


async def test_the_place_is_named_in_the_interfaces_language(content: Edition) -> None:
    app = GenesisApp(content, ui_lang="ja")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"外国の政府", "enter")
        await pilot.pause()
        assert "1/1 訳注: overview-1" in status_text(app)


# ---------------------------------------------------------------------- the glossary's filter
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ikouhyoumeisho", ["statement-of-intent"]),
        ("ikōhyōmeisho", ["statement-of-intent"]),
        ("monbukagakusho", ["mext"]),
        ("monbukagakushou", ["mext"]),
        ("oosaka", ["osaka"]),
        ("ｵｵｻｶ", ["osaka"]),
    ],
)
async def test_the_glossary_filter_takes_romaji(
    content: Edition, typed: str, expected: list[str]
) -> None:
    from textual.widgets import Input

    from genesis_tui.ui.screens.glossary import GlossaryScreen

    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        screen.query_one("#filter", Input).value = typed
        await pilot.pause()
        assert screen.shown_ids() == expected


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_an_empty_filter_result_says_so(content: Edition, ui_lang: str) -> None:
    from genesis_tui.ui.screens.glossary import GlossaryScreen

    app = GenesisApp(content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", *"xyzzy")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen) and screen.shown_ids() == []
        said = str(screen.query_one("#glossary-count", Static).render())
        assert "xyzzy" in said and "oboegaki" in said
        await pilot.press(*["backspace"] * 5)
        said = str(screen.query_one("#glossary-count", Static).render())
        assert "xyzzy" not in said


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("width", [40, 52, 80])
async def test_why_nothing_matches_breaks_where_a_typesetter_would(
    content: Edition, ui_lang: str, width: int
) -> None:
    """The message is set by the typesetter, not Textual's wrap, which cut よみ（oboegaki） in the
    middle of the Latin word: every line fits, and the example reading is whole on one line."""
    from genesis_tui.text.typesetting import cells
    from genesis_tui.ui.screens.glossary import GlossaryScreen

    app = GenesisApp(content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("g", *"xyzzy")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        said = str(app.screen.query_one("#glossary-count", Static).render()).split("\n")
        assert all(cells(line) <= width - 4 for line in said), said
        assert any("oboegaki" in line for line in said), said


async def test_an_empty_search_says_so(content: Edition) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"xyzzy", "enter")
        await pilot.pause()
        assert "/xyzzy  no match" in status_text(app)


# ---------------------------------------------------------------------- without colour
async def test_a_match_on_the_current_link_stands_out_without_colour(
    content: Edition, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under NO_COLOR the current link is bold, underlined and reversed; a search match on it
    is reversed alone, so the two differ by attributes."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = GenesisApp(content)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        view = app.reader.article
        assert view.current_link is not None
        piece = next(
            p for line in view.page.lines for p in line.pieces if p.link == view.current_link
        )
        assert piece.source is not None
        view.set_marks({piece.source: ((piece.start, piece.start + 1),)})
        await pilot.pause()
        looks = {}
        for y in range(view.scrollable_content_region.height):
            for segment in view.render_line(y):
                style = segment.style
                if style is not None and segment.text.strip():
                    looks.setdefault(segment.text, (style.bold, style.underline, style.reverse))
        mark = looks[piece.text[0]]
        rest = looks[piece.text[1:]]
        assert rest == (True, True, True), "the current link is not bold, underlined, reversed"
        assert mark == (False, False, True), "the match is not reversed alone"
