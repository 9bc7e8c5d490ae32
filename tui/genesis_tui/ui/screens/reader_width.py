"""The reader at each terminal width: side by side or one column, the row of section tabs shown
or not, and the reading area's width known before the first paint.

``Widths`` is a part the reader screen holds, with no state of its own (the reader's choice to
show or hide the section tabs, ``s``, is the screen's ``sections_shown``); it sees of the screen
only ``WidthsHost``.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App

from genesis_tui.ui.host import host_of
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.section_list import SectionList

WIDE = 100
"""From this terminal width on, ``both`` shows Japanese and English side by side."""
NUMBERS = 52
"""Below this width the section tabs hide (``s`` shows them): the page needs the rows."""


class WidthsHost(Protocol):
    """What the widths use of the reader screen."""

    sections_shown: bool | None
    """The reader's choice to show or hide the section tabs; None: by the width."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def article(self) -> ArticleView: ...

    def query_one(self, selector: type[SectionList]) -> SectionList: ...

    def set_class(self, add: bool, *class_names: str) -> Any: ...


class Widths:
    """The reader's layout at a width (see the module's docstring)."""

    def __init__(self, host: WidthsHost) -> None:
        self._host = host

    def classes(self, width: int) -> bool:
        """Set ``-narrow`` for ``width``; whether it is narrow. Called from the screen's compose
        too, before its widgets are styled: set later, the class would restyle the whole screen
        again before the first paint."""
        host = self._host
        one_column = host_of(host.app).screen_reader  # one column, one language
        narrow = width < WIDE or one_column
        host.set_class(narrow, "-narrow")
        return narrow

    def fit(self, width: int) -> None:
        """Lay the reader out for ``width`` cells (one column for a screen reader)."""
        host = self._host
        one_column = host_of(host.app).screen_reader
        narrow = self.classes(width)
        shown = width >= NUMBERS and not one_column
        shown = shown if host.sections_shown is None else host.sections_shown
        host.query_one(SectionList).display = shown
        host.article.side_by_side = not narrow

    def expect_width(self) -> None:
        """Tell the reading area its width (the screen's, less the scrollbar; the section tabs
        stand above it): the page is laid out once, before the first paint, instead of again
        when the first resize comes."""
        host = self._host
        scrollbar = host.article.styles.scrollbar_size_vertical
        host.article.expect_width(host.app.size.width - scrollbar)
