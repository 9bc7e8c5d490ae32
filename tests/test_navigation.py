"""Reading that keeps its place: the anchor, on-screen links, search, one key map, small sizes."""

from __future__ import annotations

import pytest

from genesis_tui.app import GenesisApp
from genesis_tui.history import Anchor
from genesis_tui.loader import Content
from genesis_tui.screens.reader import ReaderScreen
from genesis_tui.state import SavedState
from genesis_tui.widgets.page_view import PageView

NARROW, WIDE = (80, 24), (120, 36)


def reader(app: GenesisApp) -> ReaderScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, ReaderScreen), screen
    return screen


def top_text(view: PageView) -> tuple[str | None, str | None, str, int]:
    """Where the top line's text comes from: (block, language, part, offset)."""
    anchor = view.page.anchor_at(round(view.scroll_y))
    return (anchor.block, anchor.lang, anchor.part, anchor.offset)


def top_holds(view: PageView, anchor: Anchor) -> bool:
    """True when the top line shown is the line that holds ``anchor``."""
    return round(view.scroll_y) == min(view.page.line_of(anchor), view.max_scroll_y)


# ---------------------------------------------------------------------- the anchor
@pytest.mark.parametrize("presses", [5, 17, 28, 40])
async def test_v_three_times_keeps_the_place(content: Content, presses: int) -> None:
    app = GenesisApp(content)
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


async def test_v_keeps_the_note_on_top_in_each_view(content: Content) -> None:
    app = GenesisApp(content)
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


@pytest.mark.parametrize("start", [9, 14, 20, 31])
async def test_resizes_keep_the_line_being_read_on_top(content: Content, start: int) -> None:
    app = GenesisApp(content)
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


async def test_a_section_round_trip_keeps_the_place(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press(*["j"] * 12)
        anchor = article.place
        await pilot.press("3", "j", "v", "1")
        await pilot.pause()
        assert reader(app).section_id == "overview"
        assert anchor is not None and top_holds(article, anchor)


async def test_back_after_a_jump_returns_to_the_place_at_another_width(
    content: Content,
) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        await pilot.press(*["j"] * 20)
        anchor = screen.article.place
        screen.jump_to_block("significance", "significance-5")
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.section_id == "overview"
        assert anchor is not None and top_holds(screen.article, anchor)


async def test_a_restart_at_another_size_opens_at_the_same_words(content: Content) -> None:
    app = GenesisApp(content, state=SavedState(section="japan-role"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press(*["j"] * 23)
        before = top_text(reader(app).article)
        await pilot.press("q")
    state = app.state
    assert state.anchors["japan-role"].block is not None
    again = GenesisApp(content, state=state)
    async with again.run_test(size=(150, 40)) as pilot:
        await pilot.pause()
        article = reader(again).article
        assert round(article.scroll_y) > 0
        block, lang, part, offset = top_text(article)
        assert (block, lang, part) == before[:3]
        assert offset <= before[3]


async def test_an_old_state_file_with_line_numbers_still_opens(content: Content) -> None:
    app = GenesisApp(content, state=SavedState(section="japan-role", scroll={"japan-role": 7}))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert round(reader(app).article.scroll_y) == 7


async def test_the_header_shows_section_and_percentage(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        assert screen.sub_title.startswith("1/5 Overview")
        first = screen.percent_read
        await pilot.press("end")
        await pilot.pause()
        assert screen.percent_read == 100 > first
        assert "| 100% |" in screen.sub_title


# ---------------------------------------------------------------------- links on screen
async def test_tab_starts_from_the_first_link_on_screen(content: Content) -> None:
    app = GenesisApp(content)
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


async def test_enter_opens_only_a_link_on_screen(content: Content) -> None:
    from genesis_tui.screens.term import TermScreen

    app = GenesisApp(content)
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


async def test_shift_tab_starts_from_the_last_link_on_screen(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        article = reader(app).article
        await pilot.press("shift+tab")
        await pilot.pause()
        assert article.current_link is not None
        assert article.link_visible(article.current_link)
        assert round(article.scroll_y) == 0
