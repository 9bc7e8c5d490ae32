"""``genesis-tui lexicon``: the command line of the lexicon's drafter (``lexicon_draft``).

Imported by ``cli`` only when the command runs; ``cli`` hands it its error and the way it
words content errors (as ``reader_options`` is handed them), so the two do not import each
other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from genesis_tui.content.edition import ContentError


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """The ``lexicon`` command's parser, among ``commands`` (argparse's subparsers)."""
    lexicon = commands.add_parser(
        "lexicon",
        parents=[common],
        help="draft the words and entries that DIR/lexicon.toml lacks, keeping every entry "
        "already there (needs the authoring extra: pip install '.[authoring]' in the checkout)",
    )
    lexicon.add_argument("directory", nargs="?", type=Path, metavar="DIR")
    lexicon.add_argument(
        "--accents",
        type=Path,
        metavar="FILE",
        help="Kanjium's accents.txt, for the pitch accents (without it none are drafted)",
    )


def draft_lexicon_command(
    directory: Path | None,
    accents: Path | None,
    usage_error: Callable[[str], Exception],
    content_errors: Callable[[ContentError], Exception],
) -> int:
    """Draft what lexicon.toml lacks and say what was done; a user's error is raised as
    ``usage_error`` (one message)."""
    from genesis_tui.content.analyser import AuthoringError
    from genesis_tui.content.edition import ContentError
    from genesis_tui.content.lexicon_draft import draft_lexicon
    from genesis_tui.content.lexicon_sources import read_accents
    from genesis_tui.storage.paths import content_dir

    try:
        table = read_accents(accents) if accents is not None else None
        draft = draft_lexicon(directory or content_dir(), accents=table)
    except AuthoringError as error:
        raise usage_error(str(error)) from None
    except ContentError as error:
        raise content_errors(error) from None
    except OSError as error:
        raise usage_error(f"cannot write the lexicon: {error}") from None
    print(draft.summary(accents is not None))
    return 0
