"""Reading a content directory's files without trusting them.

Only regular files of at most ``MAX_FILE_BYTES`` are read: a FIFO would block the reader forever,
a device (a glossary linked to /dev/zero) would fill its memory. A file is opened without
blocking and looked at again once open, in case it was replaced in between. What cannot be read
raises ``Unreadable`` with a message that completes "FILE: ...".
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest content file read (the bundled ones are under 100 kB)."""

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Unreadable(Exception):
    """A file or directory that is not read; the message says why."""


class Missing(Unreadable):
    """The file is not there."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def is_directory(path: Path) -> bool:
    """True for a directory, False for nothing (or something else) there; ``Unreadable`` when
    it cannot be looked at (a parent without search permission, a name too long)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror})") from None
    except ValueError:  # a NUL in the path
        return False


def read_file(path: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_FILE_BYTES``, read without ever blocking."""
    too_large = f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise Unreadable(f"is {_kind(mode)}, not a regular file: not read")
        # O_NONBLOCK: if a FIFO replaced the file since, opening it does not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise Missing("file is missing") from None
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"is {_kind(info.st_mode)}, not a regular file: not read")
        if info.st_size > MAX_FILE_BYTES:
            raise Unreadable(too_large)
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:  # the file may grow while it is read
            chunk = os.read(fd, 1024 * 1024)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise Unreadable(too_large)
        return b"".join(chunks)
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)


def toml_text(raw: bytes) -> str:
    """A TOML file's text; a UTF-8 byte order mark, which some editors write, is dropped.
    Raises ``UnicodeDecodeError`` for bytes that are not UTF-8."""
    return raw.decode("utf-8").removeprefix("\ufeff")


def parse_toml(raw: bytes) -> dict[str, Any]:
    """A TOML file's data. Raises ``UnicodeDecodeError`` for bytes that are not UTF-8 and
    ``tomllib.TOMLDecodeError`` for anything tomllib cannot read, an integer too long for
    Python to convert (over 4,300 digits: tomllib lets that ``ValueError`` out) among them,
    and a key of more dotted parts than ``MAX_DEPTH`` (``_dotted_too_deep``)."""
    import tomllib

    text = toml_text(raw)
    if (line := _dotted_too_deep(text)) is not None:
        raise tomllib.TOMLDecodeError(
            f"a dotted key of more than {MAX_DEPTH} parts (at line {line}, column 1)"
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:  # not a TOMLDecodeError: int() refused a number
        raise tomllib.TOMLDecodeError("a number longer than Python reads (4,300 digits)") from None


MAX_DEPTH = 64
"""The deepest nesting of tables and arrays read (the content needs 8). Deeper data would send
whatever walks it recursively (JSON for the cache, a checker) past Python's recursion limit;
tomllib itself gives up at about 500 levels of arrays, but not on dotted keys."""


def leaves(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every value of nested TOML tables that is not a table, by its dotted key (``a.b.c``)."""
    for name, value in data.items():
        key = f"{prefix}.{name}" if prefix else str(name)
        if isinstance(value, dict):
            yield from leaves(value, key)
        else:
            yield key, value


def too_deep(data: object, limit: int = MAX_DEPTH) -> bool:
    """True when tables and arrays in ``data`` nest more than ``limit`` levels deep."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: list[object] = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


_KEY_TOKENS = re.compile(
    r"""(?P<part>[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')|(?P<dot>[ \t]*\.[ \t]*)|."""
)


def _dotted_too_deep(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The first line (from 1) with a dotted key of more than ``limit`` parts, if any.

    Checked before tomllib parses: it builds a table for each part, and keeps the path to each
    one, so memory grows with the square of the parts (20,000 took 1.6 GB) before anything
    can look at the depth of what it built. A key is on one line (TOML allows no line break
    between its parts), and only a line with as many dots as ``limit`` is looked at closely:
    reading a file stays a handful of ``str.count`` calls. Dots inside quoted strings and in
    numbers (``1.5``: two parts) do not add up to a long key; prose in a multi-line string
    could, with ``limit`` dotted words in a row, and is then refused too.
    """
    for number, line in enumerate(text.split("\n"), 1):
        if line.count(".") < limit:  # n parts have n - 1 dots
            continue
        parts, after_dot = 0, True
        for token in _KEY_TOKENS.finditer(line):
            if token.lastgroup == "part":
                parts = parts + 1 if after_dot else 1
                if parts > limit:
                    return number
                after_dot = False
            elif token.lastgroup == "dot" and not after_dot:
                after_dot = True
            else:
                parts, after_dot = 0, True
    return None
