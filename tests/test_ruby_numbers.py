"""Readings over numbers: a run of digits with the counter after it (24日, にじゅうよっか) is
one base, as group ruby: the reading centred over the whole, the digits never spaced apart."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.text.ruby import ruby_line, ruby_lines
from genesis_tui.text.typesetting import cells


def test_24_nichi_is_read_over_the_whole_number() -> None:
    """``2    4   日`` before: the reading spread the digits like two numbers."""
    text = "2025年11月24日に署名"
    start = text.index("24日")
    (line,) = ruby_lines(text, 60, [(start, start + 3, "にじゅうよっか")])
    # The reading (14 cells) centred over the number with its counter (4 cells): 5 cells of
    # space each side of "24日", none inside it.
    assert line.base == "2025年11月     24日     に署名", line
    assert line.ruby == " " * 10 + "にじゅうよっか" + " " * 6, line
    assert line.columns[start : start + 3] == (15, 16, 17)


@given(
    st.text(alphabet="0123456789０１２", min_size=1, max_size=6),
    st.sampled_from(["日", "月", "年", "件", ""]),
    st.text(alphabet="あいうえおかきくけこ", min_size=1, max_size=12),
)
def test_the_digits_of_a_number_stay_together(digits: str, counter: str, reading: str) -> None:
    """Whatever the reading's width, the number and its counter are drawn as they are written,
    the reading centred over them, both rows the same width."""
    text = "第" + digits + counter + "に"
    ruby = [(1, 1 + len(digits) + len(counter), reading)]
    line = ruby_line(text, 0, len(text), ruby)
    assert digits + counter in line.base, line
    assert cells(line.ruby) == cells(line.base)
    whole = cells(digits + counter)
    left = line.columns[1]
    top = [c for ch in line.ruby for c in [ch] + [""] * (cells(ch) - 1)]
    span = max(whole, cells(reading))
    centre = left + whole / 2
    start = top.index(reading[0])
    assert abs(start + cells(reading) / 2 - centre) <= 1, line
    assert span >= whole


@given(st.integers(min_value=6, max_value=40))  # from the widest share, よっか
def test_no_reading_spaces_a_number_apart_at_any_width(width: int) -> None:
    """Where the number and its reading fit on a line, or the line cuts the number (narrower
    than its reading), its digits on a line stand together."""
    text = "令和7年11月24日に"
    start = text.index("24日")
    ruby = [(start, start + 3, "にじゅうよっか")]
    rows = ruby_lines(text, width, ruby)
    assert all(cells(row.base) == cells(row.ruby) <= width for row in rows), rows
    assert not [row for row in rows if re.search(r"[0-9] +[0-9]", row.base)], rows
