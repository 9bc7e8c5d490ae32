"""The command palette (ctrl+p): every section, every glossary term and every action."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from genesis_tui.app import GenesisApp


class GenesisCommands(Provider):
    """Sections, glossary terms and the reader's actions."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: GenesisApp = self.app  # type: ignore[assignment]
        content = app.content
        commands: list[tuple[str, Callable[[], object], str]] = []
        for number, section in enumerate(content.article.sections, start=1):
            name = f"Section {number}: {section.title.en} / {section.title.ja}"
            commands.append((name, partial(app.show_section, section.id), "Go to the section"))
        for term in content.glossary.terms:
            name = f"Term: {term.term.en} / {term.term.ja} ({term.reading})"
            commands.append((name, partial(app.open_term, term.id), "Open the glossary entry"))
        for name, action, help_text in (
            ("Next section", "next_section", "Show the next section"),
            ("Previous section", "previous_section", "Show the previous section"),
            ("Cycle view (both, ja, en)", "cycle_view", "Change the languages shown"),
            ("Glossary", "glossary", "Open the glossary"),
            ("Search", "search", "Open the search line"),
            ("Back", "back", "Return to where you were"),
        ):
            commands.append((name, partial(app.run_reader_action, action), help_text))
        commands.append(("Help: keys", app.action_help, "List every key"))
        commands.append(("Quit", app.action_quit, "Leave genesis-tui"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
