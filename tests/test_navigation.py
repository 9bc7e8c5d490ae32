"""Reading that keeps its place: the anchor, on-screen links, search, one key map, small sizes.

On the tests' own content (tests/fixtures/content): its overview runs to 75 lines at 80x24 in
both languages (key points, paragraphs, a heading, two translator's notes, a list, a
since-publication note), and its three sections are ``overview``, ``japan-role`` and ``outlook``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genesis_tui.content.edition import Edition
from genesis_tui.content.places import Place
from genesis_tui.storage.state import SavedState
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_view import PageView
from tests.apps import reader, search_for, set_text
from tests.conftest import examples

NARROW, WIDE = (80, 24), (120, 36)
WIDTHS = st.integers(20, 200)


def top_text(view: PageView) -> tuple[str | None, str | None, str, int]:
    """Where the top line's text comes from: (block, language, part, offset)."""
    anchor = view.page.anchor_at(round(view.scroll_y))
    return (anchor.block, anchor.lang, anchor.part, anchor.offset)


def top_holds(view: PageView, anchor: Place) -> bool:
    """True when the top line shown is the line that holds ``anchor``."""
    return round(view.scroll_y) == min(view.page.line_of(anchor), view.max_scroll_y)


# ---------------------------------------------------------------------- the anchor
# The top line in the Japanese paragraph, the heading, the second note's English, the list.
@pytest.mark.parametrize("presses", [5, 17, 41, 52])
async def test_v_three_times_keeps_the_place(small_content: Edition, presses: int) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press(*["j"] * presses)
        anchor = article.place
        assert anchor is not None and round(article.scroll_y) == presses
        for _ in range(3):
            await pilot.press("v")
            await pilot.pause()
            assert top_holds(article, anchor), (reader(app).view, anchor)
        assert reader(app).view == "both"
        assert round(article.scroll_y) == presses


