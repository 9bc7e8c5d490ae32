"""The smaller items of issue 24, each with the behaviour it fixed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from tests.conftest import SMALL_CONTENT

NARROW = (80, 24)


async def test_escape_clears_a_search_that_found_nothing(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"xyzzy", "enter")
        await pilot.pause()
        status = app.screen.query_one("#search-status", Static)
        assert status.has_class("-open")
        await pilot.press("escape")
        await pilot.pause()
        assert not status.has_class("-open")


async def test_escape_clears_the_status_once_back_where_the_search_began(
    small_content: Edition,
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("slash", *"理研", "enter")
        await pilot.press("escape")  # back to where the search began
        await pilot.press("escape")  # and the search goes
        await pilot.pause()
        assert not app.screen.query_one("#search-status", Static).has_class("-open")


@pytest.mark.parametrize(
    "name", ["Readings (furigana)", "Section list", "Next match", "Previous match", "Copy"]
)
async def test_the_palette_has_every_action(small_content: Edition, name: str) -> None:
    from genesis_tui.ui.commands import GenesisCommands

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW):
        provider = GenesisCommands(app.screen)
        assert name in {command for command, _, _ in provider._commands()}


async def test_the_palette_turns_readings_on(small_content: Edition) -> None:
    from genesis_tui.ui.commands import GenesisCommands

    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        provider = GenesisCommands(app.screen)
        commands = {name: callback for name, callback, _ in provider._commands()}
        commands["Readings (furigana)"]()
        await pilot.pause()
        assert app.reader.readings


async def test_help_lists_as_many_section_keys_as_there_are_sections(
    small_content: Edition,
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = str(app.screen.query_one("#help-keys").render())
        count = len(small_content.article.sections)
        assert f"1-{count} " in keys and "1-9" not in keys


async def test_the_glossary_sorted_by_english_shows_english_first(
    small_content: Edition,
) -> None:
    from textual.widgets import OptionList

    from genesis_tui.ui.screens.glossary import GlossaryScreen

    app = GenesisApp(small_content, ui_lang="ja")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen) and screen.sort_key == "reading"
        options = screen.query_one("#terms", OptionList)
        first = str(options.get_option_at_index(0).prompt).splitlines()[0]
        assert any("\u3040" <= char <= "\u9fff" for char in first)  # Japanese first
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = str(options.get_option_at_index(0).prompt).splitlines()[0]
        assert first.isascii(), first  # sorted by English: English first


async def test_y_at_the_top_copies_the_key_points(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    copied: list[str] = []
    async with app.run_test(size=NARROW) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("y")
        await pilot.pause()
        points = small_content.section("overview").key_points
        # In both, the Japanese points, then the English.
        assert copied and copied[0].startswith(points[0].ja)
        assert all(point.en in copied[0] for point in points)


# ---------------------------------------------------------------------- the command line
def _piped(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genesis_tui", "--content", str(SMALL_CONTENT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


@pytest.mark.slow  # a real process
def test_the_piped_text_takes_the_width_from_columns() -> None:
    result = _piped(env={"COLUMNS": "60"})
    assert result.returncode == 0
    prose = [line for line in result.stdout.splitlines() if "https://" not in line]
    assert max(cells(line) for line in prose) <= 60
    assert max(cells(line) for line in prose) > 50


def test_section_takes_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(SMALL_CONTENT), "export", "--section", "2"]) == 0
    assert "## 日本の役割 / Japan's role" in capsys.readouterr().out
    assert main(["--content", str(SMALL_CONTENT), "export", "--section", "9"]) == 2
    assert "1-3" in capsys.readouterr().err


def test_section_opens_at_the_sections_top(tmp_path: Path) -> None:
    from genesis_tui.cli.reader import starting_state
    from genesis_tui.content.places import Place
    from genesis_tui.storage.state import SavedState, save_state

    path = tmp_path / "state.json"
    saved = SavedState(section="outlook")
    saved.anchors["overview"] = Place("overview-3", "ja", "", 10)
    save_state(saved, path)
    state, _ = starting_state(path, section_id="overview", lang=None)
    assert state.section == "overview" and state.anchor("overview") is None
    state, _ = starting_state(path, section_id=None, lang=None)
    assert state.anchor("overview") is not None  # without --section the place is kept


def test_the_linux_console_starts_in_english_unless_told(tmp_path: Path) -> None:
    from genesis_tui.cli.reader import starting_state

    assert starting_state(None, section_id=None, lang=None, linux_console=True)[0].view == "en"
    told = starting_state(None, section_id=None, lang="both", linux_console=True)[0]
    assert told.view == "both"


@pytest.mark.parametrize("flag", [["--theme", "nord"], ["--no-mouse"], ["--ascii"], ["--no-state"]])
@pytest.mark.parametrize("command", ["export", "check"])
def test_reader_options_are_refused_by_other_commands(
    capsys: pytest.CaptureFixture[str], flag: list[str], command: str
) -> None:
    assert main([command, *flag]) == 2
    error = capsys.readouterr().err
    assert "for the reader" in error and flag[0] in error


# ---------------------------------------------------------------------- keys and dates
@pytest.mark.parametrize(
    ("typed", "key"),
    [("ｖ", "v"), ("２", "2"), ("／", "slash"), ("ｑ", "q"), ("？", "question_mark"),
     ("Ｎ", "N"), ("］", "right_square_bracket"), ("\u3000", "space"), ("v", "v"), ("あ", "あ")],
)  # fmt: skip
def test_full_width_keys_are_the_keys_they_stand_for(typed: str, key: str) -> None:
    from textual import events

    from genesis_tui.terminal.input_decoder import half_width

    assert half_width(events.Key(typed, typed)).key == key


def test_dates_read_naturally_in_the_japanese_interface(small_content: Edition) -> None:
    from genesis_tui.pages.timeline import timeline_page

    text = "\n".join(timeline_page(small_content, 80, "both", "ja").text())
    assert "2025年11月" in text and "2026年6月4日" in text and "2025-11" not in text
    english = "\n".join(timeline_page(small_content, 80, "both", "en").text())
    assert "2025-11" in english
    # The labels start in one column, whatever the date's width.
    starts = {
        line.index("o ") for line in text.splitlines() if line.startswith("20") and " o " in line
    }
    assert len(starts) == 1, starts


@pytest.mark.parametrize(("ui_lang", "name"), [("ja", "文部科学省"), ("en", "MEXT")])
def test_who_signed_what_is_said_in_one_language(
    small_content: Edition, ui_lang: str, name: str
) -> None:
    from genesis_tui.pages.whos_who import whos_who_page

    page = whos_who_page(small_content, 80, ui_lang, "both")  # type: ignore[arg-type]
    chains = [line for line in page.text() if "<==" in line]
    assert chains and all(name in line for line in chains[:1]), chains
    japanese = [any("\u3040" <= char <= "\u9fff" for char in line) for line in chains]
    assert all(japanese) if ui_lang == "ja" else not any(japanese), chains


@pytest.mark.parametrize(("width", "two"), [(99, False), (100, True), (120, True)])
async def test_side_by_side_only_with_room_for_two_columns_of_japanese(
    small_content: Edition, width: int, two: bool
) -> None:
    # With the section tabs above the page (not beside it), 100 columns leave two columns
    # of about 48 cells; below 100 the reader is one column.
    app = GenesisApp(small_content)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        article = app.reader.article
        assert article.two_columns is two
        if two:
            assert (article.page_width - 2) // 2 >= article.MIN_COLUMN
