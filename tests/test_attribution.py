"""The source in every form: the About page (a, help, the palette) names the publisher, links
both pages (OSC 8) and says who translated what; the txt export and the piped text start with
the same block."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.pages.about import about_page
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.explainer import AboutScreen
from tests.conftest import SMALL_CONTENT

NARROW = (80, 24)


def about_text(app: GenesisApp) -> tuple[str, set[str]]:
    """The About page's text and the addresses its pieces link to."""
    screen = app.screen
    assert isinstance(screen, AboutScreen)
    page = screen.page_view.page
    urls = {piece.url for line in page.lines for piece in line.pieces if piece.url}
    return "\n".join(page.text()), urls


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_a_shows_the_source_with_both_addresses_as_links(
    small_content: Edition, ui_lang: str
) -> None:
    source = small_content.article.source
    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("a")
        await pilot.pause()
        text, urls = about_text(app)
        assert source.publisher in text and source.title_en in text
        assert urls == {source.url_ja, source.url_en}
        assert source.note.ja in text.replace("\n", "")
        assert "About this article" in text or "この記事について" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, AboutScreen)


async def test_about_says_when_the_japanese_is_a_machine_translation(content: Edition) -> None:
    assert content.article.source.machine_translated
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("a")
        await pilot.pause()
        text, _ = about_text(app)
        assert "the publisher's machine translation" in text


async def test_about_is_reached_from_help(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        keys = str(app.screen.query_one("#help-keys").render())
        assert "about this article" in keys
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("typed", ["source", "about", "出典"])
async def test_the_palette_finds_the_source(
    small_content: Edition, typed: str, ui_lang: str
) -> None:
    from genesis_tui.ui.commands import GenesisCommands

    if typed == "出典" and ui_lang == "en":
        return
    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=NARROW) as pilot:
        provider = GenesisCommands(app.screen)
        found = [hit async for hit in provider.search(typed)]
        best = max(found, key=lambda hit: hit.score)
        shown = str(best.match_display)
        assert "About this article" in shown or "この記事について" in shown
        best.command()
        await pilot.pause()
        assert isinstance(app.screen, AboutScreen)


def test_the_txt_export_starts_with_the_source(
    small_content: Edition, capsys: pytest.CaptureFixture[str]
) -> None:
    source = small_content.article.source
    assert main(["--content", str(SMALL_CONTENT), "export", "--format", "txt"]) == 0
    text = capsys.readouterr().out
    head = text[: text.index("\n## ")]
    for said in (source.publisher, source.url_ja, source.url_en, source.note.en):
        assert said in head.replace("\n", " "), said
    # Each address whole, on a line of its own.
    assert f"  {source.url_ja}" in head.splitlines()


@pytest.mark.slow  # a real process (the text itself: test_about_... in process)
def test_the_piped_text_starts_with_the_source(small_content: Edition) -> None:
    source = small_content.article.source
    result = subprocess.run(
        [sys.executable, "-m", "genesis_tui", "--content", str(SMALL_CONTENT)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    head = result.stdout[: result.stdout.index("\n## ")]
    assert source.publisher in head and source.url_ja in head and source.url_en in head


@pytest.mark.parametrize("width", [20, 40, 60, 76, 80, 100, 116, 117, 118, 140])
def test_an_address_is_never_broken_across_lines(content: Edition, width: int) -> None:
    """Each address stands on a line of its own, whole where it fits, else cut at the width
    with "..." and its OSC 8 link the whole address (at 80 columns the Japanese page's address,
    117 cells with its indent, was broken after "japan-becomes-the-")."""
    source = content.article.source
    page = about_page(content, width)
    for url in (source.url_ja, source.url_en):
        rows = [line for line in page.lines if any(piece.url == url for piece in line.pieces)]
        assert len(rows) == 1, [line.text for line in rows]
        shown = rows[0].text.strip()
        assert cells(rows[0].text) <= width
        assert shown == url or (shown.endswith("...") and url.startswith(shown[:-3])), shown
        assert all(piece.url == url for piece in rows[0].pieces if piece.text.strip())
