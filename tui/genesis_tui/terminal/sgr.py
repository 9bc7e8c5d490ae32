"""Fewer bytes for the same screen: the terminal output with its redundant style changes left out.

Textual writes every run of text as "set every attribute and both colours, the text, reset", so
most of a frame's bytes are colours the terminal already has (``ESC[38;2;224;224;224;48;2;18;18;
18m`` is 33 bytes, for text often 2 cells wide). Over a slow SSH link that is most of the wait.
``SgrMinimizer`` follows the attributes the output asks for and sends, just before the next text
(or the next operation whose effect depends on them, such as an erase), only the change from
what the terminal has to what it should have. The terminal ends up in the very same state
before every character it draws, so the screen is the same, cell for cell.

Pure Python, no Textual: the driver passes its output through ``SgrMinimizer.feed``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

Colour = tuple[int, ...] | None
"""A colour as its SGR parameters after 38/48 (``(5, n)`` or ``(2, r, g, b)``), a basic colour
as its own code (``(31,)``, ``(97,)``, ``(42,)``), or None for the terminal's default."""


class Attributes(NamedTuple):
    """What SGR sets: the rendition the next character is drawn with."""

    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    blink: bool = False
    reverse: bool = False
    conceal: bool = False
    strike: bool = False
    overline: bool = False
    fg: Colour = None
    bg: Colour = None


PLAIN = Attributes()

_FLAGS = {
    3: ("italic", True),
    4: ("underline", True),
    5: ("blink", True),
    7: ("reverse", True),
    8: ("conceal", True),
    9: ("strike", True),
    53: ("overline", True),
    23: ("italic", False),
    24: ("underline", False),
    25: ("blink", False),
    27: ("reverse", False),
    28: ("conceal", False),
    29: ("strike", False),
    55: ("overline", False),
}
_ON = {"italic": 3, "underline": 4, "blink": 5, "reverse": 7, "conceal": 8, "strike": 9}
_ON["overline"] = 53
_OFF = {name: code for code, (name, on) in _FLAGS.items() if not on}


@lru_cache(maxsize=4096)
def apply(attributes: Attributes, params: str) -> Attributes | None:
    """The attributes after ``ESC[{params}m``; None for a parameter this module does not know
    (the sequence is then passed on as it is). A frame repeats a few styles many times: each
    change is worked out once."""
    if not params:
        return PLAIN
    try:
        codes = [int(part) for part in params.split(";")]
    except ValueError:  # sub-parameters (4:3) and the like
        return None
    state = attributes
    index = 0
    while index < len(codes):
        code = codes[index]
        index += 1
        if code == 0:
            state = PLAIN
        elif code == 1:
            state = state._replace(bold=True)
        elif code == 2:
            state = state._replace(dim=True)
        elif code == 22:
            state = state._replace(bold=False, dim=False)
        elif code in _FLAGS:
            name, on = _FLAGS[code]
            flags: dict[str, Any] = {name: on}
            state = state._replace(**flags)
        elif 30 <= code <= 37 or 90 <= code <= 97:
            state = state._replace(fg=(code,))
        elif 40 <= code <= 47 or 100 <= code <= 107:
            state = state._replace(bg=(code,))
        elif code == 39:
            state = state._replace(fg=None)
        elif code == 49:
            state = state._replace(bg=None)
        elif code in (38, 48):
            size = {5: 2, 2: 4}.get(codes[index] if index < len(codes) else -1)
            if size is None or index + size > len(codes):
                return None
            colour = tuple(codes[index : index + size])
            index += size
            state = state._replace(fg=colour) if code == 38 else state._replace(bg=colour)
        else:
            return None
    return state


def _colour_codes(base: int, colour: Colour) -> list[str]:
    if colour is None:
        return [str(base + 9)]
    if len(colour) == 1:  # a basic colour is kept as its own code (31, 42, 97...)
        return [str(colour[0])]
    return [str(base + 8), *(str(part) for part in colour)]


def _codes(attributes: Attributes, start: Attributes) -> list[str]:
    """The codes that take a terminal from ``start`` to ``attributes``, turning nothing off."""
    codes = []
    if attributes.bold and not start.bold:
        codes.append("1")
    if attributes.dim and not start.dim:
        codes.append("2")
    for name, code in _ON.items():
        if getattr(attributes, name) and not getattr(start, name):
            codes.append(str(code))
    if attributes.fg != start.fg:
        codes += _colour_codes(30, attributes.fg)
    if attributes.bg != start.bg:
        codes += _colour_codes(40, attributes.bg)
    return codes


