"""The command line: the reader, ``check`` and ``export``.

Heavy imports (Textual, the app) happen only when the reader starts, so ``--version``, ``check``
and ``export`` stay quick, and a pipe never pays for a user interface it will not show.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from genesis_tui import __version__, cli_ja, cli_rules, collector, output, reader_options
from genesis_tui.controls import escaped
from genesis_tui.i18n import UI_LANGS

if TYPE_CHECKING:
    from genesis_tui.content import Content, ContentError
    from genesis_tui.model import View

PROG = "genesis-tui"
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake on the command line or in a file the user named: one message, exit 2."""


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
        "--section", metavar="ID", default=argparse.SUPPRESS, help="start at / export section ID"
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
        choices=("json", "md", "txt"),
        default="txt",
        help="txt (the default): plain text wrapped at --width; md: Markdown; json: the article, "
        "glossary and timeline as data (schema 2)",
    )
    export.add_argument(
        "--ruby",
        action="store_true",
        help="readings over the Japanese: Aozora Bunko notation in txt (｜基《き》), HTML ruby in "
        "md (JSON always carries them)",
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
    if command in ("check", "readings"):
        directory = args.directory or directory
    if command == "readings":
        return _draft_readings(directory, prune=args.prune)
    if (refused := cli_rules.refusal(command, args)) is not None:
        raise UsageError(refused)
    if _no_state(args):
        # No file written at all: the cache is the user's too (an account shared by everyone
        # who logs in), so it is neither read nor written.
        os.environ["GENESIS_TUI_CACHE"] = "off"
    # Content the user names is validated; the bundled content passed its tests.
    content = _load(
        directory, validate=command == "check" or directory is not None, check=command == "check"
    )
    section_id: str | None = getattr(args, "section", None)
    if section_id is not None:
        ids = [section.id for section in content.article.sections]
        if section_id not in ids:
            raise UsageError(f"no section {section_id!r} (sections: {', '.join(ids)})")
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
        return _export(content, args.format, lang, width, section_id, ruby=args.ruby)
    if command == "serve":
        return _serve(args)
    if _is_interactive():
        from genesis_tui.run import run_reader

        return run_reader(
            content,
            section_id=section_id,
            lang=getattr(args, "lang", None),
            remember=not _no_state(args),
            **reader,
        )
    return _export(content, "txt", lang, width or 80, section_id)


def _no_state(args: argparse.Namespace) -> bool:
    """Whether the reading position is neither read nor saved (``--no-state``)."""
    return getattr(args, "no_state", False) or os.environ.get("GENESIS_TUI_STATE", "") == "off"


def _is_interactive() -> bool:
    if os.environ.get("TEXTUAL_DRIVER"):  # run by `serve` (or another driver): not a terminal
        return True
    if sys.stdout is None or sys.stdin is None:  # closed at start-up: not a terminal
        return False
    return sys.stdout.isatty() and sys.stdin.isatty() and os.environ.get("TERM", "") != "dumb"


def _serve(args: argparse.Namespace) -> int:
    """Serve the reader over HTTP with textual-serve: one reader process per browser session."""
    try:
        from genesis_tui.serve import serve
    except ImportError:
        raise UsageError(
            "serve needs textual-serve: pip install '.[web]' in the checkout"
        ) from None
    command = [sys.executable, "-m", "genesis_tui", "read"]
    for flag in ("content", "section", "lang", "ui_lang"):
        value = getattr(args, flag, None)
        if value is not None:
            if flag == "content":  # the reader may run elsewhere: make the path absolute
                value = Path(value).resolve()
            command += [f"--{flag.replace('_', '-')}", str(value)]
    if getattr(args, "ascii", False):
        command.append("--ascii")
    if _no_state(args):
        command.append("--no-state")
    serve(
        command,
        host=args.host,
        port=args.port,
        title=PROG,
        public_url=args.public_url,
        allowed_origins=args.allow_origin,
        max_sessions=args.max_sessions,
    )
    return 0


def _load(directory: Path | None, *, validate: bool = False, check: bool = False) -> Content:
    """The content (the bundled content unless ``directory``), validated if ``validate``;
    ``check`` also asks for its readings (a directory without them can still be read)."""
    from genesis_tui.content import ContentError
    from genesis_tui.loader import load_content
    from genesis_tui.paths import content_dir

    try:
        return load_content(
            directory or content_dir(),
            validate=validate,
            readings="required" if check else "optional",
        )
    except ContentError as error:
        raise _content_errors(error) from None


def _content_errors(error: ContentError) -> UsageError:
    """Every problem of a content directory, counted, one a line."""
    count = len(error.problems)
    lines = [f"{count} content error{'s' * (count != 1)}:"]
    return UsageError("\n".join([*lines, *(f"  {problem}" for problem in error.problems)]))


def _draft_readings(directory: Path | None, *, prune: bool = False) -> int:
    """``genesis-tui readings``: draft what readings.toml lacks (see ``genesis_tui.authoring``),
    with ``prune`` first removing what the content no longer has, listed one key a line."""
    from genesis_tui.authoring import AuthoringError, draft_readings
    from genesis_tui.content import ContentError
    from genesis_tui.paths import content_dir

    try:
        draft = draft_readings(directory or content_dir(), prune=prune)
    except AuthoringError as error:
        raise UsageError(str(error)) from None
    except ContentError as error:
        raise _content_errors(error) from None
    except OSError as error:
        raise UsageError(f"cannot write the readings: {error}") from None
    for pruned in draft.pruned:
        why = "no such text any more" if pruned.gone else "no longer fit the text"
        print(f"removed {pruned.key} ({why}): {', '.join(map(str, pruned.words))}")
    summary = f"{draft.path}: {draft.drafted} readings drafted in {draft.texts} texts, "
    summary += f"{draft.kept} kept as they were"
    if prune:
        summary += f", {sum(len(pruned.words) for pruned in draft.pruned)} removed"
    summary += "."
    if draft.drafted:
        summary += f" Review the drafted ones, then run `{PROG} check`."
    print(summary)
    return 0


def _export(
    content: Content,
    fmt: str,
    lang: str,
    width: int | None,
    section: str | None,
    *,
    ruby: bool = False,
) -> int:
    from genesis_tui import export

    if ruby and not content.ruby:
        raise UsageError(f"{content.directory} has no readings (readings.toml): nothing to show")

    if sys.stdout is None:
        raise output.OutputError("standard output is closed")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if fmt == "json":
        output.write(export.to_json(content, section))
    elif fmt == "md":
        output.write(export.to_markdown(content, cast("View", lang), section, ruby=ruby))
    else:
        width = width or shutil.get_terminal_size((80, 24)).columns
        output.write(export.to_text(content, cast("View", lang), width, section, ruby=ruby))
    return 0
