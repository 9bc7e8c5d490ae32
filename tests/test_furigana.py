"""Readings (furigana) in the reader: a line of kana above each line of Japanese."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from genesis_tui.content.edition import Edition
from genesis_tui.pages.article import section_page
from genesis_tui.pages.page import Line
from genesis_tui.storage.state import SavedState
from genesis_tui.text.typesetting import cells, is_kinsoku_violation
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen
from tests.conftest import sweep_widths


def _columns(line: Line) -> dict[tuple[str, int], int]:
    """The column of each character of block text on a line, by (block id, offset)."""
    found: dict[tuple[str, int], int] = {}
    column = 0
    for piece in line.pieces:
        for index, char in enumerate(piece.text):
            if piece.block is not None and piece.lang == "ja" and not piece.part:
                found[(piece.block, piece.start + index)] = column
            column += cells(char)
    return found


def _by_cell(text: str) -> str:
    """``text`` with one character per terminal cell (a wide character and a filler), so that
    string offsets are columns."""
    return "".join(char + "\0" * (cells(char) - 1) for char in text)


@settings(max_examples=25, deadline=None)
@given(width=st.integers(20, 120), section=st.integers(0, 4))
def test_every_reading_stands_over_its_base(content: Edition, width: int, section: int) -> None:
    section_id = content.article.sections[section].id
    page = section_page(content, section_id, "ja", False, width, "ja", True)
    blocks = {block.id: block for block in content.article.sections[section].blocks}
    lines = page.lines
    for number, line in enumerate(lines):
        assert cells(line.text) <= width, (width, line.text)
        columns = _columns(line)
        if not columns:
            continue
        above = _by_cell(lines[number - 1].text)
        block_id = next(iter(columns))[0]
        text = blocks[block_id].ja
        for start, end, reading in content.ruby.spans(text):
            if (block_id, start) not in columns or (block_id, end - 1) not in columns:
                continue  # a base on another line (or broken, where it cannot fit)
            left = columns[(block_id, start)]
            right = columns[(block_id, end - 1)] + cells(text[end - 1])
            middle = (left + right) / 2
            width_of_reading = cells(reading)
            placed = above.find(_by_cell(reading), max(0, int(middle - width_of_reading / 2) - 1))
            assert placed >= 0, (reading, above)
            centre = placed + width_of_reading / 2
            assert abs(centre - middle) <= 1, (reading, text[start:end], above, line.text)


def test_kinsoku_holds_with_readings(content: Edition) -> None:
    for width in sweep_widths(step_in_ci=7, step_by_hand=21):
        for section in content.article.sections:
            page = section_page(content, section.id, "ja", False, width, "ja", True)
            rows: dict[str, list[str]] = {}  # each block's lines of text, without the spacing
            for line in page.lines:
                text = "".join(
                    p.text for p in line.pieces if p.block and p.lang == "ja" and not p.part
                )
                if text:
                    rows.setdefault(line.block or "", []).append(text)
            for block_rows in rows.values():
                for previous, line in itertools.pairwise(block_rows):
                    assert not is_kinsoku_violation(previous, line), (width, previous, line)


async def test_r_toggles_readings_and_they_are_remembered(content: Edition) -> None:
    app = GenesisApp(content, state=SavedState(section="overview", view="ja"))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        plain = reader.article.visible_text()
        await pilot.press("r")
        with_readings = reader.article.visible_text()
        assert with_readings != plain
        assert any("にほん" in line for line in with_readings)
        await pilot.press("q")
    assert app.state.readings is True
    again = GenesisApp(content, state=app.state)
    async with again.run_test(size=(80, 24)) as pilot:
        reader = again.screen
        assert isinstance(reader, ReaderScreen) and reader.article.ruby
        await pilot.press("r")
        assert not reader.article.ruby


async def test_a_glossary_entry_shows_readings_when_the_reader_does(content: Edition) -> None:
    app = GenesisApp(content, state=SavedState(section="overview", readings=True))
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_term("mext")
        await pilot.pause()
        text = "\n".join(app.screen.page_view.page.text())  # type: ignore[attr-defined]
        assert "きょういく" in text  # over 教育, in the definition
        await pilot.press("escape", "r")  # readings off in the reader: off in the entry too
        app.open_term("mext")
        await pilot.pause()
        text = "\n".join(app.screen.page_view.page.text())  # type: ignore[attr-defined]
        assert "きょういく" not in text


async def test_the_line_being_read_keeps_its_readings_on_screen(content: Edition) -> None:
    app = GenesisApp(content, state=SavedState(section="japan-role", view="ja"))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press(*"jjjjjjjjjj")
        top = reader.article.visible_text()[0]
        await pilot.press("r")  # readings on: the same text, with its kana above it, on top
        lines = reader.article.visible_text()
        page = reader.article.page
        first = page.lines[round(reader.article.scroll_y)]
        assert any(piece.role == "ruby" for piece in first.pieces)
        assert lines[1].replace(" ", "").startswith(top.strip()[:5])
        await pilot.press("r")  # off again: the text on top, no blank line above it
        assert reader.article.visible_text()[0].strip() == top.strip()
