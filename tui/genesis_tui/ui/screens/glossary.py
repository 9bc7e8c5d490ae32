"""The glossary: every term, filtered as you type, sorted by English or by reading."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Term, one_lang
from genesis_tui.content.search import term_matches
from genesis_tui.text.kana import reading_order, to_hiragana
from genesis_tui.text.typesetting import break_lines, clipped
from genesis_tui.ui import keymap
from genesis_tui.ui.screens.base import HEADER_ICON, GenesisScreen, when_ready
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.search_bar import ECHO_WIDTH
from genesis_tui.ui.widgets.title_bar import TitleBar

SortKey = Literal["en", "reading"]


class GlossaryScreen(GenesisScreen):
    """Every glossary term. The filter has the keys: printable keys are text, not commands."""

    BINDINGS = keymap.bindings("glossary")

    def __init__(self, content: Edition) -> None:
        super().__init__(content, classes="glossary-screen")
        # Sorted in the order of the language the names are read in.
        ja = one_lang(self.reader_view, self.ui.lang) == "ja"
        self.sort_key: SortKey = "reading" if ja else "en"
        """English order, or kana order of the readings (the Japanese names' own)."""
        self._count = ""
        """What the line under the filter says: the count, or why nothing matches."""

    def compose(self) -> ComposeResult:
        yield TitleBar(icon=HEADER_ICON)
        yield Input(placeholder=self.ui("glossary.filter_placeholder"), id="filter")
        yield Static(id="glossary-count")
        yield OptionList(id="terms")
        yield KeyBar(self.extra_hints)  # ctrl+p: in help; the icon opens it

    def on_mount(self) -> None:
        self.title = self.ui("glossary.title")
        self._fill()
        self.query_one("#filter", Input).focus()
        self.ready()

    def _sorted(self) -> list[Term]:
        terms = list(self.content.glossary.terms)
        if self.sort_key == "en":
            return sorted(terms, key=lambda term: term.term.en.casefold())
        return sorted(terms, key=lambda term: reading_order(term.reading))

    def shown_ids(self) -> list[str]:
        """The ids of the terms listed now, in order."""
        options = self.query_one("#terms", OptionList)
        return [options.get_option_at_index(i).id or "" for i in range(options.option_count)]

    def _fill(self) -> None:
        text = self.query_one("#filter", Input).value
        terms = [term for term in self._sorted() if term_matches(self.content, term.id, text)]
        options = self.query_one("#terms", OptionList)
        options.clear_options()
        options.add_options(Option(self._row(term), id=term.id) for term in terms)
        if terms:
            options.highlighted = 0
        order = self.ui(f"glossary.sorted_by_{self.sort_key}")
        total = len(self.content.glossary.terms)
        count = self.ui("glossary.count", shown=len(terms), total=total, order=order)
        if not terms:
            count = self.ui("glossary.no_match", text=clipped(text.strip(), ECHO_WIDTH))
        self._count = count
        self._show_count()  # the order is said there, by the list, and not again in the header

    def _show_count(self) -> None:
        """The count, or why nothing matches, broken into lines by the typesetter: Textual's
        wrap would cut a Latin word inside Japanese text (よみ（oboegaki）) anywhere."""
        room = max(8, self.app.size.width - 4)  # #glossary-count's padding: 2 cells each side
        lines = break_lines(self._count, room)
        self.query_one("#glossary-count", Static).update(Content("\n".join(lines)))

    def on_resize(self) -> None:
        self._show_count()

    def _row(self, term: Term) -> Content:
        """A term as a row: in one language's view its name in that language alone, else two
        lines, the name the list is sorted by first; the reading only where it adds something
        (not under a name in kana)."""
        ja = term.term.ja
        if to_hiragana(term.reading) != to_hiragana(ja):
            ja = f"{ja}（{term.reading}）"
        if self.reader_view != "both":
            return Content(ja if self.reader_view == "ja" else term.term.en)
        # The name the list is sorted by first: English, or the Japanese (sorted by reading).
        first, second = (ja, term.term.en) if self.sort_key == "reading" else (term.term.en, ja)
        return Content(f"{first}\n  {second}")

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#filter")
    def _open_highlighted(self) -> None:
        options = self.query_one("#terms", OptionList)
        if options.highlighted is not None:
            term_id = options.get_option_at_index(options.highlighted).id
            if term_id is not None:
                self.open_term(term_id)

    @on(OptionList.OptionSelected, "#terms")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open_term(event.option.id)

    @when_ready
    def action_move(self, step: int) -> None:
        """Move the choice up or down, whatever has focus."""
        options = self.query_one("#terms", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @when_ready
    def action_toggle_sort(self) -> None:
        """Sort by English, or by the Japanese reading."""
        self.sort_key = "reading" if self.sort_key == "en" else "en"
        self._fill()

    @when_ready
    def action_back(self) -> None:
        """Leave the glossary."""
        self.dismiss()
