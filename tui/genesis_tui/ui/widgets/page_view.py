"""Pages drawn line by line from a ``Page``: the reading area, the timeline, who's who.

One widget for a whole page, however long: it draws only the lines on screen, from a page laid
out once per width (``genesis_tui.pages``). A section switch swaps the page and repaints;
nothing is mounted or removed.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from genesis_tui.content.places import Marks, Place
from genesis_tui.pages.page import Line, Page
from genesis_tui.ui.widgets.drawing import WordMark, line_segments
from genesis_tui.ui.widgets.scrolled_page import ScrolledPage
from genesis_tui.ui.widgets.selected import with_selection


class PageView(ScrolledPage, can_focus=False):
    """A ``Page`` drawn line by line, with glossary links, search marks and a highlight; its
    reading position kept through every new layout."""

    COMPONENT_CLASSES = {
        "page-view--heading",
        "page-view--title",
        "page-view--note",
        "page-view--since",
        "page-view--bar",
        "page-view--bullet",
        "page-view--url",
        "page-view--link",
        "page-view--current",
        "page-view--mark",
        "page-view--highlight",
        "page-view--ruby",
        "page-view--word",
        "page-view--sentence",
        "page-view--hidden",
    }

    DEFAULT_CSS = """
    PageView { scrollbar-gutter: stable; }
    PageView > .page-view--heading { text-style: bold; }
    PageView > .page-view--title { text-style: bold; }
    PageView > .page-view--note { text-style: italic; }
    PageView > .page-view--since { text-style: italic; }
    PageView > .page-view--link { text-style: underline; }
    PageView > .page-view--url { text-style: underline; }
    PageView > .page-view--current { text-style: reverse bold underline; }
    PageView > .page-view--mark { text-style: reverse; }
    PageView > .page-view--highlight { text-style: bold; }
    PageView > .page-view--ruby { color: $text-muted; }
    PageView > .page-view--sentence { text-style: bold; background: $accent 25%; }
    PageView > .page-view--hidden { background: $foreground 12%; }
    """

    highlighted_block: reactive[str | None] = reactive(None, init=False)

    class LinkClicked(Message):
        """A glossary link was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        self._style_cache: dict[str, Style] = {}
        self._strips: dict[Hashable, Strip] = {}
        """Lines drawn, by what they were drawn from (``render_line``)."""
        super().__init__(id=id)
        self.marks: Marks = {}
        """Search matches to show: (start, end) offsets per (block id, language)."""
        self.place: Place | None = None
        """The reading position: the place in the text at the top line. It follows the
        reader's scrolling, and every new layout (a resize, another view) puts it back on top."""
        self._anchor_key: Hashable = None
        """The layout the anchor was last placed in: scrolling in another (a layout being
        replaced) leaves the anchor alone."""
        self._placing = False
        self._page: tuple[Hashable, Page] | None = None
        self.new_words: Marks | None = None  # the learner's, when marked (``ArticleView``)
        self.word: WordMark | None = None
        """The word under the word cursor (``set_word``), drawn reversed and underlined."""
        self.sentence: Marks = {}
        """The current sentence in each language (``set_sentence``), drawn bold on a tint."""
        self.hidden: Marks = {}
        """English not yet revealed (``set_sentence``): drawn blank, the layout unchanged."""

    def page_key(self) -> Hashable:
        """What the page depends on (each subclass says), the width among it."""
        raise NotImplementedError

    def build_page(self) -> Page:
        """The page at the current width (each subclass lays out its own)."""
        raise NotImplementedError

    @property
    def page(self) -> Page:
        """The page as it is laid out now (made again only when ``page_key`` changes)."""
        key = self.page_key()
        if self._page is None or self._page[0] != key:
            self._page = (key, self.build_page())
        return self._page[1]

    def expect_width(self, width: int) -> None:
        """Size the page for ``width`` before the first layout. When the guess is right, the
        first paint is the only one; when wrong, the resize that follows corrects it."""
        self._width_hint = width
        self._update_size()

    def _update_size(self) -> None:
        width = self.scrollable_content_region.width or self._width_hint
        if width <= 0:  # not laid out yet: on_resize will come (a page 8 cells wide is costly)
            return
        size = Size(width, len(self.page.lines))
        if size != self.virtual_size:
            # Not through the reactive, which lays the whole screen out: the page's region stays
            # (its scrollbar gutter is always there); the scrollbar and the lines are repainted.
            self.set_reactive(PageView.virtual_size, size)
            self._scroll_update(size)

    def on_resize(self) -> None:
        self._style_cache.clear()
        self.keep_place()

    def _changed(self) -> None:
        self.current_link = None
        self.keep_place()
        self.refresh()

    def keep_place(self) -> None:
        """Lay the page out for the current state and bring the anchor back to the top line."""
        if not (self.scrollable_content_region.width or self._width_hint):
            return  # not laid out yet: on_resize will come (a page 8 cells wide is costly)
        self._update_size()
        page = self.page
        self._placing = True
        try:
            self.scroll_to(y=page.line_of(self.place), animate=False)
        finally:
            self._placing = False
        if self.place is None:
            self.place = page.anchor_at(round(self.scroll_y))
        self._anchor_key = self.page_key()

    def go_to(self, anchor: Place | None) -> None:
        """Show ``anchor`` (None: the top of the page) at the top line."""
        self.place = anchor
        self.keep_place()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if not self._placing and self._anchor_key == self.page_key():
            self.place = self.page.anchor_at(round(new))
        # What enter opens is always on screen: a link scrolled away is no longer chosen.
        if self.current_link is not None and not self.link_visible(self.current_link):
            self.current_link = None

    def watch_current_link(self, old: int | None, new: int | None) -> None:
        links = self.page.links
        for index in (old, new):
            if index is not None and index < len(links):
                self._refresh_page_line(links[index].line)

    def watch_highlighted_block(self) -> None:
        self.refresh()

    def set_marks(self, marks: Marks) -> None:
        """Show these search matches (and no others)."""
        self.marks = marks
        self._strips.clear()
        self.refresh()

    def set_sentence(self, sentence: Marks, hidden: Marks) -> None:
        """Mark the current sentence and hide the English in ``hidden`` (and nothing else)."""
        if (sentence, hidden) != (self.sentence, self.hidden):
            self.sentence, self.hidden = sentence, hidden
            self._strips.clear()
            self.refresh()

    def set_word(self, word: WordMark | None, lines: tuple[int, ...] = ()) -> None:
        """Mark the word cursor's word (None: none); repaint ``lines`` (the old and the new
        word's first lines, each with the next), or without them the whole view."""
        self.word = word
        if not lines:
            self.refresh()
        for line in lines:
            self._refresh_page_line(line)

    def _refresh_page_line(self, line: int) -> None:
        # A link may wrap onto the next line: repaint both.
        self.refresh_lines(line - round(self.scroll_offset.y), 2)

    # ------------------------------------------------------------------ drawing
    def _style(self, name: str) -> Style:
        """A component's style to lay over the text: its colour resolved against the page's
        background (``auto`` and translucent colours need the full style, not the partial one,
        or a muted note comes out white on a light theme), its background only if it sets one."""
        style = self._style_cache.get(name)
        if style is None:
            component = f"page-view--{name}"
            full = self.get_component_rich_style(component)
            partial = self.get_component_rich_style(component, partial=True)
            style = Style(
                color=full.color,
                bgcolor=full.bgcolor if partial.bgcolor is not None else None,
                bold=partial.bold,
                italic=partial.italic,
                underline=partial.underline,
                reverse=partial.reverse,
            )
            self._style_cache[name] = style
        return style

    def notify_style_update(self) -> None:
        """The theme or the stylesheet changed: styles are looked up again."""
        super().notify_style_update()
        self._style_cache.clear()
        self._strips.clear()

    def on_mount(self) -> None:
        self.keep_place()

    def _base_style(self) -> Style:
        """The page's own style, kept until the styles change (Textual computes it anew)."""
        style = self._style_cache.get("")
        if style is None:
            style = self._style_cache[""] = self.rich_style
        return style

    def render_line(self, y: int) -> Strip:
        number = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        lines = self.page.lines
        if not 0 <= number < len(lines):
            return Strip.blank(width, self._base_style())
        selection = self.text_selection
        span = selection.get_span(number) if selection is not None else None
        line = lines[number]
        current, word = self.current_link, self.word
        # A line drawn before is drawn again from the same strip (a section switched back to,
        # a page scrolled back): it depends on the line, where it stands and what marks it.
        key = (
            line,
            number,
            width,
            self.left_margin,
            line.block is not None and line.block == self.highlighted_block,
            current if any(piece.link == current for piece in line.pieces) else None,
            word if word is not None and any(p.source == word[0] for p in line.pieces) else None,
        )
        strip = self._strips.get(key) if span is None else None
        if strip is None:
            strip = self._draw_line(line, number, width, key[4], span)
            if span is None:
                if len(self._strips) > 4096:
                    self._strips.clear()
                self._strips[key] = strip
        return strip

    def _draw_line(
        self, line: Line, number: int, width: int, highlighted: bool, span: tuple[int, int] | None
    ) -> Strip:
        base = plain = self._base_style()
        if highlighted:
            base = base + self._style("highlight")
        marks = (self.marks, self.word, self.sentence, self.hidden, self.new_words)
        text = Strip(line_segments(line, base, self._style, self.current_link, *marks))
        if span is not None:
            text = with_selection(
                text, span, self.screen.get_component_rich_style("screen--selection")
            )
        # Offsets let Textual's mouse selection find the text under the pointer.
        text = text.apply_offsets(0, number)
        margin = Segment(" " * self.left_margin, plain)
        return Strip([margin, *text]).extend_cell_length(width, base).crop(0, width)

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("link")
        if isinstance(index, int):
            event.stop()
            self.post_message(self.LinkClicked(index))
