"""What the reader sends for a change: over a slow SSH link every byte is a wait, so a change
repaints only the part of the screen it changes; and start-up spends no time collecting garbage.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from textual._compositor import Compositor

from genesis_tui.cli import main as cli
from genesis_tui.content.edition import Edition
from genesis_tui.terminal import gc_pause as collector
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.page_kinds import ArticleView

SIZE = (100, 30)


@pytest.fixture
def full_repaints(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the compositor's repaints of the whole screen (from the moment it is used)."""
    counted: list[int] = []
    original = Compositor.render_full_update

    def counting(self: Compositor, simplify: bool = False) -> object:
        counted.append(1)
        return original(self, simplify=simplify)

    monkeypatch.setattr(Compositor, "render_full_update", counting)
    return counted


@pytest.mark.parametrize("keys", [("2",), ("3", "1"), ("]",), ("r",)])
async def test_a_section_change_repaints_only_what_changes(
    small_content: Edition, full_repaints: list[int], keys: tuple[str, ...]
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.screen.query_one("#article").content_size
        full_repaints.clear()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.query_one("#article").content_size == before
        assert full_repaints == [], f"{keys} repainted the whole screen"


@pytest.fixture
def collecting() -> Iterator[None]:
    """Garbage collection on, as a program starts, and on again after the test."""
    gc.enable()
    yield
    gc.enable()


def test_the_command_line_leaves_collection_on(
    collecting: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        cli.main(["--no-such-flag"])
    assert gc.isenabled()
    assert cli.main(["export", "--format", "json"]) == 0
    assert gc.isenabled()


def test_serve_runs_with_collection_on(collecting: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # A server runs for days: without collection its reference cycles would never be freed.
    from genesis_tui.cli import serve

    seen: list[bool] = []
    monkeypatch.setattr(serve, "serve", lambda *args, **kwargs: seen.append(gc.isenabled()) or 0)
    assert cli.main(["serve", "--port", "8000"]) == 0
    assert seen == [True]


async def test_the_reader_collects_again_once_its_first_frame_is_out(
    collecting: None, small_content: Edition
) -> None:
    collector.pause()  # as the command line does before it starts the reader
    assert not gc.isenabled()
    app = GenesisApp(small_content)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()


def test_collection_left_off_stays_off(collecting: None) -> None:
    gc.disable()
    collector.pause()
    collector.resume()
    assert not gc.isenabled()


@pytest.mark.parametrize(
    "keys",
    [("2", "1"), ("tab",), ("tab", "tab", "shift+tab"), ("2", "tab", "1", "2"), ("v", "v")],
)
async def test_lines_drawn_again_look_as_drawn_afresh(
    small_content: Edition, keys: tuple[str, ...]
) -> None:
    # Lines are kept as drawn, to draw them again on a switch back: what marks them (the
    # current link, the highlight) must show as it does on a line drawn for the first time.
    app = GenesisApp(small_content)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#article", ArticleView)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            kept = [view.render_line(y) for y in range(view.size.height)]
            view._strips.clear()
            assert kept == [view.render_line(y) for y in range(view.size.height)], key
