"""What arrives on the terminal's input, sorted before Textual's parser sees it: keys and the
reports Textual acts on go through; every other escape sequence is dropped whole; a paste is text.

Textual's parser (``textual._xterm_parser``) types out what it does not understand: a terminal's
reply it never asked for (``ESC[?1;2c``, the DA1 answer, opened help with its ``?``;
``ESC[8;5;5t`` opened the timeline with its ``t``), an OSC or DCS string inside a paste (``ESC]0;t
BEL q`` quit the reader), an 8-bit DCS (``\\x90q\\x9c``). Here, before it:

- a complete CSI or SS3 sequence goes through if Textual makes something of it (a key, a mouse
  or focus report, the paste brackets, a cursor, mode or size report), and is dropped otherwise;
  one broken off by another ESC or a control character is dropped;
- OSC, DCS, APC, PM and SOS strings are dropped up to their end (ST or BEL), in their 7-bit and
  8-bit forms; the other 8-bit controls are dropped;
- inside a bracketed paste, every sequence but the closing bracket is dropped, and a paste is
  cut off after ``MAX_PASTE`` characters, or once the input has been quiet for
  ``PASTE_QUIET`` seconds without its closing bracket (the rest of an overlong paste is dropped
  up to its bracket or the next quiet);
- a burst of focus reports (6,000 kept the reader busy for 3.8 s) is one, the last; so is a
  run of mouse movements with nothing between them (presses, releases and the wheel all pass).

A sequence the input leaves unfinished when it goes quiet (``quiet``) is dropped, except a lone
ESC, which is the escape key. Invalid UTF-8 arrives as surrogates (``surrogateescape``): a stray
byte 0x80-0x9F is the 8-bit control it stands for, any other is U+FFFD.

Textual's private tables are read here (``textual._ansi_sequences``, ``textual._xterm_parser``)
so that what passes is exactly what its parser understands.
"""

from __future__ import annotations

import re
import time
from enum import Enum, auto

from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._xterm_parser import (
    _re_cursor_position,
    _re_extended_key,
    _re_in_band_window_resize,
    _re_mouse_event,
    _re_terminal_mode_response,
)

ESC = "\x1b"
BEL = "\x07"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
FOCUS_REPORTS = ("\x1b[I", "\x1b[O")
MAX_PASTE = 64 * 1024
"""Characters of one paste (the longest search anyone types is a few hundred)."""
PASTE_QUIET = 0.5
"""Seconds of quiet after which a paste without its closing bracket ends."""
MAX_SEQUENCE = 64
"""Characters of a CSI sequence beyond which it is junk (dropped up to its final byte)."""

_KEY_SEQUENCES = frozenset(key for key in ANSI_SEQUENCES_KEYS if key.startswith(ESC))
_STRING_STARTS = {"]": "OSC", "P": "DCS", "_": "APC", "^": "PM", "X": "SOS"}
# The 8-bit controls, as what their 7-bit forms begin with.
_C1 = {"\x9b": "[", "\x8f": "O", "\x9d": "]", "\x90": "P", "\x9f": "_", "\x9e": "^", "\x98": "X"}
_ST_8BIT = "\x9c"


class _State(Enum):
    GROUND = auto()
    ESCAPE = auto()  # after ESC
    CSI = auto()  # ESC [ (or SS3: ESC O) and its parameters
    X10_MOUSE = auto()  # ESC [ M and three bytes
    STRING = auto()  # OSC, DCS, APC, PM, SOS: dropped to their end
    STRING_ESCAPE = auto()  # ESC inside a string: ST if a backslash follows


def known(sequence: str) -> bool:
    """Whether Textual's parser makes something of this complete sequence."""
    return (
        sequence in _KEY_SEQUENCES
        or sequence in (PASTE_START, PASTE_END, *FOCUS_REPORTS)
        or _re_mouse_event.match(sequence) is not None
        or _re_cursor_position.fullmatch(sequence) is not None
        or _re_terminal_mode_response.match(sequence) is not None
        or _re_in_band_window_resize.fullmatch(sequence) is not None
        or _re_extended_key.fullmatch(sequence) is not None
    )


_MOUSE_REPORT = re.compile(r"\x1b\[(<?)(\d+);\d+;\d+[Mm]")


def movement(sequence: str) -> bool:
    """Whether this is a report of the mouse moving (its button code has 32 added, and it is
    not the wheel's, 64 up): SGR ``ESC[<35;10;5M``, or urxvt's ``ESC[67;10;5M`` and X10's
    ``ESC[MC!!``, which both send the code plus 32."""
    if sequence.startswith("\x1b[M") and len(sequence) == 6:
        code = ord(sequence[3]) - 32
    elif (match := _MOUSE_REPORT.fullmatch(sequence)) is not None:
        code = int(match.group(2)) - (0 if match.group(1) else 32)
    else:
        return False
    return bool(code & 32) and not code & 64


def _normal(char: str, previous: str) -> str:
    """A stray byte of invalid UTF-8 (a surrogate) as the C1 control or U+FFFD it stands for:
    a byte 0x80-0x9F on its own is the control, one after another invalid byte (the rest of a
    broken character, as in ``\xf4\x90\x80\x80``) is not."""
    if "\udc80" <= char <= "\udcff":
        alone = not "\udc80" <= previous <= "\udcff"
        return chr(ord(char) - 0xDC00) if char <= "\udc9f" and alone else "\ufffd"
    return char


