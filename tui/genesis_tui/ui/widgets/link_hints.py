"""Link hints: a label of one or two letters on each link on screen, so that a link is reached
by typing its label (as in vimium, qutebrowser and w3m) rather than by 26 tabs.

Here the labels and where they stand; ``screens.hints`` draws them over the page and reads what
is typed.
"""

from __future__ import annotations

from typing import NamedTuple

from genesis_tui.text.typesetting import cells
from genesis_tui.ui.widgets.page_view import PageView

ALPHABET = "asdfghjklqwertyuiopzxcvbnm"
"""The letters of the labels, the home row first (where the fingers already are)."""


class Spot(NamedTuple):
    """A link's label and where it is drawn: over the link's first cells, on the screen."""

    label: str
    link: int
    """The link's index in ``Page.links``."""
    x: int
    y: int
    drawn: str = ""
    """The label as drawn: followed by a space where it would end inside a wide character."""


def hint_labels(count: int, alphabet: str = ALPHABET) -> list[str]:
    """``count`` labels, none the start of another, so that each is complete when typed: one
    letter each while the alphabet lasts, else two letters each (676 labels: more links than
    a screen holds)."""
    if count <= len(alphabet):
        return list(alphabet[:count])
    pairs = [first + second for first in alphabet for second in alphabet]
    return pairs[:count]


def covering(label: str, text: str) -> str:
    """``label`` as drawn over the start of ``text``: followed by spaces up to the end of the
    character its last cell falls on, so that it never covers half of a wide character (a
    one-letter label over ジ is "a ", both cells in the label's style)."""
    width, used = cells(label), 0
    for char in text:
        if used >= width:
            break
        used += cells(char)
    return label + " " * max(0, used - width)


def link_spots(view: PageView) -> list[Spot]:
    """Every link that starts on a line shown now, labelled in reading order, with the screen
    cell of its first character."""
    page = view.page
    top = round(view.scroll_y)
    height = view.scrollable_content_region.height
    shown = [index for index, link in enumerate(page.links) if top <= link.line < top + height]
    region = view.content_region
    spots: list[Spot] = []
    for label, index in zip(hint_labels(len(shown)), shown, strict=True):
        line = page.links[index].line
        pieces = page.lines[line].pieces
        first = next(n for n, piece in enumerate(pieces) if piece.link == index)
        column = sum(cells(piece.text) for piece in pieces[:first])
        drawn = covering(label, "".join(piece.text for piece in pieces[first:]))
        x, y = region.x + view.left_margin + column, region.y + line - top
        spots.append(Spot(label, index, x, y, drawn))
    return spots
