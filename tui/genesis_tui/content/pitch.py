"""The pitch accent drawn on a reading: a downstep mark after the mora the pitch falls after."""

from __future__ import annotations

SMALL_KANA = set("ゃゅょぁぃぅぇぉゎャュョァィゥェォヮ")
DOWNSTEP = "\ua71c"
"""ꜜ (U+A71C): narrow in every terminal (not East Asian Ambiguous)."""


def morae(reading: str) -> list[str]:
    """The reading cut into morae: a small kana belongs to the kana before it."""
    found: list[str] = []
    for char in reading:
        if found and char in SMALL_KANA:
            found[-1] += char
        else:
            found.append(char)
    return found


def pitch(reading: str, accent: tuple[int, ...], *, ascii_only: bool = False) -> str:
    """The reading with its pitch accent: a downstep mark ꜜ after the mora the pitch falls
    after (none for a flat word, 0); ``[n]`` after the reading under ``--ascii``. A word with
    more than one accent shows each, the commonest first."""
    if not accent:
        return reading
    if ascii_only:
        return f"{reading} [{', '.join(map(str, accent))}]"
    shown = []
    for fall in accent:
        parts = morae(reading)
        if 0 < fall <= len(parts):
            parts[fall - 1] += DOWNSTEP
        shown.append("".join(parts) + ("" if fall else " (0)"))
    return " / ".join(shown)
