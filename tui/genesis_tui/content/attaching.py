"""Words placed on a text in the order they are listed: what readings.toml and lexicon.toml
both do, each word on the first occurrence of its surface after the word before it; and what
the words leave bare."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

W = TypeVar("W")


@dataclass(frozen=True, slots=True)
class Attached(Generic[W]):
    """A text's words placed on it: the spans found, and the words that are not there."""

    spans: tuple[tuple[int, int, str], ...]
    """(start, end, the word's value) for each word placed."""
    missing: tuple[tuple[int, W], ...]
    """(index in the list, word) for each word not found after the word before it."""


def attach(
    text: str, words: Iterable[W], surface: Callable[[W], str], value: Callable[[W], str]
) -> Attached[W]:
    """Place each word (its ``surface`` in the text) after the word placed before it."""
    spans: list[tuple[int, int, str]] = []
    missing: list[tuple[int, W]] = []
    position = 0
    for index, word in enumerate(words):
        found = surface(word)
        start = text.find(found, position)
        if start < 0:
            missing.append((index, word))
            continue
        position = start + len(found)
        spans.append((start, position, value(word)))
    return Attached(tuple(spans), tuple(missing))


def bare_runs(
    text: str, spans: Iterable[tuple[int, int, str]], wanted: Callable[[str], bool]
) -> list[tuple[int, str]]:
    """The runs of ``wanted`` characters that no span covers, as (offset, run): kanji without
    a reading, characters without a word."""
    covered = [False] * len(text)
    for start, end, _ in spans:
        covered[start:end] = [True] * (end - start)
    runs: list[tuple[int, str]] = []
    start = -1
    for offset, char in enumerate([*text, ""]):
        bare = bool(char) and wanted(char) and not covered[offset]
        if bare and start < 0:
            start = offset
        elif not bare and start >= 0:
            runs.append((start, text[start:offset]))
            start = -1
    return runs
