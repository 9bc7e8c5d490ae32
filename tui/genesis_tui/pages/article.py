"""A section of the article as a page: key points, then each block with its notes.

In ``both``, Japanese and English stand side by side (the tops of a block's two sides aligned),
or one after the other where the terminal is narrow. Pages are cached per section, view and
width: a section switch or a scroll re-uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from genesis_tui.i18n import Catalogue
from genesis_tui.links import site_name
from genesis_tui.loader import Content
from genesis_tui.model import Block, Lang, View
from genesis_tui.pages.page import (
    BAR,
    BULLET,
    GAP,
    Column,
    Page,
    PageBuilder,
    Role,
    Row,
    side_by_side,
    with_url,
)


class _SectionBuilder(PageBuilder):
    """A section's page: each thing said in every language shown, side by side or not."""

    def __init__(self, content: Content, langs: tuple[Lang, ...], side: bool, width: int):
        super().__init__(width)
        self.content = content
        self.langs = langs
        self.side_by_side = side and len(langs) == 2

    def columns(self) -> list[Column]:
        """One column, or two side by side."""
        if not self.side_by_side:
            return [Column(self.width)]
        left = (self.width - GAP) // 2
        return [Column(left), Column(self.width - GAP - left)]

    def column_rows(self, columns: list[Column]) -> list[Row]:
        """The columns' rows: as they are, or side by side."""
        if len(columns) == 1:
            return columns[0].rows
        return side_by_side(*columns)

    def group(
        self,
        parts: Sequence[tuple[Lang, str, Role]],
        block: Block | None = None,
        *,
        url: str | None = None,
    ) -> None:
        """Lines for one thing said in each language shown; ``url``'s label, where the text
        ends with it, stands for the URL."""
        columns = self.columns()
        for index, (lang, text, role) in enumerate(parts):
            column = columns[index] if self.side_by_side else columns[0]
            if not self.side_by_side and index:
                column.blank()
            if block is not None and role in ("text", "heading"):
                spans = self.content.spans[(block.id, lang)]
                links = self.links_for(spans, block.id, lang)
                bullet = BULLET[lang] if block.kind == "list_item" else ""
                column.add_text(text, role, bullet=bullet, block=block.id, lang=lang, links=links)
            else:
                bullet_role: Role = "bar" if role in ("note", "since") else "bullet"
                bullet = BAR if role in ("note", "since") else ""
                first = len(column.rows)
                column.add_text(text, role, bullet=bullet, bullet_role=bullet_role, lang=lang)
                label = site_name(url) if url else ""
                if url and label and text.endswith(f"({label})"):
                    start = len(text) - len(label) - 1
                    column.rows[first:] = with_url(
                        column.rows[first:], start, start + len(label), url
                    )
        self.add(self.column_rows(columns), block.id if block else None)


@lru_cache(maxsize=256)
def section_page(
    content: Content,
    section_id: str,
    view: View,
    side_by_side: bool,
    width: int,
    summary_lang: Lang = "en",
) -> Page:
    """A section's lines at ``width`` cells in ``view``; with ``side_by_side``, ``both`` shows
    Japanese and English in two columns.

    The key points come first, kept short: side by side in both languages, but one after the
    other they would fill the first screen, so there they are in ``summary_lang`` only (the
    interface's language; ``v`` shows the other)."""
    section = content.section(section_id)
    langs: tuple[Lang, ...] = ("ja", "en") if view == "both" else (view,)
    page = _SectionBuilder(content, langs, side_by_side, max(8, width))
    if section.key_points:
        columns = page.columns()
        summary_langs = langs if page.side_by_side or len(langs) == 1 else (summary_lang,)
        for index, lang in enumerate(summary_langs):
            column = columns[index] if page.side_by_side else columns[0]
            if not page.side_by_side and index:
                column.blank()
            column.add_text(Catalogue(lang)("page.key_points"), "title")
            for point in section.key_points:
                column.add_text(point.get(lang), "text", bullet=BULLET[lang])
        page.add(page.column_rows(columns))
        page.blank()
    for block in section.blocks:
        page.block_lines[block.id] = len(page.lines)
        role: Role = "heading" if block.kind == "heading" else "text"
        page.group([(lang, getattr(block, lang), role) for lang in langs], block)
        if block.note is not None:
            page.blank(block.id)
            note = block.note
            page.group([(lg, note_text(lg, note.get(lg)), "note") for lg in langs])
        if block.since is not None:
            page.blank(block.id)
            since = block.since
            page.group(
                [(lg, since_text(lg, getattr(since, lg), since.source), "since") for lg in langs],
                url=since.source,
            )
        page.blank()
    return page.build()


def note_text(lang: Lang, note: str) -> str:
    """A translator's note with its label, in the note's language."""
    return f"{Catalogue(lang)('page.note')}: {note}"


def since_text(lang: Lang, text: str, source: str) -> str:
    """A since-publication note with its label and its source's site, in the note's language
    (on screen the site's name stands for the whole URL, a terminal hyperlink)."""
    return f"{Catalogue(lang)('page.since')}: {text} ({site_name(source)})"
