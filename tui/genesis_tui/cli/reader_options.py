"""The reader's options about the terminal it draws on: the theme, the mouse, the console,
a screen reader (the reader's alone: no other command takes them)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import TypedDict

from genesis_tui.cli.errors import UsageError
from genesis_tui.i18n.catalogue import Catalogue, UiLang, ui_lang_from_locale


class ReaderOptions(TypedDict):
    """What the reader is run with, besides the content and where to start."""

    ui_lang: UiLang
    ascii: bool
    linux_console: bool
    theme: str | None
    mouse: bool
    screen_reader: bool


def options(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> ReaderOptions:
    """The reader's options from the command line and the environment; ``UsageError`` (its
    message lists the themes) for an unknown ``--theme``."""
    chosen = theme(args)
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


def add_to(parser: argparse.ArgumentParser, ui: Catalogue | None = None) -> None:
    """Add ``--screen-reader``, ``--no-mouse`` and ``--theme`` to ``parser``, their help in
    ``ui``'s language (English without one)."""
    ui = ui or Catalogue()
    parser.add_argument(
        "--screen-reader",
        action="store_true",
        default=argparse.SUPPRESS,
        help=ui("cli.help.screen_reader"),
    )
    parser.add_argument(
        "--no-mouse", action="store_true", default=argparse.SUPPRESS, help=ui("cli.help.no_mouse")
    )
    parser.add_argument(
        "--theme", metavar="NAME", default=argparse.SUPPRESS, help=ui("cli.help.theme")
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
    """The theme asked for with ``--theme``; ``UsageError`` (listing the themes there are)
    for a name that is none of them."""
    name: str | None = getattr(args, "theme", None)
    if name is None:
        return None
    from genesis_tui.ui.themes import theme_names

    names = theme_names()
    if name not in names:
        raise UsageError("cli.error.no_theme", name=name, names=", ".join(names))
    return name
