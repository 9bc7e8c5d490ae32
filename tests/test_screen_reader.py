"""--screen-reader: the terminal's cursor shown and on the line being read, one language in one
column, no box drawing. Pilot for where the app puts the cursor, snapshots for the layout, and
a pseudo-terminal for what the terminal itself is told (DECTCEM and the cursor's place)."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widgets import Input

from genesis_tui.cli import reader_options
from genesis_tui.content.edition import Edition
from genesis_tui.storage.state import SavedState
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.section_list import SectionList
from tests.terminal import Terminal
from tests.test_snapshots import SIZES, SMALL, SnapCompare

CURSOR_SCREENS = [(), ("tab",), ("tab", "tab"), ("space",), ("g",), ("slash", *"AI"), ("t",)]


def reader(content: Edition = SMALL, **state: Any) -> GenesisApp:
    saved = SavedState(**{"section": "overview", **state})
    return GenesisApp(content, state=saved, screen_reader=True)


def test_the_flag_and_the_environment_turn_it_on() -> None:
    def chosen(flags: list[str], environ: dict[str, str]) -> bool:
        parser = argparse.ArgumentParser()
        reader_options.add_to(parser)
        args = parser.parse_args(flags)
        return reader_options.options(args, environ)["screen_reader"]

    assert chosen(["--screen-reader"], {})
    assert chosen([], {"GENESIS_TUI_SCREEN_READER": "1"})
    assert not chosen([], {}) and not chosen([], {"GENESIS_TUI_SCREEN_READER": "0"})


async def test_one_language_at_a_time_in_one_column() -> None:
    app = reader(view="both")
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.reader.view == "en"  # both: the interface's language instead
        assert not app.screen.query_one(SectionList).display
        assert not app.screen.query_one(ArticleView).side_by_side
        seen = []
        for _ in range(4):
            await pilot.press("v")
            seen.append(app.reader.view)
        assert seen == ["ja", "en", "ja", "en"]


async def test_the_cursor_is_on_the_top_line_and_on_the_current_link() -> None:
    app = reader(section="japan-role", view="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        region = article.scrollable_content_region
        assert app.cursor_position.y == region.y  # the first line, which has text
        assert app.cursor_position.x == region.x + article.left_margin
        await pilot.press("tab")
        await pilot.pause()
        link = article.page.links[article.current_link or 0]
        row = region.y + link.line - round(article.scroll_y)
        assert app.cursor_position.y == row
        line = article.page.lines[link.line]
        before = next(i for i, piece in enumerate(line.pieces) if piece.link is not None)
        text_before = "".join(piece.text for piece in line.pieces[:before])
        assert app.cursor_position.x == region.x + article.left_margin + len(text_before)
        await pilot.press("space")
        await pilot.pause()
        assert app.cursor_position.y in (region.y, row)


async def test_the_cursor_is_on_the_word_under_the_word_cursor() -> None:
    """With the word cursor up, the terminal's cursor stands on the word's first cell, and
    follows it word by word."""
    from genesis_tui.ui.widgets.word_panel import WordPanel

    app = reader(section="overview", view="ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        region = article.scrollable_content_region
        panel = app.screen.query_one(WordPanel)
        for _ in range(3):
            word = panel.word
            row = region.y + word.line - round(article.scroll_y)
            assert app.cursor_position == Offset(region.x + article.left_margin + word.x, row)
            await pilot.press("right")
            await pilot.pause()
            assert panel.word != word


async def test_the_cursor_is_where_the_next_character_typed_goes() -> None:
    app = reader(view="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"AI")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert app.cursor_position == Offset(field.content_region.x + 2, field.content_region.y)


@pytest.mark.parametrize("keys", CURSOR_SCREENS, ids=lambda keys: "-".join(keys) or "reader")
async def test_nothing_drawn_is_box_drawing(keys: tuple[str, ...]) -> None:
    app = reader(view="ja")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        update = app.screen._compositor.render_update(
            full=True, screen_stack=app._background_screens
        )
        drawn = "".join(
            segment.text
            for line in update.strips  # type: ignore[union-attr]
            for strip in line
            for segment in strip
        )
        assert not {char for char in drawn if 0x2500 <= ord(char) <= 0x259F}
        assert "+--" not in drawn and "|" not in drawn.replace("| ", "")  # nor ASCII boxes


class TestSnapshots:
    """The single-column layout a screen reader follows: one language, no section list, no
    borders; the Japanese after v."""

    @pytest.mark.parametrize("size", SIZES)
    def test_reader(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The overview in English alone, in one column with no box drawing."""
        assert snap_compare(reader(view="both"), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_reader_in_japanese(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """After v, the overview in Japanese alone, in the same one column."""
        assert snap_compare(reader(view="both"), terminal_size=size, press=["v"])

    def test_glossary(self, snap_compare: SnapCompare) -> None:
        """The glossary at 80x24: its filter and list, without borders."""

        async def no_blink(pilot: Pilot[Any]) -> None:
            await pilot.press("g")
            for widget in pilot.app.screen.query(Input):
                widget.cursor_blink = False
            await pilot.pause()

        assert snap_compare(reader(view="en"), terminal_size=(80, 24), run_before=no_blink)


# ---------------------------------------------------------------------- in a real terminal
@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.close()


def _settled(terminal: Terminal, key: str = "") -> None:
    """Type ``key`` (if any) and read until the program has answered: the output has gone
    quiet after at least one write (no assertion depends on how long that takes)."""
    before = len(terminal.output)
    terminal.press(key)
    quiet_since = time.monotonic()
    while terminal.pump(0.05):
        count = len(terminal.output)
        if key and count == before:
            continue  # not answered yet
        if count != before:
            before, quiet_since = count, time.monotonic()
            key = ""
        elif time.monotonic() - quiet_since > 0.3:
            return


STEPS: list[tuple[str, str]] = [
    (" ", "top"),
    ("\t", "link"),
    ("\t", "link"),
    ("v", "top"),
    ("/", "field"),
    ("A", "field"),
    ("I", "field"),
    ("\r", "top"),
    ("\x1b", "top"),
    ("g", "field"),
    ("\x1b", "top"),
    ("\x1b[B", "top"),
]
"""Keys, and where the reader is after each: the top reading line, the current link (drawn in
reverse video), or the text field (the search line, the glossary's filter)."""


@pytest.mark.slow
@pytest.mark.parametrize("how", ["flag", "environment"])
def test_after_each_key_the_cursor_is_shown_on_the_readers_line(
    terminals: list[Terminal], tmp_path: Path, how: str
) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path), "LC_ALL": "", "LANG": "C.UTF-8"}
    flags = ["--ui-lang", "en"]
    if how == "flag":
        flags.append("--screen-reader")
    else:
        env["GENESIS_TUI_SCREEN_READER"] = "1"
    terminal = Terminal.genesis(*flags, size=(80, 24), env=env)
    terminals.append(terminal)
    terminal.wait_for("Quit")
    _settled(terminal)
    screen = terminal.screen
    for key, where in [("", "top"), *STEPS]:
        if key:
            _settled(terminal, key)
        cursor = screen.cursor
        row = terminal.text().splitlines()[cursor.y]
        said = f"after {key!r}: cursor at {(cursor.x, cursor.y)} on {row!r}"
        assert not cursor.hidden, said
        if where == "top":
            # The first line of the page with text on it, at its first character.
            assert 1 <= cursor.y <= 3 and row.strip(), said
            assert row[cursor.x] != " " and not row[: cursor.x].strip(), said
            assert not any(line.strip() for line in terminal.text().splitlines()[1 : cursor.y])
        elif where == "link":
            assert screen.buffer[cursor.y][cursor.x].reverse, said
            if cursor.x > 1:
                assert not screen.buffer[cursor.y][cursor.x - 1].reverse, said
        else:  # just after what was typed in the field, on its line
            assert row[: cursor.x].strip() in ("", "A", "AI"), said
    _settled(terminal, "\x11")  # ctrl+q
    assert terminal.wait_exit() == 0
