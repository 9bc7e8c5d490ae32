"""The driver's input decoding: any bytes at all give messages, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual import events

from genesis_tui.terminal.driver import InputDecoder

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
