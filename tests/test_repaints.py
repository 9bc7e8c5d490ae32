"""What the reader sends for a change: over a slow SSH link every byte is a wait, so a change
repaints only the part of the screen it changes.
"""

from __future__ import annotations

import pytest
from textual._compositor import Compositor

from genesis_tui.app import GenesisApp
from genesis_tui.content import Content

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
    small_content: Content, full_repaints: list[int], keys: tuple[str, ...]
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
