"""Help: every key, from one table."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from genesis_tui.i18n import catalogue_of
from genesis_tui.typesetting import cells, line_spans

KEYS: tuple[tuple[str, str], ...] = (
    ("1-9", "help.section"),
    ("] / [", "help.next_previous_section"),
    ("v", "help.view"),
    ("r", "help.readings"),
    ("s", "help.toggle_sections"),
    ("tab / shift+tab", "help.links"),
    ("enter", "help.open"),
    ("g", "help.glossary"),
    ("t", "help.timeline"),
    ("w", "help.whos_who"),
    ("a", "help.about"),
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
    ("ctrl+c", "help.ctrl_c"),
    ("ctrl+z", "help.suspend"),
)
"""The key contract, shown by help (descriptions from the catalogue) and listed in the README."""


def help_lines(rows: list[tuple[str, str]], width: int) -> list[str]:
    """The key table at ``width`` cells: keys in a column, each description wrapped beside
    them under a hanging indent; where the keys' column would leave the descriptions less
    than half the width, each description goes under its keys instead. Nothing is cut."""
    keys_width = max(cells(keys) for keys, _ in rows)
    beside = keys_width + 2 <= width // 2
    lines: list[str] = []
    for keys, what in rows:
        indent = keys_width + 2 if beside else 2
        room = max(8, width - indent)
        spans = line_spans(what, room)
        if beside:
            first = f"{keys}{' ' * (keys_width - cells(keys))}  "
        else:
            for start, end in line_spans(keys, max(8, width)):
                lines.append(keys[start:end])
            first = " " * indent
        for number, (start, end) in enumerate(spans):
            lines.append((first if number == 0 else " " * indent) + what[start:end])
    return lines


class HelpScreen(ModalScreen[None]):
    """Every key of the reader, wrapped to the terminal's width; it scrolls with the reader's
    keys when it is taller than the terminal."""

    # A modal screen keeps the app's bindings from its keys: the keys that work everywhere are
    # repeated here (q quits, never merely closes).
    BINDINGS = [
        Binding("escape,question_mark,backspace", "close", "Close", id="help-close"),
        Binding("q", "app.quit", "Quit", id="quit"),
        Binding("g", "app.reader('glossary')", "Glossary", show=False, id="glossary"),
        Binding("t", "app.reader('timeline')", "Timeline", show=False, id="timeline"),
        Binding("w", "app.reader('whos_who')", "Who's who", show=False, id="whos-who"),
        Binding("a", "app.about", "About", show=False, id="about"),
        Binding("slash", "app.reader('search')", "Search", show=False, id="search"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help-scroll-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help-scroll-up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="help-page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="help-page-up"),
        Binding("home", "edge(0)", "Top", show=False, id="help-top"),
        Binding("end", "edge(1)", "Bottom", show=False, id="help-bottom"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ui = catalogue_of(self.app)
        self.ui.localize_bindings(self._bindings)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every row of the table."""
        ui = self.ui
        rows = [(keys, ui(what)) for keys, what in KEYS]
        content = getattr(self.app, "content", None)
        if content is not None:  # as many section keys as there are sections
            count = min(9, len(content.article.sections))
            rows = [(f"1-{count}" if keys == "1-9" else keys, what) for keys, what in rows]
        rows.append((ui("help.in_glossary_keys"), ui("help.in_glossary")))
        return rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content(self.ui("help.title")), id="help-title")
            yield Static(id="help-keys")
            yield Static(Content(self.ui("help.hint")), id="help-hint")

    def on_mount(self) -> None:
        self._lay_out(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        # The box takes up to 90% of the width; its border and padding take 6 cells (4 when
        # narrow, where the padding shrinks), and a scrollbar may take 1 more.
        body = self.query_one("#help-body")
        narrow = width < 60
        body.styles.padding = (0, 1) if narrow else (1, 2)
        room = max(10, width * 9 // 10 - (4 if narrow else 6) - 2)
        text = "\n".join(help_lines(self.rows(), room))
        self.query_one("#help-keys", Static).update(Content(text))

    @property
    def body(self) -> VerticalScroll:
        """The scrolling box."""
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        """Scroll by ``lines``."""
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll by pages."""
        body = self.body
        page = max(1, body.scrollable_content_region.height - 1)
        body.scroll_relative(y=pages * page, animate=False)

    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or the bottom (1)."""
        if end:
            self.body.scroll_end(animate=False)
        else:
            self.body.scroll_home(animate=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
