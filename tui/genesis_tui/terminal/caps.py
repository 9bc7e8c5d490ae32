"""What the terminal can do, from its terminfo description: for the wire stage (``wire.py``).

Only capabilities whose terminfo string is the ANSI/xterm form the stage writes count; a
terminal whose cursor addressing is not ANSI's gets no stage at all (frames go out as Textual
writes them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PADDING = re.compile(rb"\$<[0-9.*/]*>")


@dataclass(frozen=True)
class Capabilities:
    """What the terminal can do beyond addressing the cursor (each from terminfo)."""

    bce: bool = False
    """Erases fill with the current background (else with the default one)."""
    el: bool = True
    """Erase to the end of the line: ``ESC[K``."""
    ech: bool = False
    """Erase characters: ``ESC[nX``."""
    csr: bool = False
    """Scrolling regions (DECSTBM): ``ESC[t;br``; with ``ind``/``ri`` or ``indn``/``rin``."""
    ind: bool = False
    """Index (at the bottom margin: scroll up one): a line feed."""
    ri: bool = False
    """Reverse index (at the top margin: scroll down one): ``ESC M``."""
    indn: bool = False
    """Scroll up n lines: ``ESC[nS``."""
    rin: bool = False
    """Scroll down n lines: ``ESC[nT``."""
    il: bool = False
    """Insert n lines: ``ESC[nL``."""
    dl: bool = False
    """Delete n lines: ``ESC[nM``."""
    cuf: bool = True
    """Cursor forward / back n columns: ``ESC[nC``, ``ESC[nD``."""
    hpa: bool = False
    """Cursor to column n: ``ESC[nG``."""
    onlcr: bool = False
    """Not the terminal's but the tty's (termios OPOST and ONLCR, on by default): a line feed
    goes out as CR LF, so a line feed alone takes the cursor to the next line's start."""

    @property
    def newline(self) -> str:
        """What takes the cursor to the start of the next line (within the screen)."""
        return "\n" if self.onlcr else "\r\n"

    @classmethod
    def from_terminfo(cls, term: str | None, fd: int) -> Capabilities | None:
        """The capabilities terminfo gives for ``term``, or None when the terminal is unknown or
        does not address the cursor with ANSI sequences (then frames are sent as they are).

        curses reads one terminal description per process: this is for the terminal the
        program runs in (tests build ``Capabilities`` themselves)."""
        if not term:
            return None
        try:
            import curses

            curses.setupterm(term, fd)
        except Exception:  # no curses, no terminfo entry, no database
            return None

        def string(name: str) -> bytes | None:
            try:
                value = curses.tigetstr(name)
            except Exception:
                return None
            return _PADDING.sub(b"", value) if value else None

        def has(name: str, *forms: bytes) -> bool:
            return string(name) in forms

        if not has("cup", b"\x1b[%i%p1%d;%p2%dH"):
            return None
        try:
            import termios

            output = termios.tcgetattr(fd)[1]
            onlcr = bool(output & termios.OPOST and output & termios.ONLCR)
        except Exception:  # not a tty
            onlcr = False
        return cls(
            onlcr=onlcr,
            bce=curses.tigetflag("bce") == 1,
            el=has("el", b"\x1b[K"),
            ech=has("ech", b"\x1b[%p1%dX"),
            csr=has("csr", b"\x1b[%i%p1%d;%p2%dr"),
            ind=has("ind", b"\n", b"\x1bD"),
            ri=has("ri", b"\x1bM"),
            indn=has("indn", b"\x1b[%p1%dS"),
            rin=has("rin", b"\x1b[%p1%dT"),
            il=has("il", b"\x1b[%p1%dL"),
            dl=has("dl", b"\x1b[%p1%dM"),
            cuf=has("cuf", b"\x1b[%p1%dC") and has("cub", b"\x1b[%p1%dD"),
            hpa=has("hpa", b"\x1b[%i%p1%dG"),
        )


XTERM = Capabilities(
    bce=True, ech=True, csr=True, ind=True, ri=True, indn=True, rin=True, il=True, dl=True, hpa=True
)
"""xterm-256color's capabilities (for tests and benchmarks)."""
TMUX = Capabilities(csr=True, ind=True, ri=True, indn=True, rin=True, il=True, dl=True, hpa=True)
"""tmux-256color's and screen's: no ``bce``, no ``ech``."""
