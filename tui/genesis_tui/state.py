"""What the reader remembers between runs: the section, the view and the place in each section.

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
from typing import Any, cast

from genesis_tui.history import Anchor
from genesis_tui.model import VIEWS, View

STATE_FILE = "state.json"


@dataclass
class SavedState:
    """The reader's remembered place."""

    section: str | None = None
    view: View = "both"
    scroll: dict[str, int] = field(default_factory=dict)
    """Scroll offset (lines) per section id: what older versions saved, read when a section
    has no anchor (and still written, for them)."""
    anchors: dict[str, Anchor] = field(default_factory=dict)
    """The place in the text at the top line, per section id: the same words come back at
    any terminal size."""

    def anchor(self, section_id: str) -> Anchor | None:
        """Where to open ``section_id``: its anchor, else its old line number, else None."""
        if section_id in self.anchors:
            return self.anchors[section_id]
        if section_id in self.scroll:
            return Anchor(line=self.scroll[section_id])
        return None


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
    scroll = data.get("scroll")
    if isinstance(scroll, dict):
        state.scroll = {
            key: value
            for key, value in scroll.items()
            if isinstance(key, str) and isinstance(value, int) and 0 <= value < 1_000_000
        }
    anchors = data.get("anchors")
    if isinstance(anchors, dict):
        for key, value in anchors.items():
            anchor = _anchor(value)
            if isinstance(key, str) and anchor is not None:
                state.anchors[key] = anchor
    return state


def _anchor(data: Any) -> Anchor | None:
    """An anchor read back from JSON; None unless every field has its type and a sane value."""
    if not isinstance(data, dict):
        return None
    block, lang, part = data.get("block"), data.get("lang"), data.get("part", "")
    numbers = [data.get(name, 0) for name in ("offset", "line", "lead")]
    fraction = data.get("fraction", 0.0)
    if not (block is None or isinstance(block, str)) or lang not in (None, "ja", "en"):
        return None
    if not isinstance(part, str) or not isinstance(fraction, int | float):
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 10**6 for n in numbers):
        return None
    offset, line, lead = numbers
    return Anchor(block, lang, part, offset, min(1.0, max(0.0, float(fraction))), line, lead)


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
