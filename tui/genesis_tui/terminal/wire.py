"""Light on the wire: send the terminal the difference between two screens, not whole frames.

Textual repaints every cell of a region that changed: a one-line scroll resends the page, blank
cells as spaces. ``WireStage`` sits in the driver's write path instead. It applies Textual's
output to a model of the screen Textual means (``screen_model.ScreenModel``), keeps another of
what the terminal shows, and at the end of each write sends the cheapest sequence it knows that
turns the one into the other, as curses programs (less, vim, mutt) have long done:

- lines that moved are moved by the terminal: a region of rows scrolled (DECSTBM and index /
  reverse index, or scroll up / down), or lines deleted and inserted where the terminal has no
  scrolling region; then only the cells that still differ are drawn;
- cells that did not change are not sent; short gaps between changes are sent rather than
  jumped over when that is shorter; the cursor moves by the shortest form;
- runs of blanks are erased (erase-in-line, erase-characters) where the terminal erases with the
  current background (terminfo's ``bce``), or where the blank has the default background;
- a wide character is always drawn whole: a change that touches either of its cells draws it.

What the stage does not model (modes, queries, the title, the clipboard) is passed on in its
place in the stream; a sequence that may have changed the screen makes the next update a full
repaint. So do a resize and a restart (``ctrl+z``, ``fg``): the terminal may have lost what it
showed.

The terminal's capabilities come from terminfo (``Capabilities.from_terminfo``); where TERM is
unknown, or the terminal cannot address the cursor as ANSI terminals do, there is no stage and
the driver writes Textual's frames as they are.
"""

from __future__ import annotations

import re
from enum import Enum

from genesis_tui.terminal.caps import Capabilities
from genesis_tui.terminal.screen_grid import Grid, Styles
from genesis_tui.terminal.screen_model import ScreenModel
from genesis_tui.terminal.wire_paint import Painter
from genesis_tui.terminal.wire_scroll import find_scroll, move_lines

_ESCAPE_TAIL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?)?\Z")
"""An escape sequence cut off at the end of a write: a CSI or an OSC without its end."""


class Effect(Enum):
    """What a sequence passed on as it is may do to the terminal."""

    NOTHING = 0
    """Nothing the model keeps (a mode, a query, a title)."""
    CURSOR = 1
    """It may move the cursor or change the rendition (a save/restore, an unknown sequence)."""
    SCREEN = 2
    """It may change what the screen shows (an erase, a switch of screens, a reset)."""


_SCREEN_PRIVATE = frozenset({"3", "5", "6", "47", "69", "1047", "1049"})
"""Private modes that change the screen or how the cursor is addressed."""
_NOTHING_CSI_FINALS = frozenset("npuqc")
"""CSI finals of queries, reports and settings that leave the cells be: ``$p``, ``>1u``..."""


def effect(token: str) -> Effect:
    """What a sequence the model does not follow may do."""
    if token.startswith("\x1b]") or token == "\x07":
        return Effect.NOTHING
    if token.startswith("\x1b["):
        final, body = token[-1], token[2:-1]
        if body.startswith("?") and final in "hl":
            modes = body[1:].split(";")
            return Effect.SCREEN if _SCREEN_PRIVATE.intersection(modes) else Effect.NOTHING
        return Effect.NOTHING if final in _NOTHING_CSI_FINALS else Effect.SCREEN
    if token in ("\x1b7", "\x1b8"):
        return Effect.CURSOR
    return Effect.SCREEN


def _cut_escape(data: str) -> int:
    """Where an escape sequence cut off at the end of ``data`` starts; -1 if none is."""
    escape = data.rfind("\x1b")
    if escape < 0:
        return -1
    if escape == len(data) - 1:  # maybe the first half of an OSC's end (ESC \\)
        before = data.rfind("\x1b", 0, escape)
        osc = before >= 0 and data[before + 1 : before + 2] == "]"
        if osc and _ESCAPE_TAIL.match(data, before):
            return before
    return escape if _ESCAPE_TAIL.match(data, escape) else -1


