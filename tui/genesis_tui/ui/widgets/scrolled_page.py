"""A page in a scroll view, as the reader uses it once it is laid out: its width (the reading
measure and margins), its glossary links walked, its lines brought into view, its text selected
and copied. ``PageView`` draws the page
and keeps its place; this part only reads the page it is given.
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection

from genesis_tui.pages.page import GAP, Page


class ScrolledPage(ScrollView, can_focus=False):
    """A laid-out ``Page`` in a scroll view: width, links, positions, selection and copying."""

    current_link: reactive[int | None] = reactive(None, init=False)

    @property
    def page(self) -> Page:
        """The page as it is laid out now (``PageView`` lays it out)."""
        raise NotImplementedError

    MARGIN = 1
    """Blank cells drawn left of the page, in the text's own style (a CSS padding would be
    drawn in another style, which costs an escape sequence on every line sent)."""

    GUTTER = 1
    """Blank cells between the page and the scrollbar, so the thumb never touches a word."""

    MEASURE = 84
    """The widest a column of prose is laid out (a reading measure): past it, the page is
    centred in the space rather than stretched across it."""

    _width_hint = 0
    """The width expected before the first layout (see ``expect_width``)."""

    def columns(self) -> int:
        """How many columns of prose the page sets side by side (each kind of page says)."""
        return 1

    @property
    def _available(self) -> int:
        width = self.scrollable_content_region.width or self._width_hint
        return max(8, width - self.MARGIN - self.GUTTER)

    @property
    def page_width(self) -> int:
        """The width the page is laid out at: the room there is, up to the reading measure."""
        columns = self.columns()
        return min(self._available, columns * self.MEASURE + (columns - 1) * GAP)

    @property
    def left_margin(self) -> int:
        """Blank cells left of the page: the margin, and half of any room past the measure."""
        return self.MARGIN + (self._available - self.page_width) // 2

    # ------------------------------------------------------------------ selection and copying
    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text selected with the mouse, as the page's lines hold it."""
        return selection.extract("\n".join(line.rstrip() for line in self.page.text())), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def copy_text(self) -> str | None:
        """What ``y`` copies: the current link's address, else the block at the top."""
        page = self.page
        if self.current_link is not None and (url := page.link_url(self.current_link)):
            return url
        block = page.first_block_from(round(self.scroll_offset.y))
        return None if block is None else self.block_text(block)

    def block_text(self, block: str) -> str:
        """A block's text as the page shows it, each web address whole."""
        return self.page.block_text(block)

    # ------------------------------------------------------------------ links
    def step_link(self, step: int) -> bool:
        """Make the next (1) or previous (-1) link current and scroll to it; False if none.

        With no link chosen, the first is the first link on screen (or, going back, the last
        one): the reader starts from what they see, never from the top of the page."""
        links = self.page.links
        if not links:
            return False
        if self.current_link is None:
            index = self._first_link_from_view(step)
        else:
            index = (self.current_link + step) % len(links)
        self.current_link = index
        self.scroll_to_line(links[index].line)
        return True

    def _first_link_from_view(self, step: int) -> int:
        """The first link on screen (step 1) or the last (step -1); when none is on screen,
        the next one below it (or above it)."""
        links = self.page.links
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        if step > 0:
            below = [i for i, link in enumerate(links) if link.line >= top]
            return below[0] if below else 0
        above = [i for i, link in enumerate(links) if link.line < bottom]
        return above[-1] if above else len(links) - 1

    def link_visible(self, index: int) -> bool:
        """True when link ``index`` starts on a line shown now."""
        links = self.page.links
        if not 0 <= index < len(links):
            return False
        top = round(self.scroll_y)
        return top <= links[index].line < top + self.scrollable_content_region.height

    @property
    def current_term(self) -> str | None:
        """The glossary term of the current link, if a link is current and on screen."""
        if self.current_link is None or not self.link_visible(self.current_link):
            return None
        return self.page.links[self.current_link].term_id

    # ------------------------------------------------------------------ positions
    def scroll_to_line(self, line: int, *, top: bool = False) -> None:
        """Bring a page line into view: at the top, or a third of the way down if it is not
        visible already."""
        height = self.scrollable_content_region.height
        y = round(self.scroll_offset.y)
        if top:
            self.scroll_to(y=line, animate=False)
        elif not y <= line < y + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False)

    @property
    def percent_shown(self) -> int:
        """How far through the page the bottom line shown is, in percent."""
        height = self.scrollable_content_region.height
        if not height:
            return 0  # not laid out yet (and a page laid out at no width is costly)
        total = len(self.page.lines)
        bottom = round(self.scroll_y) + height
        return 100 if not total else min(100, round(100 * bottom / total))

    def visible_text(self) -> list[str]:
        """The lines on screen now, as plain text."""
        y = round(self.scroll_offset.y)
        return self.page.text()[y : y + self.scrollable_content_region.height]
