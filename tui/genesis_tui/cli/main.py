"""The command line: the reader, ``check`` and ``export``.

Heavy imports (Textual, the app) happen only when the reader starts, so ``--version``, ``check``
and ``export`` stay quick, and a pipe never pays for a user interface it will not show.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from genesis_tui import __version__
from genesis_tui.cli import encoding, output, reader_options
from genesis_tui.cli import ja as cli_ja
from genesis_tui.cli import rules as cli_rules
from genesis_tui.cli.commands import (
    PROG,
    UsageError,
    content_errors,
    draft_readings,
    export,
    load,
    no_state,
    serve,
)
from genesis_tui.cli.lexicon import add_parser as add_lexicon_parser
from genesis_tui.i18n.catalogue import UI_LANGS
from genesis_tui.terminal import gc_pause as collector
from genesis_tui.text.control_chars import escaped

if TYPE_CHECKING:
    from genesis_tui.content.model import View

EXIT_USAGE = 2


_width = cli_rules.whole_number(10, 1000)
_port = cli_rules.whole_number(1, 65535)
_sessions = cli_rules.whole_number(1, 1000)


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages (which can quote the arguments raw) escaped."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message, control characters escaped; exit 2."""
        super().error(escaped(message))


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="read the article from DIR instead of the bundled content",
    )
    common.add_argument(
        "--section",
        metavar="ID",
        default=argparse.SUPPRESS,
        help="start at / export section ID",
    )
    common.add_argument(
        "--lang",
        choices=("both", "ja", "en"),
        default=argparse.SUPPRESS,
        help="languages to show (default: both)",
    )
    common.add_argument(
        "--ui-lang",
        choices=UI_LANGS,
        default=argparse.SUPPRESS,
        help="language of the interface (default: from LC_ALL, LC_MESSAGES or LANG; ja_* is ja)",
    )
    common.add_argument(
        "--ascii",
        action="store_true",
        default=argparse.SUPPRESS,
        help="ASCII borders and plain scrollbars, for terminals that draw East Asian Ambiguous "
        "characters two cells wide (also: GENESIS_TUI_ASCII=1)",
    )
    common.add_argument(
        "--no-state",
        action="store_true",
        default=argparse.SUPPRESS,
        help="neither read nor save the reading position, for an account that many people "
        "share (also: GENESIS_TUI_STATE=off)",
    )
    reader_options.add_to(common)  # --no-mouse, --theme
    common.add_argument(
        "--width",
        metavar="N",
        type=_width,
        default=argparse.SUPPRESS,
        help="wrap plain text at N cells (default: the terminal's width, else 80)",
    )
    parser = _Parser(
        prog=PROG,
        parents=[common],
        description=(
            "Japan becomes the first international partner of the US Genesis Mission: "
            "the article in Japanese and English, with a bilingual glossary. Without a command, "
            "opens the reader; when standard output is not a terminal (or TERM=dumb), prints the "
            "article as plain text."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("read", parents=[common], help="open the reader (the default)")
    check = commands.add_parser(
        "check", parents=[common], help="validate a content directory and report every error"
    )
    check.add_argument("directory", nargs="?", type=Path, metavar="DIR")
    export = commands.add_parser(
        "export", parents=[common], help="write the article to standard output"
    )
    export.add_argument(
        "--format",
        choices=("json", "md", "txt", "html"),
        default="txt",
        help="txt (the default): plain text wrapped at --width; md: Markdown; json: the article, "
        "glossary and timeline as data (schema 2); html: one page for browsers and screen "
        "readers, with ruby",
    )
    export.add_argument(
        "--ruby",
        action="store_true",
        help="readings over the Japanese: Aozora Bunko notation in txt (｜基《き》), HTML ruby in "
        "md (JSON always carries them)",
    )
    export.add_argument(
        "--vocabulary",
        action="store_true",
        help="md only: end each section with its words, their readings and glosses",
    )
    readings = commands.add_parser(
        "readings",
        parents=[common],
        help="draft the readings of the Japanese that DIR/readings.toml lacks, keeping every "
        "reading already there (needs the authoring extra: pip install '.[authoring]' in the "
        "checkout)",
    )
    readings.add_argument("directory", nargs="?", type=Path, metavar="DIR")
    readings.add_argument(
        "--prune",
        action="store_true",
        help="first remove what the content no longer has (readings of texts that are gone, "
        "words that no longer fit their text) and list it; for after editing the content",
    )
    add_lexicon_parser(commands, common)
    serve = commands.add_parser(
        "serve",
        parents=[common],
        help="serve the reader to web browsers (needs the web extra: pip install '.[web]' in the "
        "checkout)",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    serve.add_argument("--port", type=_port, default=8000, help="the port (default: 8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach the server, when it is not http://HOST:PORT "
        "(listening on 0.0.0.0, or behind a proxy); the page connects back to it, and only "
        "pages from it may open sessions",
    )
    serve.add_argument(
        "--allow-origin",
        metavar="ORIGIN",
        action="append",
        default=[],
        help="also accept sessions from pages at ORIGIN (scheme://host:port), e.g. the address "
        "of a proxy in front of the server; repeatable (default: only the server's own address)",
    )
    serve.add_argument(
        "--max-sessions",
        metavar="N",
        type=_sessions,
        default=8,
        help="at most N readers at once; more sessions are refused (default: 8)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    encoding.use_utf8_output()  # all text in one encoding (cli/encoding.py says why)
    try:
        return _main(argv)
    finally:
        collector.resume()  # if the reader paused it and stopped before its first frame


def _main(argv: Sequence[str] | None) -> int:
    args = cli_ja.parser_in(_parser, argv).parse_args(argv)
    try:
        return _run(args)
    except UsageError as error:
        print(f"{PROG}: {cli_ja.error_text(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of a pipe went away (``| head``): stop quietly.
        output.discard()
        return 0
    except output.OutputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        output.discard()
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    command = args.command or "read"
    if command == "read":
        # Until the reader's first frame. Other commands (serve above all, which runs for days)
        # collect as usual.
        collector.pause()
    directory: Path | None = getattr(args, "content", None)
    if command in ("check", "readings", "lexicon"):
        directory = args.directory or directory
    if command == "readings":
        return draft_readings(directory, prune=args.prune)
    if command == "lexicon":
        from genesis_tui.cli.lexicon import draft_lexicon_command as draft

        return draft(directory, args.accents, UsageError, content_errors)
    if (refused := cli_rules.refusal(command, args)) is not None:
        raise UsageError(refused)
    if no_state(args):
        # No file written at all: the cache is the user's too (an account shared by everyone
        # who logs in), so it is neither read nor written.
        os.environ["GENESIS_TUI_CACHE"] = "off"
    # Content the user names is validated; the bundled content passed its tests.
    content = load(
        directory, validate=command == "check" or directory is not None, check=command == "check"
    )
    section_id: str | None = getattr(args, "section", None)
    if section_id is not None:
        ids = [section.id for section in content.article.sections]
        if section_id.isdigit() and 1 <= int(section_id) <= len(ids):
            section_id = ids[int(section_id) - 1]  # --section 2, as the key 2 does
        if section_id not in ids:
            raise UsageError(
                f"no section {section_id!r} (sections: {', '.join(ids)}, or 1-{len(ids)})"
            )
    lang = getattr(args, "lang", "both")
    width: int | None = getattr(args, "width", None)
    reader = reader_options.options(args, UsageError)  # an unknown theme is refused first

    if command == "check":
        article = content.article
        blocks = len(article.blocks())
        terms, events = len(content.glossary.terms), len(content.timeline.events)
        output.write(
            f"{escaped(str(content.directory))}: OK — {len(article.sections)} sections, "
            f"{blocks} blocks, {terms} glossary terms, {events} timeline events\n"
        )
        return 0
    if command == "export":
        return export(
            content,
            args.format,
            lang,
            width,
            section_id,
            ruby=args.ruby,
            vocabulary=args.vocabulary,
        )
    if command == "serve":
        from genesis_tui.export.html import to_html

        return serve(args, to_html(content, cast("View", lang), section_id, reader_url="./"))
    if _is_interactive():
        from genesis_tui.cli.reader import run_reader

        if (refused := encoding.reader_refusal(os.environ)) is not None:
            print(refused, file=sys.stderr)  # ASCII: legible whatever the terminal's encoding
            return EXIT_USAGE

        return run_reader(
            content,
            section_id=section_id,
            lang=getattr(args, "lang", None),
            remember=not no_state(args),
            **reader,
        )
    return export(content, "txt", lang, width or _pipe_width(), section_id)


def _pipe_width() -> int:
    """The width of the piped text: COLUMNS when set, else the terminal's that the pipe ends
    in (``genesis-tui | less``: standard error or input is still the terminal), else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and 10 <= int(columns) <= 1000:
        return int(columns)
    for descriptor in (2, 0):
        try:
            width = os.get_terminal_size(descriptor).columns
        except OSError:
            continue
        if 10 <= width <= 1000:
            return width
    return 80


def _is_interactive() -> bool:
    if os.environ.get("TEXTUAL_DRIVER"):  # run by `serve` (or another driver): not a terminal
        return True
    if sys.stdout is None or sys.stdin is None:  # closed at start-up: not a terminal
        return False
    return sys.stdout.isatty() and sys.stdin.isatty() and os.environ.get("TERM", "") != "dumb"
