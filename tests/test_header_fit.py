"""The reader's header at narrow widths: each part shown whole or left out, never cut inside a
number (the trial's 80-column header ended ``known 1/14…`` for 1/143)."""

from __future__ import annotations

import re

import pytest
from textual.widgets._header import HeaderTitle

from genesis_tui.content.edition import Edition
from genesis_tui.pages.study import section_progress
from genesis_tui.storage.state import SavedState
from genesis_tui.storage.statuses import WordStatuses
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen


def _longest_section(content: Edition) -> str:
    """The section with the most words to count (three digits: a long count)."""
    return max(
        content.article.sections,
        key=lambda s: section_progress(content, s, WordStatuses()).total,
    ).id


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_header_part_is_shown_whole_or_not_at_all(
    content: Edition, width: int, ui_lang: str, ascii_only: bool
) -> None:
    statuses = WordStatuses()
    statuses.set("日本", "にほん", "known")
    section_id = _longest_section(content)
    total = section_progress(content, content.section(section_id), statuses).total
    assert total >= 100
    state = SavedState(section=section_id, view="both")
    app = GenesisApp(
        content,
        state=state,
        ui_lang=ui_lang,  # type: ignore[arg-type]
        ascii=ascii_only,
        statuses=statuses,
    )
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        shown = screen.query_one(HeaderTitle).render_line(0).text.strip()
        sub_title = screen.sub_title or ""
        assert sub_title and shown.startswith(sub_title), (shown, sub_title)
        assert "…" not in shown, shown
        rest = shown[len(sub_title) :]
        title = screen.title or ""
        if rest:  # the article's title, whole or shortened with "..."
            assert rest.startswith(" | "), shown
            rest = rest[3:]
            assert rest == title or (rest.endswith("...") and title.startswith(rest[:-3]))
        for counted in re.findall(r"(\d+)/(\d+)", sub_title):
            assert counted in {
                ("1", str(total)),
                (str(_number(content, section_id)), str(len(content.article.sections))),
            }
        if width == 80:  # room for the count: it is there, whole
            assert f"1/{total}" in sub_title, shown


def _number(content: Edition, section_id: str) -> int:
    return [s.id for s in content.article.sections].index(section_id) + 1


@pytest.mark.parametrize("ascii_only", [False, True])
async def test_a_long_term_name_is_shortened_with_dots(content: Edition, ascii_only: bool) -> None:
    """Another screen's header: a term's name longer than the header ends in "...", not in
    Textual's "…" (ambiguous width), nor, under --ascii, cut with no mark."""
    term = max(content.glossary.terms, key=lambda term: len(term.term.en))
    app = GenesisApp(content, ascii=ascii_only)
    async with app.run_test(size=(50, 20)) as pilot:
        app.open_term(term.id)
        await pilot.pause()
        shown = app.screen.query_one(HeaderTitle).render_line(0).text.strip()
        assert shown.endswith("...") and "…" not in shown, shown
