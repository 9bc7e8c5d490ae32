"""What every export shares: labels in the language of the text they label, and the sections
an export covers (all, or the one ``--section`` names)."""

from __future__ import annotations

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, Section
from genesis_tui.i18n.catalogue import Catalogue


def _label(key: str, lang: Lang) -> str:
    """A label in the language of the text it labels."""
    return Catalogue(lang)(key)


def _labels(key: str, langs: tuple[Lang, ...]) -> str:
    """A label in each language shown, ``ja / en``."""
    return " / ".join(_label(key, lang) for lang in langs)


def _sections(content: Edition, section_id: str | None) -> tuple[Section, ...]:
    if section_id is None:
        return content.article.sections
    return (content.section(section_id),)
