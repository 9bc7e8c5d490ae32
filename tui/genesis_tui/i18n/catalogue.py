"""The interface's own words, one catalogue per language (the article's words are content).

``--ui-lang ja|en`` chooses the catalogue; without it the locale does (LC_ALL, then LC_MESSAGES,
then LANG, as POSIX orders them: ``ja_*`` gives Japanese). Key bindings take their descriptions
from here by their id, so the footer and help speak the interface's language too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from genesis_tui.i18n.cli_en import CLI_EN
from genesis_tui.i18n.cli_ja import CLI_JA
from genesis_tui.i18n.en import EN
from genesis_tui.i18n.ja import JA

UiLang = Literal["en", "ja"]
UI_LANGS: tuple[UiLang, ...] = get_args(UiLang)


CATALOGUES: dict[UiLang, dict[str, str]] = {"en": EN | CLI_EN, "ja": JA | CLI_JA}


class Catalogue:
    """The interface strings of one language: ``ui("key", field=value)``."""

    def __init__(self, lang: UiLang = "en") -> None:
        self.lang: UiLang = lang
        self._strings = CATALOGUES[lang]

    def __call__(self, key: str, /, **fields: object) -> str:
        text = self._strings[key]
        return text.format(**fields) if fields else text

    def binding_description(self, label: str, binding_id: str | None = None) -> str:
        """A binding's footer label, by its label in the key map (the sections share one)."""
        if label == "section" and binding_id:
            return self("key.section", n=binding_id.removeprefix("section-"))
        return self(f"key.{label}")


def note_label(part: str, lang: UiLang) -> str:
    """The label before a translator's note (``note``) or a since-publication note
    (``since``), in the note's language: part of the text shown, so search finds it too."""
    return f"{Catalogue(lang)('page.note' if part == 'note' else 'page.since')}: "


class CatalogueError(Exception):
    """An error whose message is in the catalogue: raised with its id and fields, said in the
    interface's language where it is reported (``str()`` says it in English, for logs and
    tests)."""

    def __init__(self, key: str, /, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields

    def said(self, ui: Catalogue) -> str:
        """The message in ``ui``'s language."""
        return ui(self.key, **self.fields)

    def __str__(self) -> str:
        return self.said(Catalogue())


def ui_lang_from_locale(environ: Mapping[str, str]) -> UiLang:
    """The interface language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG set."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"
