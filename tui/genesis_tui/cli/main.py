"""The command line: parse (``arguments``), run the command the parser names, and say what went
wrong in the interface's language.

Heavy imports (Textual, the app) happen only when the reader starts, so ``--version``, ``check``
and ``export`` stay quick, and a pipe never pays for a user interface it will not show.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from genesis_tui.cli import encoding, output
from genesis_tui.cli.argparse_lang import speaking, unrecognized
from genesis_tui.cli.arguments import Grammar, not_for_command
from genesis_tui.cli.commands import PROG, no_state
from genesis_tui.cli.errors import UsageError
from genesis_tui.i18n.catalogue import (
    UI_LANGS,
    Catalogue,
    CatalogueError,
    UiLang,
    ui_lang_from_locale,
)
from genesis_tui.terminal import gc_pause as collector
from genesis_tui.text.control_chars import escaped

EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    encoding.use_utf8_output()  # all text in one encoding (cli/encoding.py says why)
    try:
        return _main(argv)
    finally:
        collector.resume()  # if the reader paused it and stopped before its first frame


def _main(argv: Sequence[str] | None) -> int:
    ui = Catalogue(lang_of(argv))
    try:
        with speaking(ui.lang):  # argparse's own words, for the help and its errors
            top, commands = Grammar(ui).parser()
            args, extras = top.parse_known_args(argv)
            options = not_for_command(args, extras, top, commands.get(args.command or ""))
            if options is None:  # refused in argparse's words, by the command given
                (commands.get(args.command or "") or top).error(unrecognized(extras))
        if options:
            raise UsageError(
                "cli.error.not_for_command", command=args.command, options=", ".join(options)
            )
        if no_state(args):
            # No file written at all: the cache is the user's too (an account shared by
            # everyone who logs in), so it is neither read nor written.
            os.environ["GENESIS_TUI_CACHE"] = "off"
        status: int = args.func(args, ui)
        return status
    except UsageError as error:
        _say(error, ui)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of a pipe went away (``| head``): stop quietly.
        output.discard()
        return 0
    except output.OutputError as error:
        _say(error, ui)
        output.discard()
        return 1
    except KeyboardInterrupt:
        return 130


def _say(error: CatalogueError, ui: Catalogue) -> None:
    """An error on standard error, each line's control characters escaped (a value quoted
    from the command line or a file may hold anything)."""
    lines = error.said(ui).split("\n")
    said = [f"{PROG}: {escaped(lines[0])}", *map(escaped, lines[1:])]
    print("\n".join(said), file=sys.stderr)


def lang_of(argv: Sequence[str] | None) -> UiLang:
    """The language the command line speaks: ``--ui-lang``'s, else the locale's. (Read before
    parsing, since the parser is built in it; a value that is no language is argparse's to
    refuse, in the locale's.)"""
    arguments = list(sys.argv[1:] if argv is None else argv)
    for index, argument in enumerate(arguments):
        value = None
        if argument == "--ui-lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--ui-lang="):
            value = argument.partition("=")[2]
        for lang in UI_LANGS:
            if value == lang:
                return lang
    return ui_lang_from_locale(os.environ)
