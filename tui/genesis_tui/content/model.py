"""The content model: the single definition of what a content directory holds.

The models are frozen standard-library dataclasses (each made by ``@model``), so that the reader
can start without importing pydantic. pydantic validates them
(``genesis_tui.content.load``): each field's type says what it takes, with the rules of
``content.fields`` (``Rule``, ``Pattern``, ``Length``). Unknown keys are errors.

No content string holds a control character but newline: validation rejects them, and every
model replaces them with visible stand-ins when it is built (``VisibleText``), so that text which
was never validated cannot send escape sequences to a terminal either.

The annotations are evaluated when the classes are made (no ``from __future__ import
annotations``): the loader reads them at every start, and strings would be compiled first.
"""

from typing import Annotated, Literal

from genesis_tui.content.fields import (
    Id,
    Length,
    Rule,
    Text,
    VisibleText,
    calendar_date,
    event_source,
    https_url,
    kana_only,
    model,
)

Lang = Literal["ja", "en"]
"""A language of the article: each text comes in Japanese and English."""
View = Literal["both", "ja", "en"]
"""What the reader shows: both languages, or one."""
VIEWS: tuple[View, ...] = ("both", "ja", "en")


def view_langs(view: View) -> tuple[Lang, ...]:
    """The languages a view shows: both, or its one."""
    return ("ja", "en") if view == "both" else (view,)


def one_lang(view: View, ui_lang: Lang) -> Lang:
    """The language of something said once: the view's, or in ``both`` the interface's."""
    return ui_lang if view == "both" else view


@model
class Pair(VisibleText):
    """The same thing said in Japanese and in English."""

    ja: Text
    en: Text

    def get(self, lang: Lang) -> str:
        """Return one side of the pair."""
        return self.ja if lang == "ja" else self.en


Cleanup = Literal["stray-period", "heading-colon"]
"""Edits allowed on the seed's Japanese; each block records the ones applied to it.

- ``stray-period``: the scrape left a "." after the final "。"; the block drops it.
- ``heading-colon``: the scrape lost a heading's colon ("結論AIと…"); the block reads "結論：AIと…".
"""


@model
class Citation(VisibleText):
    """A page that holds a fact; ``secondary``: a news or summary site, not the issuing body."""

    url: Annotated[Text, Rule(https_url)]
    secondary: bool = False


def _one_url(source: str | None, sources: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """The citations of a text with ``source`` (one URL) or ``sources`` (a list)."""
    if source is None or not source.startswith("https://"):
        return sources
    return (Citation(url=source), *sources)


@model
class SinceNote(VisibleText):
    """A note on what happened after publication, citing ``source`` or ``sources`` (``[n]``)."""

    ja: Text
    en: Text
    source: Annotated[Text, Rule(https_url)] | None = None
    sources: tuple[Citation, ...] = ()

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every page the note cites, in the order of its numbers."""
        return _one_url(self.source, self.sources)


@model
class Block(VisibleText):
    """One heading, paragraph or list item of the article, in both languages."""

    id: Id
    kind: Literal["heading", "paragraph", "list_item"]
    ja: Text
    en: Text
    note: Pair | None = None
    """A translator's note, shown under the block."""
    since: SinceNote | None = None
    """What happened after publication, for blocks whose open questions were later answered."""
    cleanups: tuple[Cleanup, ...] = ()

    def seed_text(self) -> str:
        """The Japanese as the seed file holds it: this block's clean-ups undone."""
        text = self.ja
        if "heading-colon" in self.cleanups:
            text = text.replace("：", "", 1)
        if "stray-period" in self.cleanups:
            text += "."
        return text


@model
class Section(VisibleText):
    """One panel of the reader: a title, its key points and its blocks."""

    id: Id
    title: Pair
    key_points: Annotated[tuple[Pair, ...], Length(max=6)] = ()
    blocks: Annotated[tuple[Block, ...], Length(min=1)]


@model
class Written(VisibleText):
    """When an undated article was written, inferred from what it reports: after the latest
    event it reports, and before the first one it would have reported had it known of it."""

    after: Annotated[str, Rule(calendar_date)]
    before: Annotated[str, Rule(calendar_date)]


@model
class Source(VisibleText):
    """Where the article comes from."""

    publisher: Text
    title_en: Text
    url_ja: Text
    url_en: Text
    seed: Text
    """File name of the seed article in ``seeds/``."""
    machine_translated: bool
    """True when the Japanese is the publisher's machine translation of its English original."""
    note: Pair
    written: Written | None = None
    """For an undated article, when it was written (an inference, which the note explains)."""


@model
class Excluded(VisibleText):
    """A line of the seed left out of the article, with why."""

    after: Id
    """The id of the block it followed in the seed."""
    ja: Text
    reason: Pair


@model
class Article(VisibleText):
    """The whole article: the reader's panels, in order."""

    schema: Literal[1]
    title: Pair
    source: Source
    sections: Annotated[tuple[Section, ...], Length(min=1)]
    excluded: tuple[Excluded, ...] = ()

    def blocks(self) -> list[tuple[Section, Block]]:
        """Every block with its section, in reading order."""
        return [(section, block) for section in self.sections for block in section.blocks]


Category = Literal[
    "organisation", "person", "programme", "agreement", "event", "policy", "technology", "place"
]


@model
class Aliases(VisibleText):
    """Other spellings of a term that count as occurrences."""

    ja: tuple[Text, ...] = ()
    en: tuple[Text, ...] = ()


@model
class Term(VisibleText):
    """A glossary entry."""

    id: Id
    term: Pair
    reading: Annotated[Text, Rule(kana_only)]
    """The Japanese term's reading, in kana."""
    aliases: Aliases = Aliases()
    category: Category
    definition: Pair
    related: tuple[Id, ...] = ()
    country: Literal["japan", "united-states"] | None = None
    """For organisations: which side of the partnership they are on (who's who)."""

    def forms(self) -> tuple[str, ...]:
        """Every spelling that marks an occurrence of this term, in either language."""
        return (self.term.ja, self.term.en, *self.aliases.ja, *self.aliases.en)


@model
class Glossary(VisibleText):
    """The bilingual glossary."""

    terms: Annotated[tuple[Term, ...], Length(min=1)]


@model
class Event(VisibleText):
    """One dated event of the timeline."""

    date: Annotated[str, Rule(calendar_date)]
    label: Pair
    source: Annotated[Text, Rule(event_source)] | None = None
    """``article`` for what the article says and dates, else the URL that holds the label."""
    sources: tuple[Citation, ...] = ()
    """Pages, each fact of the label marked with its page's number (``[1]``) when several."""
    reported_in: tuple[Id, ...] = ()
    """Blocks that report the event when the pages it cites date it: the article's event."""
    terms: tuple[Id, ...] = ()

    @property
    def from_article(self) -> bool:
        """True when the article reports the event (dated by it or from outside it)."""
        return self.source == "article" or bool(self.reported_in)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every page the event cites (none for an event the article alone dates)."""
        return _one_url(self.source, self.sources)


@model
class Timeline(VisibleText):
    """The dated events around the article, in date order."""

    events: tuple[Event, ...] = ()
