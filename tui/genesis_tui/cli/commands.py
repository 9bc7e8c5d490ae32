"""What the commands do once the command line is parsed: serve, export, draft the readings,
and load the content they read (``main`` parses; the reader itself is ``reader``)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from genesis_tui.cli import output

if TYPE_CHECKING:
    from genesis_tui.content.edition import Content, ContentError
    from genesis_tui.content.model import View

PROG = "genesis-tui"


class UsageError(Exception):
    """A mistake on the command line or in a file the user named: one message, exit 2."""


def no_state(args: argparse.Namespace) -> bool:
    """Whether the reading position is neither read nor saved (``--no-state``)."""
    return getattr(args, "no_state", False) or os.environ.get("GENESIS_TUI_STATE", "") == "off"


def serve(args: argparse.Namespace, page: str) -> int:
    """Serve the reader over HTTP with textual-serve: one reader process per browser session;
    and ``page``, the article as a web page, beside it."""
    try:
        from genesis_tui.cli.serve import serve
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
    if no_state(args):
        command.append("--no-state")
    serve(
        command,
        host=args.host,
        port=args.port,
        title=PROG,
        public_url=args.public_url,
        allowed_origins=args.allow_origin,
        max_sessions=args.max_sessions,
        page=page,
    )
    return 0


def load(directory: Path | None, *, validate: bool = False, check: bool = False) -> Content:
    """The content (the bundled content unless ``directory``), validated if ``validate``;
    ``check`` also asks for its readings (a directory without them can still be read)."""
    from genesis_tui.content.edition import ContentError
    from genesis_tui.content.load import load_content
    from genesis_tui.storage.paths import content_dir

    try:
        return load_content(
            directory or content_dir(),
            validate=validate,
            readings="required" if check else "optional",
        )
    except ContentError as error:
        raise content_errors(error) from None


def content_errors(error: ContentError) -> UsageError:
    """Every problem of a content directory, counted, one a line."""
    count = len(error.problems)
    lines = [f"{count} content error{'s' * (count != 1)}:"]
    return UsageError("\n".join([*lines, *(f"  {problem}" for problem in error.problems)]))


def draft_readings(directory: Path | None, *, prune: bool = False) -> int:
    """``genesis-tui readings``: draft what readings.toml lacks (``content.drafting``),
    with ``prune`` first removing what the content no longer has, listed one key a line."""
    from genesis_tui.content.analyser import AuthoringError
    from genesis_tui.content.drafting import draft_readings
    from genesis_tui.content.edition import ContentError
    from genesis_tui.storage.paths import content_dir

    try:
        draft = draft_readings(directory or content_dir(), prune=prune)
    except AuthoringError as error:
        raise UsageError(str(error)) from None
    except ContentError as error:
        raise content_errors(error) from None
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


def export(
    content: Content,
    fmt: str,
    lang: str,
    width: int | None,
    section: str | None,
    *,
    ruby: bool = False,
    vocabulary: bool = False,
) -> int:
    from genesis_tui.export import formats as export

    if ruby and not content.ruby:
        raise UsageError(f"{content.directory} has no readings (readings.toml): nothing to show")

    if sys.stdout is None:
        raise output.OutputError("standard output is closed")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if fmt == "json":
        output.write(export.to_json(content, section))
    elif fmt == "html":
        from genesis_tui.export.html import to_html

        output.write(to_html(content, cast("View", lang), section))
    elif fmt == "md":
        view = cast("View", lang)
        output.write(export.to_markdown(content, view, section, ruby=ruby, vocabulary=vocabulary))
    else:
        width = width or shutil.get_terminal_size((80, 24)).columns
        output.write(export.to_text(content, cast("View", lang), width, section, ruby=ruby))
    return 0
