"""The reader's signposts: the header (the article's title in the view's language; under it the
section's number and title, the view, how far the section is read and how much of it the
learner knows), the section list's current section, and the footer's hints to the keys that
move on.

``Signposts`` is a part the reader screen holds, with no state of its own; it sees of the
screen only ``SignpostsHost``. The screen calls it when the section, the view or the scroll
change, and the learner's part when a word's status does.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from textual.css.query import DOMQuery
from textual.widget import Widget

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View, one_lang
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.text.typesetting import cells, shortened
from genesis_tui.ui.screens.base import shown_langs
from genesis_tui.ui.screens.study import Study
from genesis_tui.ui.widgets.key_bar import Hint
from genesis_tui.ui.widgets.page_kinds import ArticleView
from genesis_tui.ui.widgets.search_bar import SearchBar
from genesis_tui.ui.widgets.section_list import SectionList
from genesis_tui.ui.widgets.title_bar import TitleBar

W = TypeVar("W", bound=Widget)


class SignpostsHost(Protocol):
    """What the signposts use of the reader screen."""

    content: Edition
    ui: Catalogue
    section_id: str
    view: View
    title: str | None
    sub_title: str | None

    @property
    def is_mounted(self) -> bool: ...

    @property
    def article(self) -> ArticleView: ...

    @property
    def search_bar(self) -> SearchBar: ...

    @property
    def can_go_back(self) -> bool: ...

    def query_one(self, selector: type[W]) -> W: ...

    def query(self, selector: type[W]) -> DOMQuery[W]: ...


class Signposts:
    """Where the reader is, and the keys to move on (see the module's docstring)."""

    def __init__(self, host: SignpostsHost, study: Study) -> None:
        self._host = host
        self._study = study
        """The learner's statuses, for the header's count."""

    def section_shown(self) -> None:
        """The section list and the header brought up to the section and view shown."""
        host = self._host
        content, ui = host.content, host.ui
        sections = content.article.sections
        index = next(i for i, s in enumerate(sections) if s.id == host.section_id)
        section_list = host.query_one(SectionList)
        section_list.highlighted = index
        section_list.set_view_langs(shown_langs(host.view, ui.lang))
        # Titles in the languages shown: in one language's view, nothing of the other.
        title = content.article.title.get(one_lang(host.view, ui.lang))
        if title != host.title or not host.is_mounted:
            host.title = title
            host.sub_title = self.sub_title()
        else:
            self.update()  # the header's title in place, without a layout

    def update(self) -> None:
        """The sub-title brought up to date (its percentage changes with every scroll)."""
        self._host.query_one(TitleBar).show_sub_title(self.sub_title())

    def sub_title(self) -> str:
        """The section (number and title), the percentage read, the view, and the learner's
        count once they have marked a word: as many of them as fit the header whole, the least
        needed left out first (the count, then the view; then the section's title is
        shortened), so that no number is ever cut."""
        host = self._host
        content, ui = host.content, host.ui
        section = content.section(host.section_id)
        ids = [s.id for s in content.article.sections]
        title = " / ".join(section.title.get(lang) for lang in shown_langs(host.view, "en"))
        fields = {
            "number": ids.index(host.section_id) + 1,
            "total": len(ids),
            "view": ui(f"view.{host.view}"),
            "percent": host.article.percent_shown,
        }
        text = ui("reader.subtitle", title=title, **fields)
        shorter = [text]
        progress = self._study.progress(content, section)
        if progress is not None:
            known = ui(
                "reader.known",
                known=progress.known,
                total=progress.total,
                percent=progress.shown_percent,
            )
            shorter.insert(0, f"{text} | {known}")
        shorter.append(ui("reader.subtitle_short", title=title, **fields))
        room = host.query_one(TitleBar).room()
        for candidate in shorter:
            if cells(candidate) <= room:
                return candidate
        fixed = cells(ui("reader.subtitle_short", title="", **fields))
        return ui("reader.subtitle_short", title=shortened(title, max(4, room - fixed)), **fields)

    def hints(self) -> list[Hint]:
        """Links, sections, matches and back, for wide footers (none while a search is typed: the
        keys go into the search line then); in the word cursor, the status keys (the digits
        are no section keys there)."""
        from genesis_tui.ui.widgets.word_panel import WordPanel

        host = self._host
        if host.search_bar.typing:
            return []
        ui = host.ui
        if host.query(WordPanel):
            return [Hint("i 0", ui("hint.ignore_new"))]
        count = len(host.content.article.sections)
        hints = [
            Hint("tab", ui("hint.links")),
            Hint(f"1-{count}", ui("hint.sections")),
            Hint("] [", ui("hint.next_previous")),
            Hint("space", ui("hint.page"), "space"),
        ]
        if host.search_bar.has_hits:
            hints.insert(0, Hint("n N", ui("hint.matches")))
        # Back, greyed while there is nowhere to go back to (no jump, search or sentence).
        hints.append(Hint("esc", ui("key.back"), "escape", enabled=host.can_go_back))
        return hints
