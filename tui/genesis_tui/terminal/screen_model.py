"""What Textual's output asks a terminal's screen to show (the cells: ``screen_grid``).

``ScreenModel`` applies Textual's output to a grid: text, cursor moves, SGR and links. What it
does not model it hands back, in order, to be passed on as it is (modes, queries, the title), and
says whether that sequence may have changed the screen, the cursor or the rendition.

Pure Python, no Textual; ``wire.WireStage`` builds on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from genesis_tui.terminal.screen_grid import DEFAULT, Grid, Pen, Styles, unsplit, write
from genesis_tui.terminal.sgr import PLAIN, Attributes, apply, transition

_TOKEN = re.compile(
    r"\x1b\[([0-9;:]*)m"  # 1: SGR
    r"|\x1b\[([0-9;]*)([HfABCDGd])"  # 2, 3: cursor moves
    r"|\x1b\]8;([^\x07\x1b]*)(?:\x07|\x1b\\)"  # 4: a hyperlink (OSC 8)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # any other OSC
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # any other CSI
    r"|\x1b[ -/]*[0-~]"  # any other escape
    r"|[\x00-\x1f\x7f]"  # control characters
    r"|\x1b"  # an escape cut off
)
_RUN = r"(?:[^\x00-\x1f\x7f\x1b]++|\x1b\[[0-9;:]*+m)"
"""A stretch of text or one SGR: a run (what a frame is mostly made of) is a string of them.
Possessive: text is taken a stretch at a time, never given back (half the time of a run matched
character by character, which was most of the model's cost)."""
_SPLIT = re.compile(
    r"\x1b\[([0-9;]*)H(" + _RUN + r"*+)(\n?)"  # 1, 2, 3: a move, the run after it, a new line
    r"|(" + _RUN + r"++)"  # 4: a run
    r"|" + _TOKEN.pattern  # any other token (_TOKEN's groups from 5 on)
)
"""What Textual writes for each line (a move, a run, a new line) in one match, else a run or
one other token: a match less to loop over is much of the model's cost."""
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
"""SGR in a run, to split it into text and parameters."""


class ScreenModel:
    """What the output written so far asks the screen to show (see the module's text)."""

    def __init__(self, columns: int, rows: int, styles: Styles | None = None) -> None:
        self.styles = styles or Styles()
        self.grid = Grid(columns, rows)
        self.x = self.y = 0
        self.pen = Pen()
        self.style = DEFAULT
        self.cursor_visible = True
        self.dirty: set[int] = set(range(rows))
        """Rows written to since the stage last looked."""
        self._places: dict[str, tuple[int, int]] = {}
        self._after_sgr: dict[tuple[int, str], int] = {}
        """Per style and SGR parameters, the style after them (where the model follows them)."""
        self._runs: dict[tuple[int, str], tuple[tuple[str, ...], tuple[int, ...], int, int]] = {}
        """Per style and run of SGR and text: the cells it writes, their styles, the style
        after it and the count of cells (a frame writes the runs of the last one again, a line
        higher or lower)."""

    def resize(self, columns: int, rows: int) -> None:
        """A new, blank screen of this size (what is on it is laid out again by the app)."""
        self.grid = Grid(columns, rows)
        self._places.clear()
        self.x = min(self.x, columns - 1)
        self.y = min(self.y, rows - 1)
        self.dirty = set(range(rows))

    def feed(self, data: str) -> Iterator[str]:
        """Apply ``data``; yields, in order, each sequence the model passes on as it is (the
        caller sends what the model holds so far before it)."""
        for match in _SPLIT.finditer(data):
            kind = match.lastindex
            if kind == 3:  # a move, the run after it (maybe none) and a new line (maybe none)
                self._place(match[1])
                if match[2]:
                    self._run(match[2])
                if match[3]:
                    self._line_feed()
            elif kind == 4:
                self._run(match[4])
            elif match[0] == "\n":
                self._line_feed()
            else:
                yield from self._tokens(match[0])

    def _run(self, run: str) -> None:
        """Apply a run of SGR and text: from ``_runs`` where it is there and fits."""
        key = (self.style, run)
        x, y, grid = self.x, self.y, self.grid
        known = self._runs.get(key)
        if known is not None and x + known[3] <= grid.columns:
            cells, styles, after, count = known
            if count:
                end = x + count
                chars, row = grid.chars[y], grid.styles[y]
                if chars[x] == "" or (end < grid.columns and chars[end] == ""):
                    unsplit(chars, row, x, end, self.styles.blank)
                chars[x:end] = cells
                row[x:end] = styles
                self.dirty.add(y)
                self.x = min(end, grid.columns - 1)
            if after != self.style:
                self.style, self.pen = after, self.styles.pens[after]
            return
        # Text and SGR parameters by turns (text may be empty), applied here rather than by
        # _text and _sgr: a frame's new lines are many short pieces.
        chars, row = grid.chars[y], grid.styles[y]
        numbers, after_sgr = self.styles, self._after_sgr
        written, plain, text, drawn = 0, True, True, False
        for part in _SGR.split(run):
            if text:
                if part:
                    drawn = True
                    self.x, count, whole = write(chars, row, self.x, part, self.style, numbers)
                    written += count
                    plain = plain and whole
            else:
                then = after_sgr.get((self.style, part))
                if then is None:
                    self._sgr(part)
                else:
                    self.style, self.pen = then, numbers.pens[then]
            text = not text
        if drawn:
            self.dirty.add(y)
        end = x + written
        if plain and end <= grid.columns:
            if len(self._runs) > 4096:
                self._runs.clear()
            chars, row = grid.chars[y], grid.styles[y]
            self._runs[key] = (tuple(chars[x:end]), tuple(row[x:end]), self.style, end - x)

    def _tokens(self, data: str) -> Iterator[str]:
        """Apply ``data`` token by token (see ``feed``)."""
        position = 0
        text = self._text
        for match in _TOKEN.finditer(data):
            start = match.start()
            if start > position:
                text(data[position:start])
            position = match.end()
            kind = match.lastindex
            if kind == 1:
                self._sgr(match[1])
                continue
            if kind == 3:
                if match[3] == "H":
                    self._place(match[2])
                else:
                    self._move(match[2], match[3])
                continue
            if kind == 4:
                link = match[4]
                address = link.split(";", 1)[1] if ";" in link else ""
                self._set_pen(self.pen._replace(link=link if address else None))
                continue
            token = match.group(0)
            if token == "\r":
                self.x = 0
            elif token == "\n":
                self._line_feed()
            elif token == "\b":
                self.x = max(0, self.x - 1)
            elif token == "\t":
                self.x = min(self.grid.columns - 1, (self.x // 8 + 1) * 8)
            elif token == "\x1b[?25l":
                self.cursor_visible = False
                yield token
            elif token == "\x1b[?25h":
                self.cursor_visible = True
                yield token
            elif len(token) == 1 and token not in "\x07\x1b":
                continue  # other control characters draw nothing
            else:
                yield token
        if position < len(data):
            self._text(data[position:])

    def _set_pen(self, pen: Pen) -> None:
        self.pen = pen
        self.style = self.styles.number(pen)

    def _sgr(self, params: str) -> None:
        known = self._after_sgr.get((self.style, params))
        if known is not None:  # a frame repeats a few changes of style many times
            self.style, self.pen = known, self.styles.pens[known]
            return
        before = self.style
        self._follow_sgr(params)
        if isinstance(self.pen.rendition, Attributes):
            if len(self._after_sgr) > 10_000:
                self._after_sgr.clear()
            self._after_sgr[(before, params)] = self.style

    def _follow_sgr(self, params: str) -> None:
        token = f"\x1b[{params}m"
        rendition = self.pen.rendition
        if isinstance(rendition, Attributes):
            known = apply(rendition, params)
            if known is not None:
                self._set_pen(self.pen._replace(rendition=known))
                return
            # Not followed: from here the rendition is the SGR written since the last reset.
            prefix = "" if rendition == PLAIN else transition(None, rendition)
            self._set_pen(self.pen._replace(rendition=prefix + token))
            return
        if params.split(";", 1)[0] in ("", "0"):
            known = apply(PLAIN, params)
            if known is not None:
                self._set_pen(self.pen._replace(rendition=known))
                return
            self._set_pen(self.pen._replace(rendition=token))
            return
        self._set_pen(self.pen._replace(rendition=rendition + token))

    def _place(self, params: str) -> None:
        """``ESC[y;xH``, the move Textual makes most."""
        place = self._places.get(params)
        if place is None:
            self._move(params, "H")
            if len(self._places) < 10_000:
                self._places[params] = (self.x, self.y)
            return
        self.x, self.y = place

    def _move(self, params: str, final: str) -> None:
        parts = [int(part) if part else 0 for part in params.split(";")] if params else []
        first = parts[0] if parts and parts[0] else 1
        grid = self.grid
        if final in "Hf":
            second = parts[1] if len(parts) > 1 and parts[1] else 1
            self.y, self.x = first - 1, second - 1
        elif final == "A":
            self.y -= first
        elif final == "B":
            self.y += first
        elif final == "C":
            self.x += first
        elif final == "D":
            self.x -= first
        elif final == "G":
            self.x = first - 1
        elif final == "d":
            self.y = first - 1
        self.x = max(0, min(self.x, grid.columns - 1))
        self.y = max(0, min(self.y, grid.rows - 1))

    def _line_feed(self) -> None:
        self.x = 0  # Textual's terminal translates a newline to CR LF (and moves after it)
        if self.y < self.grid.rows - 1:
            self.y += 1
            return
        grid = self.grid
        grid.chars.pop(0)
        grid.styles.pop(0)
        grid.chars.append([" "] * grid.columns)
        grid.styles.append([DEFAULT] * grid.columns)
        self.dirty.update(range(grid.rows))

    def _text(self, text: str) -> None:
        y = self.y
        self.dirty.add(y)
        grid = self.grid
        row_chars, row_styles = grid.chars[y], grid.styles[y]
        self.x = write(row_chars, row_styles, self.x, text, self.style, self.styles)[0]
