"""The command palette (ctrl+p): every section, every glossary term and every action."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from genesis_tui.i18n import Catalogue
from genesis_tui.kana import to_hiragana
from genesis_tui.model import Lang

if TYPE_CHECKING:
    from genesis_tui.app import GenesisApp


ACTION_KEYS = (
    ("next_section", "]"),
    ("previous_section", "["),
    ("cycle_view", "v"),
    ("toggle_readings", "r"),
    ("toggle_sections", "s"),
    ("glossary", "g"),
    ("timeline", "t"),
    ("whos_who", "w"),
    ("search", "/"),
    ("search_next", "n"),
    ("search_previous", "N"),
    ("copy", "y"),
    ("back", "escape"),
)
"""The reader's actions the palette offers (by the name of their words in the catalogue), with
the key that does the same."""

ACTIONS = {"search_next": "search_step(1)", "search_previous": "search_step(-1)"}
"""The reader's action for a palette name, where it is not the name itself."""


class GenesisCommands(Provider):
    """Sections, glossary terms and the reader's actions."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: GenesisApp = self.app  # type: ignore[assignment]
        content, ui = app.content, app.ui
        # Names in the languages the reader shows, the interface's first; in one language's
        # view, that language alone.
        langs: tuple[Lang, ...] = (ui.lang, "en" if ui.lang == "ja" else "ja")
        if app.view != "both":
            langs = (app.view,)
        commands: list[tuple[str, Callable[[], object], str]] = []

        def keyed(help_text: str, key: str) -> str:
            # The palette reads help as markup: keys such as "[" are escaped.
            return ui("palette.with_key", help=help_text, keys=escape(key))

        for number, section in enumerate(content.article.sections, start=1):
            title = " / ".join(section.title.get(lang) for lang in langs)
            name = ui("palette.section", number=number, title=title)
            help_text = ui("palette.section_help")
            if number <= 9:
                help_text = keyed(help_text, str(number))
            commands.append((name, partial(app.show_section, section.id), help_text))
        for term in content.glossary.terms:
            names = " / ".join(term.term.get(lang) for lang in langs)
            # The reading only where it adds something: not after a name written in kana.
            adds = to_hiragana(term.reading) != to_hiragana(term.term.ja)
            reading = f"（{term.reading}）" if "ja" in langs and adds else ""
            name = ui("palette.term", term=names, reading=reading)
            commands.append((name, partial(app.open_term, term.id), ui("palette.term_help")))
        for action, key in ACTION_KEYS:
            callback = partial(app.run_reader_action, ACTIONS.get(action, action))
            help_text = keyed(ui(f"palette.{action}_help"), key)
            commands.append((ui(f"palette.{action}"), callback, help_text))
        help_text = keyed(ui("palette.about_help"), "a")
        commands.append((ui("palette.about"), app.action_about, help_text))
        help_text = keyed(ui("palette.help_help"), "?")
        commands.append((ui("palette.help"), app.action_help, help_text))
        commands.append((ui("palette.quit"), app.action_quit, keyed(ui("palette.quit_help"), "q")))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    def _aliases(self) -> dict[str, str]:
        """For a Japanese interface, each action's English name, which the palette also
        matches (``source``, ``about``, ``readings`` find what they name)."""
        app: GenesisApp = self.app  # type: ignore[assignment]
        ui = app.ui
        if ui.lang == "en":
            return {}
        english = Catalogue("en")
        names = [action for action, _ in ACTION_KEYS] + ["about", "help", "quit"]
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
