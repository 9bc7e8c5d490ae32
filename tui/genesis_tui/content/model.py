"""The content model: the single definition of what a content directory holds.

The models are frozen standard-library dataclasses (each made by ``@model``), so that the reader
can start without importing pydantic. pydantic validates them
(``genesis_tui.content.load``): each field's type says what it takes, and the rules below (``Rule``,
``Pattern``, ``Length``) are read by pydantic when it builds its validators, and by nothing
else. Unknown keys are errors.

No content string holds a control character but newline: validation rejects them, and every
model replaces them with visible stand-ins when it is built (``VisibleText``), so that text which
was never validated cannot send escape sequences to a terminal either.

The annotations are evaluated when the classes are made (no ``from __future__ import
annotations``): the loader reads them at every start, and strings would be compiled first.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Annotated, Any, Literal, TypeVar, dataclass_transform

from genesis_tui.text.control_chars import CONTROL, code_point, visible

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


ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
"""Ids are lower-case ASCII words joined by hyphens: safe in actions, URLs and file names."""

# Patterns as text, compiled when first used (by validation): the reader never needs them.
_KANA = r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\u309d\u309e\u30fd\u30fe ]+$"
_DATE = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"


class Rule:
    """A check run on a value after its type is checked; it raises ValueError to reject it."""

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class Pattern:
    """A string that must match a regular expression."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.str_schema(pattern=self.pattern)


class Length:
    """A tuple with at least ``min`` and at most ``max`` items."""

    def __init__(self, min: int | None = None, max: int | None = None) -> None:
        self.min, self.max = min, max

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = dict(handler(source))
        if self.min is not None:
            schema["min_length"] = self.min
        if self.max is not None:
            schema["max_length"] = self.max
        return schema


def _no_controls(value: str) -> str:
    match = CONTROL.search(value)
    if match is not None:
        raise ValueError(
            f"holds the control character {code_point(match.group())} at character"
            f" {match.start() + 1} (only newlines may be used)"
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError("must be an https:// URL")
    return value


def _kana(value: str) -> str:
    if not re.match(_KANA, value):
        raise ValueError("must be written in kana only")
    return value


def _date(value: str) -> str:
    if not re.fullmatch(_DATE, value):
        raise ValueError("must be a date as YYYY-MM or YYYY-MM-DD")
    if len(value) == len("YYYY-MM-DD"):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a day of the calendar") from None
    return value


def _event_source(value: str) -> str:
    if value != "article" and not value.startswith("https://"):
        raise ValueError('must be "article" or an https:// URL')
    return value


Text = Annotated[str, Rule(_no_controls), Rule(_not_blank)]
Id = Annotated[str, Pattern(ID_PATTERN)]

FORBID_UNKNOWN_KEYS: dict[str, Any] = {"extra": "forbid"}
"""pydantic's configuration of every model (read from ``__pydantic_config__``)."""

M = TypeVar("M")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def model(cls: type[M]) -> type[M]:
    """Make a content model: a frozen dataclass with slots, built by keyword, whose unknown keys
    pydantic refuses."""
    cls.__pydantic_config__ = FORBID_UNKNOWN_KEYS  # type: ignore[attr-defined]
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


class VisibleText:
    """The base of every model: on construction, control characters in its strings (and tuples
    of strings) are replaced by visible stand-ins (``controls.visible``).

    Validated content holds none, so this changes nothing there; it makes the models safe to
    print however they were built (by hand, in a test, from data that skipped validation).
    """

    __slots__ = ()

    def __post_init__(self) -> None:
        for name in _field_names(type(self)):
            value = getattr(self, name)
            if type(value) is str:
                shown: Any = visible(value)
            elif type(value) is tuple and value and type(value[0]) is str:
                shown = tuple(visible(item) if type(item) is str else item for item in value)
                shown = value if shown == value else shown
            else:
                continue  # a model (already shown), None, a bool, an empty tuple
            if shown is not value:
                object.__setattr__(self, name, shown)  # frozen: set once, while building


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """A model's field names, found once per model (``fields`` is slow for every instance)."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(kind))
    return names


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

    url: Annotated[Text, Rule(_https)]
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
    source: Annotated[Text, Rule(_https)] | None = None
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

    after: Annotated[str, Rule(_date)]
    before: Annotated[str, Rule(_date)]


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
    reading: Annotated[Text, Rule(_kana)]
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

    date: Annotated[str, Rule(_date)]
    label: Pair
    source: Annotated[Text, Rule(_event_source)] | None = None
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
