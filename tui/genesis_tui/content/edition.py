"""The content as the program uses it: the article, glossary and timeline, with the term index.

``Edition`` answers the questions the reader, its pages and the exports ask of the content
(a section by id, a term by id, where a term occurs). It is built by ``genesis_tui.content.load``;
``Problem`` and ``ContentError`` are what loading and validation report.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from genesis_tui.content.model import Article, Block, Glossary, Section, Term, Timeline
from genesis_tui.content.terms import Span, TermMatcher
from genesis_tui.text.control_chars import escaped

if TYPE_CHECKING:
    from genesis_tui.content.lexicon import Lexicon
    from genesis_tui.content.readings import Ruby
    from genesis_tui.content.sentences import Sentences


class Problem(NamedTuple):
    """One thing wrong with a content directory: which file, where in it, and what."""

    file: Path
    where: str
    message: str

    def __str__(self) -> str:
        # Paths, keys and ids come from the user: a control character in them is shown, not sent.
        place = f"{self.file}: {self.where}" if self.where else str(self.file)
        return escaped(f"{place}: {self.message}")


class ContentError(Exception):
    """The content directory cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class Edition:
    """A loaded content directory: the article, glossary and timeline, with the term index.

    Compared and hashed by identity (one load, one Edition), and not to be changed once made."""

    def __init__(
        self,
        directory: Path,
        article: Article,
        glossary: Glossary,
        timeline: Timeline,
        matcher: TermMatcher,
        spans: SpanIndex,
        terms: dict[str, Term],
        key: str = "",
    ) -> None:
        self.directory = directory
        self.article = article
        self.glossary = glossary
        self.timeline = timeline
        self.matcher = matcher
        self.spans = spans
        """Term occurrences per (block id, language), found when first asked for."""
        self.terms = terms
        """The glossary by term id."""
        self.key = key
        """A name for this exact content (its files' digest), for what is cached about it."""

    def __repr__(self) -> str:  # the models are long: name the directory only
        return f"Edition({str(self.directory)!r})"

    @cached_property
    def ruby(self) -> Ruby:
        """The readings of the Japanese (``readings.toml``), by text: read when first asked for,
        and empty when the directory has none."""
        from genesis_tui.content.readings import load_ruby  # the reader starts without readings

        return load_ruby(self.directory, self.article, self.glossary, self.timeline)

    @cached_property
    def lexicon(self) -> Lexicon:
        """Every word of the Japanese and its entry (``lexicon.toml``), by text key: read at the
        first lookup, never at start, and empty when the directory has none."""
        from genesis_tui.content.lexicon import load_lexicon
        from genesis_tui.content.readings import texts

        located = texts(self.article, self.glossary, self.timeline)
        return load_lexicon(self.directory, [(item.key, item.text) for item in located])

    @cached_property
    def sentences(self) -> Sentences:
        """The article's sentences, each Japanese one with its English (``sentences.toml``):
        read when first asked for; a block the directory does not divide is one sentence."""
        from genesis_tui.content.sentences import load_sentences

        return load_sentences(self.directory, self.article)

    def term(self, term_id: str) -> Term:
        """The glossary term with this id."""
        return self.terms[term_id]

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for section in self.article.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def block_terms(self, block: Block) -> tuple[str, ...]:
        """The ids of the terms a block mentions, in order of first mention, either language."""
        seen: dict[str, None] = {}
        for lang in ("ja", "en"):
            for span in self.spans[(block.id, lang)]:
                seen.setdefault(span.term_id)
        return tuple(seen)

    def occurrences(self, term_id: str) -> tuple[tuple[Section, Block], ...]:
        """Every block that mentions the term, in reading order."""
        return tuple(
            (section, block)
            for section, block in self.article.blocks()
            if term_id in self.block_terms(block)
        )

    def named_in(self, term_id: str) -> tuple[str, ...]:
        """The ids of the other terms whose definitions name the term, in glossary order."""
        return tuple(
            term.id
            for term in self.glossary.terms
            if term.id != term_id and term_id in self._defined_with[term.id]
        )

    @cached_property
    def _defined_with(self) -> dict[str, frozenset[str]]:
        # The terms each definition names, matched once: ``check`` and the JSON export ask
        # ``named_in`` of every term, which matched every definition again each time (four
        # fifths of validating the bundled content, 0.35 s).
        return {
            term.id: frozenset(
                span.term_id
                for text in (term.definition.ja, term.definition.en)
                for span in self.matcher.find(text)
            )
            for term in self.glossary.terms
        }

    def since_occurrences(self, term_id: str) -> tuple[tuple[Section, Block], ...]:
        """Every block whose "since publication" note mentions the term, in reading order."""
        return tuple(
            (section, block)
            for section, block in self.article.blocks()
            if block.since is not None
            and any(
                span.term_id == term_id
                for text in (block.since.ja, block.since.en)
                for span in self.matcher.find(text)
            )
        )


class SpanIndex(dict[tuple[str, str], tuple[Span, ...]]):
    """Term occurrences per (block id, language), matched when first asked for: the first
    screen needs those of one section only."""

    def __init__(self, matcher: TermMatcher, article: Article) -> None:
        super().__init__()
        self._matcher = matcher
        self._blocks = {block.id: block for _, block in article.blocks()}

    def __missing__(self, key: tuple[str, str]) -> tuple[Span, ...]:
        block_id, lang = key
        spans = self[key] = self._matcher.find(getattr(self._blocks[block_id], lang))
        return spans


def index_content(
    directory: Path, article: Article, glossary: Glossary, timeline: Timeline, key: str = ""
) -> Edition:
    """The content with its term index: every term's occurrences, found when asked for."""
    matcher = TermMatcher(glossary.terms)
    spans = SpanIndex(matcher, article)
    terms = {term.id: term for term in glossary.terms}
    return Edition(directory, article, glossary, timeline, matcher, spans, terms, key)
