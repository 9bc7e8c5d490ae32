"""What a person sees in a dark and a light theme: the reader (a current link, search hits, a
heading, notes) and the timeline (web sources) at 120x36, drawn from the tests' own content.

Update them after a deliberate change with
``pytest tests/test_snapshot_themes.py --snapshot-update``.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from genesis_tui.content.load import load_content
from genesis_tui.storage.state import SavedState
from genesis_tui.ui.app import GenesisApp
from tests.apps import SnapCompare, no_blink, search_for
from tests.conftest import SMALL_CONTENT

THEMES = ["textual-dark", "catppuccin-latte"]
SMALL = load_content(SMALL_CONTENT)


def themed(theme: str, section: str = "overview") -> GenesisApp:
    """The reader in ``theme`` (as ``--theme`` or a remembered choice gives it)."""
    return GenesisApp(SMALL, state=SavedState(section=section, theme=theme))


class TestThemes:
    @pytest.mark.parametrize("theme", THEMES)
    def test_reader_links_and_search(self, snap_compare: SnapCompare, theme: str) -> None:
        """Search hits for "Genesis", then a current link (tab tab): each drawn apart from the
        other links, the headings and the notes, in this theme's colours."""

        async def search(pilot: Pilot[Any]) -> None:
            await search_for(pilot, "Genesis")
            await pilot.press("escape")

        press = ["tab", "tab"]
        assert snap_compare(themed(theme), terminal_size=(120, 36), press=press, run_before=search)

    @pytest.mark.parametrize("theme", THEMES)
    def test_timeline_sources(self, snap_compare: SnapCompare, theme: str) -> None:
        """The timeline (t): the marks of events in and outside the article, a web source."""
        assert snap_compare(
            themed(theme), terminal_size=(120, 36), press=["t"], run_before=no_blink
        )
