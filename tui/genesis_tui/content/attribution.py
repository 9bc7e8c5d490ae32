"""Where the article comes from, said the same way on screen (the About page) and at the top of
the plain text (``export --format txt`` and the piped text): the publisher and its title, both
pages' addresses, that the Japanese is the publisher's machine translation, and the source note
(the project's own translation and title, the inferred date).

Pure: each line is given with the address it ends with, so a screen can make it a link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from genesis_tui.content.model import Lang, Source


class SourceLine(NamedTuple):
    """A line of the attribution: its text, and the web address it ends with, if any; for
    the source note, its language (a paragraph of its own)."""

    text: str
    url: str | None = None
    lang: Lang | None = None


def source_lines(
    source: Source, label: Callable[[str], str], langs: tuple[Lang, ...]
) -> list[SourceLine]:
    """The attribution as lines: publisher and title, then each page's address on a line of
    its own (whole: a broken address can be neither clicked nor pasted), then the source note
    in each of ``langs``. ``label`` gives a label's words (in one language or several)."""
    japanese = "about.url_ja_machine" if source.machine_translated else "about.url_ja"
    return [
        SourceLine(f'{label("about.source")}: {source.publisher}, "{source.title_en}"'),
        SourceLine(f"{label(japanese)}: {source.url_ja}", source.url_ja),
        SourceLine(f"{label('about.url_en')}: {source.url_en}", source.url_en),
        *(SourceLine(source.note.get(lang), lang=lang) for lang in langs),
    ]
