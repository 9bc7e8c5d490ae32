"""A naive two-pane reader, the section-switch baseline: on every switch it removes the
section's Statics and mounts new ones (what a first version of a reader typically does)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static

from genesis_tui.content.load import load_content
from genesis_tui.storage.paths import content_dir


class NaiveReader(App[None]):
    """Section list on the left, the section's blocks as Statics on the right."""

    CSS = "OptionList { width: 24; } Static { margin-bottom: 1; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        *((str(n), f"show({n - 1})", f"Section {n}") for n in range(1, 6)),
        ("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.article = load_content(content_dir()).article

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*(Content(s.title.en) for s in self.article.sections))
            yield VerticalScroll(id="text")
        yield Footer()

    async def on_mount(self) -> None:
        await self.action_show(0)

    async def action_show(self, index: int) -> None:
        text = self.query_one("#text", VerticalScroll)
        await text.remove_children()
        section = self.article.sections[index]
        await text.mount_all(Static(Content(f"{block.ja}\n{block.en}")) for block in section.blocks)


if __name__ == "__main__":
    NaiveReader().run()
