"""The authoring commands: ``genesis-tui readings`` and ``genesis-tui lexicon`` draft what
readings.toml and lexicon.toml lack (``content.drafting``, ``content.lexicon_draft``) and say
what they did, in the command line's language."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from genesis_tui.cli.errors import UsageError, content_errors

if TYPE_CHECKING:
    from genesis_tui.i18n.catalogue import Catalogue


@contextmanager
def _user_errors(unwritable: str) -> Iterator[None]:
    """A drafter's errors as usage errors: a missing tool or a file it must not overwrite,
    invalid content, and a file that cannot be written (``unwritable``, a message id)."""
    from genesis_tui.content.analyser import AuthoringError
    from genesis_tui.content.edition import ContentError

    try:
        yield
    except AuthoringError as error:
        raise UsageError(error.key, details=(), **error.fields) from None
    except ContentError as error:
        raise content_errors(error) from None
    except OSError as error:
        raise UsageError(unwritable, error=error) from None


def _directory(args: argparse.Namespace) -> Path:
    """The content directory a drafting command works on: DIR, else --content's, else the
    bundled one (the checkout's)."""
    from genesis_tui.storage.paths import content_dir

    named: Path | None = args.directory or getattr(args, "content", None)
    return named or content_dir()


def readings(args: argparse.Namespace, ui: Catalogue) -> int:
    """``genesis-tui readings``: draft what readings.toml lacks, with ``--prune`` first removing
    what the content no longer has, listed one key a line."""
    from genesis_tui.content.drafting import draft_readings

    with _user_errors("cli.error.cannot_write_readings"):
        draft = draft_readings(_directory(args), prune=args.prune)
    for pruned in draft.pruned:
        key = "cli.readings.removed_gone" if pruned.gone else "cli.readings.removed_misfit"
        print(ui(key, key=pruned.key, words=", ".join(map(str, pruned.words))))
    counts = {"path": draft.path, "drafted": draft.drafted, "texts": draft.texts}
    if args.prune:
        removed = sum(len(pruned.words) for pruned in draft.pruned)
        said = [ui("cli.readings.summary_pruned", kept=draft.kept, removed=removed, **counts)]
    else:
        said = [ui("cli.readings.summary", kept=draft.kept, **counts)]
    if draft.drafted:
        said.append(ui("cli.review"))
    print(("" if ui.lang == "ja" else " ").join(said))
    return 0


def lexicon(args: argparse.Namespace, ui: Catalogue) -> int:
    """``genesis-tui lexicon``: draft what lexicon.toml lacks and say what was done."""
    from genesis_tui.content.lexicon_draft import draft_lexicon
    from genesis_tui.content.lexicon_sources import read_accents

    accents: Path | None = args.accents
    with _user_errors("cli.error.cannot_write_lexicon"):
        table = read_accents(accents) if accents is not None else None
        draft = draft_lexicon(_directory(args), accents=table)
    print(draft.summary(accents is not None, ui))
    return 0
