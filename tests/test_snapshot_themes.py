"""What a person sees in a dark and a light theme: the reader (a current link, search hits, a
heading, notes) and the timeline (web sources) at 120x36.

Update them after a deliberate change with
``pytest tests/test_snapshot_themes.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from genesis_tui.content.load import load_content
from genesis_tui.storage.paths import content_dir
from genesis_tui.storage.state import SavedState
from genesis_tui.ui.app import GenesisApp

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "catppuccin-latte"]


def themed(theme: str, section: str = "overview") -> GenesisApp:
    """The reader in ``theme`` (as ``--theme`` or a remembered choice gives it)."""
    return GenesisApp(load_content(content_dir()), state=SavedState(section=section, theme=theme))


async def no_blink(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


class TestThemes:
    @pytest.mark.parametrize("theme", THEMES)
    def test_reader_links_and_search(self, snap_compare: SnapCompare, theme: str) -> None:
        # A search hit, then a current link: each drawn apart from headings and notes.
        press = ["slash", *"Genesis", "enter", "escape", "tab", "tab"]
        assert snap_compare(themed(theme), terminal_size=(120, 36), press=press)

    @pytest.mark.parametrize("theme", THEMES)
    def test_timeline_sources(self, snap_compare: SnapCompare, theme: str) -> None:
        assert snap_compare(
            themed(theme), terminal_size=(120, 36), press=["t"], run_before=no_blink
        )
