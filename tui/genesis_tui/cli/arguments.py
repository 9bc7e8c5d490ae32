"""The command line's grammar: a parser for each command, holding only the options it takes.

Without a command the reader runs, so the top-level parser is the reader's (``read`` names it
too). Options that several commands take are parent parsers, built once:

    source     --content, --ui-lang                     every command
    place      --section, --lang                        read, export, serve
    width      --width                                  read, export
    display    --ascii, --no-state                      read, serve (handed to its readers)
    terminal   --screen-reader, --no-mouse, --theme     read

Each command's parser names the function that runs it (``set_defaults(func=...)``). The shared
options are absent unless given (``argparse.SUPPRESS``), so one given before the command
survives the command's own parsing (argparse copies the command's namespace over the top
one), and ``misplaced`` can tell a reader's option given before another command.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from genesis_tui import __version__
from genesis_tui.cli import cards, commands, drafting, reader_options
from genesis_tui.cli.argparse_lang import formatter_for
from genesis_tui.cli.commands import PROG
from genesis_tui.cli.read import read
from genesis_tui.i18n.catalogue import UI_LANGS, Catalogue
from genesis_tui.text.control_chars import escaped

Command = Callable[[argparse.Namespace, Catalogue], int]
"""What runs a command: its options and the catalogue of the command line's language."""


