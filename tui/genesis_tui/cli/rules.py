"""What the command line accepts: whole numbers in range, and no option a command ignores.

Every command takes the shared options (argparse's parents), but not every one of them applies:
``check`` shows nothing, so it has no section, languages or width; the JSON export always holds
both languages and is not wrapped; Markdown is not wrapped either; and the reader's own options
(its theme, mouse, borders, saved place) mean nothing to ``check`` and ``export``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

READER_ONLY = ("theme", "no_mouse", "ascii", "no_state")
"""The options of the reader alone (as argparse names them)."""


def refusal(command: str, args: argparse.Namespace) -> str | None:
    """Why an option given with ``command`` does not apply, or None when all of them do.
    (The shared options default to absent, so an attribute present is an option given.)"""
    for_reader = [name for name in READER_ONLY if hasattr(args, name)]
    if command in ("check", "export") and for_reader:
        names = ", ".join(f"--{name.replace('_', '-')}" for name in for_reader)
        return f"for the reader, not for {command}: {names}"
    given = [name for name in ("section", "lang", "width") if hasattr(args, name)]
    if command == "check" and given:
        names = ", ".join(f"--{name}" for name in given)
        return f"not for check, which validates a directory and shows nothing: {names}"
    if command == "export":
        fmt = args.format
        if fmt == "json" and args.ruby:
            return "--ruby is for txt and md: the JSON export always carries the readings"
        if fmt != "md" and args.vocabulary:
            return "--vocabulary is for md (the JSON export always carries the lexicon)"
        if fmt == "json" and "lang" in given:
            return "--lang is for txt and md: the JSON export always holds both languages"
        if fmt == "html" and args.ruby:
            return (
                "--ruby is for txt and md: the HTML page always carries the readings (a box on "
                "the page hides them)"
            )
        if fmt in ("json", "md", "html") and "width" in given:
            return f"--width wraps plain text (--format txt); {fmt} is not wrapped"
    return None


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}, not {number}")
        return number

    return parse
