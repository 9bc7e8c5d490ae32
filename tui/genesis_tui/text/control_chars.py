"""Control characters in text: which ones content may not hold, and how they are shown instead.

A control character written to a terminal is a command, not text: ESC starts escape sequences
(OSC 52 writes the clipboard, OSC 8 makes a link, CSI 2J clears the screen) and U+009B is a CSI
on its own. Content may break lines with newlines and holds no other control character; text
that was never checked is made harmless by ``visible``, and messages that quote what a user
wrote use ``escaped``.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Every C0 control but newline, DEL, and every C1 control."""

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DEL = 0x7F
_CONTROL_PICTURES = 0x2400
"""U+2400–U+241F draw C0 controls as symbols (ESC is ␛); they are one cell wide everywhere."""


def code_point(char: str) -> str:
    """The character's name as a code point: ``U+001B``."""
    return f"U+{ord(char):04X}"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(_CONTROL_PICTURES + code)
    if code == _DEL:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no pictures


def visible(text: str) -> str:
    """``text`` safe to show: each control character but newline replaced by a visible stand-in.

    C0 controls become their Control Pictures symbol (ESC is ␛, tab ␉), DEL ␡, C1 controls
    U+FFFD. Text without control characters is returned as it is (the same object).
    """
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(_picture, text)


def escaped(text: str) -> str:
    """``text`` fit for a one-line message: every control character, newline included, written
    as its code point in angle brackets (``<U+001B>``)."""
    return _ANY_CONTROL.sub(lambda match: f"<{code_point(match.group())}>", text)
