"""What each command does once its options are parsed: ``args.func(args, ui)``, ``ui`` the
catalogue of the command line's language. The parsers are ``arguments``; the reader, the
command run when none is named, is ``read``."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from genesis_tui.cli import output
from genesis_tui.cli.errors import UsageError, content_errors
from genesis_tui.text.control_chars import escaped

if TYPE_CHECKING:
    from genesis_tui.content.edition import Edition
    from genesis_tui.content.model import View
    from genesis_tui.i18n.catalogue import Catalogue

PROG = "genesis-tui"


def no_state(args: argparse.Namespace) -> bool:
    """Whether the reading position is neither read nor saved (``--no-state``)."""
    return getattr(args, "no_state", False) or os.environ.get("GENESIS_TUI_STATE", "") == "off"


def load(directory: Path | None, *, validate: bool = False, check: bool = False) -> Edition:
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


def load_named(args: argparse.Namespace) -> Edition:
    """The content ``--content`` names, validated (the bundled content passed its tests)."""
    directory: Path | None = getattr(args, "content", None)
    return load(directory, validate=directory is not None)


def section_of(content: Edition, args: argparse.Namespace) -> str | None:
    """The section ``--section`` names, by its id or its number (``--section 2``, as the key 2
    does); ``UsageError`` listing the sections for one there is not."""
    section_id: str | None = getattr(args, "section", None)
    if section_id is None:
        return None
    ids = [section.id for section in content.article.sections]
    if section_id.isdigit() and 1 <= int(section_id) <= len(ids):
        return ids[int(section_id) - 1]
    if section_id not in ids:
        raise UsageError(
            "cli.error.no_section", section=section_id, ids=", ".join(ids), count=len(ids)
        )
    return section_id


def check(args: argparse.Namespace, ui: Catalogue) -> int:
    """``genesis-tui check [DIR]``: validate the content and say what it holds, in one line."""
    content = load(args.directory or getattr(args, "content", None), validate=True, check=True)
    article = content.article
    said = ui(
        "cli.check.ok",
        directory=escaped(str(content.directory)),
        sections=len(article.sections),
        blocks=len(article.blocks()),
        terms=len(content.glossary.terms),
        events=len(content.timeline.events),
    )
    output.write(f"{said}\n")
    return 0


def export_command(args: argparse.Namespace, ui: Catalogue) -> int:
    """``genesis-tui export``: the article in one format on standard output."""
    if (refused := _export_refusal(args)) is not None:
        raise refused
    content = load_named(args)
    width: int | None = getattr(args, "width", None)
    return export(
        content,
        args.format,
        getattr(args, "lang", "both"),
        width,
        section_of(content, args),
        ruby=args.ruby,
        vocabulary=args.vocabulary,
    )


def _export_refusal(args: argparse.Namespace) -> UsageError | None:
    """Why an option does not go with the format asked for, or None when all of them do.
    (``--lang`` and ``--width`` default to absent: an attribute present is an option given.)"""
    fmt = args.format
    if fmt == "json" and args.ruby:
        return UsageError("cli.error.ruby_json")
    if fmt != "md" and args.vocabulary:
        return UsageError("cli.error.vocabulary")
    if fmt == "json" and hasattr(args, "lang"):
        return UsageError("cli.error.lang_json")
    if fmt == "html" and args.ruby:
        return UsageError("cli.error.ruby_html")
    if fmt != "txt" and hasattr(args, "width"):
        return UsageError("cli.error.width", format=fmt)
    return None


def export(
    content: Edition,
    fmt: str,
    lang: str,
    width: int | None,
    section: str | None,
    *,
    ruby: bool = False,
    vocabulary: bool = False,
) -> int:
    """Write ``content`` to standard output in ``fmt`` (the piped text is the txt export)."""
    from genesis_tui.export import formats as export

    if ruby and not content.ruby:
        raise UsageError("cli.error.no_readings", directory=content.directory)

    if sys.stdout is None:
        raise output.OutputError("cli.error.stdout_closed")
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
        from genesis_tui.export.plain_text import to_text

        output.write(to_text(content, cast("View", lang), width, section, ruby=ruby))
    return 0


def serve(args: argparse.Namespace, ui: Catalogue) -> int:
    """Serve the reader over HTTP with textual-serve: one reader process per browser session;
    and the article as a web page beside it."""
    try:
        from genesis_tui.cli.serve import serve
    except ImportError:
        raise UsageError("cli.error.serve_needs_web") from None
    from genesis_tui.export.html import to_html

    content = load_named(args)
    lang = cast("View", getattr(args, "lang", "both"))
    page = to_html(content, lang, section_of(content, args), reader_url="./")
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
