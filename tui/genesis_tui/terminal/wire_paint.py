"""Drawing on the terminal for the wire stage (``wire.WireStage``): what the terminal shows, where
its cursor is, the pen it draws with, and the cheapest sequences that change them.

``Painter.row`` queues the cells of a row that differ, as runs of text and erases; ``flush``
sends them pen by pen (a colour costs more than a cursor move). A ``twin`` draws the same update
another way, kept if it came out shorter. (A region of rows is scrolled by
``wire_scroll.move_lines``.)
"""

from __future__ import annotations

import copy

from genesis_tui.terminal.caps import Capabilities
from genesis_tui.terminal.screen_grid import Grid, Pen, Styles, changes, common_blank
from genesis_tui.terminal.sgr import Attributes, transition
from genesis_tui.terminal.wire_moves import cheapest_move, counted, moves_for, next_pen

GAP = 5
"""Fewer unchanged cells than this between two changes in a row are sent again (not jumped)."""

Op = tuple[int, int, int, str, int, bool]
"""Drawing queued for an update: row, column, style, what to send, the column after, and whether
it is an erase or blanks (which any pen of the right background draws)."""


class Painter:
    """The terminal's state as the stage has left it, and the drawing that changes it."""

    def __init__(self, caps: Capabilities, styles: Styles, shown: Grid) -> None:
        self.caps, self.styles, self.shown = caps, styles, shown
        self.x: int | None = 0
        self.y = 0
        """Where the cursor is (x None: not known)."""
        self.rendition: Attributes | str | None = None
        """The terminal's SGR rendition (None: not known)."""
        self.link: str | None = None
        self.style: int | None = None
        """The style number of the terminal's pen, where it is known."""
        self.no_wrap = False  # autowrap off (Textual's ESC[?7l): the last column keeps the cursor
        self.edge = False  # x not known, but the cursor in the last column (autowrap off)
        self.moves = moves_for(caps)
        self.costs: dict[tuple[int, int], int] = {}
        self.transitions: dict[tuple[int, int], str] = {}
        """Per pair of pens (numbers), the SGR that changes the one's rendition to the other's."""
        self.erasing: dict[tuple[int, int], int] = {}
        """Per pen and blank style (numbers), the pen ``erase_pen`` changes to."""
        self.ops: list[Op] = []
        self.sent = 0
        """Characters of text and erases queued in ``ops`` (to stop a trial that is too long)."""

    def twin(self) -> Painter:
        """A painter in the same state, on a copy of the screen: to draw an update another way."""
        twin = copy.copy(self)
        twin.shown = self.shown.copy()
        twin.ops = []
        return twin

    def forget_cursor(self) -> None:
        self.x, self.rendition, self.link, self.style, self.edge = None, None, None, None, False

    # -- what to draw -----------------------------------------------------------------------

    def row(self, y: int, target: Grid) -> None:
        """Queue the cells of row ``y`` that differ, and note the row as shown."""
        shown = self.shown
        t_chars, t_styles = target.chars[y], target.styles[y]
        s_chars, s_styles = shown.chars[y], shown.styles[y]
        columns = target.columns
        merged: list[list[int]] = []
        for start, end in changes(t_chars, t_styles, s_chars, s_styles, GAP):
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
            self._draw(y, start, end, t_chars, t_styles)
        shown.chars[y] = list(t_chars)
        shown.styles[y] = list(t_styles)

    def _draw(self, y: int, start: int, end: int, chars: list[str], styles: list[int]) -> None:
        """Queue cells start..end of a row (erasing runs of blanks where that is shorter)."""
        columns = len(chars)
        ops = self.ops
        blank = self.styles.blank
        x = start
        while x < end:
            style = styles[x]
            if chars[x] == " ":
                erase = self._erase(chars, styles, x, end)
                if erase:
                    ops.append((y, x, style, erase, columns, True))
                    self.sent += len(erase) + 3  # and a cursor move, at least
                    if erase == "\x1b[K":
                        return  # the rest of the row is this blank
                    x += int(erase[2:-1] or 1)
                    continue
                # A blank is drawn in the style of the text after it where it looks the same.
                ahead = x + 1
                while ahead < end and chars[ahead] == " " and styles[ahead] == style:
                    ahead += 1
                if ahead < end and blank[styles[ahead]] == style:
                    style = styles[ahead]
            run = x + 1
            spaced = blank[style]
            while run < end:
                if chars[run] != " ":
                    if styles[run] != style:
                        break
                # A blank: of another background, or the first of blanks that may be worth an
                # erase (more than one, or the row's last cell: a space between words never
                # is, and there are many).
                elif (styles[run] != style and styles[run] != spaced) or (
                    chars[run - 1] != " "
                    and (run + 1 == columns or chars[run + 1] == " ")
                    and self._erase(chars, styles, run, end)
                ):
                    break
                run += 1
            text = "".join(chars[x:run])
            ops.append((y, x, style, text, run, text.isspace() and self.styles.erasables[style]))
            self.sent += run - x + 3
            x = run

    def _erase(self, chars: list[str], styles: list[int], x: int, end: int) -> str:
        """The erase that draws the blanks from x on (of cells x..end to draw), if one is
        shorter than writing them: ``ESC[K`` or ``ESC[nX``; else ""."""
        style = styles[x]
        if not self.can_erase(style):
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
            return counted(count, "X")
        return ""

    def can_erase(self, style: int) -> bool:
        """Whether an erase (or a line scrolled in) can make a blank of ``style``."""
        if not self.styles.erasables[style]:
            return False
        if self.caps.bce:
            return True
        rendition = self.styles.pens[style].rendition
        return isinstance(rendition, Attributes) and rendition.bg is None

    # -- sending ----------------------------------------------------------------------------

    def flush(self, out: list[str], target: Grid) -> None:
        """Send the drawing queued, in an order that changes the rendition seldom: next, a piece
        in the pen the terminal has (its blanks too; the one where the cursor is first), else
        one of the pen cheapest to change to."""
        ops, self.ops, self.sent = self.ops, [], 0
        if len(self.costs) + len(self.transitions) + len(self.erasing) > 100_000:  # pens galore
            self.costs, self.transitions, self.erasing = {}, {}, {}
        buckets: dict[int, list[int]] = {}
        for index, op in enumerate(ops):
            buckets.setdefault(op[2], []).append(index)
        pointers = dict.fromkeys(buckets, 0)
        starts = {(op[0], op[1]): index for index, op in enumerate(ops)}
        ends = {(op[0], op[4]): index for index, op in enumerate(ops) if not op[5]}
        after = {
            index: ends[op[0], op[1]]
            for index, op in enumerate(ops)
            if op[5] and (op[0], op[1]) in ends
        }
        """Blanks (by index) that start where a piece of text ends: that piece."""

        def ready(index: int) -> bool:
            return not done[index] and (index not in after or bool(done[after[index]]))

        done = bytearray(len(ops))
        first = 0
        styles = self.styles
        keys_of: dict[int, tuple[int, ...]] = {}
        """Per pen, the styles of the pieces it draws as they are: its own and its blanks'."""
        while True:
            pick = -1
            pen = self.style
            if pen is not None:
                keys = keys_of.get(pen)
                if keys is None:
                    blank = styles.blank[pen]
                    erases = styles.pens[pen].link is None and styles.erasables[blank]
                    keys = keys_of[pen] = (pen, blank) if erases else (pen,)
                # First the piece where the cursor stands (the blanks after a word, say).
                here = -1 if self.x is None else starts.get((self.y, self.x), -1)
                if here >= 0 and not done[here] and ops[here][2] in keys:
                    pick = here
                for key in keys if pick < 0 else ():
                    bucket = buckets.get(key)
                    if bucket:
                        at = pointers[key]
                        while at < len(bucket) and done[bucket[at]]:
                            at += 1
                        pointers[key] = at
                        # Blanks just after a piece still to draw wait for it (then the
                        # cursor is there).
                        while at < len(bucket) and not ready(bucket[at]):
                            at += 1
                        if at < len(bucket):
                            pick = bucket[at]
                            break
            if pick < 0:
                while first < len(ops) and done[first]:
                    first += 1
                if first == len(ops):
                    return
                pick = next_pen(self, buckets, pointers, done, first, ready)
            done[pick] = 1
            y, x, style, text, end, blank = ops[pick]
            self.edge = self.edge and text[0] != "\x1b"  # erases only from a known column
            self.move(out, x, y, target)
            if blank:
                self.erase_pen(out, style)
            else:
                self.pen(out, style)
            out.append(text)
            if text[0] != "\x1b":
                self.x = end if end < target.columns else None
                self.edge = self.x is None and self.no_wrap

    def erase_pen(self, out: list[str], style: int) -> None:
        """Set a rendition an erase makes blanks of ``style`` with: the pen as it is when its
        background is the blank's and nothing else it has shows on a blank."""
        rendition = self.rendition
        if (
            isinstance(rendition, Attributes)
            and self.link is None
            and rendition.bg == self.styles.pens[style].rendition.bg  # type: ignore[union-attr]
            and not (rendition.reverse or rendition.underline or rendition.strike)
            and not rendition.overline
        ):
            return
        blank = self.styles.pens[style].rendition
        if isinstance(rendition, Attributes) and isinstance(blank, Attributes):
            # The change of fewest codes: what shows on a blank off, the background set.
            key = (-1 if self.style is None else self.style, style)
            known = self.erasing.get(key)
            if known is None:
                plain = rendition._replace(reverse=False, underline=False, strike=False)
                known = self.styles.number(Pen(plain._replace(overline=False, bg=blank.bg)))
                if self.style is not None:  # the rendition is the pen's
                    self.erasing[key] = known
            style = known
        self.pen(out, style)

    def pen(self, out: list[str], style: int) -> None:
        """Set the terminal's rendition and link to those of ``style``."""
        if style == self.style:  # the same pen: the same rendition and link
            return
        pen: Pen = self.styles.pens[style]
        rendition = pen.rendition
        if rendition != self.rendition:
            if isinstance(rendition, str):
                out.append("\x1b[0m" + rendition)
            elif isinstance(self.rendition, str):
                out.append(transition(None, rendition))
            elif self.style is None:
                out.append(transition(self.rendition, rendition))
            else:  # the rendition is the pen's: the change is kept by the pens' numbers
                change = self.transitions.get((self.style, style))
                if change is None:
                    change = self.transitions[self.style, style] = transition(
                        self.rendition, rendition
                    )
                out.append(change)
            self.rendition = rendition
        if pen.link != self.link:
            out.append(f"\x1b]8;{pen.link or ';'}\x1b\\")
            self.link = pen.link
        self.style = style

    def move(self, out: list[str], x: int, y: int, target: Grid) -> None:
        """Move the cursor to x, y by the shortest sequence."""
        if self.x == x and self.y == y:
            return
        out.append(cheapest_move(self, x, y, target))
        self.x, self.y, self.edge = x, y, False

    # -- whole screens and regions ----------------------------------------------------------

    def clear(self, out: list[str], target: Grid) -> None:
        """Clear the screen with the blank most of the target has (where an erase can make it)."""
        blank = common_blank(target, range(target.rows), self.styles, 4) if self.caps.bce else 0
        self.pen(out, blank)
        out.append("\x1b[H\x1b[2J")
        self.x, self.y = 0, 0
        self.shown = Grid(target.columns, target.rows, blank)