class WireStage:
    """Textual's output in, the difference between screens out (see the module's text)."""

    def __init__(self, capabilities: Capabilities, columns: int, rows: int) -> None:
        self.caps = capabilities
        self.styles = Styles()
        self.model = ScreenModel(columns, rows, self.styles)
        self.paint = Painter(capabilities, self.styles, Grid(columns, rows))
        self.known = False
        """Whether the terminal shows what ``paint.shown`` holds (else the next update
        repaints every cell)."""
        self._held = ""

    @property
    def shown(self) -> Grid | None:
        """What the terminal shows; None when not known."""
        return self.paint.shown if self.known else None

    # -- what the driver calls --------------------------------------------------------------

    def feed(self, data: str) -> str:
        """``data`` from Textual; what to send the terminal instead (an escape sequence cut off
        at the end is kept until the rest comes)."""
        data = self._held + data
        self._held = ""
        cut = _cut_escape(data)
        if cut >= 0:
            self._held = data[cut:]
            data = data[:cut]
        out: list[str] = []
        for token in self.model.feed(data):
            self._update(out)
            out.append(token)
            if token in ("\x1b[?7l", "\x1b[?7h"):
                self.paint.no_wrap = token == "\x1b[?7l"
            done = effect(token)
            if done is Effect.SCREEN:
                self.invalidate()
            elif done is Effect.CURSOR:
                self.paint.forget_cursor()
        self._update(out)
        return "".join(out)

    def invalidate(self) -> None:
        """Forget what the terminal shows: the next update repaints every cell."""
        self.known = False
        self.paint.forget_cursor()

    def resize(self, columns: int, rows: int) -> None:
        """The terminal has a new size: the screen is laid out again and repainted."""
        if (columns, rows) != (self.model.grid.columns, self.model.grid.rows):
            self.model.resize(columns, rows)
        self.invalidate()

    # -- the update -------------------------------------------------------------------------

    def _update(self, out: list[str]) -> None:
        """Send what turns the terminal's screen into the model's."""
        model = self.model
        target = model.grid
        paint = self.paint
        shown = paint.shown
        if not self.known or (shown.columns, shown.rows) != (target.columns, target.rows):
            paint.clear(out, target)
            self.known = True
            self._draw(paint, out, range(target.rows), target)
        elif model.dirty:
            self._change(out, target, sorted(model.dirty))
        model.dirty = set()
        if model.cursor_visible:
            self.paint.move(out, model.x, model.y, target)

    def _change(self, out: list[str], target: Grid, dirty: list[int]) -> None:
        """Draw the rows that changed: where lines moved, both with the terminal scrolling
        them and without, and send the shorter."""
        paint = self.paint
        found = self._found_scroll(target, dirty)
        if found is None:
            self._draw(paint, out, dirty, target)
            return
        top, bottom, shift = found
        # Most of the region in place after the scroll: drawing it all instead is not tried.
        t_chars, s_chars = target.chars, paint.shown.chars
        wrong = sum(
            1 for y in range(top, bottom + 1) if t_chars[y] != s_chars[min(bottom, y + shift)]
        )
        plain = paint.twin() if 2 * wrong > bottom - top + 1 else None
        scrolled: list[str] = []
        move_lines(paint, scrolled, found, target)
        self._draw(paint, scrolled, sorted({*dirty, *range(top, bottom + 1)}), target)
        if plain is None:
            out += scrolled
            return
        budget = sum(len(part) for part in scrolled)
        direct: list[str] = []
        if self._draw(plain, direct, dirty, target, budget) and (
            len("".join(direct).encode()) < len("".join(scrolled).encode())
        ):
            self.paint = plain
            out += direct
        else:
            out += scrolled

    def _found_scroll(self, target: Grid, dirty: list[int]) -> tuple[int, int, int] | None:
        caps = self.caps
        if not ((caps.csr and caps.ind and caps.ri) or (caps.il and caps.dl)):
            return None
        return find_scroll(target, self.paint.shown, dirty)

    @staticmethod
    def _draw(
        paint: Painter, out: list[str], rows: list[int] | range, target: Grid, budget: int = 0
    ) -> bool:
        """Draw ``rows`` of the target where they differ; False (and nothing sent) once the
        drawing queued is over ``budget`` characters, if one is given."""
        t_chars, t_styles, s_chars, s_styles = (
            target.chars,
            target.styles,
            paint.shown.chars,
            paint.shown.styles,
        )
        for y in rows:
            if t_chars[y] != s_chars[y] or t_styles[y] != s_styles[y]:
                paint.row(y, target)
                if budget and paint.sent > budget:
                    paint.ops = []
                    return False
        paint.flush(out, target)
        return True