class Parser(argparse.ArgumentParser):
    """argparse, its errors said as the program's own are: one line naming the command and
    the problem (control characters escaped: it can quote the arguments raw), and one line
    saying where the help is; not the usage."""

    def __init__(self, *args: Any, help_hint: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_hint = help_hint
        """Where the help is, with ``{command}`` for the command (the catalogue's words)."""

    def error(self, message: str) -> NoReturn:
        """Say what is wrong and where the help is, on two lines; exit 2."""
        hint = self.help_hint.format(command=self.prog)
        self.exit(2, f"{self.prog}: {escaped(message)}\n{hint}\n" if hint else None)


def whole_number(low: int, high: int, ui: Catalogue) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(ui("cli.error.not_a_number", value=value)) from None
        if not low <= number <= high:
            message = ui("cli.error.out_of_range", low=low, high=high, number=number)
            raise argparse.ArgumentTypeError(message)
        return number

    return parse


class Grammar:
    """The parsers of one run, their words in ``ui``'s language."""

    def __init__(self, ui: Catalogue) -> None:
        self.ui = ui
        self.formatter = formatter_for(ui.lang)
        self.source = self._group()
        self.source.add_argument(
            "--content", metavar="DIR", type=Path, default=argparse.SUPPRESS,
            help=ui("cli.help.content"),
        )  # fmt: skip
        self.source.add_argument(
            "--ui-lang", choices=UI_LANGS, default=argparse.SUPPRESS, help=ui("cli.help.ui_lang")
        )
        self.place = self._group()
        self.place.add_argument(
            "--section", metavar="ID", default=argparse.SUPPRESS, help=ui("cli.help.section")
        )
        self.place.add_argument(
            "--lang", choices=("both", "ja", "en"), default=argparse.SUPPRESS,
            help=ui("cli.help.lang"),
        )  # fmt: skip
        self.width = self._group()
        self.width.add_argument(
            "--width", metavar="N", type=whole_number(10, 1000, ui), default=argparse.SUPPRESS,
            help=ui("cli.help.width"),
        )  # fmt: skip
        self.display = self._group()
        for flag, key in (("--ascii", "cli.help.ascii"), ("--no-state", "cli.help.no_state")):
            self.display.add_argument(
                flag, action="store_true", default=argparse.SUPPRESS, help=ui(key)
            )
        self.terminal = self._group()
        reader_options.add_to(self.terminal, ui)
        self.reader = [self.source, self.place, self.width, self.display, self.terminal]

    def _group(self) -> argparse.ArgumentParser:
        return Parser(add_help=False)

    def parser(self) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
        """The top-level parser (the reader's), and each command's by its name."""
        ui = self.ui
        top = Parser(
            prog=PROG,
            help_hint=ui("cli.error.help_hint"),
            parents=self.reader,
            description=ui("cli.description"),
            formatter_class=self.formatter,
        )
        top.add_argument(
            "--version", action="version", version=f"{PROG} {__version__}",
            help=ui("cli.help.version"),
        )  # fmt: skip
        top.set_defaults(func=read, command=None)
        subparsers = top.add_subparsers(title=ui("cli.commands"), metavar="COMMAND")

        def add(name: str, func: Command, *parents: argparse.ArgumentParser) -> Parser:
            return self._command(subparsers, name, func, parents)

        add("read", read, *self.reader)
        self._directory(add("check", commands.check, self.source))
        self.export_options(add("export", cards.export, self.source, self.place, self.width))
        readings = add("readings", drafting.readings, self.source)
        self._directory(readings)
        readings.add_argument("--prune", action="store_true", help=ui("cli.help.prune"))
        lexicon = add("lexicon", drafting.lexicon, self.source)
        self._directory(lexicon)
        lexicon.add_argument("--accents", type=Path, metavar="FILE", help=ui("cli.help.accents"))
        self.serve_options(add("serve", commands.serve, self.source, self.place, self.display))
        return top, dict(subparsers.choices)

    def _command(
        self,
        subparsers: Any,
        name: str,
        func: Command,
        parents: Sequence[argparse.ArgumentParser],
    ) -> Parser:
        """Add the command ``name``, run by ``func``, with the options of ``parents``."""
        command: Parser = subparsers.add_parser(
            name,
            parents=list(parents),
            help=self.ui(f"cli.help.{name}"),
            formatter_class=self.formatter,
            help_hint=self.ui("cli.error.help_hint"),
        )
        command.set_defaults(func=func, command=name)
        return command

    def _directory(self, command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "directory", nargs="?", type=Path, metavar="DIR", help=self.ui("cli.help.directory")
        )

    def export_options(self, export: argparse.ArgumentParser) -> None:
        """``export``'s own options (the format, and what goes with one format or another)."""
        ui = self.ui
        export.add_argument(
            "--format", choices=("json", "md", "txt", "html", "apkg", "tsv"), default="txt",
            help=ui("cli.help.format"),
        )  # fmt: skip
        export.add_argument("--ruby", action="store_true", help=ui("cli.help.ruby"))
        export.add_argument("--vocabulary", action="store_true", help=ui("cli.help.vocabulary"))
        # The cards for Anki (cli/cards.py): which words, and the file they go to.
        export.add_argument(
            "--words", choices=("new", "learning", "all"), help=ui("cli.help.words")
        )
        export.add_argument("--output", metavar="FILE", help=ui("cli.help.output"))

    def serve_options(self, serve: argparse.ArgumentParser) -> None:
        """``serve``'s own options: where it listens, who may connect, how many at once."""
        ui = self.ui
        serve.add_argument("--host", default="127.0.0.1", help=ui("cli.help.host"))
        serve.add_argument(
            "--port", type=whole_number(1, 65535, ui), default=8000, help=ui("cli.help.port")
        )
        serve.add_argument("--public-url", metavar="URL", help=ui("cli.help.public_url"))
        serve.add_argument(
            "--allow-origin", metavar="ORIGIN", action="append", default=[],
            help=ui("cli.help.allow_origin"),
        )  # fmt: skip
        serve.add_argument(
            "--max-sessions", metavar="N", type=whole_number(1, 1000, ui), default=8,
            help=ui("cli.help.max_sessions"),
        )  # fmt: skip


def not_for_command(
    args: argparse.Namespace,
    extras: list[str],
    top: argparse.ArgumentParser,
    command: argparse.ArgumentParser | None,
) -> list[str] | None:
    """The reader's options given to a command that does not take them, as they are spelt;
    None when ``extras`` (what no parser took) hold anything else, for argparse to refuse.

    Given after the command (``export --theme nord``) they are left over; given before it
    (``--theme nord export``) argparse took them as the top-level parser's. The reader's options
    are absent unless given (their default is ``SUPPRESS``); a command that does not take one
    has no default for it (None)."""
    if command is None:
        return [] if not extras else None
    after = [word.partition("=")[0][2:].replace("-", "_") for word in extras if word[:2] == "--"]
    if extras and not (after and all(_is_readers(top, dest) for dest in after)):
        return None
    before = [dest for dest in vars(args) if _is_readers(top, dest)]
    before = [dest for dest in before if command.get_default(dest) is None]
    return [f"--{dest.replace('_', '-')}" for dest in dict.fromkeys([*before, *after])]


def _is_readers(top: argparse.ArgumentParser, dest: str) -> bool:
    """Whether ``dest`` is one of the reader's options (absent unless given)."""
    return bool(top.get_default(dest) == argparse.SUPPRESS)
