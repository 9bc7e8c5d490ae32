"""The content model: the single definition of what a content directory holds.

Every model is frozen; the loader (``genesis_tui.loader``) builds them from TOML and adds the
cross-checks a schema cannot express.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
"""Ids are lower-case ASCII words joined by hyphens: safe in actions, URLs and file names."""

_KANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\u309d\u309e\u30fd\u30fe ]+$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
Id = Annotated[str, Field(pattern=ID_PATTERN)]


class Model(BaseModel):
    """Base of every content model: immutable, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


class Pair(Model):
    """The same thing said in Japanese and in English."""

    ja: Text
    en: Text

    def get(self, lang: Literal["ja", "en"]) -> str:
        """Return one side of the pair."""
        return self.ja if lang == "ja" else self.en


Cleanup = Literal["stray-period", "heading-colon"]
"""Edits allowed on the seed's Japanese; each block records the ones applied to it.

- ``stray-period``: the scrape left a "." after the final "。"; the block drops it.
- ``heading-colon``: the scrape lost a heading's colon ("結論AIと…"); the block reads "結論：AIと…".
"""


class Block(Model):
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


class SinceNote(Model):
    """A dated note, outside the article's text, on what happened after publication."""

    ja: Text
    en: Text
    source: Text

    @field_validator("source")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith("https://"):
            raise ValueError("must be an https:// URL")
        return value


class Section(Model):
    """One panel of the reader: a title, its key points and its blocks."""

    id: Id
    title: Pair
    key_points: tuple[Pair, ...] = Field(default=(), max_length=6)
    blocks: tuple[Block, ...] = Field(min_length=1)


class Source(Model):
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


class Excluded(Model):
    """A line of the seed left out of the article, with why."""

    after: Id
    """The id of the block it followed in the seed."""
    ja: Text
    reason: Pair


class Article(Model):
    """The whole article: the reader's panels, in order."""

    schema_: Literal[1] = Field(alias="schema")
    title: Pair
    source: Source
    sections: tuple[Section, ...] = Field(min_length=1)
    excluded: tuple[Excluded, ...] = ()

    def blocks(self) -> list[tuple[Section, Block]]:
        """Every block with its section, in reading order."""
        return [(section, block) for section in self.sections for block in section.blocks]


Category = Literal[
    "organisation", "programme", "agreement", "event", "policy", "technology", "place"
]


class Aliases(Model):
    """Other spellings of a term that count as occurrences."""

    ja: tuple[Text, ...] = ()
    en: tuple[Text, ...] = ()


class Term(Model):
    """A glossary entry."""

    id: Id
    term: Pair
    reading: Text
    """The Japanese term's reading, in kana."""
    aliases: Aliases = Aliases()
    category: Category
    definition: Pair
    related: tuple[Id, ...] = ()
    country: Literal["japan", "united-states"] | None = None
    """For organisations: which side of the partnership they are on (who's who)."""

    @field_validator("reading")
    @classmethod
    def _kana(cls, value: str) -> str:
        if not _KANA.match(value):
            raise ValueError("must be written in kana only")
        return value

    def forms(self) -> tuple[str, ...]:
        """Every spelling that marks an occurrence of this term, in either language."""
        return (self.term.ja, self.term.en, *self.aliases.ja, *self.aliases.en)


class Glossary(Model):
    """The bilingual glossary."""

    terms: tuple[Term, ...] = Field(min_length=1)


class Event(Model):
    """One dated event of the timeline."""

    date: str
    label: Pair
    source: Text
    """``article`` for what the article says, else the URL the fact comes from."""
    terms: tuple[Id, ...] = ()

    @field_validator("date")
    @classmethod
    def _date(cls, value: str) -> str:
        if not _DATE.match(value):
            raise ValueError("must be a date as YYYY-MM or YYYY-MM-DD")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if value != "article" and not value.startswith("https://"):
            raise ValueError('must be "article" or an https:// URL')
        return value

    @property
    def from_article(self) -> bool:
        """True when the article itself reports the event."""
        return self.source == "article"


class Timeline(Model):
    """The dated events around the article, in date order."""

    events: tuple[Event, ...] = ()


Block.model_rebuild()
