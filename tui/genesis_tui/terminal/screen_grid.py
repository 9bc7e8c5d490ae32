"""The cells of a terminal's screen, for the wire stage's model of it (``screen_model``).

``Grid`` holds the cells of a screen: per row, a list of characters and a list of style numbers.
A wide (East Asian) character stands in the cell it starts in, and its second cell holds ``""``.
A style number stands for a ``Pen``: the SGR rendition and the OSC 8 hyperlink a character is
drawn with. ``Styles`` hands the numbers out; a blank cell's style is kept only as far as it can
be seen (a space shows its background, not its foreground or boldness), so two blanks that look
the same are the same cell.

``changes`` finds where a row differs from what it was, ``common_blank`` the blank most of some
rows have: what the wire stage draws and erases with.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import ne
from typing import NamedTuple

from genesis_tui.terminal.sgr import PLAIN, Attributes

Rendition = Attributes | str
"""What SGR has set: known attributes, or (after a code ``sgr.apply`` does not know) the SGR
sequences written since the last reset, to be sent again after a reset."""


class Pen(NamedTuple):
    """The rendition and hyperlink a cell is drawn with."""

    rendition: Rendition = PLAIN
    link: str | None = None
    """The OSC 8 parameters and address (``id=3;https://...``), None outside a link."""


DEFAULT = 0
"""The style number of the default pen (a blank cell of a freshly cleared screen)."""


def _visible(pen: Pen) -> Pen:
    """The pen as far as it shows on a blank cell: a space shows its background only, unless it
    is reversed, underlined, struck through or overlined, or a link."""
    rendition = pen.rendition
    if pen.link is not None or isinstance(rendition, str):
        return pen
    if rendition.reverse or rendition.underline or rendition.strike or rendition.overline:
        return pen
    return Pen(Attributes(bg=rendition.bg))


class Styles:
    """Numbers for pens, and for each the number of a blank drawn with it."""

    def __init__(self) -> None:
        self.pens: list[Pen] = [Pen()]
        self._numbers: dict[Pen, int] = {Pen(): DEFAULT}
        self.blank: list[int] = [DEFAULT]
        """Per style number, the number of the style a space drawn with it has."""
        self.erasables: list[bool] = [True]
        """Per style number, whether an erase can make a blank of it (``erasable``)."""

    def number(self, pen: Pen) -> int:
        """The style number of ``pen`` (a new one the first time)."""
        number = self._numbers.get(pen)
        if number is None:
            number = len(self.pens)
            self.pens.append(pen)
            rendition = pen.rendition
            self.erasables.append(
                isinstance(rendition, Attributes) and pen == Pen(Attributes(bg=rendition.bg))
            )
            self._numbers[pen] = number
            visible = _visible(pen)
            self.blank.append(number if visible == pen else self.number(visible))
        return number

    def erasable(self, number: int) -> bool:
        """Whether an erase can make a blank of this style: a background and nothing else."""
        return self.erasables[number]


@lru_cache(maxsize=8192)
def width(char: str) -> int:
    """The cells a character takes, as Textual (Rich) counts them: 0, 1 or 2."""
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufe0e\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


class Grid:
    """The cells of a screen (see the module's text)."""

    def __init__(self, columns: int, rows: int, blank: int = DEFAULT) -> None:
        self.columns, self.rows = columns, rows
        self.chars = [[" "] * columns for _ in range(rows)]
        self.styles = [[blank] * columns for _ in range(rows)]

    def copy(self) -> Grid:
        grid = Grid.__new__(Grid)
        grid.columns, grid.rows = self.columns, self.rows
        grid.chars = [list(row) for row in self.chars]
        grid.styles = [list(row) for row in self.styles]
        return grid

    def fill(self, blank: int) -> None:
        """Every cell a space of style ``blank``."""
        self.chars = [[" "] * self.columns for _ in range(self.rows)]
        self.styles = [[blank] * self.columns for _ in range(self.rows)]

    def text(self) -> str:
        """The characters, one line per row (for tests and errors)."""
        return "\n".join("".join(row) for row in self.chars)


@lru_cache(maxsize=4096)
def cells_of(text: str) -> tuple[str, ...] | None:
    """The cells ``text`` fills: a wide character and ``""``, a combining mark joined to the
    character before it; None when it starts with a mark (that joins a cell before the text)."""
    cells: list[str] = []
    for char in text:
        cells_wide = width(char)
        if cells_wide == 0:
            if not cells:
                return None
            last = -2 if cells[-1] == "" else -1
            cells[last] += char
        elif cells_wide == 2:
            cells += [char, ""]
        else:
            cells.append(char)
    return tuple(cells)


def write(
    chars: list[str], styles: list[int], x: int, text: str, style: int, pens: Styles
) -> tuple[int, int, bool]:
    """Write ``text`` in ``style`` into a row (its characters and styles) from column x, as a
    terminal with autowrap off does. Returns the cursor's column after it (at most the last),
    the cells written, and whether the text went in cell for cell (no combining mark, nothing
    cut at the margin)."""
    columns = len(chars)
    blank = pens.blank[style]
    cells = text if text.isascii() else cells_of(text)
    if cells is not None:
        end = min(x + len(cells), columns)
        count = end - x
        if count <= 0:
            return x, count, count == len(cells)
        unsplit(chars, styles, x, end, pens.blank)
        part = list(cells[:count])
        if count < len(cells) and cells[count] == "":  # a wide character cut at the margin
            part[-1] = " "
        chars[x:end] = part
        if blank != style and " " in part:
            styles[x:end] = _styles_of(
                cells if count == len(cells) else cells[:count], style, blank
            )
        else:
            styles[x:end] = [style] * count
        return min(end, columns - 1), count, count == len(cells)
    for char in text:
        size = width(char)
        if size == 0:
            if x > 0:  # a combining mark joins the character before it
                before = x - 1 if chars[x - 1] else x - 2
                if before >= 0:
                    chars[before] += char
            continue
        if x + size > columns:
            if size == 2 and x < columns:  # a wide character that does not fit: a blank
                unsplit(chars, styles, x, x + 1, pens.blank)
                chars[x], styles[x] = " ", blank
            x = columns
            continue
        unsplit(chars, styles, x, x + size, pens.blank)
        if size == 2:
            chars[x], chars[x + 1] = char, ""
            styles[x] = styles[x + 1] = style
        else:
            chars[x] = char
            styles[x] = blank if char == " " else style
        x += size
    return min(x, columns - 1), 0, False


def unsplit(chars: list[str], styles: list[int], start: int, end: int, blank: list[int]) -> None:
    """Before cells start..end of a row are overwritten: a wide character cut in half by that
    loses its other half too (it becomes a blank, ``blank`` of its style), as on a terminal."""
    if start > 0 and chars[start] == "":
        chars[start - 1] = " "
        styles[start - 1] = blank[styles[start - 1]]
    if end < len(chars) and chars[end] == "":
        chars[end] = " "
        styles[end] = blank[styles[end]]


@lru_cache(maxsize=4096)
def _styles_of(cells: str | tuple[str, ...], style: int, blank: int) -> list[int]:
    """The styles of ``cells`` written with ``style``, its blanks ``blank``."""
    return [blank if char == " " else style for char in cells]


def changes(
    chars: list[str], styles: list[int], before: list[str], styles_before: list[int], gap: int
) -> Iterator[tuple[int, int]]:
    """Where a row (its characters and styles) differs from what it was: runs of changed
    cells, start and end, with the gaps shorter than ``gap`` between them taken in."""
    if chars == before:
        mask = bytes(map(ne, styles, styles_before))
    elif styles == styles_before:
        mask = bytes(map(ne, chars, before))
    else:  # cells compared as pairs: a third cheaper than two masks joined
        mask = bytes(
            map(ne, zip(chars, styles, strict=True), zip(before, styles_before, strict=True))
        )
    # Found with the bytes' own searches (a regular expression over the mask cost more).
    unchanged = bytes(gap)
    start = mask.find(1)
    while start >= 0:
        end = mask.find(unchanged, start)
        if end < 0:
            yield start, mask.rfind(1) + 1
            return
        yield start, mask.rfind(1, start, end) + 1
        start = mask.find(1, end)


def common_blank(target: Grid, rows: range, styles: Styles, step: int = 1) -> int:
    """The blank most cells of ``rows`` have (every ``step``-th cell counted) of those an
    erase can make, or the default: what to clear a screen with, or fill the lines scrolled in
    with, on a terminal with ``bce``."""
    counts: Counter[int] = Counter()
    for y in rows:
        chars, row = target.chars[y], target.styles[y]
        if step > 1:
            chars, row = chars[::step], row[::step]
        counts.update(compress(row, map(" ".__eq__, chars)))
    erasable = [style for style in counts if styles.erasables[style]]
    return max(erasable, key=lambda style: counts[style]) if erasable else DEFAULT
