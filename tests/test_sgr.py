"""The output filter that leaves out redundant style changes: same screen, fewer bytes."""

from __future__ import annotations

import pyte
from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.terminal.sgr import PLAIN, Attributes, SgrMinimizer, apply, transition

COLOURS = ["38;2;224;224;224", "48;2;18;18;18", "38;5;208", "48;5;17", "31", "42", "97", "39", "49"]
ATTRIBUTES = ["1", "2", "3", "4", "7", "9", "22", "23", "24", "27", "29", "0", ""]

sgr = st.lists(st.sampled_from(COLOURS + ATTRIBUTES), min_size=1, max_size=4).map(
    lambda codes: "\x1b[" + ";".join(codes) + "m"
)
text = st.text(alphabet="ab 日本-", min_size=1, max_size=6)
moves = st.tuples(st.integers(1, 8), st.integers(1, 30)).map(lambda p: f"\x1b[{p[0]};{p[1]}H")
others = st.sampled_from(
    ["\r\n", "\x1b[K", "\x1b[2J", "\x1b]8;;https://example.org\x1b\\", "\x1b[4:3m"]
)
streams = st.lists(st.one_of(sgr, text, moves, others), max_size=40).map("".join)


def _screen(stream: str) -> pyte.Screen:
    screen = pyte.Screen(30, 8)
    pyte.Stream(screen).feed(stream)
    return screen


def _cells(screen: pyte.Screen) -> list[list[object]]:
    return [[screen.buffer[y][x] for x in range(screen.columns)] for y in range(screen.lines)]


@given(streams, st.lists(st.integers(0, 400), max_size=5))
def test_the_screen_is_the_same_cell_for_cell(stream: str, cuts: list[int]) -> None:
    # Fed in pieces cut anywhere (inside escape sequences too), as writes may come.
    minimizer = SgrMinimizer()
    points = sorted({min(cut, len(stream)) for cut in cuts})
    pieces = [stream[a:b] for a, b in zip([0, *points], [*points, len(stream)], strict=True)]
    out = "".join(minimizer.feed(piece) for piece in pieces) + minimizer.feed("")
    assert _cells(_screen(out)) == _cells(_screen(stream))


@given(st.lists(sgr, max_size=6).map("".join), sgr)
def test_a_transition_lands_on_the_rendition_asked_for(before: str, after: str) -> None:
    current = PLAIN
    for params in _params(before):
        current = apply(current, params) or current
    target = apply(current, _params(after)[0]) or current
    change = transition(current, target)
    reached = current
    for params in _params(change):
        reached = apply(reached, params) or reached
    assert reached == target


def _params(stream: str) -> list[str]:
    return [part.split("m")[0] for part in stream.split("\x1b[")[1:]]


def test_textual_style_runs_shrink() -> None:
    run = "\x1b[38;2;224;224;224;48;2;18;18;18m"
    frame = "".join(f"\x1b[{row};1H{run}word {row}\x1b[0m{run} more\x1b[0m\r\n" for row in range(9))
    out = SgrMinimizer().feed(frame)
    assert _cells(_screen(out)) == _cells(_screen(frame))
    assert len(out) < len(frame) / 2


def test_unknown_style_changes_are_passed_on() -> None:
    out = SgrMinimizer().feed("\x1b[1mbold\x1b[4:3mcurly\x1b[1mstill\x1b[0mplain")
    # After a change it cannot follow, the filter sends style changes as they come.
    assert out == "\x1b[0;1mbold\x1b[4:3mcurly\x1b[1mstill\x1b[0mplain"


def test_overline_and_dim_are_followed() -> None:
    assert apply(PLAIN, "2;53") == Attributes(dim=True, overline=True)
    assert transition(Attributes(bold=True, dim=True), Attributes(dim=True)) == "\x1b[0;2m"
    assert transition(Attributes(bold=True, fg=(31,)), Attributes(fg=(31,))) == "\x1b[22m"


def test_serves_readers_get_the_minimizer_too() -> None:
    """The web driver (serve) sends each frame with only the style changes that change."""
    from genesis_tui.terminal.web_driver import GenesisWebDriver

    driver = GenesisWebDriver.__new__(GenesisWebDriver)  # its output only: no app, no input
    packets: list[bytes] = []
    driver._write = packets.append  # type: ignore[assignment]  # in place of stdout
    red = "\x1b[38;2;200;0;0;48;2;18;18;18m"
    driver.write(f"{red}a\x1b[0m{red}b\x1b[0m{red}c\x1b[0m")
    sent = b"".join(packets).decode()
    assert sent.count("38;2;200;0;0") == 1 and "abc" in sent
