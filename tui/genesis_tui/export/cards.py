"""Cards for Anki: one note per word the learner chose, and its tab-separated form.

A learner over SSH has no AnkiConnect to reach (it listens on the learner's own machine), so
the cards leave as a file: an Anki package (``export --format apkg``, ``export.apkg``) or a
text file in Anki's import format (``--format tsv``). Each note is one word of the article
(``--words``: ``new``, those without a status; ``learning``, at a step from 1 to 5; ``all``,
every word but the ignored ones), where it first appears (``--section`` keeps to one section):
the word, its reading and pitch accent, glosses, part of speech and JLPT level, the sentence
of the article's text it first stands in with that sentence's English (``Edition.sentences``;
none for a word found only in the project's key points or notes), and the article's source.

The same word has the same note id on every export (``note_guid``: a digest of the lemma and
the reading, not of the content's entry ids or the time), so importing again updates the notes
instead of adding copies. Every field is HTML (Anki's fields are), made from content as data:
each text escaped, the word in its sentence in ``<b>``.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterator
from typing import Literal, NamedTuple, Protocol

from genesis_tui.content.edition import Edition
from genesis_tui.content.lexicon_file import POS, Entry
from genesis_tui.content.model import Section
from genesis_tui.content.pitch import pitch
from genesis_tui.export.parts import _sections
from genesis_tui.text.control_chars import visible
from genesis_tui.text.kana import to_hiragana

Which = Literal["new", "learning", "all"]
WHICH: tuple[Which, ...] = ("new", "learning", "all")

FIELDS = (
    "Word",
    "Reading",
    "Pitch",
    "Meaning",
    "PartOfSpeech",
    "JLPT",
    "Sentence",
    "SentenceEnglish",
    "Source",
)
"""The fields of a note, in order (the package's note type has them; the text form joins them
into Anki's Basic note type's Front and Back)."""

FUNCTION_WORDS = ("particle", "auxiliary")


class Statuses(Protocol):
    """The learner's statuses (``storage.statuses.WordStatuses``): a word's, or None."""

    def get(self, lemma: str, reading: str) -> str | None: ...


class Card(NamedTuple):
    """A word where it first appears: its entry, the surface there, and the sentence pair."""

    entry: Entry
    surface: str
    sentence_ja: str
    sentence_en: str
    section: str


def wanted(status: str | None, which: Which) -> bool:
    """True for a status ``--words`` asks for."""
    if which == "new":
        return status is None
    if which == "learning":
        return status is not None and status.isdigit()
    return status != "ignored"


def _places(content: Edition, section: Section) -> Iterator[tuple[str, str, str, str]]:
    """Each word of the article's own text (the section's blocks) with the sentence pair it
    stands in: (entry id, the word as written there, Japanese, English), in reading order."""
    for block in section.blocks:
        for start, end, entry in content.lexicon.words(f"blocks.{block.id}.ja"):
            ja, en = content.sentences.sentence_at(block.id, start)
            yield entry, block.ja[start:end], ja, en


def _other_places(content: Edition, section: Section) -> Iterator[tuple[str, str, str, str]]:
    """Each word of the section's key points and notes, with no sentence: they are this
    project's summary and notes, not the article the card's source line names."""
    lexicon = content.lexicon
    texts = [
        (f"sections.{section.id}.key_points.{number}", point.ja)
        for number, point in enumerate(section.key_points)
    ]
    for block in section.blocks:
        for part, pair in (("note", block.note), ("since", block.since)):
            if pair is not None:
                texts.append((f"blocks.{block.id}.{part}", pair.ja))
    for key, ja in texts:
        for start, end, entry in lexicon.words(key):
            yield entry, ja[start:end], "", ""


def cards(
    content: Edition, statuses: Statuses, which: Which, section_id: str | None = None
) -> list[Card]:
    """The words ``which`` asks for (particles and auxiliaries left out), each once, where it
    first appears in the article's text of the sections exported, with that sentence; then the
    words found only in key points or notes, with no sentence."""
    lexicon = content.lexicon
    found: dict[tuple[str, str], Card] = {}
    sections = _sections(content, section_id)
    for where in (_places, _other_places):
        for section in sections:
            for entry_id, surface, ja, en in where(content, section):
                entry = lexicon.entry(entry_id)
                if entry is None or entry.pos in FUNCTION_WORDS:
                    continue
                key = (entry.lemma, entry.reading)
                if key in found or not wanted(statuses.get(*key), which):
                    continue
                found[key] = Card(entry, surface, ja, en, section.id)
    return list(found.values())


def note_guid(entry: Entry, namespace: str = "genesis-tui") -> str:
    """A note's id for Anki from the word alone (lemma and reading): the same on every export,
    whatever the content's entry ids, so that an import updates the note."""
    digest = hashlib.sha256(f"{namespace}\x1f{entry.lemma}\x1f{entry.reading}".encode())
    return digest.hexdigest()[:20]


