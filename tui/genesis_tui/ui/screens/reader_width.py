"""The reader at each terminal width: side by side or one column, the section list's titles,
numbers or nothing, and the reading area's width known before the first paint.

``Widths`` is a part the reader screen holds, with no state of its own (the reader's choice to
show or hide the section list, ``s``, is the screen's ``sections_shown``); it sees of the screen
only ``WidthsHost``.
"""

from __future__ import annotations

from typing import Any, Protocol

from textual.app import App
from textual.css.scalar import Unit

from genesis_tui.ui.host import host_of
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.section_list import SectionList

WIDE = 100
"""From this terminal width on, ``both`` shows Japanese and English side by side, and the
section list its titles in both languages."""
TITLES = 90
"""From this width on, the section list shows titles (in the interface's language); below it,
numbers alone, so the text keeps its room."""
NUMBERS = 52
"""Below this width the section list hides (``s`` shows it): the text needs the cells."""


class WidthsHost(Protocol):
    """What the widths use of the reader screen."""

    sections_shown: bool | None
    """The reader's choice to show or hide the section list; None: by the width."""

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
        """Set ``-narrow`` and ``-numbers`` for ``width``; whether it is narrow. Called from
        the screen's compose too, before its widgets are styled: set later, each class would
        restyle the whole screen again before the first paint."""
        host = self._host
        one_column = host_of(host.app).screen_reader  # one column, one language
        narrow = width < WIDE or one_column
        host.set_class(narrow, "-narrow")
        host.set_class(narrow and width < TITLES, "-numbers")
        return narrow

    def fit(self, width: int) -> None:
        """Lay the reader out for ``width`` cells (one column for a screen reader)."""
        host = self._host
        one_column = host_of(host.app).screen_reader
        narrow = self.classes(width)
        sections = host.query_one(SectionList)
        sections.set_mode("full" if not narrow else "titles" if width >= TITLES else "numbers")
        shown = width >= NUMBERS and not one_column
        shown = shown if host.sections_shown is None else host.sections_shown
        sections.display = shown
        host.article.side_by_side = not narrow

    def expect_width(self) -> None:
        """Tell the reading area its width, from the screen's and the section list's: the page
        is laid out once, before the first paint, instead of again when the first resize
        comes."""
        host = self._host
        section_list = host.query_one(SectionList)
        sections = section_list.styles.width
        scrollbar = host.article.styles.scrollbar_size_vertical
        if sections is not None and sections.unit == Unit.CELLS:
            used = int(sections.value) if section_list.display else 0
            host.article.expect_width(host.app.size.width - used - scrollbar)
