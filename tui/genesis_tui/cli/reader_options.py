"""The reader's options about the terminal it draws on: the theme, the mouse, the console.

Kept out of ``cli.py`` (which parses every command) because they concern the reader alone.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import TypedDict

from genesis_tui.cli import ja as cli_ja
from genesis_tui.i18n.catalogue import UiLang, ui_lang_from_locale


class ReaderOptions(TypedDict):
    """What the reader is run with, besides the content and where to start."""

    ui_lang: UiLang
    ascii: bool
    linux_console: bool
    theme: str | None
    mouse: bool
    screen_reader: bool


def options(
    args: argparse.Namespace, error: type[Exception], environ: Mapping[str, str] = os.environ
) -> ReaderOptions:
    """The reader's options from the command line and the environment; ``error`` (with a
    message listing the themes) for an unknown ``--theme``."""
    try:
        chosen = theme(args)
    except ValueError as problem:
        raise error(str(problem)) from None
    console = linux_console(environ)
    ascii = getattr(args, "ascii", False) or environ.get("GENESIS_TUI_ASCII", "") == "1"
    return ReaderOptions(
        ui_lang=getattr(args, "ui_lang", None) or ui_lang_from_locale(environ),
        ascii=ascii or console,
        linux_console=console,
        theme=chosen,
        mouse=mouse(args, environ),
        screen_reader=screen_reader(args, environ),
    )


def add_to(parser: argparse.ArgumentParser) -> None:
    """Add ``--no-mouse``, ``--theme`` and ``--screen-reader`` to ``parser``."""
    parser.add_argument(
        "--screen-reader",
        action="store_true",
        default=argparse.SUPPRESS,
        help="keep the terminal's cursor shown, on the line being read, for braille displays "
        "and terminal screen readers; one language in one column, no box drawing (also: "
        "GENESIS_TUI_SCREEN_READER=1)",
    )
    parser.add_argument(
        "--no-mouse",
        action="store_true",
        default=argparse.SUPPRESS,
        help="leave the mouse to the terminal, so that its own selection and copying work "
        "(also: GENESIS_TUI_NO_MOUSE=1)",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the colour theme, such as textual-light or nord (remembered; the palette's "
        "Theme command lists them all)",
    )


def mouse(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the reader takes the mouse: not with ``--no-mouse`` or GENESIS_TUI_NO_MOUSE=1."""
    no_mouse = getattr(args, "no_mouse", False)
    return not (no_mouse or environ.get("GENESIS_TUI_NO_MOUSE", "") == "1")


def screen_reader(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the reader runs for a screen reader: ``--screen-reader`` or
    GENESIS_TUI_SCREEN_READER=1."""
    return (
        getattr(args, "screen_reader", False) or environ.get("GENESIS_TUI_SCREEN_READER", "") == "1"
    )


def linux_console(environ: Mapping[str, str] = os.environ) -> bool:
    """True on the Linux console, which draws neither kanji nor block elements: the reader
    draws in ASCII there and says in a line how to read in English."""
    return environ.get("TERM", "") == "linux"


def theme(args: argparse.Namespace) -> str | None:
    """The theme asked for with ``--theme``; ``ValueError`` (a message listing the themes
    there are) for a name that is none of them."""
    name: str | None = getattr(args, "theme", None)
    if name is None:
        return None
    from genesis_tui.ui.themes import theme_names

    names = theme_names()
    if name not in names:
        message = "no theme {name!r} (themes: {names})"
        raise ValueError(cli_ja.say(message, name=name, names=", ".join(names)))
    return name
