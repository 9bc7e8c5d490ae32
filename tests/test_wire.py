"""The wire stage (terminal/wire.py): what the terminal shows after the stage's stream is, cell
for cell, what it shows after Textual's frames as they are.

Random screens and updates (rows scrolled by any amount in any region, partial updates, wide
characters, style changes, links, resizes) are written the way Textual writes them, once as they
are and once through the stage, into two pyte screens; every cell is compared after every frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pyte
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from genesis_tui.terminal.caps import TMUX, XTERM, Capabilities
from genesis_tui.terminal.wire import WireStage
from tests.conftest import examples
from tests.terminal import Screen, Stream

PLAIN_TERMINAL = Capabilities()
"""A terminal that addresses the cursor and erases to the end of a line, nothing else."""
NO_REGIONS = Capabilities(bce=True, ech=True, il=True, dl=True)
"""No scrolling regions (insert and delete line only), as TERM=ansi."""

CHARS = "ab xyz  .日本語あー、  é"
"""Letters, blanks (often), wide characters, a narrow accented letter."""
STYLES = (
    "",
    "1;38;5;3",
    "7",
    "48;5;17",
    "4;38;2;1;2;3;48;5;17",
    "38;5;253;48;5;233",
    "3;9",
    "21",  # double underline: not followed by the SGR model, sent as it is
)
LINKS = (None, None, None, "id=1;https://example.org/a", "id=2;https://example.org/b")

Cell = tuple[str, int, int]
"""A character ("" for the second cell of a wide one), a style and a link (indexes)."""


def _row(draw: st.DrawFn, columns: int) -> list[Cell]:
    cells: list[Cell] = []
    while len(cells) < columns:
        char = draw(st.sampled_from(CHARS))
        style = draw(st.sampled_from(range(len(STYLES))))
        link = draw(st.sampled_from(range(len(LINKS))))
        repeat = draw(st.integers(1, 12)) if char == " " else 1
        for _ in range(repeat):
            if len(cells) >= columns:
                break
            if char in "日本語あー、":
                if len(cells) + 2 > columns:
                    cells.append((" ", style, link))
                    break
                cells += [(char, style, link), ("", style, link)]
            else:
                cells.append((char, style, link))
    return cells


def render(y: int, start: int, cells: list[Cell]) -> str:
    """Cells written as Textual writes them: a move, then each run with its full style."""
    out = [f"\x1b[{y + 1};{start + 1}H"]
    last: tuple[int, int] | None = None
    for char, style, link in cells:
        if char == "":
            continue
        if (style, link) != last:
            if last is not None and LINKS[last[1]]:
                out.append("\x1b]8;;\x1b\\")
            out.append(f"\x1b[0m\x1b[{STYLES[style]}m" if STYLES[style] else "\x1b[0m")
            if LINKS[link]:
                out.append(f"\x1b]8;{LINKS[link]}\x1b\\")
            last = (style, link)
        out.append(char)
    if last is not None and LINKS[last[1]]:
        out.append("\x1b]8;;\x1b\\")
    out.append("\x1b[0m")
    return "".join(out)


def crop(cells: list[Cell], start: int, end: int) -> list[Cell]:
    """Cells start..end, a wide character cut by either edge made a blank (as Textual does)."""
    part = list(cells[start:end])
    if part and part[0][0] == "":
        part[0] = (" ", *part[0][1:])
    if part and end < len(cells) and cells[end][0] == "":
        part[-1] = (" ", *part[-1][1:])
    return part


@dataclass
class Story:
    """A screen and the frames that update it."""

    size: tuple[int, int]
    frames: list[tuple[tuple[int, int] | None, str]] = field(default_factory=list)
    """Each frame with the new size if it comes after a resize."""


@st.composite
def stories(draw: st.DrawFn) -> Story:
    columns, rows = draw(st.integers(4, 24)), draw(st.integers(2, 9))
    screen = [_row(draw, columns) for _ in range(rows)]
    story = Story((columns, rows))
    story.frames.append((None, "".join(render(y, 0, row) for y, row in enumerate(screen))))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["scroll", "scroll", "chop", "style", "resize"]))
        if kind == "scroll":
            # Lines of a region of rows (and columns) move by any amount; new lines come in.
            top = draw(st.integers(0, rows - 1))
            bottom = draw(st.integers(top + 1, rows))
            left = draw(st.integers(0, columns - 1))
            right = draw(st.integers(left + 1, columns))
            shift = draw(st.integers(-(bottom - top), bottom - top))
            old = [list(row) for row in screen]
            for y in range(top, bottom):
                source = y + shift
                fresh = _row(draw, columns)
                line = old[source] if top <= source < bottom else fresh
                screen[y][left:right] = crop(line, left, right)
                screen[y] = _fix(screen[y])
            text = "".join(
                render(y, left, crop(screen[y], left, right)) for y in range(top, bottom)
            )
            story.frames.append((None, text))
        elif kind == "chop":
            y = draw(st.integers(0, rows - 1))
            start = draw(st.integers(0, columns - 1))
            new = _row(draw, draw(st.integers(1, columns - start)))
            screen[y][start : start + len(new)] = new
            screen[y] = _fix(screen[y])
            story.frames.append((None, render(y, start, new)))
        elif kind == "style":
            y = draw(st.integers(0, rows - 1))
            style = draw(st.sampled_from(range(len(STYLES))))
            screen[y] = [(char, style, link) for char, _, link in screen[y]]
            story.frames.append((None, render(y, 0, screen[y])))
        else:
            columns, rows = draw(st.integers(4, 24)), draw(st.integers(2, 9))
            screen = [_row(draw, columns) for _ in range(rows)]
            full = "".join(render(y, 0, row) for y, row in enumerate(screen))
            story.frames.append(((columns, rows), full))
    return story


def _fix(row: list[Cell]) -> list[Cell]:
    """A row after a part of it was replaced: halves of wide characters left alone become
    blanks (as a terminal makes them)."""
    fixed = list(row)
    for x, (char, style, link) in enumerate(fixed):
        wide = char not in ("", " ") and char in "日本語あー、"
        if wide and (x + 1 >= len(fixed) or fixed[x + 1][0] != ""):
            fixed[x] = (" ", style, link)
        if char == "" and (
            x == 0 or fixed[x - 1][0] not in "日本語あー、" or fixed[x - 1][0] == ""
        ):
            fixed[x] = (" ", style, link)
    return fixed


class NoBceScreen(Screen):
    """A terminal without ``bce``: an erase fills with the default background."""

    def _default(self, erase: object, *args: object) -> None:
        saved = self.cursor.attrs
        self.cursor.attrs = self.default_char
        try:
            erase(*args)  # type: ignore[operator]
        finally:
            self.cursor.attrs = saved

    def erase_in_line(self, how: int = 0, private: bool = False) -> None:
        self._default(super().erase_in_line, how, private)

    def erase_in_display(self, how: int = 0, *args: object, **kwargs: object) -> None:
        self._default(super().erase_in_display, how)

    def erase_characters(self, count: int | None = None) -> None:
        self._default(super().erase_characters, count)


class BceScreen(Screen):
    """A terminal with ``bce`` (xterm, VTE, kitty, the Linux console): a line scrolled in is
    filled with the current background, as an erase is (pyte fills it with the default)."""

    def _fill(self, rows: range) -> None:
        blank = self.default_char._replace(bg=self.cursor.attrs.bg)
        for y in rows:
            line = self.buffer[y]
            for x in range(self.columns):
                line[x] = blank

    def _region(self) -> tuple[int, int]:
        top, bottom = self.margins or (0, self.lines - 1)
        return top, bottom

    def index(self) -> None:
        _top, bottom = self._region()
        at_bottom = self.cursor.y == bottom
        super().index()
        if at_bottom:
            self._fill(range(bottom, bottom + 1))

    def reverse_index(self) -> None:
        top, _bottom = self._region()
        at_top = self.cursor.y == top
        super().reverse_index()
        if at_top:
            self._fill(range(top, top + 1))

    def insert_lines(self, count: int | None = None) -> None:
        top, bottom = self._region()
        y = self.cursor.y
        super().insert_lines(count)
        if top <= y <= bottom:
            self._fill(range(y, min(y + (count or 1), bottom + 1)))

    def delete_lines(self, count: int | None = None) -> None:
        top, bottom = self._region()
        y = self.cursor.y
        super().delete_lines(count)
        if top <= y <= bottom:
            self._fill(range(max(y, bottom - (count or 1) + 1), bottom + 1))


def cells(screen: pyte.Screen) -> list[list[tuple[object, ...]]]:
    """Every cell as it looks: a blank shows its background only (unless reversed, underlined
    or struck through); half of a wide character left alone shows as a blank."""
    rows = []
    for y in range(screen.lines):
        line = screen.buffer[y]
        row: list[tuple[object, ...]] = []
        for x in range(screen.columns):
            cell = line[x]
            data = cell.data
            orphan_stub = data == "" and (
                x == 0 or not line[x - 1].data or _narrow(line[x - 1].data)
            )
            lone_wide = bool(data) and not _narrow(data)
            if lone_wide:
                lone_wide = x + 1 >= screen.columns or line[x + 1].data != ""
            if orphan_stub or lone_wide:
                data = " "
            if data in (" ", "") and not (cell.reverse or cell.underscore or cell.strikethrough):
                row.append((data, cell.bg))
            else:
                row.append(
                    (
                        data,
                        cell.fg,
                        cell.bg,
                        cell.bold,
                        cell.italics,
                        cell.underscore,
                        cell.strikethrough,
                        cell.reverse,
                    )
                )
        rows.append(row)
    return rows


def _narrow(char: str) -> bool:
    return char not in "日本語あー、"


def run(story: Story, caps: Capabilities, bce: bool, split: int = 0) -> None:
    columns, rows = story.size
    kind = BceScreen if bce else NoBceScreen
    plain, staged = kind(columns, rows), kind(columns, rows)
    plain_stream, staged_stream = Stream(plain), Stream(staged)
    stage = WireStage(caps, columns, rows)
    start = "\x1b[?1049h\x1b[?25l\x1b[?7l"
    plain_stream.feed(start)
    staged_stream.feed(stage.feed(start))
    for number, (size, frame) in enumerate(story.frames):
        if size is not None:
            plain.resize(size[1], size[0])
            staged.resize(size[1], size[0])
            stage.resize(*size)
        plain_stream.feed("\x1b[?2026h" + frame + "\x1b[1;1H\x1b[?2026l")
        whole = frame + "\x1b[1;1H"
        cut = split % (len(whole) + 1)  # the frame in two writes, cut anywhere
        sent = "".join(
            stage.feed(part) for part in ("\x1b[?2026h", whole[:cut], whole[cut:], "\x1b[?2026l")
        )

        # Through a tty that turns a line feed into CR LF, as the reader's does (termios ONLCR).
        staged_stream.feed(sent.replace("\n", "\r\n") if caps.onlcr else sent)
        expected, got = cells(plain), cells(staged)
        assert got == expected, (
            f"frame {number}: {frame!r}\nsent {sent!r}\nplain:\n"
            + "\n".join(plain.display)
            + "\nstaged:\n"
            + "\n".join(staged.display)
        )


@settings(max_examples=examples(120), deadline=None)
@given(stories())
def test_the_stage_draws_what_textual_means_on_xterm(story: Story) -> None:
    run(story, XTERM, bce=True)


@settings(max_examples=examples(60), deadline=None)
@given(stories())
def test_a_line_feed_goes_alone_where_the_tty_adds_the_return(story: Story) -> None:
    run(story, replace(XTERM, onlcr=True), bce=True)


@pytest.mark.slow  # the xterm property above is the fast one, 1 s of CPU
@settings(max_examples=examples(100), deadline=None)
@given(stories())
def test_the_stage_draws_what_textual_means_without_bce(story: Story) -> None:
    """tmux and screen: no bce, no erase-characters."""
    run(story, TMUX, bce=False)


@settings(max_examples=examples(50), deadline=None)
@given(stories(), st.integers(0, 10_000))
def test_a_write_may_end_inside_an_escape_sequence(story: Story, split: int) -> None:
    run(story, XTERM, bce=True, split=split)


@pytest.mark.slow  # the xterm property above is the fast one
@settings(max_examples=examples(50), deadline=None)
@given(stories())
def test_the_stage_draws_what_textual_means_without_scrolling_regions(story: Story) -> None:
    run(story, NO_REGIONS, bce=True)


@pytest.mark.slow  # the xterm property above is the fast one
@settings(max_examples=examples(60), deadline=None)
@given(stories())
def test_the_stage_draws_what_textual_means_on_a_plain_terminal(story: Story) -> None:
    run(story, PLAIN_TERMINAL, bce=False)


def _lines(count: int, columns: int = 40) -> list[str]:
    return [f"line {n} " + "word " * (n % 6) for n in range(count)]


def _frame(lines: list[str], start: int, rows: int) -> str:
    return "".join(
        f"\x1b[{y + 1};1H\x1b[38;5;253;48;5;233m{lines[start + y]:<40}\x1b[0m" for y in range(rows)
    )


def _scrolled(caps: Capabilities, shift: int) -> tuple[str, str]:
    """A 40x12 page moved by ``shift`` lines: what the stage sent, and the frame."""
    lines = _lines(40)
    stage = WireStage(caps, 40, 12)
    screen = Screen(40, 12)
    stream = Stream(screen)
    stream.feed(stage.feed("\x1b[?25l" + _frame(lines, 10, 12)))
    frame = _frame(lines, 10 + shift, 12)
    sent = stage.feed(frame)
    stream.feed(sent)
    assert screen.display == [f"{line:<40}" for line in lines[10 + shift : 22 + shift]]
    return sent, frame


def test_lines_that_moved_are_moved_by_the_terminal() -> None:
    for shift in (1, 3, -1, -4):
        sent, frame = _scrolled(XTERM, shift)
        assert re.search(r"\x1b\[\d+;\d+r", sent), sent
        assert len(sent) < len(frame) / 4, (shift, sent)


def test_without_scrolling_regions_lines_are_deleted_and_inserted() -> None:
    for shift in (2, -2):
        sent, frame = _scrolled(NO_REGIONS, shift)
        assert not re.search(r"\x1b\[\d+;\d+r", sent), sent
        assert re.search(r"\x1b\[\d*M", sent) and re.search(r"\x1b\[\d*L", sent), sent
        assert len(sent) < len(frame) / 4, (shift, sent)


def test_a_resize_or_a_restart_repaints_every_cell() -> None:
    """After a resize, and after a sequence that may have changed the screen (the alternate
    screen again, as at a restart after ctrl+z), the next update clears and draws it all."""
    stage = WireStage(XTERM, 20, 3)
    frame = _frame_rows(["one", "two", "three"])
    stage.feed(frame)
    assert stage.feed(frame) == ""  # nothing changed: nothing sent
    stage.resize(20, 3)
    again = stage.feed("\x1b[1;1H")
    assert "\x1b[2J" in again and all(word in again for word in ("one", "two", "three"))
    again = stage.feed("\x1b[?1049h")
    assert again.startswith("\x1b[?1049h") and "\x1b[2J" in again and "three" in again


def _frame_rows(rows: list[str]) -> str:
    return "".join(f"\x1b[{y + 1};1H\x1b[0;38;5;3m{row:<20}" for y, row in enumerate(rows))


@pytest.mark.slow  # a real process for each terminal type, 0.45 s of CPU
def test_terminfo_gives_the_capabilities() -> None:
    """Each TERM read in a process of its own (curses reads one terminal per process)."""
    import subprocess
    import sys

    def caps(term: str) -> str:
        code = (
            "from genesis_tui.terminal.caps import Capabilities as C;"
            f"print(C.from_terminfo({term!r}, 1))"
        )
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert caps("xterm-256color") == str(XTERM)
    assert caps("tmux-256color") == str(TMUX)
    assert "bce=False" in caps("screen") and "csr=True" in caps("screen")
    assert "csr=False" in caps("ansi") and "il=True" in caps("ansi")
    assert caps("dumb") == "None"  # no cursor addressing: Textual's frames as they are
    assert caps("no-such-terminal") == "None"
