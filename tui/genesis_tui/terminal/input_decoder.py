"""Input from a terminal as Textual messages, by a decoder that never raises.

Textual decodes input with a strict UTF-8 decoder and parses escape sequences with code that can
raise (``\\xff`` gives UnicodeDecodeError, ``ESC[99999999999u`` OverflowError, ``ESC[1114112u``
ValueError). Any of these ends Textual's input thread and the app with it. Anyone who can type
into the terminal (over SSH: anyone who can log in) could do that, so here input is decoded with
replacement characters, and a sequence that cannot be parsed is dropped
(Textualize/textual#6456, open; every private API used is listed in docs/private-apis.md).
Both drivers (``driver``, ``web_driver``) read through it.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable

from textual import events
from textual._xterm_parser import XTermParser
from textual.keys import KEY_NAME_REPLACEMENTS, Keys
from textual.message import Message

from genesis_tui.terminal.input_filter import InputFilter


class TolerantParser(XTermParser):
    """Textual's parser, except that a key sequence with an impossible code point is ignored."""

    def _parse_extended_key(self, sequence: str) -> list[events.Key] | None:  # type: ignore[override]
        try:
            return super()._parse_extended_key(sequence)
        except (ValueError, OverflowError):
            # Out of range for chr(): no key. An "ignore" key ends the sequence quietly.
            return [events.Key(Keys.Ignore, sequence)]


class InputDecoder:
    """Bytes from the terminal in, Textual messages out; it never raises. What Textual would
    type out of a sequence it does not know is sorted out first (``input_filter``)."""

    def __init__(self) -> None:
        # Invalid bytes as surrogates: the filter tells a stray 8-bit control from the rest.
        self._decode = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode
        self._filter = InputFilter()
        self._parser = TolerantParser()

    def feed(self, data: bytes, *, final: bool = False) -> list[Message]:
        """The messages for these bytes (invalid UTF-8 arrives as U+FFFD)."""
        text = self._filter.feed(self._decode(data, final))
        return self._guard(lambda: list(self._parser.feed(text))) if text else []

    def quiet(self) -> list[Message]:
        """The input has gone quiet: what was left unfinished ends (a lone ESC is the escape
        key; a paste without its closing bracket ends after a while)."""
        close, escape = self._filter.quiet()
        messages = self._guard(lambda: list(self._parser.feed(close))) if close else []
        if escape:
            messages.append(events.Key("escape", "\x1b"))
        return messages

    def tick(self) -> list[Message]:
        """The messages due once a pending sequence times out (a lone ESC is the escape key)."""
        return self._guard(lambda: list(self._parser.tick()))

    def _guard(self, parse: Callable[[], list[Message]]) -> list[Message]:
        try:
            messages = parse()
        except Exception:
            # Textual's parser could not cope with what arrived: drop it and start afresh, so
            # that the next key works. (The parser is a generator: after raising it is dead.)
            self._parser = TolerantParser()
            return []
        return messages


def half_width(key: events.Key) -> events.Key:
    """A key typed in its full-width form (an input method left on: ｖ, ２, ／, ｑ) as the key
    it stands for, so that the reader's keys work either way; any other key as it is. Typed
    into a field, the half-width form is the same text to search and the glossary's filter,
    which fold widths."""
    char = key.character or ""
    if len(char) == 1 and ("\uff01" <= char <= "\uff5e" or char == "\u3000"):
        plain = " " if char == "\u3000" else chr(ord(char) - 0xFEE0)
        return events.Key(key_name(plain), plain)
    return key


def key_name(char: str) -> str:
    """Textual's name of the key that types ``char`` (printable ASCII): ``v``, ``slash``."""
    if char.isalnum():
        return char
    name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    return KEY_NAME_REPLACEMENTS.get(name, name)
