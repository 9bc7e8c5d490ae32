"""Help: every key, from one table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from genesis_tui.i18n import catalogue_of
from genesis_tui.typesetting import cells

KEYS: tuple[tuple[str, str], ...] = (
    ("1-9", "help.section"),
    ("] / [", "help.next_previous_section"),
    ("v", "help.view"),
    ("tab / shift+tab", "help.links"),
    ("enter", "help.open"),
    ("g", "help.glossary"),
    ("t", "help.timeline"),
    ("w", "help.whos_who"),
    ("/", "help.search"),
    ("n / N", "help.search_step"),
    ("escape / backspace", "help.back"),
    ("j k up down", "help.scroll_line"),
    ("space pgup pgdn", "help.scroll_page"),
    ("home / end", "help.top_bottom"),
    ("y", "help.copy"),
    ("ctrl+p", "help.palette"),
    ("?", "help.help"),
    ("q / ctrl+q", "help.quit"),
)
"""The key contract, shown by help (descriptions from the catalogue) and listed in the README."""


class HelpScreen(ModalScreen[None]):
    """Every key of the reader."""

    BINDINGS = [Binding("escape,question_mark,q,backspace", "close", "Close", id="help-close")]

    def __init__(self) -> None:
        super().__init__()
        self.ui = catalogue_of(self.app)
        self.ui.localize_bindings(self._bindings)

    def compose(self) -> ComposeResult:
        ui = self.ui
        rows = [(keys, ui(what)) for keys, what in KEYS]
        rows.append((ui("help.in_glossary_keys"), ui("help.in_glossary")))
        width = max(cells(keys) for keys, _ in rows)
        lines = [f"{keys}{' ' * (width - cells(keys))}  {what}" for keys, what in rows]
        with VerticalScroll(id="help-body"):
            yield Static(Content(ui("help.title")), id="help-title")
            yield Static(Content("\n".join(lines)), id="help-keys")
            yield Static(Content(ui("help.hint")), id="help-hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
