"""A glossary entry: the term in both languages, its definitions, related terms, occurrences."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from genesis_tui.content import Content as ArticleContent
from genesis_tui.i18n import Catalogue
from genesis_tui.messages import JumpToBlock, StepSearch
from genesis_tui.model import Block, Lang, Section
from genesis_tui.screens.base import HEADER_ICON, GenesisScreen, one_lang, shown_langs
from genesis_tui.widgets.japanese_text import JapaneseText

SNIPPET_CHARS = {"ja": 8, "en": 20}
"""Context shown either side of a term in the "appears in" list."""


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


class TermScreen(GenesisScreen):
    """One glossary term. Choosing a related term opens it; choosing an occurrence jumps there."""

    BINDINGS = [
        Binding("escape,backspace", "back", "Back", id="term-back"),
        Binding("n", "search_step(1)", "Next match", show=False, id="term-search-next"),
        Binding("N", "search_step(-1)", "Previous match", show=False, id="term-search-previous"),
    ]

    def __init__(self, content: ArticleContent, term_id: str) -> None:
        super().__init__(content, classes="term-screen")
        self.term = content.term(term_id)

    def compose(self) -> ComposeResult:
        term = self.term
        yield Header(icon=HEADER_ICON)
        with VerticalScroll(id="term-body"):
            # Said in the languages the reader shows: in one language's view, that one alone.
            langs = shown_langs(self.reader_view, self.ui.lang)
            category = " / ".join(Catalogue(lang)(f"category.{term.category}") for lang in langs)
            names = "  /  ".join(term.term.get(lang) for lang in langs)
            yield Static(Content(names), id="term-title")
            reading = f"{term.reading}  |  " if "ja" in langs else ""
            yield Static(Content(f"{reading}{category}"), id="term-meta")
            for lang in langs:
                with Vertical(classes=f"definition -{lang}"):
                    yield JapaneseText(term.definition.get(lang))
            yield Static(Content(self.ui("term.related")), classes="term-heading")
            related = [
                Option(Content(" / ".join(r.term.get(lang) for lang in langs)), id=f"term:{r.id}")
                for r in (self.content.term(related_id) for related_id in term.related)
            ]
            yield OptionList(*related, id="related")
            yield Static(Content(self.ui("term.appears_in")), classes="term-heading")
            occurrences = [
                Option(
                    Content(self._occurrence_label(section, block)),
                    id=f"{section.id}:{block.id}",
                )
                for section, block in self.content.occurrences(term.id)
            ]
            occurrences += [
                Option(
                    Content(self.ui("term.since_note", section=self._section_title(section))),
                    id=f"{section.id}:{block.id}:since",
                )
                for section, block in self.content.since_occurrences(term.id)
                if (section, block) not in self.content.occurrences(term.id)
            ]
            yield OptionList(*occurrences, id="occurrences")
        yield Footer(show_command_palette=False)  # ctrl+p: in help; the icon opens it

    def _section_title(self, section: Section) -> str:
        return section.title.get(one_lang(self.reader_view, self.ui.lang))

    def _occurrence_label(self, section: Section, block: Block) -> str:
        """The section, and the words around the term's first mention in the block (in the
        view's language; Japanese first in ``both``)."""
        langs: tuple[Lang, ...] = (
            ("ja", "en") if self.reader_view == "both" else (self.reader_view,)
        )
        lang, at = langs[0], (0, 0)
        for candidate in langs:
            spans = self.content.spans[(block.id, candidate)]
            found = [span for span in spans if span.term_id == self.term.id]
            if found:
                lang, at = candidate, (found[0].start, found[0].end)
                break
        text = getattr(block, lang)
        start = max(0, at[0] - SNIPPET_CHARS[lang])
        end = min(len(text), at[1] + SNIPPET_CHARS[lang])
        # Never cut a Latin word or a number in two.
        while start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
            start -= 1
        while end < len(text) and _word_char(text[end - 1]) and _word_char(text[end]):
            end += 1
        snippet = ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")
        return f"{section.title.get(lang)}: {snippet}"

    def on_mount(self) -> None:
        self.title = self.term.term.get(one_lang(self.reader_view, self.ui.lang))
        self.sub_title = self.ui("term.subtitle")
        self.query_one("#related" if self.term.related else "#occurrences", OptionList).focus()
        # Focus must not scroll the entry: the reader starts at its title.
        self.call_after_refresh(self.query_one("#term-body").scroll_home, animate=False)
        self.ready()

    @on(OptionList.OptionSelected, "#related")
    def _open_related(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.open_term(event.option.id.removeprefix("term:"))

    @on(OptionList.OptionSelected, "#occurrences")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        section_id, block_id = event.option.id.split(":")[:2]
        self.post_message(JumpToBlock(section_id, block_id))

    def action_back(self) -> None:
        """Close this entry."""
        self.dismiss()

    def action_search_step(self, step: int) -> None:
        """Go on through the reader's search matches."""
        self.post_message(StepSearch(step))
