"""The encodings of the command line: every text it writes is UTF-8, and the reader starts only
where the locale says the terminal is UTF-8.

UTF-8 always, whatever the locale, for one reason above others: what genesis-tui writes is mostly
data that outlives the terminal it was typed in (exports redirected to files, text piped on),
and its formats say UTF-8 (JSON must be; the HTML page declares it; Markdown and text are read
by tools that assume it). Writing in the locale's encoding made one program write two: under
``ja_JP.eucJP`` the piped text went out as UTF-8 and ``--help`` as EUC-JP, and ``check``'s
"—" had no EUC-JP form at all (a traceback). A legacy terminal can still read the text through
``iconv -t EUC-JP``; the reader, which draws for the terminal, cannot do that, and says so in one
line of ASCII (readable in any encoding) instead of drawing mojibake.

Python 3.11 coerces the C locale to C.UTF-8 (PEP 538) and then writes UTF-8 (PEP 540): that is
a UTF-8 locale here too. A locale that is named but not installed also ends in that mode; its
name still says what the terminal is (``LANG=ja_JP.SJIS`` on a Shift_JIS terminal), so the name
is read, not only what Python made of it.
"""

from __future__ import annotations

import codecs
import locale
import sys
from collections.abc import Mapping

UTF8 = "utf-8"


def use_utf8_output() -> None:
    """Standard output and error in UTF-8, whatever the locale (surrogate escapes, a file
    name's undecodable bytes, written back as they were on output; escaped on error)."""
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "encoding", "").lower() != UTF8:
            reconfigure(encoding=UTF8, errors=errors)


def locale_encoding(environ: Mapping[str, str]) -> tuple[str, str, str]:
    """The encoding the locale says the terminal uses (a Python codec name, or the name as the
    locale spells it when Python has no codec for it), and the variable that says so, with
    its value (``LANG``, ``ja_JP.eucJP``; ``LANG``, ``""`` when none is set)."""
    variable, name = "LANG", ""
    for candidate in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(candidate, "")
        if value and not (candidate == "LC_CTYPE" and value == "C.UTF-8"):
            # (LC_CTYPE=C.UTF-8 may be Python's coercion of the C locale: it tells nothing.)
            variable, name = candidate, value
            break
    if not sys.flags.utf8_mode:  # the locale is installed and in force: the C library knows
        return _codec(locale.nl_langinfo(locale.CODESET)), variable, name
    codeset = name.partition(".")[2].partition("@")[0]
    return (_codec(codeset) if codeset else UTF8), variable, name


def reader_refusal(environ: Mapping[str, str]) -> str | None:
    """One line saying why the reader cannot start in this terminal, or None where it can: a
    locale that is not UTF-8. (A reader run by ``serve`` draws for a browser: never refused.)"""
    if environ.get("TEXTUAL_DRIVER"):
        return None
    encoding, variable, name = locale_encoding(environ)
    if encoding == UTF8:
        return None
    suggestion = f"{name.partition('.')[0]}.UTF-8" if "_" in name else "C.UTF-8"
    return (
        f"genesis-tui: the reader needs a UTF-8 terminal, and the locale ({variable}={name}) "
        f"is {encoding}: set {variable}={suggestion} with the terminal in UTF-8, and start again"
    )


def _codec(codeset: str) -> str:
    try:
        return codecs.lookup(codeset).name
    except LookupError:
        return codeset
