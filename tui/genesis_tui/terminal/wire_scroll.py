"""Lines that moved between two screens, for the wire stage (``wire.WireStage``): found, then
moved by the terminal (a region of rows scrolled) rather than drawn again.

A page scrolled beside a section list changes only in some columns: the rows are compared in the
columns that changed in most rows. A row of the new screen that matches exactly one row of the
shown screen there votes for the shift between them; the shift with the most votes wins, over
the longest run of rows it brings into place.
"""

from __future__ import annotations

from itertools import compress
from operator import ne

from genesis_tui.terminal.screen_grid import DEFAULT, Grid, common_blank
from genesis_tui.terminal.wire_moves import counted
from genesis_tui.terminal.wire_paint import Painter

MIN_CELLS = 40
"""Fewer cells than this brought into place are not worth a scroll."""


def find_scroll(target: Grid, shown: Grid, dirty: list[int]) -> tuple[int, int, int] | None:
    """The region (top and bottom rows) and the shift (lines up; negative: down) that bring
    most of ``target``'s changed rows into place from ``shown``; None when nothing moved."""
    t_chars, t_styles, s_chars, s_styles = target.chars, target.styles, shown.chars, shown.styles
    changed = [y for y in dirty if t_chars[y] != s_chars[y] or t_styles[y] != s_styles[y]]
    if len(changed) < 3:
        return None
    # The columns that changed in most rows: where to look for lines that moved (a page
    # beside a section list, say).
    columns = target.columns
    forward, backward = range(columns), range(columns - 1, -1, -1)
    lefts, rights = [], []
    for y in changed[:: max(1, len(changed) // 8)]:  # a sample of the rows is enough
        tc, sc, ts, ss = t_chars[y], s_chars[y], t_styles[y], s_styles[y]
        lefts.append(
            next(compress(forward, map(ne, zip(tc, ts, strict=True), zip(sc, ss, strict=True))))
        )
        ends = map(
            ne,
            zip(reversed(tc), reversed(ts), strict=True),
            zip(reversed(sc), reversed(ss), strict=True),
        )
        rights.append(next(compress(backward, ends)) + 1)
    lefts.sort()
    rights.sort()
    left, right = lefts[len(lefts) // 2], rights[len(rights) // 2]
    if right - left < 4:
        return None
    # Rows are told apart by their text there (a join is cheaper than a tuple of cells, and
    # comparing the styles too cost a third of the search): a row whose text moved but whose
    # style changed is moved all the same, and its style drawn after.
    t_keys = ["".join(t_chars[y][left:right]) for y in range(target.rows)]
    s_keys = ["".join(s_chars[y][left:right]) for y in range(target.rows)]

    where: dict[str, int] = {}
    for y, key in enumerate(s_keys):
        where[key] = -1 if key in where else y  # -1: not unique
    votes: dict[int, int] = {}
    for y in changed:
        source = where.get(t_keys[y], -1)
        if source >= 0 and source != y:
            votes[source - y] = votes.get(source - y, 0) + 1
    if not votes:
        return None
    shift = max(votes, key=lambda d: votes[d])
    if votes[shift] < 2:
        return None
    # The longest run of rows that the shift brings into place.
    best, run_start = (0, -1), -1
    for y in range(target.rows + 1):
        moved = y < target.rows and 0 <= y + shift < target.rows and t_keys[y] == s_keys[y + shift]
        if moved and t_keys[y] != s_keys[y]:
            if run_start < 0:
                run_start = y
        elif moved and run_start >= 0:
            pass  # a row the shift leaves as it is (a blank among blanks) keeps the run
        else:
            if run_start >= 0 and y - run_start > best[1] - best[0] + 1:
                best = (run_start, y - 1)
            run_start = -1
    first, last = best
    if last < first or (last - first + 1) * (right - left) < MIN_CELLS:
        return None
    top, bottom = (first, last + shift) if shift > 0 else (first + shift, last)
    if bottom - top < 1:
        return None
    return top, bottom, shift


def move_lines(paint: Painter, out: list[str], found: tuple[int, int, int], target: Grid) -> None:
    """Scroll rows top..bottom by ``shift`` (up when positive) with the terminal. The lines
    that come in are blank, in the background of the pen where the terminal has ``bce``
    (set to the one most of the target's new lines have), else in the default one."""
    top, bottom, shift = found
    caps, shown = paint.caps, paint.shown
    count = abs(shift)
    fresh = range(bottom - count + 1, bottom + 1) if shift > 0 else range(top, top + count)
    blank = common_blank(target, fresh, paint.styles) if caps.bce else DEFAULT
    paint.erase_pen(out, blank)
    if caps.csr and (caps.indn if shift > 0 else caps.rin):
        # Scroll up or down (SU, SD) scroll the region wherever the cursor is; setting the
        # region took it home, and there it stays (resetting the region takes it home too).
        out.append(f"\x1b[{top + 1};{bottom + 1}r")
        out.append(counted(count, "S" if shift > 0 else "T"))
        out.append("\x1b[r")
        paint.x, paint.y, paint.edge = 0, 0, False
    elif caps.csr and caps.ind and caps.ri:
        out.append(f"\x1b[{top + 1};{bottom + 1}r")
        if shift > 0:
            out.append(f"\x1b[{bottom + 1}H" + "\n" * count)
        else:
            out.append(f"\x1b[{top + 1}H" + "\x1bM" * count)
        out.append("\x1b[r")
        paint.x, paint.edge = None, False  # the region set moved the cursor home (or not)
    else:
        # Without a scrolling region: delete lines at one end, insert them at the other.
        delete_at, insert_at = (top, bottom - count + 1) if shift > 0 else (bottom - count + 1, top)
        paint.x = None
        paint.move(out, 0, delete_at, target)
        out.append(counted(count, "M"))
        paint.x = None
        paint.move(out, 0, insert_at, target)
        out.append(counted(count, "L"))
        paint.x = 0
    new_chars = [[" "] * shown.columns for _ in range(count)]
    new_styles = [[blank] * shown.columns for _ in range(count)]
    chars, styles = shown.chars[top : bottom + 1], shown.styles[top : bottom + 1]
    if shift > 0:
        shown.chars[top : bottom + 1] = chars[count:] + new_chars
        shown.styles[top : bottom + 1] = styles[count:] + new_styles
    else:
        shown.chars[top : bottom + 1] = new_chars + chars[:-count]
        shown.styles[top : bottom + 1] = new_styles + styles[:-count]
