"""What the reader remembers between runs: the section, the view, the scroll positions and
the theme.

Saved as JSON in the platformdirs user state directory (``$XDG_STATE_HOME/genesis-tui`` on
Linux), written atomically (a temporary file in the same directory, then ``os.replace``) so a
crash or a dropped link never leaves half a file. A file that cannot be read or makes no sense
is ignored, never fatal.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import cast

from genesis_tui.model import VIEWS, View

STATE_FILE = "state.json"


@dataclass
class SavedState:
    """The reader's remembered place."""

    section: str | None = None
    view: View = "both"
    scroll: dict[str, int] = field(default_factory=dict)
    """Scroll offset (lines) per section id."""
    theme: str | None = None
    """The colour theme last chosen (``--theme`` or the palette); None for Textual's default."""
    readings: bool = False
    """Readings (furigana) shown above the Japanese."""


def state_path() -> Path:
    """Where the state file lives (XDG_STATE_HOME honoured)."""
    from platformdirs import user_state_path

    return user_state_path("genesis-tui", appauthor=False) / STATE_FILE


def load_state(path: Path) -> SavedState:
    """Read the saved state; anything unreadable or malformed gives the default state."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SavedState()
    if not isinstance(data, dict):
        return SavedState()
    state = SavedState()
    section = data.get("section")
    if isinstance(section, str):
        state.section = section
    view = data.get("view")
    if view in VIEWS:
        state.view = cast(View, view)
    theme = data.get("theme")
    if isinstance(theme, str) and 0 < len(theme) < 100:
        state.theme = theme  # a name no longer known is dropped when the app starts
    state.readings = data.get("readings") is True
    scroll = data.get("scroll")
    if isinstance(scroll, dict):
        state.scroll = {
            key: value
            for key, value in scroll.items()
            if isinstance(key, str) and isinstance(value, int) and 0 <= value < 1_000_000
        }
    return state


def save_state(state: SavedState, path: Path) -> None:
    """Write the state atomically: the old file stays whole until the new one replaces it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(asdict(state), ensure_ascii=False, indent=1)
    handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
