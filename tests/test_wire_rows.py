"""The wire stage's comparison of rows (``screen_grid.changes``) and its choice of a blank
(``screen_grid.common_blank``), against their plain definitions: they are written for speed."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from genesis_tui.terminal.screen_grid import Grid, Pen, Styles, changes, common_blank
from genesis_tui.terminal.sgr import Attributes
from tests.conftest import examples

CHARS = st.sampled_from([" ", "a", "b", "字", ""])
ROWS = st.integers(1, 40).flatmap(
    lambda n: st.tuples(
        st.lists(CHARS, min_size=n, max_size=n),
        st.lists(st.integers(0, 3), min_size=n, max_size=n),
        st.lists(st.booleans(), min_size=n, max_size=n),
        st.lists(st.booleans(), min_size=n, max_size=n),
    )
)


def _runs_by_definition(
    chars: list[str], styles: list[int], before: list[str], styles_before: list[int], gap: int
) -> list[tuple[int, int]]:
    """Runs of changed cells, fewer than ``gap`` unchanged cells between two changes taken in:
    as a regular expression says it."""
    cells = zip(chars, styles, strict=True)
    mask = "".join(
        "1" if cell != old else "0"
        for cell, old in zip(cells, zip(before, styles_before, strict=True), strict=True)
    )
    return [match.span() for match in re.finditer(f"1(?:0{{0,{gap - 1}}}1)*", mask)]


@settings(max_examples=examples(200), deadline=None)
@given(ROWS, st.integers(1, 8))
def test_changes_are_the_runs_of_changed_cells(
    row: tuple[list[str], list[int], list[bool], list[bool]], gap: int
) -> None:
    chars, styles, new_char, new_style = row
    before = [
        "b" if changed and char != "b" else char
        for char, changed in zip(chars, new_char, strict=True)
    ]
    styles_before = [
        style + 1 if changed else style for style, changed in zip(styles, new_style, strict=True)
    ]
    found = list(changes(chars, styles, before, styles_before, gap))
    assert found == _runs_by_definition(chars, styles, before, styles_before, gap)


def test_no_change_no_run() -> None:
    assert list(changes(["a", " "], [1, 2], ["a", " "], [1, 2], 5)) == []


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from([" ", "x"]), st.integers(0, 3)), min_size=4, max_size=4 * 12)
)
def test_the_common_blank_is_the_erasable_blank_most_cells_have(
    cells: list[tuple[str, int]],
) -> None:
    styles = Styles()
    numbers = [
        styles.number(Pen(Attributes(bg=(40 + n,))))
        if n < 3
        else styles.number(Pen(Attributes(underline=True)))
        for n in range(4)
    ]
    grid = Grid(4, len(cells) // 4)
    for index, (char, n) in enumerate(cells[: grid.rows * 4]):
        grid.chars[index // 4][index % 4] = char
        grid.styles[index // 4][index % 4] = numbers[n]
    counts: dict[int, int] = {}
    for y in range(grid.rows):
        for x in range(4):
            if grid.chars[y][x] == " " and styles.erasable(grid.styles[y][x]):
                counts[grid.styles[y][x]] = counts.get(grid.styles[y][x], 0) + 1
    blank = common_blank(grid, range(grid.rows), styles)
    if not counts:
        assert blank == 0
    else:
        assert counts[blank] == max(counts.values())
        assert blank == next(style for style in counts if counts[style] == max(counts.values()))