class InputFilter:
    """Text from the terminal in, text for Textual's parser out (see the module's docstring)."""

    def __init__(self) -> None:
        self._state = _State.GROUND
        self._sequence = ""
        self._in_paste = False
        self._pasted = 0
        self._paste_cut = False  # the paste went over MAX_PASTE: the rest is dropped
        self._last_input = time.monotonic()

    def feed(self, text: str) -> str:
        """The text to hand Textual's parser for this text from the terminal."""
        self._last_input = time.monotonic()
        if self._state is _State.GROUND and not self._in_paste and _plain(text):
            return text
        out: list[str] = []
        focus: str | None = None
        moved = -1  # where in ``out`` the last movement is, while nothing has followed it
        previous = ""
        for raw in text:
            char, previous = _normal(raw, previous), raw
            sequence = self._step(char, out)
            if sequence is None:
                continue
            if sequence in FOCUS_REPORTS:
                focus = sequence  # a burst of them is its last
            elif moved >= 0 and moved == len(out) - 1 and movement(sequence):
                out[moved] = sequence  # so is a run of movements
            else:
                out.append(sequence)
                moved = len(out) - 1 if movement(sequence) else -1
        if focus is not None:
            out.append(focus)
        return "".join(out)

    def quiet(self) -> tuple[str, bool]:
        """The input has been quiet for a moment: drop what is unfinished. The text to hand the
        parser (the close of a paste that has gone quiet), and whether a lone ESC was pending
        (the escape key)."""
        escape = self._state is _State.ESCAPE and not self._in_paste
        if self._state is not _State.GROUND:
            self._state, self._sequence = _State.GROUND, ""
        close = ""
        if self._in_paste and time.monotonic() - self._last_input >= PASTE_QUIET:
            close = "" if self._paste_cut else PASTE_END
            self._in_paste = self._paste_cut = False
        return close, escape

    def _step(self, char: str, out: list[str]) -> str | None:
        """Take one character: text goes to ``out``; a complete sequence that passes is
        returned (for ``feed`` to place)."""
        state = self._state
        if state is _State.GROUND:
            if char == ESC:
                self._state, self._sequence = _State.ESCAPE, ESC
            elif char in _C1:
                self._begin(_C1[char])
            elif "\x80" <= char <= "\x9f":
                pass  # another 8-bit control: nothing for a reader
            else:
                self._text(char, out)
            return None
        if state is _State.ESCAPE:
            if char == ESC:
                if not self._in_paste:
                    out.append(ESC)  # the first was the escape key; Textual tells it so
                return None
            self._state = _State.GROUND
            if char in "[O" or char in _STRING_STARTS:
                self._begin(char)
                return None
            if "\x80" <= char <= "\x9f":
                return self._step(char, out)  # ESC and an 8-bit control: the control counts
            if self._in_paste:
                return None  # ESC and what it began: not text
            return ESC + char  # alt and a key, as Textual reads it
        if state is _State.CSI:
            return self._csi(char, out)
        if state is _State.X10_MOUSE:
            self._sequence += char
            if len(self._sequence) == 6:
                self._state = _State.GROUND
                return self._complete(self._sequence)
            return None
        if state is _State.STRING:
            if char == ESC:
                self._state = _State.STRING_ESCAPE
            elif char in (BEL, _ST_8BIT, "\x18", "\x1a"):  # the end, or CAN / SUB
                self._state = _State.GROUND
            return None
        # STRING_ESCAPE: ESC \ ends the string; ESC and anything else ends it and begins anew.
        self._state = _State.GROUND
        if char != "\\":
            return self._step(ESC, out) or self._step(char, out)
        return None

    def _begin(self, kind: str) -> None:
        """ESC (or an 8-bit control) followed by ``kind``: a CSI, an SS3, or a string."""
        if kind in _STRING_STARTS:
            self._state = _State.STRING
        else:
            self._state, self._sequence = _State.CSI, ESC + kind

    def _csi(self, char: str, out: list[str]) -> str | None:
        sequence = self._sequence
        if sequence == "\x1b[" and char == "M":
            self._state, self._sequence = _State.X10_MOUSE, sequence + char
            return None
        if sequence == "\x1b[" and char == "[":  # the Linux console's F1-F5: ESC [ [ A
            self._sequence += char
            return None
        if not " " <= char <= "~":
            # Broken off (by ESC, a control, anything else): dropped; the character counts.
            self._state, self._sequence = _State.GROUND, ""
            return self._step(char, out)
        self._sequence = sequence = sequence + char
        final = "@" <= char <= "~" or sequence.startswith("\x1b[[") or sequence in _KEY_SEQUENCES
        if final:
            self._state = _State.GROUND
            return self._complete(sequence)
        if len(sequence) > MAX_SEQUENCE:
            self._sequence = sequence[:2]  # keep dropping to its final byte
        return None

    def _complete(self, sequence: str) -> str | None:
        """A whole sequence: what passes to the parser (None if nothing)."""
        if self._in_paste:
            if sequence != PASTE_END:
                return None  # inside a paste, only the closing bracket
            cut, self._in_paste, self._paste_cut = self._paste_cut, False, False
            return None if cut else sequence
        if sequence == PASTE_START:
            self._in_paste, self._pasted, self._paste_cut = True, 0, False
            return sequence
        return sequence if known(sequence) else None

    def _text(self, char: str, out: list[str]) -> None:
        if not self._in_paste:
            out.append(char)
        elif not self._paste_cut:
            self._pasted += 1
            if self._pasted > MAX_PASTE:
                self._paste_cut = True
                out.append(PASTE_END)
            else:
                out.append(char)


_SPECIAL = re.compile("[\x1b\x80-\x9f\udc80-\udcff]")


def _plain(text: str) -> bool:
    """Whether ``text`` holds no ESC, 8-bit control or stray byte (most keys): nothing to do."""
    return _SPECIAL.search(text) is None
