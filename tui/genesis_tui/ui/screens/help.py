"""Help: every key, from the key map."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from genesis_tui.text.typesetting import cells, line_spans
from genesis_tui.ui import keymap
from genesis_tui.ui.host import host_of
from genesis_tui.ui.keymap import localize_bindings
from genesis_tui.ui.widgets.key_bar import KeyBar


def help_lines(rows: list[tuple[str, str]], width: int) -> list[str]:
    """The key table at ``width`` cells: keys in a column, each description wrapped beside
    them under a hanging indent. A row whose keys would leave its description less than half
    the width has the description under its keys instead (all rows do, when the narrowest
    keys would). Nothing is cut."""
    fitting = [cells(keys) for keys, _ in rows if cells(keys) + 2 <= width // 2]
    keys_width = max(fitting, default=0)
    lines: list[str] = []
    for keys, what in rows:
        beside = bool(fitting) and cells(keys) <= keys_width
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
    BINDINGS = keymap.bindings("help")

    def __init__(self) -> None:
        super().__init__()
        self.ui = host_of(self.app).ui
        localize_bindings(self.ui, self._bindings)

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every row of the table."""
        ui = self.ui
        rows = [(keys, ui(what)) for keys, what in keymap.help_rows()]
        content = host_of(self.app).content
        if content is not None:  # as many section keys as there are sections
            count = min(9, len(content.article.sections))
            rows = [(f"1-{count}" if keys == "1-9" else keys, what) for keys, what in rows]
        return rows

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content(self.ui("help.title")), id="help-title")
            yield Static(id="help-keys")
            yield Static(Content(self.ui("help.hint")), id="help-hint")
        yield KeyBar()  # how to close help, on screen however far the table runs

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
