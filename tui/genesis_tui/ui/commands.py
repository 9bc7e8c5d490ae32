"""The command palette (ctrl+p): every section, every glossary term and every action."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, View
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.text.kana import to_hiragana
from genesis_tui.ui import keymap
from genesis_tui.ui.messages import OpenTerm, RunAction, ShowSection


class PaletteSource(Protocol):
    """What the palette reads from the app: the content, the interface's words, the view."""

    content: Edition
    ui: Catalogue

    @property
    def view(self) -> View: ...


ACTIONS = (
    "next_section",
    "previous_section",
    "cycle_view",
    "toggle_readings",
    "readings_level",
    "toggle_new_words",
    "toggle_sections",
    "glossary",
    "timeline",
    "whos_who",
    "search",
    "search_next",
    "search_previous",
    "copy",
    "hints",
    "words",
    "toggle_english",
    "back",
)
"""The reader's actions the palette offers, by the name of their words in the catalogue (beside
each, the keys that do the same)."""

RUN_AS = {"search_next": "search_step(1)", "search_previous": "search_step(-1)"}
"""The reader's action for a palette name, where it is not the name itself."""

APP_ACTIONS = ("about", "help", "quit")
"""The app's own actions the palette offers."""


class GenesisCommands(Provider):
    """Sections, glossary terms and the reader's actions."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: PaletteSource = self.app  # type: ignore[assignment]
        content, ui = app.content, app.ui
        post = self.app.post_message
        # Names in the languages the reader shows, the interface's first; in one language's
        # view, that language alone.
        langs: tuple[Lang, ...] = (ui.lang, "en" if ui.lang == "ja" else "ja")
        if app.view != "both":
            langs = (app.view,)
        commands: list[tuple[str, Callable[[], object], str]] = []

        def keyed(help_text: str, key: str) -> str:
            # The palette reads help as markup: keys such as "[" are escaped. A command with no
            # key of its own (the readings' JLPT level) has its help alone.
            if not key:
                return escape(help_text)
            return ui("palette.with_key", help=help_text, keys=escape(key))

        for number, section in enumerate(content.article.sections, start=1):
            title = " / ".join(section.title.get(lang) for lang in langs)
            name = ui("palette.section", number=number, title=title)
            help_text = ui("palette.section_help")
            if number <= 9:
                help_text = keyed(help_text, str(number))
            commands.append((name, partial(post, ShowSection(section.id)), help_text))
        for term in content.glossary.terms:
            names = " / ".join(term.term.get(lang) for lang in langs)
            # The reading only where it adds something: not after a name written in kana.
            adds = to_hiragana(term.reading) != to_hiragana(term.term.ja)
            reading = f"（{term.reading}）" if "ja" in langs and adds else ""
            name = ui("palette.term", term=names, reading=reading)
            commands.append(
                (name, partial(post, OpenTerm(term.id, over_reader=True)), ui("palette.term_help"))
            )
        for action in ACTIONS:
            run = RUN_AS.get(action, action)
            callback = partial(post, RunAction(run))
            help_text = keyed(ui(f"palette.{action}_help"), keymap.palette_key(run))
            commands.append((ui(f"palette.{action}"), callback, help_text))
        for action in APP_ACTIONS:
            callback = partial(post, RunAction(action, reader=False))
            help_text = keyed(ui(f"palette.{action}_help"), keymap.palette_key(action))
            commands.append((ui(f"palette.{action}"), callback, help_text))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    def _aliases(self) -> dict[str, str]:
        """For a Japanese interface, each action's English name, which the palette also
        matches (``source``, ``about``, ``readings`` find what they name)."""
        ui: Catalogue = self.app.ui  # type: ignore[attr-defined]
        if ui.lang == "en":
            return {}
        english = Catalogue("en")
        names = [*ACTIONS, *APP_ACTIONS]
        return {ui(f"palette.{name}"): english(f"palette.{name}") for name in names}

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        aliases = self._aliases()
        for name, callback, help_text in self._commands():
            score = max(matcher.match(name), matcher.match(aliases.get(name, "")))
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, help=help_text)


def _highlight(matcher: Matcher, name: str) -> Content:
    """The name with the matched characters styled. Textual's ``Matcher.highlight`` reads the
    name as markup, and names hold section titles and glossary terms: content is data."""
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
