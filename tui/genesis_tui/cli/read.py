"""``genesis-tui`` without a command (or ``genesis-tui read``): the reader in a terminal, or,
when standard output is not one, the article as plain text for the pipe."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from genesis_tui.cli import encoding, reader_options
from genesis_tui.cli.commands import export, load_named, no_state, section_of
from genesis_tui.terminal import gc_pause as collector

if TYPE_CHECKING:
    from genesis_tui.i18n.catalogue import Catalogue


def read(args: argparse.Namespace, ui: Catalogue) -> int:
    """Open the reader at ``--section`` (else where the reader left off), or print the text."""
    # Until the reader's first frame (``main`` resumes collection if it never comes). Other
    # commands (serve above all, which runs for days) collect as usual.
    collector.pause()
    content = load_named(args)
    section_id = section_of(content, args)
    width: int | None = getattr(args, "width", None)
    reader = reader_options.options(args)  # an unknown theme is refused before anything runs
    if _is_interactive():
        from genesis_tui.cli.reader import run_reader

        if (refused := encoding.reader_refusal(os.environ)) is not None:
            print(refused, file=sys.stderr)  # ASCII: legible whatever the terminal's encoding
            return 2  # as a usage error
        return run_reader(
            content,
            section_id=section_id,
            lang=getattr(args, "lang", None),
            remember=not no_state(args),
            **reader,
        )
    return export(content, "txt", getattr(args, "lang", "both"), width or _pipe_width(), section_id)


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