async def test_v_keeps_the_note_on_top_in_each_view(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        page = article.page
        note = next(
            i for i, line in enumerate(page.lines) if any(p.part == "note" for p in line.pieces)
        )
        article.scroll_to(y=note, animate=False)
        await pilot.pause()
        await pilot.press("v")  # ja only: the Japanese note, not the next paragraph
        await pilot.pause()
        block, _, part, _ = top_text(article)
        assert (block, part) == ("overview-1", "note")


# The top line in the English paragraph, the Japanese note, the heading, a Japanese paragraph.
@pytest.mark.parametrize("start", [9, 13, 20, 32])
async def test_resizes_keep_the_line_being_read_on_top(small_content: Edition, start: int) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        article.scroll_to(y=start, animate=False)
        await pilot.pause()
        anchor = article.place
        assert anchor is not None and anchor.in_text
        for width in (120, 80, 200, 80):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            assert top_holds(article, anchor), (width, anchor, top_text(article))
        assert round(article.scroll_y) == start


async def test_a_section_round_trip_keeps_the_place(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press(*["j"] * 12)
        anchor = article.place
        await pilot.press("3", "j", "v", "1")
        await pilot.pause()
        assert reader(app).section_id == "overview"
        assert anchor is not None and top_holds(article, anchor)


async def test_back_after_a_jump_returns_to_the_place_at_another_width(
    small_content: Edition,
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        await pilot.press(*["j"] * 20)
        anchor = screen.article.place
        screen.places.jump_to_block("japan-role", "japan-role-4")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.section_id == "overview"
        assert anchor is not None and top_holds(screen.article, anchor)


async def test_a_restart_at_another_size_opens_at_the_same_words(small_content: Edition) -> None:
    app = GenesisApp(small_content, state=SavedState(section="overview"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "1", *["j"] * 23)  # a section left and come back to
        before = top_text(reader(app).article)
        await pilot.press("q")
    state = app.state
    assert state.anchors["overview"].block is not None
    again = GenesisApp(small_content, state=state)
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        article = reader(again).article
        assert round(article.scroll_y) > 0
        block, lang, part, offset = top_text(article)
        assert (block, lang, part) == before[:3]
        assert offset <= before[3]


async def test_an_old_state_file_with_line_numbers_still_opens(small_content: Edition) -> None:
    app = GenesisApp(
        small_content, state=SavedState(section="japan-role", scroll={"japan-role": 7})
    )
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert round(reader(app).article.scroll_y) == 7


async def test_the_footer_offers_no_key_the_search_line_takes(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(120, 36)) as pilot:
        bar = app.screen.query_one(KeyBar)
        before = [hint.display for hint in bar.hints()]
        assert {"/", "tab", "1-3", "space"} <= set(before)
        await pilot.press("slash")
        await pilot.pause()
        typing = [hint.display for hint in bar.hints()]
        assert not {"/", "tab", "1-3", "] [", "space"} & set(typing), typing
        assert {"^q", "f1"} <= set(typing)  # quit and help still shown, by keys that work there
        await pilot.press("escape")
        await pilot.pause()
        assert [hint.display for hint in bar.hints()] == before


@pytest.mark.parametrize("key", ["r", "v"])
async def test_the_percentage_follows_a_new_page_length(small_content: Edition, key: str) -> None:
    # Readings and views change the page's length under the same place: the header says so.
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        await pilot.press("2", *"jjjjj")
        await pilot.pause()
        for _ in range(3):
            await pilot.press(key)
            await pilot.pause()
            assert f"| {screen.percent_read}% |" in screen.sub_title, key


async def test_the_header_shows_section_and_percentage(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        assert screen.sub_title.startswith("1/3 概要 / Overview")
        first = screen.percent_read
        await pilot.press("end")
        await pilot.pause()
        assert screen.percent_read == 100 > first
        assert "| 100% |" in screen.sub_title
        from textual.widgets._header import HeaderTitle

        assert "| 100% |" in str(screen.query_one(HeaderTitle).render())  # drawn, not only set


# ---------------------------------------------------------------------- links on screen
async def test_tab_starts_from_the_first_link_on_screen(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press("space", "space", "space")
        await pilot.pause()
        top = round(article.scroll_y)
        await pilot.press("tab")
        await pilot.pause()
        assert article.current_link is not None
        line = article.page.links[article.current_link].line
        assert top <= line < top + article.scrollable_content_region.height
        assert all(link.line < top for link in article.page.links[: article.current_link])


async def test_enter_opens_only_a_link_on_screen(small_content: Edition) -> None:
    from genesis_tui.ui.screens.term import TermScreen

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press("tab")
        chosen = article.current_link
        assert chosen is not None and article.link_visible(chosen)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        # The chosen link scrolled away: it is no longer chosen, and enter opens nothing.
        assert article.current_link is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen)
        link = article.page.links[article.current_link or 0]
        assert app.screen.term.id == link.term_id
        top = round(article.scroll_y)
        assert top <= link.line < top + article.scrollable_content_region.height


async def test_shift_tab_starts_from_the_last_link_on_screen(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press("shift+tab")
        await pilot.pause()
        assert article.current_link is not None
        assert article.link_visible(article.current_link)
        assert round(article.scroll_y) == 0


# ---------------------------------------------------------------------- search
def status_text(app: GenesisApp) -> str:
    from textual.widgets import Static

    status = app.screen.query_one("#search-status", Static)
    assert status.display, "the search status is hidden"
    return str(status.render())


async def test_the_count_shows_at_every_match_glossary_ones_included(
    small_content: Edition,
) -> None:
    from genesis_tui.ui.screens.explainer import TimelineScreen
    from genesis_tui.ui.screens.term import TermScreen

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await search_for(pilot, "RIKEN")
        total = len(reader(app).search_bar.session.hits)
        glossary = [hit for hit in reader(app).search_bar.session.hits if hit.term_id is not None]
        assert glossary and total > len(glossary)
        for number in range(1, total + 1):
            text = status_text(app)
            assert f"{number}/{total}" in text, (number, text)
            hit = reader(app).search_bar.session.current
            assert hit is not None
            if hit.term_id is not None:
                screen = app.screen
                assert isinstance(screen, TermScreen) and screen.term.id == hit.term_id
                name = small_content.term(hit.term_id).term.en
                assert f"in the glossary: {name}" in text
                # The match is marked in the entry, and on screen.
                view = screen.page_view
                assert view.marks == {(hit.block_id, hit.lang, ""): ((hit.start, hit.end),)}
                assert any(
                    piece.block == hit.block_id and piece.lang == hit.lang
                    for line in view.page.lines[round(view.scroll_y) :][: view.size.height]
                    for piece in line.pieces
                )
            elif hit.part == "event":
                assert isinstance(app.screen, TimelineScreen)
                assert "in the timeline: " in text
            else:
                assert isinstance(app.screen, ReaderScreen)
            await pilot.press("n")
            await pilot.pause()
        assert "1/" in status_text(app) and "wrapped" in status_text(app)


async def test_full_width_and_nakaguro_forms_find_the_same(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await search_for(pilot, "ＲＩＫＥＮ")
        wide = reader(app).search_bar.position
        await search_for(pilot, "riken")
        assert wide and reader(app).search_bar.position.split("/")[1] == wide.split("/")[1]
        await search_for(pilot, "ジェネシスミッション")
        plain = reader(app).search_bar.position.split("/")[1]
        await search_for(pilot, "ジェネシス・ミッション")
        assert reader(app).search_bar.position.split("/")[1] == plain


async def test_up_and_down_recall_earlier_searches(small_content: Edition) -> None:
    from textual.widgets import Input

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await search_for(pilot, "Fugaku")
        await search_for(pilot, "RIKEN")
        await pilot.press("slash")
        await set_text(pilot, "Argo", "#search-input")  # begun, not yet searched for
        line = reader(app).query_one("#search-input", Input)
        await pilot.press("up")
        assert line.value == "RIKEN"
        await pilot.press("up")
        assert line.value == "Fugaku"
        await pilot.press("up")
        assert line.value == "Fugaku"
        await pilot.press("down", "down")
        assert line.value == "Argo"


# ---------------------------------------------------------------------- one key map
async def _open(pilot: object, app: GenesisApp, where: str) -> None:
    if where == "term":
        app.open_term("riken")
    elif where == "help":
        app.action_help()
    else:
        await pilot.press(where)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("where", ["t", "w", "term", "help"])
async def test_q_quits_from_every_screen(small_content: Edition, where: str) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await _open(pilot, app, where)
        assert not isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("where", ["t", "w", "term", "help"])
@pytest.mark.parametrize(
    ("key", "screen"),
    [("g", "GlossaryScreen"), ("t", "TimelineScreen"), ("w", "WhosWhoScreen"),
     ("question_mark", "HelpScreen")],
)  # fmt: skip
async def test_page_keys_work_from_every_screen(
    small_content: Edition, where: str, key: str, screen: str
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await _open(pilot, app, where)
        await pilot.press(key)
        await pilot.pause()
        if key == "question_mark" and where == "help":
            assert isinstance(app.screen, ReaderScreen)  # ? closes the help it opened
        else:
            assert type(app.screen).__name__ == screen


@pytest.mark.parametrize("where", ["t", "w", "term", "help"])
async def test_slash_searches_from_every_screen(small_content: Edition, where: str) -> None:
    from textual.widgets import Input

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await _open(pilot, app, where)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one("#search-input", Input).has_focus


@pytest.mark.parametrize("where", ["t", "w", "term"])
async def test_escape_and_backspace_go_back(small_content: Edition, where: str) -> None:
    for key in ("escape", "backspace"):
        app = GenesisApp(small_content)
        async with app.run_test(size=NARROW) as pilot:
            await _open(pilot, app, where)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)


async def test_numbers_beyond_the_last_section_say_so(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "7")
        await pilot.pause()
        assert reader(app).section_id == "japan-role"
        messages = [n.message for n in app._notifications]
        assert any("No section 7" in m and "3" in m for m in messages), messages


async def test_space_runs_on_into_the_next_section_and_pageup_back(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        await pilot.press("end", "space")
        await pilot.pause()
        assert screen.section_id == "japan-role" and round(screen.article.scroll_y) == 0
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.section_id == "overview"
        assert round(screen.article.scroll_y) == screen.article.max_scroll_y > 0
        await pilot.press("3", "end", "space")
        await pilot.pause()
        assert screen.section_id == "outlook"  # the last section: space stays


# ---------------------------------------------------------------------- the footer
def bar_hints(app: GenesisApp) -> list[str]:
    from genesis_tui.ui.widgets.key_bar import KeyBar

    return [hint.display for hint in app.screen.query_one(KeyBar).shown()]


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_a_wider_footer_shows_more_keys(small_content: Edition, ui_lang: str) -> None:
    counts = {}
    for width in (40, 80, 200):
        app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            shown = bar_hints(app)
            assert shown[:2] == ["q", "?"], (width, shown)
            counts[width] = shown
    assert len(counts[40]) < len(counts[80]) < len(counts[200])
    assert "tab" in counts[200] and "1-3" in counts[200]


@pytest.mark.parametrize("keys", [("t",), ("w",), ("g",), ("tab", "enter")])
async def test_every_footer_keeps_quit_and_help_at_40_columns(
    small_content: Edition, keys: tuple[str, ...]
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert bar_hints(app)[:2] in (["q", "?"], ["^q", "f1"])


async def test_the_glossary_footer_speaks_the_interface_language(small_content: Edition) -> None:
    from genesis_tui.ui.widgets.key_bar import KeyBar

    app = GenesisApp(small_content, ui_lang="ja")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g")
        await pilot.pause()
        shown = app.screen.query_one(KeyBar).shown()
        assert [(hint.display, hint.description) for hint in shown[:2]] == [
            ("^q", "終了"),
            ("f1", "ヘルプ"),
        ]


async def test_the_palette_shows_each_commands_key(small_content: Edition) -> None:
    from textual.content import Content as Text

    from genesis_tui.ui.commands import GenesisCommands

    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE):
        provider = GenesisCommands(app.screen)
        # The palette reads help as markup: what it shows is the markup's plain text.
        helps = {
            name: Text.from_markup(help_text).plain for name, _, help_text in provider._commands()
        }
        assert helps["Next section"].endswith("(key: ])")
        assert helps["Previous section"].endswith("(key: [)")
        assert helps["Glossary"].endswith("(key: g)")
        assert helps["Quit"].endswith("(key: q / ctrl+q)")
        assert any(
            name.startswith("Section 3") and h.endswith("(key: 3)") for name, h in helps.items()
        )


# ---------------------------------------------------------------------- small terminals
@pytest.mark.parametrize("width", [60, 80, 95, 120])
async def test_the_section_list_gives_the_text_room(small_content: Edition, width: int) -> None:
    """The section tabs are one row under the header: the page has the terminal's width (less
    its scrollbar) and every row but the header's, the tabs' and the footer's."""
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(small_content)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        sections = reader(app).query_one(SectionList)
        article = reader(app).article
        assert sections.display and sections.region.height == 1
        assert sections.region.width == width and sections.region.y == 1  # under the header
        assert article.region.width == width and article.region.y == 2
        assert article.scrollable_content_region.width == width - 1  # the scrollbar's cell
        assert cells(sections.text()) <= width, sections.text()


# What the row shows at each width: the first form that fits, whole (the bundled article).
EN_ALL = ">1 Overview  2 Japan's role  3 Strategic significance  4 Open challenges  5 Outlook"
EN_ONE = ">1 Overview  2  3  4  5"
JA_ALL = ">1 概要  2 日本の役割  3 戦略的意義  4 残された課題  5 展望"
BOTH = (
    ">1 概要 Overview  2 日本の役割 Japan's role  3 戦略的意義 Strategic significance"
    "  4 残された課題 Open challenges  5 展望 Outlook"
)
JA_ONE = ">1 概要  2  3  4  5"


@pytest.mark.parametrize(
    ("ui_lang", "view", "rows"),
    [
        ("en", "en", {200: EN_ALL, 100: EN_ALL, 80: EN_ONE, 60: EN_ONE, 52: EN_ONE}),
        ("en", "both", {200: BOTH, 100: EN_ALL, 80: EN_ONE, 60: EN_ONE, 52: EN_ONE}),
        ("ja", "both", {200: BOTH, 100: JA_ALL, 80: JA_ALL, 60: JA_ALL, 52: JA_ONE}),
        ("ja", "ja", {200: JA_ALL, 100: JA_ALL, 80: JA_ALL, 60: JA_ALL, 52: JA_ONE}),
    ],
)
async def test_the_section_tabs_show_what_fits(
    content: Edition, ui_lang: str, view: str, rows: dict[int, str]
) -> None:
    """Titles in the view's languages (Japanese first, as on the page), else in the interface's
    alone, else the numbers with the current section's title: chosen by what fits the row,
    never cut."""
    from genesis_tui.ui.widgets.section_list import SectionList

    state = SavedState(section="overview", view=view)  # type: ignore[arg-type]
    app = GenesisApp(content, ui_lang=ui_lang, state=state)  # type: ignore[arg-type]
    async with app.run_test(size=(200, 30)) as pilot:
        sections = reader(app).query_one(SectionList)
        for width, row in rows.items():
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            assert sections.display and sections.text() == row, width
            assert cells(sections.text()) <= width
        await pilot.press("2")
        await pilot.pause()
        assert ">2 " in sections.text() and ">1" not in sections.text()


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_the_page_is_laid_out_once_at_start_under_the_tabs(
    small_content: Edition, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """The page's width is known before the first paint (the screen's, less the scrollbar: the
    tabs stand above it), so the section is typeset once, not again at the first resize."""
    from genesis_tui.ui.widgets.page_kinds import ArticleView

    built: list[object] = []
    build = ArticleView.build_page
    monkeypatch.setattr(ArticleView, "build_page", lambda self: built.append(1) or build(self))
    app = GenesisApp(small_content, state=SavedState(section="overview", view="both"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert reader(app).article.scrollable_content_region.width == size[0] - 1
        assert len(built) == 1


async def test_a_narrow_row_names_the_current_section(content: Edition) -> None:
    """With numbers alone for the others, the section shown keeps its title as it changes."""
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(content, state=SavedState(section="overview", view="en"))
    async with app.run_test(size=(60, 20)) as pilot:
        sections = reader(app).query_one(SectionList)
        await pilot.press("3")
        await pilot.pause()
        assert sections.text() == " 1  2 >3 Strategic significance  4  5"


async def test_a_click_on_a_tab_shows_its_section(small_content: Edition) -> None:
    """A click on an item (its number or its title) shows that section; between items, none;
    the tabs never take the focus from the page. At 100 columns the page is centred, and the
    row starts where its text does."""
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(small_content, state=SavedState(section="overview", view="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        sections = reader(app).query_one(SectionList)
        article = reader(app).article
        assert sections.indent == article.left_margin - article.MARGIN > 0
        focused = app.focused
        text = " " * sections.indent + sections.text()
        x = cells(text[: text.index("Outlook")]) + 2
        await pilot.click(SectionList, offset=(x, 0))
        await pilot.pause()
        assert reader(app).section_id == "outlook"
        text = " " * sections.indent + sections.text()
        gap = cells(text[: text.index(" 2 ")])  # the space before item 2's mark
        await pilot.click(SectionList, offset=(gap - 1, 0))
        await pilot.pause()
        assert reader(app).section_id == "outlook"
        await pilot.click(SectionList, offset=(gap + 1, 0))  # the number 2
        await pilot.pause()
        assert reader(app).section_id == "japan-role"
        assert app.focused is focused


async def test_s_hides_and_shows_the_section_list(small_content: Edition) -> None:
    """``s`` takes the row away and gives the page a row more, the line read staying on top."""
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(small_content)
    async with app.run_test(size=(60, 20)) as pilot:
        sections = reader(app).query_one(SectionList)
        article = reader(app).article
        article.scroll_to(y=13, animate=False)
        await pilot.pause()
        anchor, height, width = article.place, article.size.height, article.page_width
        assert anchor is not None
        await pilot.press("s")
        await pilot.pause()
        assert not sections.display and article.size.height == height + 1
        assert article.page_width == width and top_holds(article, anchor)
        await pilot.press("s")
        await pilot.pause()
        assert sections.display and article.size.height == height
        assert top_holds(article, anchor) and round(article.scroll_y) == 13


async def test_the_section_list_hidden_stays_hidden_after_a_restart(
    small_content: Edition, tmp_path: Path
) -> None:
    """On a slow link a reader hides the list once (a line scrolled then costs fewer bytes):
    the choice is saved with the state and the next start keeps it; ``s`` shows it again."""
    from genesis_tui.storage.state import load_state, save_state
    from genesis_tui.ui.widgets.section_list import SectionList

    path = tmp_path / "state.json"
    app = GenesisApp(small_content)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert not reader(app).query_one(SectionList).display
        save_state(app.remember(), path)
    again = GenesisApp(small_content, state=load_state(path))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not reader(again).query_one(SectionList).display
        await pilot.press("s")
        await pilot.pause()
        assert reader(again).query_one(SectionList).display
        assert again.remember().sections_shown is True


async def test_below_52_columns_the_list_hides_by_itself(small_content: Edition) -> None:
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(small_content)
    async with app.run_test(size=(44, 12)) as pilot:
        await pilot.pause()
        assert not reader(app).query_one(SectionList).display


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24)])
async def test_help_wraps_its_rows_and_scrolls(
    small_content: Edition, ui_lang: str, size: tuple[int, int]
) -> None:
    from textual.widgets import Static

    from genesis_tui.text.typesetting import cells
    from genesis_tui.ui.screens.help import HelpScreen

    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = help_screen.query_one("#help-keys", Static)
        lines = str(keys.render()).splitlines()
        assert max(cells(line) for line in lines) <= keys.content_region.width
        shown = "".join("".join(lines).split())
        for _, what in help_screen.rows():  # every row is there, whole, wrapped or not
            assert "".join(what.split()) in shown, what
        body = help_screen.body
        if body.max_scroll_y:
            await pilot.press("j", "space")
            await pilot.pause()
            assert body.scroll_y > 0


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_the_too_small_cover_fits_20x6(small_content: Edition, ui_lang: str) -> None:
    from textual.widgets import Static

    from genesis_tui.text.typesetting import cells
    from genesis_tui.ui.screens.too_small import TooSmallScreen

    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        lines = str(app.screen.query_one(Static).render()).splitlines()
        assert len(lines) <= 6 and max(cells(line) for line in lines) <= 20
        assert any("40x10" in line for line in lines)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


# ---------------------------------------------------------------------- selection without colour
def attributes(strip: object) -> list[tuple[str, tuple[bool, ...]]]:
    """Each run's text and its attributes (bold, italic, underline, reverse), colour dropped."""
    from textual.strip import Strip

    assert isinstance(strip, Strip)
    return [
        (s.text, (bool(s.style.bold), bool(s.style.italic), bool(s.style.underline),
                  bool(s.style.reverse)) if s.style else (False,) * 4)
        for s in strip
        if s.text.strip()
    ]  # fmt: skip


def row_look(strip: object) -> set[tuple[bool, ...]]:
    return {look for _, look in attributes(strip)}


@pytest.fixture
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.usefixtures("no_color")
async def test_the_chosen_glossary_row_shows_without_colour(small_content: Edition) -> None:
    from textual.widgets import OptionList

    app = GenesisApp(small_content)
    assert app.no_color
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "down")
        await pilot.pause()
        terms = app.screen.query_one("#terms", OptionList)
        assert terms.highlighted == 1
        chosen, other = row_look(terms.render_line(1)), row_look(terms.render_line(2))
        assert chosen and other and chosen.isdisjoint(other), (chosen, other)


@pytest.mark.usefixtures("no_color")
async def test_the_section_shown_is_marked_without_colour(small_content: Edition) -> None:
    from genesis_tui.ui.widgets.section_list import SectionList

    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        sections = reader(app).query_one(SectionList)
        looks = {text: look for text, look in attributes(sections.render_line(0))}
        current = next(text for text in looks if "2" in text)
        other = next(text for text in looks if "3" in text)
        assert current.startswith(">2") and not other.startswith(">"), looks
        assert looks[current] != looks[other], looks


@pytest.mark.usefixtures("no_color")
@pytest.mark.parametrize("where", ["reader", "term"])
async def test_links_the_chosen_link_and_search_matches_differ_without_colour(
    small_content: Edition, where: str
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        if where == "term":
            app.open_term("riken")
            await pilot.pause()
        view = app.screen.query_one(PageView)
        await pilot.press("tab")
        await pilot.pause()
        assert view.current_link is not None
        # A search match on some text on screen, to compare with the chosen link.
        top = round(view.scroll_y)
        height = view.scrollable_content_region.height
        piece = next(
            p
            for line in view.page.lines[top : top + height]
            for p in line.pieces
            if p.block and p.lang and not p.part and p.role == "text" and p.link is None
        )
        assert piece.block is not None
        view.set_marks({(piece.block, piece.lang, ""): ((piece.start, piece.start + 2),)})
        await pilot.pause()
        looks = {look for y in range(height) for _, look in attributes(view.render_line(y))}
        bold, _, underline, reverse = range(4)
        chosen = {look for look in looks if look[reverse] and look[bold] and look[underline]}
        marked = {look for look in looks if look[reverse] and not look[bold]}
        links = {look for look in looks if look[underline] and not look[reverse]}
        assert chosen, "the chosen link is not bold, underlined and reversed"
        assert marked, "the search match is not reversed (or is bold like the chosen link)"
        assert links, "the other links are not underlined"


# ---------------------------------------------------------------------- glossary entries as pages
async def test_a_term_entry_scrolls_with_the_readers_keys(small_content: Edition) -> None:
    from genesis_tui.ui.screens.term import TermScreen

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        app.open_term("riken")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TermScreen)
        view = screen.page_view
        assert view.max_scroll_y > 0  # "appears in" is below the fold at 80x24
        await pilot.press("j")
        assert round(view.scroll_y) == 1
        await pilot.press("space")
        assert round(view.scroll_y) > 1
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        last_place = view.page.links[-1]  # the last place the term appears in
        assert last_place.jump is not None
        top = round(view.scroll_y)
        assert top <= last_place.line < top + view.scrollable_content_region.height
        await pilot.press("home")
        assert view.scroll_y == 0


async def test_tab_reaches_every_part_of_a_term_entry(small_content: Edition) -> None:
    from genesis_tui.ui.screens.term import TermScreen

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        app.open_term("riken")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TermScreen)
        view = screen.page_view
        kinds = []
        for _ in view.page.links:
            await pilot.press("tab")
            assert view.current_link is not None and view.link_visible(view.current_link)
            kinds.append("place" if view.page.links[view.current_link].jump else "related")
        assert kinds == sorted(kinds, key=["related", "place"].index)
        assert kinds.count("related") == len(small_content.term("riken").related)
        assert "place" in kinds


@pytest.mark.parametrize(("view", "langs"), [("ja", 1), ("en", 1), ("both", 2)])
async def test_appears_in_follows_the_view(small_content: Edition, view: str, langs: int) -> None:
    from genesis_tui.ui.screens.term import TermScreen

    app = GenesisApp(small_content, state=SavedState(view=view))  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        app.open_term("riken")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TermScreen)
        page = screen.page_view.page
        places = [link for link in page.links if link.jump is not None]
        # Each block that names RIKEN, then each since-publication note that alone does.
        in_text = small_content.occurrences("riken")
        in_notes = [
            place for place in small_content.since_occurrences("riken") if place not in in_text
        ]
        assert len(places) == langs * (len(in_text) + len(in_notes))
        text = "\n".join(page.text())
        assert ("RIKEN, for example" in text) == (view != "ja")
        assert ("例えば、理研は" in text) == (view != "en")


async def test_f1_opens_help_where_a_text_field_takes_the_question_mark(
    small_content: Edition,
) -> None:
    from genesis_tui.ui.screens.help import HelpScreen

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g", "question_mark")
        assert not isinstance(app.screen, HelpScreen)  # typed into the filter
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


# ---------------------------------------------------------------------- the anchor, pure
@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_anchors_words_are_on_its_line_at_any_width(
    small_content: Edition, data: st.DataObject
) -> None:
    from genesis_tui.pages.article import section_page

    section = data.draw(st.sampled_from([s.id for s in small_content.article.sections]))
    view = data.draw(st.sampled_from(["both", "ja", "en"]))
    first = section_page(small_content, section, view, data.draw(st.booleans()), data.draw(WIDTHS))
    line = data.draw(st.integers(0, len(first.lines) - 1))
    anchor = first.anchor_at(line)
    assert first.line_of(anchor) == line  # the same layout: the same line
    if not anchor.in_text:
        return
    again = section_page(small_content, section, view, data.draw(st.booleans()), data.draw(WIDTHS))
    found = again.line_of(anchor) + anchor.lead
    pieces = again.lines[found].pieces
    source = (anchor.block, anchor.lang, anchor.part)
    if any(p.source == source for line in again.lines for p in line.pieces):
        # The character at the anchor's offset is on that line, in the same text.
        assert any(
            p.source == source and p.start <= anchor.offset <= p.start + len(p.text) for p in pieces
        ), (anchor, again.lines[found].text)
    else:  # its language is not shown: the same text in the other language is there
        assert any(p.source and (p.source[0], p.source[2]) == (anchor.block, anchor.part)
                   for p in pieces), (anchor, again.lines[found].text)  # fmt: skip


@pytest.mark.parametrize("view", ["both", "ja", "en"])
def test_a_notes_place_is_in_the_note_in_every_view(small_content: Edition, view: str) -> None:
    """A place in a translator's note is found in the note of a page in any view, at another
    width: the note of the language shown when its own is hidden."""
    from genesis_tui.pages.article import section_page

    both = section_page(small_content, "overview", "both", False, 73)
    line = next(i for i, ln in enumerate(both.lines) if any(p.part == "note" for p in ln.pieces))
    anchor = both.anchor_at(line)
    assert (anchor.block, anchor.part) == ("overview-1", "note")
    other = section_page(small_content, "overview", view, False, 50)  # type: ignore[arg-type]
    found = other.anchor_at(other.line_of(anchor))
    assert (found.block, found.part) == ("overview-1", "note")


async def test_back_is_greyed_until_there_is_somewhere_to_go_back_to(
    small_content: Edition,
) -> None:
    """A wide footer offers esc Back, greyed (and not clickable) until a jump or a search."""
    from genesis_tui.ui.widgets.key_bar import KeyBar

    app = GenesisApp(small_content)
    async with app.run_test(size=(200, 30)) as pilot:
        bar = app.screen.query_one(KeyBar)

        def back() -> bool:
            (hint,) = [hint for hint in bar.shown() if hint.display == "esc"]
            return hint.enabled

        assert not back()
        assert app.screen.check_action("back", ()) is None
        await pilot.press("tab", "enter")  # follow a link: a glossary entry over the reader
        await pilot.press("escape")  # back to the reader, which has no jump to undo
        await pilot.press("2")
        assert not back()
        await pilot.press("slash")
        assert app.screen.check_action("back", ()) is True  # closes the search line
        await pilot.press("escape")
        await pilot.press("right_parenthesis")  # a sentence marked: back unmarks it
        assert back()
        await pilot.press("escape")
        assert not back()
