"""A section of the article as a page: key points, then each block with its notes.

In ``both``, Japanese and English stand side by side (the tops of a block's two sides aligned),
or one after the other where the terminal is narrow. Pages are cached per section, view and
width: a section switch or a scroll re-uses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from genesis_tui.content.citations import bracketed, listed
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Block, Citation, Lang, View, view_langs
from genesis_tui.i18n.catalogue import Catalogue, note_label
from genesis_tui.pages.builder import Column, PageBuilder, Row, side_by_side, with_url
from genesis_tui.pages.page import BAR, BULLET, GAP, Page, Role
from genesis_tui.pages.study import NO_HIDDEN_READINGS, HiddenReadings, kept_readings
from genesis_tui.text.ruby import RubySpan

Part = tuple[Lang, str, Role, tuple[RubySpan, ...]]
"""One language's text of a thing said: its language, text, role and readings."""


class _SectionBuilder(PageBuilder):
    """A section's page: each thing said in every language shown, side by side or not."""

    def __init__(
        self,
        content: Edition,
        langs: tuple[Lang, ...],
        side: bool,
        width: int,
        ruby: bool,
        hidden: HiddenReadings = NO_HIDDEN_READINGS,
    ) -> None:
        super().__init__(width)
        self.content = content
        self.langs = langs
        self.side_by_side = side and len(langs) == 2
        self.ruby = ruby and bool(content.ruby)
        """Readings above the Japanese."""
        self.hidden = hidden
        """The readings left out (over words the learner knows)."""

    def readings(self, lang: Lang, text: str, prefix: str = "") -> tuple[RubySpan, ...]:
        """The readings of ``text`` (shown after ``prefix``), if readings are shown."""
        if not self.ruby or lang != "ja":
            return ()
        shift = len(prefix)
        spans = self.content.ruby.spans(text)
        if self.hidden:
            spans = kept_readings(text, spans, self.content.lexicon.words_of(text), self.hidden)
        return tuple((s + shift, e + shift, r) for s, e, r in spans)

    def note(
        self, role: Role, lang: Lang, text: str, citations: Sequence[Citation] = ()
    ) -> tuple[Part, list[tuple[int, int, str]]]:
        """A note with its label (and its sources, for a since-publication note), with where
        each source's site name stands in it and the URL it links to."""
        label = note_label(role, lang)
        if not citations:
            return (lang, label + text, role, self.readings(lang, text, label)), []
        # On screen a source is its site's name, a terminal hyperlink to the whole URL.
        listed_text, links = listed(citations, lang)
        shown = label + text + bracketed(listed_text, lang)
        start = len(label) + len(text) + len(bracketed("", lang)) - 1
        urls = [(lo + start, hi + start, url) for lo, hi, url in links]
        return (lang, shown, role, self.readings(lang, text, label)), urls

    def columns(self) -> list[Column]:
        """One column, or two side by side."""
        matcher = self.content.matcher
        if not self.side_by_side:
            return [Column(self.width, matcher)]
        left = (self.width - GAP) // 2
        return [Column(left, matcher), Column(self.width - GAP - left, matcher)]

    def column_rows(self, columns: list[Column]) -> list[Row]:
        """The columns' rows: as they are, or side by side."""
        if len(columns) == 1:
            return columns[0].rows
        return side_by_side(*columns)

    def group(
        self,
        parts: Sequence[Part],
        block: Block | None = None,
        *,
        urls: Sequence[Sequence[tuple[int, int, str]]] = (),
    ) -> None:
        """Lines for one thing said in each language shown (with its readings, if any);
        ``urls[n]`` gives, for part n, the (start, end) of each label that stands for a URL."""
        columns = self.columns()
        for index, (lang, text, role, ruby) in enumerate(parts):
            column = columns[index] if self.side_by_side else columns[0]
            if not self.side_by_side and index:
                column.blank()
            if block is not None and role in ("text", "heading"):
                spans = self.content.spans[(block.id, lang)]
                links = self.links_for(spans, block.id, lang)
                bullet = BULLET[lang] if block.kind == "list_item" else ""
                column.add_text(
                    text, role, bullet=bullet, block=block.id, lang=lang, links=links, ruby=ruby
                )
            else:
                # A note names its block (for the reading position, not for search marks).
                bullet_role: Role = "bar" if role in ("note", "since") else "bullet"
                bullet = BAR if role in ("note", "since") else ""
                first = len(column.rows)
                column.add_text(
                    text,
                    role,
                    bullet=bullet,
                    bullet_role=bullet_role,
                    block=block.id if block is not None else None,
                    lang=lang,
                    part=role if role in ("note", "since") else "",
                    ruby=ruby,
                )
                for start, end, url in urls[index] if index < len(urls) else ():
                    column.rows[first:] = with_url(column.rows[first:], start, end, url)
        # Notes are not highlighted with their block: the highlight shows the text jumped to.
        own_text = block is not None and parts[0][2] in ("text", "heading")
        self.add(self.column_rows(columns), block.id if block is not None and own_text else None)


@lru_cache(maxsize=256)
def section_page(
    content: Edition,
    section_id: str,
    view: View,
    side_by_side: bool,
    width: int,
    summary_lang: Lang = "en",
    ruby: bool = False,
    hidden: HiddenReadings = NO_HIDDEN_READINGS,
) -> Page:
    """A section's lines at ``width`` cells in ``view``; with ``side_by_side``, ``both`` shows
    Japanese and English in two columns.

    The key points come first, kept short: side by side in both languages, but one after the
    other they would fill the first screen, so there they are in ``summary_lang`` only (the
    interface's language; ``v`` shows the other). With ``ruby``, the Japanese has its
    readings above it, less the ``hidden`` ones (over words the learner knows)."""
    section = content.section(section_id)
    langs = view_langs(view)
    page = _SectionBuilder(content, langs, side_by_side, max(8, width), ruby, hidden)
    if section.key_points:
        columns = page.columns()
        summary_langs = langs if page.side_by_side or len(langs) == 1 else (summary_lang,)
        for index, lang in enumerate(summary_langs):
            column = columns[index] if page.side_by_side else columns[0]
            if not page.side_by_side and index:
                column.blank()
            column.add_text(Catalogue(lang)("page.key_points"), "title")
            for number, point in enumerate(section.key_points):
                text = point.get(lang)
                column.add_text(
                    text,
                    "text",
                    bullet=BULLET[lang],
                    lang=lang,
                    part=f"point{number}",
                    ruby=page.readings(lang, text),
                )
        page.add(page.column_rows(columns))
        page.blank()
    for block in section.blocks:
        page.block_lines[block.id] = len(page.lines)
        role: Role = "heading" if block.kind == "heading" else "text"
        page.group(
            [
                (lang, getattr(block, lang), role, page.readings(lang, getattr(block, lang)))
                for lang in langs
            ],
            block,
        )
        if block.note is not None:
            page.blank(block.id)
            page.group([page.note("note", lg, block.note.get(lg))[0] for lg in langs], block)
        if block.since is not None:
            page.blank(block.id)
            since = block.since
            notes = [page.note("since", lg, getattr(since, lg), since.citations) for lg in langs]
            page.group([part for part, _ in notes], block, urls=[urls for _, urls in notes])
        page.blank()
    return page.build()
