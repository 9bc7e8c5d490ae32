"""One section of the article, laid out once and kept: key points, then its blocks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from genesis_tui.export import KEY_POINTS_LABEL, NOTE_LABEL, SINCE_LABEL
from genesis_tui.loader import Content as ArticleContent
from genesis_tui.model import Block, Section
from genesis_tui.widgets.block_text import BlockText

Lang = Literal["ja", "en"]

# Neither is East Asian Ambiguous, so both have the same width in every terminal.
BULLET = {"ja": "・", "en": "- "}
LANGS: tuple[Lang, ...] = ("ja", "en")


class PairRow(Horizontal):
    """Two widgets, Japanese then English: side by side when wide, stacked when narrow."""


class BlockRow(Vertical):
    """A block in both languages, its tops aligned, then its notes, also aligned."""

    def __init__(self, content: ArticleContent, block: Block) -> None:
        super().__init__(id=f"block-{block.id}", classes=f"-{block.kind}")
        self.block = block
        self._content = content

    def compose(self) -> ComposeResult:
        block = self.block
        bullet = block.kind == "list_item"
        with PairRow(classes="texts"):
            for lang in LANGS:
                yield BlockText(
                    getattr(block, lang),
                    self._content.spans[(block.id, lang)],
                    bullet=BULLET[lang] if bullet else "",
                    classes=f"-{lang} -{block.kind}",
                )
        if block.note is not None:
            with PairRow(classes="notes"):
                for lang in LANGS:
                    note = f"{NOTE_LABEL[lang]}: {block.note.get(lang)}"
                    yield BlockText(note, classes=f"-{lang} -note")
        if block.since is not None:
            with PairRow(classes="notes"):
                for lang in LANGS:
                    text = getattr(block.since, lang)
                    since = f"{SINCE_LABEL[lang]}: {text} ({block.since.source})"
                    yield BlockText(since, classes=f"-{lang} -since")

    def text(self, lang: Lang) -> BlockText:
        """The widget that shows the block's text in ``lang``."""
        return self.query_one(f"PairRow.texts > BlockText.-{lang}", BlockText)


class KeyPoints(Vertical):
    """A section's key points, compact, in both languages."""

    def __init__(self, section: Section) -> None:
        super().__init__(classes="key-points")
        self.section = section

    def compose(self) -> ComposeResult:
        for lang in LANGS:
            with Vertical(classes=f"-{lang}"):
                yield Static(Content(KEY_POINTS_LABEL[lang]), classes="key-points-title")
                for point in self.section.key_points:
                    yield BlockText(point.get(lang), bullet=BULLET[lang])


class SectionView(VerticalScroll):
    """A section's key points and blocks, scrolling as one."""

    # The screen owns the scrolling keys, so focus never moves (moving it restyles the tree).
    can_focus = False

    def __init__(self, content: ArticleContent, section: Section) -> None:
        super().__init__(id=f"section-{section.id}", classes="section-view")
        self.section = section
        self._content = content

    def compose(self) -> ComposeResult:
        if self.section.key_points:
            yield KeyPoints(self.section)
        for block in self.section.blocks:
            yield BlockRow(self._content, block)

    def rows(self) -> Iterator[BlockRow]:
        """The section's block rows, in reading order."""
        yield from self.query(BlockRow)

    def row(self, block_id: str) -> BlockRow:
        """The row of the block with this id."""
        return self.query_one(f"#block-{block_id}", BlockRow)
