"""Draw the README's picture: the reader at 120x36, a link current, in the default theme.

python docs/screenshot.py        # writes docs/screenshot.svg
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from genesis_tui.content.load import load_content
from genesis_tui.storage.paths import content_dir
from genesis_tui.storage.state import SavedState
from genesis_tui.ui.app import GenesisApp

TARGET = Path(__file__).with_name("screenshot.svg")


async def draw() -> None:
    """Open the reader headless, show a current link, and save what the screen shows."""
    app = GenesisApp(load_content(content_dir()), state=SavedState(section="japan-role"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        TARGET.write_text(app.export_screenshot(title="genesis-tui"), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(draw())