def _text(text: str) -> str:
    """Edition as HTML text: escaped, controls made visible."""
    return html.escape(visible(text), quote=True)


def _in_sentence(sentence: str, surface: str) -> str:
    """The sentence as HTML, the word's first occurrence in bold."""
    at = sentence.find(surface) if surface else -1
    if at < 0:
        return _text(sentence)
    head, tail = sentence[:at], sentence[at + len(surface) :]
    return f"{_text(head)}<b>{_text(surface)}</b>{_text(tail)}"


def source_line(content: Edition) -> str:
    """The article's source as HTML: the publisher and the title, linked to the Japanese page."""
    source = content.article.source
    title = content.article.title
    url = source.url_ja if source.url_ja.startswith("https://") else ""
    name = f"{_text(source.publisher)}: {_text(title.ja)} / {_text(title.en)}"
    return f'<a href="{_text(url)}">{name}</a>' if url else name


def fields(card: Card, source: str, *, ascii_only: bool = False) -> list[str]:
    """The note's fields (``FIELDS``), each HTML: the reading alone (to sort or search by),
    and again with its pitch accent marked (the card shows that one)."""
    entry = card.entry
    glosses = "".join(f"<li>{_text(gloss)}</li>" for gloss in entry.glosses)
    return [
        _text(entry.lemma),
        _text(to_hiragana(entry.reading)),
        _text(pitch(entry.reading, entry.accent, ascii_only=ascii_only)),
        f"<ol>{glosses}</ol>",
        _text(POS.get(entry.pos, (entry.pos,))[0]),
        _text(entry.jlpt),
        _in_sentence(card.sentence_ja, card.surface),
        _text(card.sentence_en),
        source,
    ]


def tags(card: Card) -> list[str]:
    """The note's tags: the project, the section, the JLPT level (no spaces: Anki splits)."""
    found = ["genesis-tui", f"genesis-tui::{card.section}"]
    if card.entry.jlpt:
        found.append(f"JLPT::{card.entry.jlpt}")
    return found


def to_tsv(content: Edition, chosen: list[Card]) -> str:
    """The cards in Anki's text import format: header lines Anki reads (tab-separated, HTML,
    the Basic note type, a deck, the guid and tags columns), then one note a line: the guid,
    the front (the word and its sentence), the back (the rest), the tags."""
    source = source_line(content)
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:genesis-tui",
        "#columns:GUID\tFront\tBack\tTags",
        "#guid column:1",
        "#tags column:4",
    ]
    for card in chosen:
        word, _, accent, meaning, pos, jlpt, sentence, english, _ = fields(card, source)
        front = f'<div lang="ja">{word}</div>'
        if sentence:  # none for a word found only in key points or notes
            front += f'<div lang="ja">{sentence}</div>'
        level = f" | JLPT {jlpt}" if jlpt else ""
        back = (
            f'<div lang="ja">{accent}</div><div>{pos}{level}</div>{meaning}'
            f'<div lang="en">{english}</div><div>{source}</div>'
        )
        row = [note_guid(card.entry, "genesis-tui-tsv"), front, back, " ".join(tags(card))]
        lines.append("\t".join(_one_field(value) for value in row))
    return "\n".join(lines) + "\n"


def _one_field(value: str) -> str:
    """A field on one line of the file: no tab, no line break (HTML has ``<br>`` for that)."""
    return value.replace("\t", " ").replace("\r", "").replace("\n", "<br>")
