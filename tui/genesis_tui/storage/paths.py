"""Where the bundled content and seeds live, from a wheel or from a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    # A source checkout or an editable install: tui/genesis_tui/ sits two levels below the root.
    return _PACKAGE.parent.parent / name


def content_dir() -> Path:
    """The content directory that ships with genesis-tui."""
    return _bundled("content")


def seeds_dir() -> Path:
    """The seed articles that ship with genesis-tui."""
    return _bundled("seeds")
