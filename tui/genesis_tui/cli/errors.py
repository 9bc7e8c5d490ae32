"""The command line's user errors: raised with a message id, said in the catalogue's language.

    CatalogueError (i18n)   a message by its id and fields
    ├── UsageError          a mistake on the command line or in a file the user named: exit 2
    └── OutputError         standard output cannot be written (``output``): exit 1

A mistake argparse finds itself it reports itself, in the same language (``argparse_lang``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from genesis_tui.i18n.catalogue import Catalogue, CatalogueError

if TYPE_CHECKING:
    from genesis_tui.content.edition import ContentError


class UsageError(CatalogueError):
    """A mistake on the command line or in a file the user named: one message, exit 2; and
    ``details``, lines that follow it as they are (a content error's problems)."""

    def __init__(self, key: str, /, *, details: Sequence[str] = (), **fields: object) -> None:
        super().__init__(key, **fields)
        self.details = tuple(details)

    def said(self, ui: Catalogue) -> str:
        """The message in ``ui``'s language, then its details one a line."""
        return "\n".join([super().said(ui), *self.details])


def content_errors(error: ContentError) -> UsageError:
    """Every problem of a content directory, counted, one a line (worded by the validator)."""
    count = len(error.problems)
    key = "cli.error.content_error" if count == 1 else "cli.error.content_errors"
    return UsageError(key, count=count, details=[f"  {problem}" for problem in error.problems])
