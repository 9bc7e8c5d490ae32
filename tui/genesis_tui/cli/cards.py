"""``genesis-tui export --format apkg|tsv``: the learner's words as cards for Anki.

The words come from the statuses the reader saved (``storage.statuses``; none with
``GENESIS_TUI_STATE=off``), read and never changed here: a statuses file that is not whole is
left where it is, with a warning, and what could be read of it is used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import cast

from genesis_tui.cli import output
from genesis_tui.cli.commands import export_command, load_named, no_state, section_of
from genesis_tui.cli.errors import UsageError
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.text.control_chars import escaped

CARD_FORMATS = ("apkg", "tsv")
DEFAULT_APKG = "genesis-tui-words.apkg"


def export(args: argparse.Namespace, ui: Catalogue) -> int:
    """``genesis-tui export``: the cards for ``--format apkg`` and ``tsv``, the article in one
    of its formats otherwise (``commands.export_command``)."""
    if (refused := refusal(args)) is not None:
        raise refused
    if args.format in CARD_FORMATS:
        return export_cards(args, ui)
    return export_command(args, ui)


def refusal(args: argparse.Namespace) -> UsageError | None:
    """An option that does not go with the format asked for: the card options with the
    article's formats, the article's options with the cards."""
    cards = args.format in CARD_FORMATS
    if not cards and (args.words is not None or args.output is not None):
        return UsageError("cli.error.cards_only", format=args.format)
    if cards and (args.ruby or args.vocabulary or hasattr(args, "lang") or hasattr(args, "width")):
        return UsageError("cli.error.not_for_cards", format=args.format)
    return None


def export_cards(args: argparse.Namespace, ui: Catalogue) -> int:
    """Write the cards ``--words`` asks for: an Anki package at ``--output`` (by default
    ``genesis-tui-words.apkg`` here), or the text form on standard output (or ``--output``)."""
    from genesis_tui.export.cards import Which, cards, to_tsv
    from genesis_tui.storage.statuses import WordStatuses, read_statuses, statuses_path

    content = load_named(args)
    if not content.lexicon:
        raise UsageError("cli.error.no_lexicon", directory=escaped(str(content.directory)))
    statuses = WordStatuses()
    if not no_state(args):
        path = statuses_path()
        loaded = read_statuses(path, keep_aside=False)
        statuses = loaded.statuses
        if loaded.problem is not None:
            problem = ui(f"statuses.{loaded.problem}")
            warning = ui("cli.warning.statuses", path=escaped(str(path)), problem=problem)
            print(f"genesis-tui: {warning}", file=sys.stderr)
    which = cast(Which, args.words or "new")
    chosen = cards(content, statuses, which, section_of(content, args))
    if not chosen:
        raise UsageError("cli.error.no_cards", words=which)
    if args.format == "tsv" and args.output is None:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        output.write(to_tsv(content, chosen))
        return 0
    target = Path(args.output or DEFAULT_APKG)
    try:
        if args.format == "tsv":
            from genesis_tui.storage.state import write_atomically

            write_atomically(target, to_tsv(content, chosen))
        else:
            from genesis_tui.export.apkg import MissingExtra, write_apkg

            try:
                write_apkg(content, chosen, target)
            except MissingExtra:
                raise UsageError("cli.error.no_genanki") from None
    except OSError as error:
        shown = escaped(str(target))
        reason = error.strerror or str(error)
        raise UsageError("cli.error.cannot_write_cards", path=shown, error=reason) from None
    key = "cli.cards.written_one" if len(chosen) == 1 else "cli.cards.written"
    said = ui(key, count=len(chosen), words=which, path=escaped(str(target)))
    output.write(f"{said}\n")
    return 0
