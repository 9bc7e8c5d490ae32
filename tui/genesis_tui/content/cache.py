"""A cache in the user's cache directory: work the reader need not do again at every start.

Two things are kept, each as JSON under a name made from what it was computed from, so that a
change to the content, to genesis-tui or to BudouX makes a new name and the old entry is simply
not found: the content files as parsed data (TOML parsing is most of loading them), and the
break analysis of the texts the reader has broken into lines (``breaks``: BudouX need not even
be imported when all the first screen needs is known).

Whatever is read back is untrusted: the loader builds models from it with the same type checks
as from TOML, and break kinds are checked to be one known kind per offset of their text. A file
that is not a small regular file, cannot be read, or makes no sense is ignored. Nothing here is ever
necessary: without a cache directory (read-only home, ``GENESIS_TUI_CACHE=off``) the reader only
starts a little slower.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import zlib
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Any

from genesis_tui import __version__
from genesis_tui.text import breaks, phrases

MAX_BYTES = 4 * 1024 * 1024
"""A cache file larger than this is not read (the real ones are tens of kilobytes)."""


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    if os.environ.get("GENESIS_TUI_CACHE", "").lower() in ("off", "0", "no"):
        return None
    from platformdirs import user_cache_path

    return user_cache_path("genesis-tui", appauthor=False)


def key(*parts: bytes | str) -> str:
    """A name for what was computed from ``parts`` (and this version of genesis-tui).

    Two checksums of every part, with its length (64 bits from zlib, which Textual has already
    loaded: hashlib would load OpenSSL, 3 ms at every start). A cache name guards against
    accidental change, not against someone who can write the user's own files anyway."""
    crc, adler = 0, 1
    for part in (__version__, *parts):
        data = part.encode() if isinstance(part, str) else part
        size = len(data).to_bytes(8, "big")
        crc = zlib.crc32(data, zlib.crc32(size, crc))
        adler = zlib.adler32(data, zlib.adler32(size, adler))
    return f"{crc:08x}{adler:08x}"


def budoux_stamp() -> str:
    """What identifies the installed BudouX model, found without importing BudouX."""
    spec = find_spec("budoux")
    if spec is None or spec.origin is None:
        return "no-budoux"
    model = Path(spec.origin).parent / "models" / "ja.json"
    try:
        info = model.stat()
    except OSError:
        return spec.origin
    return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def read(kind: str, name: str) -> Any | None:
    """The JSON stored as ``kind``-``name``, or None (missing, odd, or not JSON)."""
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / f"{kind}-{name}.json"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
        return json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        os.close(fd)


def write(kind: str, name: str, value: Any) -> None:
    """Store ``value`` as JSON, atomically; any failure is ignored (the cache is optional)."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(value, file, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, directory / f"{kind}-{name}.json")
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def code_stamp(*modules: ModuleType) -> str:
    """What identifies these modules' code as installed (their files' sizes and times): work
    that follows their rules is not reused once they change."""
    stamps = []
    for module in modules:
        try:
            info = Path(module.__file__ or "").stat()
        except OSError:
            return "unknown"
        stamps.append(f"{info.st_size}:{info.st_mtime_ns}")
    return ",".join(stamps)


@contextlib.contextmanager
def breaks_kept(content_key: str) -> Iterator[None]:
    """The break analysis of this content's texts (BudouX's phrases and the rules of
    ``breaks``) read back before the block runs, and what the block analysed anew stored after
    it (content without a key is not cached)."""
    if not content_key:
        yield
        return
    name = key(content_key, budoux_stamp(), code_stamp(breaks, phrases))
    table = read("breaks", name)
    if isinstance(table, dict):
        breaks.preload(table)
    known = breaks.analysed()
    try:
        yield
    finally:
        analysed = breaks.analysed()
        if analysed != known:
            write("breaks", name, analysed)