@lru_cache(maxsize=4096)
def transition(current: Attributes | None, target: Attributes) -> str:
    """The shortest SGR sequence (of two ways) from ``current`` (None: unknown) to ``target``;
    empty when they are the same."""
    if current == target:
        return ""
    from_reset = "\x1b[" + ";".join(["0", *_codes(target, PLAIN)]) + "m"
    if current is None:
        return from_reset
    off: list[str] = []
    start = current
    if (current.bold and not target.bold) or (current.dim and not target.dim):
        off.append("22")
        start = start._replace(bold=False, dim=False)
    for name, code in _OFF.items():
        if getattr(current, name) and not getattr(target, name):
            off.append(str(code))
    codes = off + _codes(target, start)
    if not codes:
        return ""
    direct = "\x1b[" + ";".join(codes) + "m"
    return direct if len(direct) <= len(from_reset) else from_reset


_TOKEN = re.compile(
    r"\x1b\[([0-9;:]*)m"  # SGR
    r"|\x1b\[[0-9;]*[HfABCDEFGd]"  # cursor moves: the rendition does not matter
    r"|\x1b\[\?[0-9;]*[hl]"  # private modes
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC (window title, hyperlinks, clipboard)
    r"|\x1b[78]"  # save / restore the cursor, with its rendition
    r"|[\r\n\b]"
    r"|\x1b"  # any other escape: treated as depending on the rendition
)
_SAVED_STATE = ("\x1b7", "\x1b8", "\x1b[?1049h", "\x1b[?1049l", "\x1b[?47h", "\x1b[?47l")
"""Sequences that save or restore the rendition with the cursor or the screen."""
_INDEPENDENT_ENDS = frozenset("HfABCDEFGd\r\n\b")
_PARTIAL = re.compile(r"\x1b(?:\[[0-9;:?]*|\][^\x07\x1b]*)?$")
"""An escape sequence cut off at the end of a write: kept back until the rest comes."""


class SgrMinimizer:
    """Rewrites terminal output so each style change sends only what differs (see above)."""

    def __init__(self) -> None:
        self._wanted = PLAIN
        """The rendition the output asks for at this point."""
        self._terminal: Attributes | None = None
        """What the terminal has (None: not known, as at the start)."""
        self._verbatim = False
        """After a style change this module cannot follow, style changes are passed on as they
        are until one starts with a reset."""
        self._held = ""

    def reset(self) -> None:
        """Forget what the terminal has (after anything else wrote to it)."""
        self._terminal = None

    def flush(self) -> str:
        """What is held back (an escape sequence cut off at the end of the last write)."""
        held, self._held = self._held, ""
        return held

    def _sync(self, out: list[str]) -> None:
        if not self._verbatim and self._terminal != self._wanted:
            out.append(transition(self._terminal, self._wanted))
            self._terminal = self._wanted

    def _style(self, token: str, params: str, out: list[str]) -> None:
        """An SGR sequence: remembered, to be sent (changed) with the next text."""
        if self._verbatim:
            if params.split(";", 1)[0] in ("", "0"):
                wanted = apply(PLAIN, params)
                if wanted is not None:  # a reset we can follow from here on
                    self._verbatim = False
                    self._wanted, self._terminal = wanted, None
                    return
            out.append(token)
            return
        wanted = apply(self._wanted, params)
        if wanted is None:
            self._sync(out)
            out.append(token)
            self._verbatim = True
            self._terminal = None
        else:
            self._wanted = wanted

    def feed(self, data: str) -> str:
        """``data`` as the terminal should receive it."""
        data = self._held + data
        partial = _PARTIAL.search(data)
        self._held = data[partial.start() :] if partial else ""
        if partial:
            data = data[: partial.start()]
        out: list[str] = []
        position = 0
        for match in _TOKEN.finditer(data):
            if match.start() > position:  # text: drawn in the rendition asked for
                self._sync(out)
                out.append(data[position : match.start()])
            position = match.end()
            token, params = match.group(0), match.group(1)
            if params is not None:
                self._style(token, params, out)
                continue
            if token in _SAVED_STATE:
                self._sync(out)
                out.append(token)
                self._terminal = None
                continue
            independent = token.startswith(("\x1b]", "\x1b[?")) or (
                token != "\x1b" and token[-1] in _INDEPENDENT_ENDS
            )
            if not independent:  # an erase, say, fills with the current background
                self._sync(out)
            out.append(token)
        if position < len(data):
            self._sync(out)
            out.append(data[position:])
        return "".join(out)
