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
from functools import lru_cache

from genesis_tui.terminal.caps import Capabilities
from genesis_tui.terminal.screen_model import (
    DEFAULT,
    Effect,
    Grid,
    Pen,
    ScreenModel,
    Styles,
    effect,
)
from genesis_tui.terminal.sgr import Attributes, transition
from genesis_tui.terminal.wire_scroll import find_scroll

_PARTIAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*\x1b?)?$")
"""An escape sequence cut off at the end of a write: a CSI or an OSC without its end."""
GAP = 5
"""Unchanged cells between two changes in a row are sent again when there are fewer than this:
shorter than the cursor move over them."""


@lru_cache(maxsize=1024)
def _count(prefix: str, n: int, final: str) -> str:
    return f"{prefix}{final}" if n == 1 else f"{prefix}{n}{final}"


class WireStage:
    """Textual's output in, the difference between screens out (see the module's text)."""

    def __init__(self, capabilities: Capabilities, columns: int, rows: int) -> None:
        self.caps = capabilities
        self.styles = Styles()
        self.model = ScreenModel(columns, rows, self.styles)
        self.shown: Grid | None = None
        """What the terminal shows; None when not known (the next update repaints all)."""
        self._x: int | None = None
        self._y = 0
        """Where the terminal's cursor is (x None: not known)."""
        self._rendition: Attributes | str | None = None
        """The terminal's SGR rendition (None: not known)."""
        self._link: str | None = None
        self._held = ""
        self._style: int | None = None
        """The style number of the terminal's pen, where it is known."""
        self._ops: list[tuple[int, int, int, str, int, bool]] = []
        """Drawing queued for this update: row, column, style, what to send, the column after,
        and whether it is an erase or blanks (which any pen of the right background draws)."""
        self._cursor_shown: tuple[int, int] | None = None

    # -- what the driver calls --------------------------------------------------------------

    def feed(self, data: str) -> str:
        """``data`` from Textual; what to send the terminal instead (an escape sequence cut off
        at the end is kept until the rest comes)."""
        data = self._held + data
        cut = _PARTIAL.search(data)
        self._held = data[cut.start() :] if cut else ""
        if cut:
            data = data[: cut.start()]
        out: list[str] = []
        for token in self.model.feed(data):
            self._update(out)
            out.append(token)
            done = effect(token)
            if done is Effect.SCREEN:
                self.invalidate()
            elif done is Effect.CURSOR:
                self._x, self._rendition, self._link, self._style = None, None, None, None
        self._update(out)
        return "".join(out)

    def invalidate(self) -> None:
        """Forget what the terminal shows: the next update repaints every cell."""
        self.shown = None
        self._x, self._rendition, self._link, self._style = None, None, None, None

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
        shown = self.shown
        if shown is None or (shown.columns, shown.rows) != (target.columns, target.rows):
            shown = self.shown = self._clear(out, target)
            rows: list[int] | range = range(target.rows)
        elif not model.dirty:
            self._place_cursor(out)
            return
        else:
            moved = self._scroll(out, target, shown, model.dirty)
            rows = sorted(model.dirty.union(moved))
        model.dirty = set()
        for y in rows:
            if target.chars[y] != shown.chars[y] or target.styles[y] != shown.styles[y]:
                self._row(out, y, target, shown)
        self._flush(out)
        self._place_cursor(out)

    def _scroll(self, out: list[str], target: Grid, shown: Grid, dirty: set[int]) -> range:
        """Where lines moved, move them with the terminal (a region of rows scrolled); the rows
        that moved (to be compared again), empty if none did."""
        caps = self.caps
        if not ((caps.csr and caps.ind and caps.ri) or (caps.il and caps.dl)):
            return range(0)
        found = find_scroll(target, shown, dirty)
        if found is None:
            return range(0)
        top, bottom, shift = found
        self._move_lines(out, top, bottom, shift, shown)
        return range(top, bottom + 1)

    def _move_lines(self, out: list[str], top: int, bottom: int, shift: int, shown: Grid) -> None:
        """Scroll rows top..bottom by ``shift`` (up when positive) with the terminal, and note
        the lines that came in as blanks of the default background."""
        caps = self.caps
        count = abs(shift)
        self._erase_pen(out, DEFAULT)  # lines come in blank: with bce, in the current background
        if caps.csr and caps.ind and caps.ri:
            out.append(f"\x1b[{top + 1};{bottom + 1}r")
            if shift > 0:
                out.append(f"\x1b[{bottom + 1}H" + "\n" * count)
            else:
                out.append(f"\x1b[{top + 1}H" + "\x1bM" * count)
            out.append("\x1b[r")
            self._x = None  # setting the region moved the cursor home (or did not, here and there)
        else:
            # Without a scrolling region: delete lines at one end, insert them at the other.
            delete_at, insert_at = (
                (top, bottom - count + 1) if shift > 0 else (bottom - count + 1, top)
            )
            self._x = None
            self._move(out, 0, delete_at)
            out.append(_count("\x1b[", count, "M"))
            self._move(out, 0, insert_at)
            out.append(_count("\x1b[", count, "L"))
            self._x = 0
        new_chars = [[" "] * shown.columns for _ in range(count)]
        new_styles = [[DEFAULT] * shown.columns for _ in range(count)]
        chars, styles = shown.chars[top : bottom + 1], shown.styles[top : bottom + 1]
        if shift > 0:
            shown.chars[top : bottom + 1] = chars[count:] + new_chars
            shown.styles[top : bottom + 1] = styles[count:] + new_styles
        else:
            shown.chars[top : bottom + 1] = new_chars + chars[:-count]
            shown.styles[top : bottom + 1] = new_styles + styles[:-count]

    def _place_cursor(self, out: list[str]) -> None:
        model = self.model
        if model.cursor_visible:
            self._move(out, model.x, model.y)

    def _clear(self, out: list[str], target: Grid) -> Grid:
        """Clear the screen with the blank most of the target has (where an erase can make it)."""
        blank = DEFAULT
        if self.caps.bce:
            counts: dict[int, int] = {}
            for chars, styles in zip(target.chars, target.styles, strict=True):
                for index in range(0, target.columns, 4):  # a sample is enough
                    if chars[index] == " ":
                        counts[styles[index]] = counts.get(styles[index], 0) + 1
            erasable = [s for s in counts if self.styles.erasable(s)]
            if erasable:
                blank = max(erasable, key=lambda s: counts[s])
        self._pen(out, blank)
        out.append("\x1b[H\x1b[2J")
        self._x, self._y = 0, 0
        return Grid(target.columns, target.rows, blank)

    def _row(self, out: list[str], y: int, target: Grid, shown: Grid) -> None:
        """Draw the cells of row ``y`` that differ, and note the row as shown."""
        t_chars, t_styles = target.chars[y], target.styles[y]
        s_chars, s_styles = shown.chars[y], shown.styles[y]
        columns = target.columns
        runs: list[list[int]] = []
        cells = zip(t_chars, s_chars, t_styles, s_styles, strict=True)
        for x in [x for x, (a, b, c, d) in enumerate(cells) if a != b or c != d]:
            if runs and x - runs[-1][1] < GAP:
                runs[-1][1] = x + 1
            else:
                runs.append([x, x + 1])
        merged: list[list[int]] = []
        for run in runs:
            start, end = run
            # A wide character is drawn whole, and one that is overwritten in part is redrawn.
            while start > 0 and (t_chars[start] == "" or s_chars[start] == ""):
                start -= 1
            while end < columns and (t_chars[end] == "" or s_chars[end] == ""):
                end += 1
            if merged and start - merged[-1][1] < GAP:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            self._draw(out, y, start, end, t_chars, t_styles)
        shown.chars[y] = list(t_chars)
        shown.styles[y] = list(t_styles)

    def _draw(
        self, out: list[str], y: int, start: int, end: int, chars: list[str], styles: list[int]
    ) -> None:
        """Draw cells start..end of a row (erasing runs of blanks where that is shorter)."""
        columns = len(chars)
        x = start
        while x < end:
            style = styles[x]
            if chars[x] == " ":
                erase = self._erase(chars, styles, x, end)
                if erase:
                    self._ops.append((y, x, style, erase, columns, True))
                    if erase == "\x1b[K":
                        return  # the rest of the row is this blank
                    x += int(erase[2:-1] or 1)
                    continue
            # A run of text in one style, up to a run of blanks better erased. A blank is
            # drawn in the style of the text around it where it looks the same in that style.
            blank = self.styles.blank
            if chars[x] == " ":
                ahead = x + 1
                while ahead < end and chars[ahead] == " " and styles[ahead] == style:
                    ahead += 1
                if ahead < end and blank[styles[ahead]] == style:
                    style = styles[ahead]
            run = x + 1
            while run < end:
                if styles[run] != style and not (chars[run] == " " and styles[run] == blank[style]):
                    break
                starts_blanks = chars[run] == " " and chars[run - 1] != " "
                if starts_blanks and self._erase(chars, styles, run, end):
                    break
                run += 1
            text = "".join(chars[x:run])
            blanks = text.isspace() and self.styles.erasable(style)
            self._ops.append((y, x, style, text, run, blanks))
            x = run

    def _flush(self, out: list[str]) -> None:
        """Send the drawing queued for this update, in an order that changes the rendition
        seldom: next, a piece in the pen the terminal has (its blanks too), else the first piece
        left. (A colour is 10-20 bytes; a cursor move 3-8.)"""
        ops, self._ops = self._ops, []
        buckets: dict[int, list[int]] = {}
        for index, op in enumerate(ops):
            buckets.setdefault(op[2], []).append(index)
        pointers = dict.fromkeys(buckets, 0)
        done = bytearray(len(ops))
        first = 0
        styles = self.styles
        while True:
            pick = -1
            pen = self._style
            if pen is not None:
                keys = [pen]
                if styles.pens[pen].link is None and styles.erasable(styles.blank[pen]):
                    keys.append(styles.blank[pen])
                for key in keys:
                    bucket = buckets.get(key)
                    if bucket:
                        at = pointers[key]
                        while at < len(bucket) and done[bucket[at]]:
                            at += 1
                        pointers[key] = at
                        if at < len(bucket):
                            pick = bucket[at]
                            break
            if pick < 0:
                while first < len(ops) and done[first]:
                    first += 1
                if first == len(ops):
                    return
                pick = first
            done[pick] = 1
            y, x, style, text, end, blank = ops[pick]
            self._move(out, x, y)
            if blank:
                self._erase_pen(out, style)
            else:
                self._pen(out, style)
            out.append(text)
            if text[0] != "\x1b":
                self._x = end if end < len(self.model.grid.chars[y]) else None

    def _erase(self, chars: list[str], styles: list[int], x: int, end: int) -> str:
        """The erase that draws the blanks from x on (of cells x..end to draw), if one is
        shorter than writing them: ``ESC[K`` or ``ESC[nX``; else ""."""
        style = styles[x]
        if not self._can_erase(style):
            return ""
        columns = len(chars)
        run = x + 1
        while run < columns and chars[run] == " " and styles[run] == style:
            run += 1
        if run == columns and self.caps.el and (end == columns or run - x > 3):
            return "\x1b[K"
        count = min(run, end) - x
        cost = 4 + len(str(count)) + (5 if x + count < end else 0)
        if self.caps.ech and count > cost:
            return _count("\x1b[", count, "X")
        return ""

    def _can_erase(self, style: int) -> bool:
        if not self.styles.erasable(style):
            return False
        if self.caps.bce:
            return True
        rendition = self.styles.pens[style].rendition
        return isinstance(rendition, Attributes) and rendition.bg is None

    def _erase_pen(self, out: list[str], style: int) -> None:
        """Set a rendition an erase makes blanks of ``style`` with: the pen as it is when its
        background is the blank's and nothing else it has shows on a blank."""
        rendition = self._rendition
        if (
            isinstance(rendition, Attributes)
            and self._link is None
            and rendition.bg == self.styles.pens[style].rendition.bg  # type: ignore[union-attr]
            and not (rendition.reverse or rendition.underline or rendition.strike)
            and not rendition.overline
        ):
            return
        self._pen(out, style)

    def _pen(self, out: list[str], style: int) -> None:
        """Set the terminal's rendition and link to those of ``style``."""
        pen: Pen = self.styles.pens[style]
        rendition = pen.rendition
        if rendition != self._rendition:
            if isinstance(rendition, str):
                out.append("\x1b[0m" + rendition)
            elif isinstance(self._rendition, str):
                out.append(transition(None, rendition))
            else:
                out.append(transition(self._rendition, rendition))
            self._rendition = rendition
        if pen.link != self._link:
            out.append(f"\x1b]8;{pen.link or ';'}\x1b\\")
            self._link = pen.link
        self._style = style

    def _move(self, out: list[str], x: int, y: int) -> None:
        """Move the cursor to x, y by the shortest sequence."""
        cx, cy = self._x, self._y
        if cx == x and cy == y:
            return
        best = f"\x1b[{y + 1}H" if x == 0 else f"\x1b[{y + 1};{x + 1}H"
        if y == cy and cx is not None:
            if x == 0:
                best = "\r"
            elif self.caps.cuf:
                step = _count("\x1b[", x - cx, "C") if x > cx else _count("\x1b[", cx - x, "D")
                if len(step) < len(best):
                    best = step
            if self.caps.hpa and len(f"\x1b[{x + 1}G") < len(best):
                best = f"\x1b[{x + 1}G"
        elif y == cy + 1 and x == 0 and cx is not None:
            best = "\r\n"
        out.append(best)
        self._x, self._y = x, y
