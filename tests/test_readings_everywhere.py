"""Readings (r) wherever there is Japanese: the glossary entry, the timeline, who's who as well
as the article; r works on each and the reader remembers it; no line gets an empty row of
readings."""

from __future__ import annotations

import pytest

from genesis_tui.content.edition import Edition
from genesis_tui.pages.article import section_page
from genesis_tui.pages.page import Page
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.explainer import TimelineScreen, WhosWhoScreen
from genesis_tui.ui.screens.term import TermScreen

NARROW = (80, 24)


def ruby_rows(page: Page) -> list[str]:
    return [line.text for line in page.lines if any(p.role == "ruby" for p in line.pieces)]


@pytest.mark.parametrize("key", ["t", "w", "entry"])
async def test_r_shows_readings_on_every_page(small_content: Edition, key: str) -> None:
    app = GenesisApp(small_content, ui_lang="ja")
    async with app.run_test(size=NARROW) as pilot:
        if key == "entry":
            app.open_term("statement-of-intent")
        else:
            await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, (TimelineScreen, WhosWhoScreen, TermScreen))
        assert not ruby_rows(screen.page_view.page)
        await pilot.press("r")
        await pilot.pause()
        rows = ruby_rows(screen.page_view.page)
        assert rows and all(row.strip() for row in rows)
        assert app.reader.readings, "the reader does not remember the readings"
        await pilot.press("r")
        await pilot.pause()
        assert not ruby_rows(screen.page_view.page) and not app.reader.readings


async def test_a_page_opened_with_readings_on_shows_them(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("r", "t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert "いこうひょうめいしょ" in "".join(ruby_rows(screen.page_view.page))


def test_no_line_gets_an_empty_row_of_readings(small_content: Edition) -> None:
    for section in small_content.article.sections:
        for width in (30, 60, 100):
            page = section_page(small_content, section.id, "ja", False, width, "ja", ruby=True)
            lines = page.lines
            for number, line in enumerate(lines):
                if any(piece.role == "ruby" for piece in line.pieces):
                    assert line.text.strip(), (section.id, width, number)
                    # A row of readings stands over a line of Japanese.
                    assert number + 1 < len(lines) and lines[number + 1].text.strip()
