"""The command palette (ctrl+p): every section, every glossary term and every action."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from genesis_tui.model import Lang

if TYPE_CHECKING:
    from genesis_tui.app import GenesisApp


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
        for number, section in enumerate(content.article.sections, start=1):
            title = " / ".join(section.title.get(lang) for lang in langs)
            name = ui("palette.section", number=number, title=title)
            commands.append(
                (name, partial(app.show_section, section.id), ui("palette.section_help"))
            )
        for term in content.glossary.terms:
            names = " / ".join(term.term.get(lang) for lang in langs)
            reading = f"（{term.reading}）" if "ja" in langs else ""
            name = ui("palette.term", term=names, reading=reading)
            commands.append((name, partial(app.open_term, term.id), ui("palette.term_help")))
        for key, action in (
            ("next_section", "next_section"),
            ("previous_section", "previous_section"),
            ("cycle_view", "cycle_view"),
            ("glossary", "glossary"),
            ("timeline", "timeline"),
            ("whos_who", "whos_who"),
            ("search", "search"),
            ("back", "back"),
        ):
            callback = partial(app.run_reader_action, action)
            commands.append((ui(f"palette.{key}"), callback, ui(f"palette.{key}_help")))
        commands.append((ui("palette.help"), app.action_help, ui("palette.help_help")))
        commands.append((ui("palette.quit"), app.action_quit, ui("palette.quit_help")))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
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
