"""The command line: the reader, ``check`` and ``export``.

Heavy imports (Textual, the app) happen only when the reader starts, so ``--version``, ``check``
and ``export`` stay quick, and a pipe never pays for a user interface it will not show.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from genesis_tui import __version__, cli_ja
from genesis_tui.controls import escaped
from genesis_tui.i18n import UI_LANGS, ui_lang_from_locale

if TYPE_CHECKING:
    from genesis_tui.content import Content
    from genesis_tui.model import View

PROG = "genesis-tui"
EXIT_USAGE = 2


class UsageError(Exception):
    """A mistake on the command line or in a file the user named: one message, exit 2."""


def _int_between(low: int, high: int) -> Callable[[str], int]:
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


_width = _int_between(10, 1000)
_port = _int_between(1, 65535)
_sessions = _int_between(1, 1000)


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
        "--no-mouse",
        action="store_true",
        default=argparse.SUPPRESS,
        help="leave the mouse to the terminal, so that its own selection and copying work "
        "(also: GENESIS_TUI_NO_MOUSE=1)",
    )
    common.add_argument(
        "--theme",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the colour theme, such as textual-light or nord (remembered; the palette's "
        "Theme command lists them all)",
    )
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
    export.add_argument("--format", choices=("json", "md", "txt"), default="txt")
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
        "reading already there (needs the extra: pip install genesis-tui[authoring])",
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
        help="serve the reader to web browsers (needs the extra: pip install genesis-tui[web])",
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
    args = cli_ja.parser_in(_parser, argv).parse_args(argv)
    try:
        return _run(args)
    except UsageError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of a pipe went away (``| head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    command = args.command or "read"
    directory: Path | None = getattr(args, "content", None)
    if command in ("check", "readings"):
        directory = args.directory or directory
    if command == "readings":
        return _draft_readings(directory, prune=args.prune)
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
    theme = _theme(args)

    if command == "check":
        article = content.article
        blocks = len(article.blocks())
        print(
            f"{escaped(str(content.directory))}: OK — {len(article.sections)} sections, "
            f"{blocks} blocks, "
            f"{len(content.glossary.terms)} glossary terms, "
            f"{len(content.timeline.events)} timeline events"
        )
        return 0
    if command == "export":
        return _export(content, args.format, lang, width, section_id, ruby=args.ruby)
    if command == "serve":
        return _serve(args)
    if _is_interactive():
        from genesis_tui.app import run_reader

        ui_lang = getattr(args, "ui_lang", None) or ui_lang_from_locale(os.environ)
        ascii = getattr(args, "ascii", False) or os.environ.get("GENESIS_TUI_ASCII", "") == "1"
        # The Linux console draws neither kanji nor block elements: ASCII, and a hint.
        linux_console = os.environ.get("TERM", "") == "linux"
        return run_reader(
            content,
            section_id=section_id,
            lang=getattr(args, "lang", None),
            ui_lang=ui_lang,
            ascii=ascii or linux_console,
            linux_console=linux_console,
            theme=theme,
            mouse=_mouse(args),
        )
    return _export(content, "txt", lang, width or 80, section_id)


def _mouse(args: argparse.Namespace) -> bool:
    """Whether the reader takes the mouse: not with ``--no-mouse`` or GENESIS_TUI_NO_MOUSE=1."""
    no_mouse = getattr(args, "no_mouse", False)
    return not (no_mouse or os.environ.get("GENESIS_TUI_NO_MOUSE", "") == "1")


def _theme(args: argparse.Namespace) -> str | None:
    """The theme asked for with ``--theme``, checked against the themes there are."""
    name: str | None = getattr(args, "theme", None)
    if name is None:
        return None
    from genesis_tui.themes import theme_names

    names = theme_names()
    if name not in names:
        raise UsageError(
            cli_ja.say("no theme {name!r} (themes: {names})", name=name, names=", ".join(names))
        )
    return name


def _is_interactive() -> bool:
    if os.environ.get("TEXTUAL_DRIVER"):  # run by `serve` (or another driver): not a terminal
        return True
    return sys.stdout.isatty() and sys.stdin.isatty() and os.environ.get("TERM", "") != "dumb"


def _serve(args: argparse.Namespace) -> int:
    """Serve the reader over HTTP with textual-serve: one reader process per browser session."""
    try:
        from genesis_tui.serve import serve
    except ImportError:
        raise UsageError("serve needs textual-serve: pip install 'genesis-tui[web]'") from None
    command = [sys.executable, "-m", "genesis_tui", "read"]
    for flag in ("content", "section", "lang", "ui_lang"):
        value = getattr(args, flag, None)
        if value is not None:
            if flag == "content":  # the reader may run elsewhere: make the path absolute
                value = Path(value).resolve()
            command += [f"--{flag.replace('_', '-')}", str(value)]
    if getattr(args, "ascii", False):
        command.append("--ascii")
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
        count = len(error.problems)
        noun = "error" if count == 1 else "errors"
        lines = [f"{count} content {noun}:", *(f"  {problem}" for problem in error.problems)]
        raise UsageError("\n".join(lines)) from None


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
        count = len(error.problems)
        lines = [f"{count} content error{'s' * (count != 1)}:"]
        lines += [f"  {problem}" for problem in error.problems]
        raise UsageError("\n".join(lines)) from None
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

    if ruby and fmt == "json":
        raise UsageError("--ruby is for txt and md: the JSON export always carries the readings")
    if ruby and not content.ruby:
        raise UsageError(f"{content.directory} has no readings (readings.toml): nothing to show")

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if fmt == "json":
        sys.stdout.write(export.to_json(content, section))
    elif fmt == "md":
        sys.stdout.write(export.to_markdown(content, cast("View", lang), section, ruby=ruby))
    else:
        width = width or shutil.get_terminal_size((80, 24)).columns
        sys.stdout.write(export.to_text(content, cast("View", lang), width, section, ruby=ruby))
    sys.stdout.flush()
    return 0
