"""What the reader remembers between runs: the section, the view, the place in each section,
the readings, English on request, the section list shown or hidden, and the theme.

Saved as JSON in the platformdirs user state directory (``$XDG_STATE_HOME/genesis-tui`` on
Linux), written atomically (a temporary file in the same directory, then ``os.replace``) so a
crash or a dropped link never leaves half a file.

The file is input like any other: someone sharing the account may have put anything there. Only a
regular file under ``MAX_STATE_BYTES`` is read, opened without following a symbolic link and
without blocking (a FIFO would otherwise hang the start); anything else is ignored, named once,
and replaced by the next save. Only the known keys are kept.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from genesis_tui.content.model import VIEWS, View
from genesis_tui.content.places import Place

STATE_FILE = "state.json"
MAX_STATE_BYTES = 1 << 20
"""A real state file is a few hundred bytes; anything over a mebibyte is not one."""
MAX_SCROLL_ENTRIES = 1000
"""More sections than any article has: the rest of an inflated file is dropped."""

StateProblem = Literal["unreadable", "not_regular", "too_large", "not_json"]
"""Why a state file was ignored (the interface says it in its own words)."""


@dataclass
class SavedState:
    """The reader's remembered place."""

    section: str | None = None
    view: View = "both"
    scroll: dict[str, int] = field(default_factory=dict)
    """Scroll offset (lines) per section id: what older versions saved, read when a section
    has no anchor (and still written, for them)."""
    anchors: dict[str, Place] = field(default_factory=dict)
    """The place in the text at the top line, per section id: the same words come back at
    any terminal size."""

    def anchor(self, section_id: str) -> Place | None:
        """Where to open ``section_id``: its anchor, else its old line number, else None."""
        if section_id in self.anchors:
            return self.anchors[section_id]
        if section_id in self.scroll:
            return Place(line=self.scroll[section_id])
        return None

    theme: str | None = None
    """The colour theme last chosen (``--theme`` or the palette); None for Textual's default."""
    readings: bool = False
    """Readings (furigana) shown above the Japanese."""
    readings_mode: Literal["all", "unknown"] = "all"
    """Where readings go while shown: over every word, or over the words not yet known."""
    readings_above: str | None = None
    """A JLPT level (``N3``): readings only over harder words (and words on no list)."""
    mark_new: bool = False
    """New words (no status yet) marked in the text."""
    english_hidden: bool = False
    """English on request: each sentence's English hidden until revealed."""
    sections_shown: bool | None = None
    """The reader's choice (``s``) to show or hide the section list; None: by the width."""


def state_path() -> Path:
    """Where the state file lives (XDG_STATE_HOME honoured)."""
    from platformdirs import user_state_path

    return user_state_path("genesis-tui", appauthor=False) / STATE_FILE


def load_state(path: Path) -> SavedState:
    """Read the saved state; anything unreadable or malformed gives the default state."""
    return read_state(path)[0]


def read_state(path: Path) -> tuple[SavedState, StateProblem | None]:
    """The saved state, and why the file was ignored if it was (no file is no problem)."""
    try:
        raw = read_small_regular_file(path)
    except FileNotFoundError:
        return SavedState(), None
    except Ignored as ignored:
        return SavedState(), ignored.problem
    except OSError:
        return SavedState(), "unreadable"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return SavedState(), "not_json"
    if not isinstance(data, dict):
        return SavedState(), "not_json"
    try:
        # JSON may escape a lone surrogate ("\ud800"), which no file can hold: saved back at the
        # end, it failed with a traceback on every quit.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return SavedState(), "not_json"
    return _from_json(data), None


class Ignored(Exception):
    """A file that is not to be read (a FIFO, a device, one too large), and why."""

    def __init__(self, problem: StateProblem) -> None:
        super().__init__(problem)
        self.problem: StateProblem = problem


def read_small_regular_file(path: Path) -> bytes:
    """The bytes of a regular file under ``MAX_STATE_BYTES`` (``Ignored`` otherwise; OSError
    when it cannot be opened)."""
    # O_NONBLOCK: opening a FIFO for reading would wait for a writer. O_NOFOLLOW: a symbolic
    # link is not ours to follow (ELOOP, so "unreadable"). The checks are on the open file.
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise Ignored("not_regular")
        if info.st_size > MAX_STATE_BYTES:
            raise Ignored("too_large")
        data = b""
        while len(data) <= MAX_STATE_BYTES:  # it may have grown since fstat
            chunk = os.read(descriptor, MAX_STATE_BYTES + 1 - len(data))
            if not chunk:
                break
            data += chunk
    finally:
        os.close(descriptor)
    if len(data) > MAX_STATE_BYTES:
        raise Ignored("too_large")
    return data


def _from_json(data: dict[object, object]) -> SavedState:
    """The known keys, each only if it has the right type; everything else is dropped."""
    state = SavedState()
    section = data.get("section")
    if isinstance(section, str) and len(section) <= 200:
        state.section = section
    view = data.get("view")
    if view in VIEWS:
        state.view = view
    theme = data.get("theme")
    if isinstance(theme, str) and 0 < len(theme) < 100:
        state.theme = theme  # a name no longer known is dropped when the app starts
    state.readings = data.get("readings") is True
    mode = data.get("readings_mode")
    if mode == "all" or mode == "unknown":
        state.readings_mode = mode
    above = data.get("readings_above")
    if above in ("N5", "N4", "N3", "N2", "N1"):
        state.readings_above = above
    state.mark_new = data.get("mark_new") is True
    state.english_hidden = data.get("english_hidden") is True
    shown = data.get("sections_shown")
    if isinstance(shown, bool):
        state.sections_shown = shown
    scroll = data.get("scroll")
    if isinstance(scroll, dict):
        kept = (
            (key, value)
            for key, value in scroll.items()
            if isinstance(key, str)
            and len(key) <= 200
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 0 <= value < 1_000_000
        )
        state.scroll = dict(itertools.islice(kept, MAX_SCROLL_ENTRIES))
    anchors = data.get("anchors")
    if isinstance(anchors, dict):
        for key, value in itertools.islice(anchors.items(), MAX_SCROLL_ENTRIES):
            anchor = _anchor(value)
            if isinstance(key, str) and len(key) <= 200 and anchor is not None:
                state.anchors[key] = anchor
    return state


def _anchor(data: Any) -> Place | None:
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
    return Place(block, lang, part, offset, min(1.0, max(0.0, float(fraction))), line, lead)


def save_state(state: SavedState, path: Path) -> None:
    """Write the state atomically: the old file stays whole until the new one replaces it."""
    data = asdict(state)
    data["anchors"] = {key: anchor._asdict() for key, anchor in state.anchors.items()}
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1))


def write_atomically(path: Path, payload: str) -> None:
    """Write ``payload`` to a temporary file beside ``path``, then put it in place at once: a
    crash or a dropped link never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
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
