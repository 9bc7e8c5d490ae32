"""``--screen-reader``: the terminal's own cursor kept visible, on the line being read.

Textual hides the terminal's cursor for the whole session (Textualize/textual#2348, #2425), so a
braille display, a terminal screen reader (BRLTTY, speakup, Orca's terminal support) and a
screen magnifier have nothing to follow. In this mode:

- the cursor is shown (DECTCEM, ``CSI ?25h``) once the terminal is set up, and again after
  every return from ctrl+z (``driver.GenesisDriver``);
- before every frame it is put where the reader is (``cursor_place``): in a text field (the
  search line, the glossary's filter), where the next character typed goes; on the current
  link of a page, at the link's first cell; in a list, on the highlighted row; otherwise on
  the first text of the top line of the page being read (the first line with text, when the
  top one is a blank between blocks), which is where every scroll puts the place being read;
- one language at a time, in a single column (the section list hidden, ``v`` switching between
  Japanese and English), so that a line read aloud or on braille is one sentence's text and
  not two languages cut side by side;
- no box drawing: the ASCII style, with blank cells in place of borders
  (``screen_reader.tcss``).

What it cannot do: tell a screen reader anything the screen does not show (there is no
accessibility tree in a terminal); the README says more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Offset
from textual.widgets import Input, OptionList

from genesis_tui.text.typesetting import cells
from genesis_tui.ui.widgets.page_view import PageView
from genesis_tui.ui.widgets.word_panel import WordPanel

if TYPE_CHECKING:
    from textual.screen import Screen


def cursor_place(screen: Screen[object]) -> Offset | None:
    """Where the cursor belongs on ``screen``; None where nothing there is being read."""
    focused = screen.focused
    if isinstance(focused, Input):  # on the cell where the next character typed goes
        region = focused.content_region
        typed = cells(focused.value[: focused.cursor_position])
        return Offset(region.x + typed - round(focused.scroll_x), region.y)
    if isinstance(focused, OptionList) and focused.highlighted is not None:
        lines: dict[int, int] = getattr(focused, "_index_to_line", {})
        line = lines.get(focused.highlighted)
        if line is not None:
            region = focused.scrollable_content_region
            row = line - round(focused.scroll_y)
            if 0 <= row < region.height:
                return Offset(region.x, region.y + row)
    views = [view for view in screen.query(PageView) if view.display and view.region.height]
    if not views:
        return None if focused is None else Offset(*focused.region.offset)
    if isinstance(focused, WordPanel) and focused.words:  # on the word under the word cursor
        view, word = views[0], focused.word
        row = word.line - round(view.scroll_y)
        if 0 <= row < view.scrollable_content_region.height:
            region = view.scrollable_content_region
            return Offset(region.x + view.left_margin + word.x, region.y + row)
    return page_place(views[0])


def page_place(view: PageView) -> Offset:
    """The current link's first cell if it is on screen, else the top line's first text."""
    region = view.scrollable_content_region
    top = round(view.scroll_y)
    page = view.page
    link = view.current_link
    if link is not None and view.link_visible(link):
        number = page.links[link].line
        column = 0
        for piece in page.lines[number].pieces:
            if piece.link == link:
                break
            column += cells(piece.text)
        return Offset(region.x + view.left_margin + column, region.y + number - top)
    # The first line shown that has text: a blank line between blocks is nothing to read.
    shown = range(top, min(top + region.height, len(page.lines)))
    number = next((n for n in shown if page.lines[n].text.strip()), top)
    column = 0
    if 0 <= number < len(page.lines):
        text = page.lines[number].text
        column = cells(text) - cells(text.lstrip())
    return Offset(region.x + view.left_margin + column, region.y + number - top)
