"""The driver's input decoding: any bytes at all give messages, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events

from genesis_tui.terminal import input_filter
from genesis_tui.terminal.input_decoder import InputDecoder
from genesis_tui.terminal.input_filter import MAX_PASTE, InputFilter

# Pieces that steer the parser into its escape-sequence paths, mixed with arbitrary bytes.
PIECES = st.sampled_from(
    [b"\x1b", b"\x1b[", b"[", b";", b":", b"u", b"~", b"<", b"M", b"m", b"99999999999", b"1114112"]
)
CHUNKS = st.lists(st.one_of(st.binary(max_size=8), PIECES), max_size=30)


def keys(decoder: InputDecoder, data: bytes) -> list[str]:
    return [m.key for m in decoder.feed(data) if isinstance(m, events.Key)]


@given(CHUNKS)
def test_any_bytes_decode_without_raising(chunks: list[bytes]) -> None:
    decoder = InputDecoder()
    for chunk in chunks:
        decoder.feed(chunk)
        decoder.tick()
    decoder.feed(b"", final=True)


def test_invalid_utf8_becomes_a_replacement_character() -> None:
    decoder = InputDecoder()
    assert [m.character for m in decoder.feed(b"a\xffb") if isinstance(m, events.Key)] == [
        "a",
        "\ufffd",
        "b",
    ]


def test_utf8_split_across_reads_is_one_character() -> None:
    decoder = InputDecoder()
    assert keys(decoder, "é".encode()[:1]) == []
    assert [m.character for m in decoder.feed("é".encode()[1:]) if isinstance(m, events.Key)] == [
        "é"
    ]


def test_out_of_range_key_codes_are_dropped_and_typing_goes_on() -> None:
    decoder = InputDecoder()
    assert keys(decoder, b"\x1b[99999999999u") == []
    assert keys(decoder, b"\x1b[1114112u") == []
    assert keys(decoder, b"q") == ["q"]


def received(data: bytes, *, quiet: bool = True) -> list[str]:
    """What the app gets for these bytes (keys by name, other messages by class), once the
    input has gone quiet."""
    decoder = InputDecoder()
    messages = decoder.feed(data) + (decoder.quiet() if quiet else [])
    return [m.key if isinstance(m, events.Key) else type(m).__name__ for m in messages]


@pytest.mark.parametrize(
    "data",
    [
        b"\x1b[?1;2c",  # DA1, a terminal's reply: its ? opened help
        b"\x1b[>0;276;0c",  # DA2
        b"\x1b[8;5;5t",  # a size report: its t opened the timeline
        b"\x1b[1;2;3;4;5;6;7;8;9;0\x1b[",  # broken off by the next ESC
        b"\x1b]11;rgb:0000/0000/0000\x07",  # OSC, ended by BEL
        b"\x1b]52;c;aGVsbG8=\x1b\\",  # OSC 52, ended by ST
        b"\x1bP1$r0m\x1b\\",  # DCS (DECRQSS reply)
        b"\x1b_Gi=1;OK\x1b\\",  # APC (kitty graphics reply)
        b"\x1b^privacy\x1b\\",  # PM
        b"\x90q\x9c",  # an 8-bit DCS, stray bytes
        b"\xc2\x90q\xc2\x9c",  # the same, as UTF-8 code points
        b"\x9b?1;2c",  # an 8-bit CSI
        b"\x1b[" + b"9" * 10_000 + b"q",  # an overlong CSI
    ],
    ids=repr,
)
def test_sequences_not_understood_are_dropped_whole(data: bytes) -> None:
    decoder = InputDecoder()
    assert received_from(decoder, data) + received_quiet(decoder) == []
    assert received_from(decoder, b"j") == ["j"]  # and typing goes on


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x1b[A", ["up"]),
        (b"\x1b[6~", ["pagedown"]),
        (b"\x1bOP", ["f1"]),
        (b"\x1b[[A", ["f1"]),  # the Linux console
        (b"\x1b[23$", ["f23"]),  # rxvt
        (b"\x1b[97;5u", ["ctrl+a"]),  # kitty
        (b"\x1b[<0;10;5M", ["MouseDown"]),
        (b"\x1b[2;5R", ["CursorPosition"]),
        (b"\x1b[?2026;2$y", ["TerminalSupportsSynchronizedOutput"]),
        (b"\x1b", ["escape"]),
        (b"j\x1b[6~k", ["j", "pagedown", "k"]),
    ],
    ids=repr,
)
def test_keys_and_reports_get_through(data: bytes, expected: list[str]) -> None:
    assert received(data) == expected


@pytest.mark.parametrize(
    "inside",
    [b"a\x1b]0;t\x07 q z z", b"\x1b]52;c;aGVsbG8=\x07", b"\x1b[?1;2c q", b"\x1bq", b"\x90q\x9c"],
    ids=repr,
)
def test_a_paste_is_text_without_its_sequences(inside: bytes) -> None:
    decoder = InputDecoder()
    messages = decoder.feed(b"\x1b[200~" + inside + b"\x1b[201~j")
    assert [type(m).__name__ for m in messages] == ["Paste", "Key"]
    paste = messages[0]
    assert isinstance(paste, events.Paste)
    assert "\x1b" not in paste.text and "]" not in paste.text.replace("[", "")


def test_a_paste_that_never_ends_is_cut_off_and_typing_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decoder = InputDecoder()
    messages = decoder.feed(b"\x1b[200~" + b"q" * (MAX_PASTE + 1000))
    pastes = [m for m in messages if isinstance(m, events.Paste)]
    assert [len(p.text) for p in pastes] == [MAX_PASTE]
    assert not [m for m in messages if isinstance(m, events.Key)]
    # Quiet long enough: the paste is over, and what follows is keys again.
    monkeypatch.setattr(input_filter, "PASTE_QUIET", 0.0)
    decoder.quiet()
    assert received_from(decoder, b"j") == ["j"]


def test_a_quiet_unterminated_paste_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_filter, "PASTE_QUIET", 0.0)
    decoder = InputDecoder()
    assert decoder.feed(b"\x1b[200~hello") == []
    messages = decoder.quiet()
    assert [m.text for m in messages if isinstance(m, events.Paste)] == ["hello"]
    assert received_from(decoder, b"j") == ["j"]


def test_a_burst_of_focus_reports_is_its_last() -> None:
    assert received(b"\x1b[I\x1b[O" * 3000) == ["AppBlur"]
    assert received(b"\x1b[O\x1b[I" * 3000) == ["AppFocus"]


def received_quiet(decoder: InputDecoder) -> list[str]:
    return [m.key if isinstance(m, events.Key) else type(m).__name__ for m in decoder.quiet()]


def received_from(decoder: InputDecoder, data: bytes) -> list[str]:
    return [m.key if isinstance(m, events.Key) else type(m).__name__ for m in decoder.feed(data)]


def test_the_terminal_size_is_clamped(monkeypatch: pytest.MonkeyPatch) -> None:
    """However large the pty says it is (SSH sets it from the client): 500x200 at most."""
    import os
    import shutil

    from genesis_tui.terminal.driver import GenesisDriver

    # Any arguments: pytest asks for its own terminal's width (with a fallback) while it runs.
    huge = os.terminal_size((20000, 5000))
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *_, **__: huge)
    driver = object.__new__(GenesisDriver)  # the size needs nothing the driver starts
    assert driver._get_terminal_size() == (500, 200)


def test_a_run_of_mouse_movements_is_its_last() -> None:
    """A mouse dragged over a slow link, or a flood of movement reports: one movement, the last
    (at column 40: x 39), while presses, releases and wheel steps all pass, in order."""
    moves = b"".join(b"\x1b[<35;%d;5M" % x for x in range(1, 41))
    urxvt = b"\x1b[67;3;3M" * 2  # movement reports in the urxvt form (35 + 32)
    x10 = b"\x1b[MC!!" * 3  # and in X10's: 35 + 32 is "C"
    wheel = b"\x1b[<64;5;5M" * 3
    decoder = InputDecoder()
    messages = decoder.feed(moves * 100 + b"\x1b[<0;7;5M" + moves + b"\x1b[<0;7;5m" + wheel)
    kinds = [type(m).__name__ for m in messages]
    assert kinds == ["MouseMove", "MouseDown", "MouseMove", "MouseUp", *["MouseScrollUp"] * 3]
    assert [m.x for m in messages if isinstance(m, events.MouseMove)] == [39, 39]
    # The other forms (which Textual's parser does not turn into events) are coalesced too.
    text = (urxvt + x10 + b"j" + x10).decode()
    assert InputFilter().feed(text) == "\x1b[MC!!j\x1b[MC!!"  # the last of each run
