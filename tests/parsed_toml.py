"""Each TOML text parsed once per test process.

The validation tests copy the bundled content, change one file and load it all again: every
load parses the article's six files, the lexicon's 186 kB among them (some 80 ms in tomllib,
pure Python), though five of the six are the same text each time. Here what ``tomllib.loads``
returns for a text is kept, pickled, and each call gets a fresh copy (an unpickling, some 4% of
a parse): nothing parsed is shared between callers. A text that does not parse is not kept, and
raises each time as tomllib does.
"""

from __future__ import annotations

import pickle
import tomllib
from collections.abc import Callable
from typing import Any

_loads = tomllib.loads
_parsed: dict[str, bytes] = {}
KEPT = 64
"""Texts kept at most (the oldest goes first)."""
SHORT = 1000
"""Texts shorter than this (the property tests' own, and small fixtures) are parsed anew: they
cost little, and are seldom the same."""


def _kept_loads(text: str, /, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any]:
    if parse_float is not float:
        return _loads(text, parse_float=parse_float)
    kept = _parsed.get(text) if len(text) >= SHORT else None
    if kept is None:
        data = _loads(text)
        if len(text) >= SHORT:
            if len(_parsed) >= KEPT:
                del _parsed[next(iter(_parsed))]
            _parsed[text] = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        return data
    loaded: dict[str, Any] = pickle.loads(kept)
    return loaded


def keep_parsed_toml() -> None:
    """Keep what tomllib parses in this process."""
    tomllib.loads = _kept_loads  # type: ignore[assignment]
