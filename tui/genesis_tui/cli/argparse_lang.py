"""argparse in the interface's language: the one module that reaches into argparse.

Our own words (descriptions, help texts, usage errors) come from the catalogue by message id
when the parser is built. argparse's own words (the usage line, its section titles, its errors
about arguments) it says itself, through its module's ``_`` and ``ngettext``, as a program with
gettext catalogues would; ``speaking("ja")`` points those at ``ARGPARSE_JA`` while the parser is
built and used, and puts them back after. ``CellWidthFormatter`` wraps the help by terminal
cells. Both are listed in docs/private-apis.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from genesis_tui.i18n.argparse_ja import ARGPARSE_JA
from genesis_tui.i18n.catalogue import UiLang


@contextmanager
def speaking(lang: UiLang) -> Iterator[None]:
    """argparse's own words in ``lang`` inside the block (English needs nothing: argparse's
    own ``gettext`` would look for catalogues on disk at every word, a dozen file lookups per
    option, so English is the words as they are, without it)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    words = ARGPARSE_JA if lang == "ja" else {}

    def translate(text: str) -> str:
        return words.get(text, text)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return translate(singular if count == 1 else plural)

    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def unrecognized(extras: list[str]) -> str:
    """argparse's own words for arguments that no parser took, in the language it speaks."""
    return str(argparse._("unrecognized arguments: %s")) % " ".join(extras)  # type: ignore[attr-defined]


class LinesFormatter(argparse.HelpFormatter):
    """argparse's help, where a line break in a help text starts a new line (one a format,
    in ``export --format``'s)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return [line for part in text.split("\n") for line in self._wrap(part, width)]

    def _wrap(self, text: str, width: int) -> list[str]:
        return super()._split_lines(text, width)


class CellWidthFormatter(LinesFormatter):
    """argparse's help, wrapped by terminal cells (a kanji is two) and where Japanese may
    break, rather than by characters and at spaces alone."""

    def _wrap(self, text: str, width: int) -> list[str]:
        from genesis_tui.text.typesetting import break_lines

        return break_lines(" ".join(text.split()), max(10, width))

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = self._wrap(text, width - len(indent))
        return "\n".join(indent + line for line in lines)


def formatter_for(lang: UiLang) -> Callable[..., argparse.HelpFormatter]:
    """The help formatter for ``lang``: argparse's own for English, by cells for Japanese."""
    return CellWidthFormatter if lang == "ja" else LinesFormatter
