"""The cards as an Anki package (``export --format apkg``), made with genanki.

genanki (MIT, Kerrick Staley; https://github.com/kerrickstaley/genanki) is the ``anki`` extra:
the reader never needs it, and a restricted account that only reads need not install it.
Without it ``export --format apkg`` says which extra to install, and ``--format tsv`` needs
nothing.

An ``.apkg`` is a zip holding an SQLite collection (``collection.anki2``) and a media list.
The note type and the deck have fixed ids, and each note's guid comes from its word's lemma and
reading (``genanki.guid_for``): importing a later export updates the notes Anki already has.
The notes' modification time is the export's, so Anki takes the newer fields.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from genesis_tui.content.edition import Edition
from genesis_tui.export.cards import FIELDS, Card, fields, source_line, tags

MODEL_ID = 1_576_205_347
DECK_ID = 2_059_813_404
"""Chosen once at random (as genanki asks) and never to change: Anki knows the note type and
the deck by them."""

DECK_NAME = "genesis-tui::Japan and the Genesis Mission"
MODEL_NAME = "genesis-tui word"

FRONT = """<div class="word" lang="ja">{{Word}}</div>
<div class="sentence" lang="ja">{{Sentence}}</div>"""

BACK = """{{FrontSide}}
<hr id="answer">
<div class="reading" lang="ja">{{Pitch}}</div>
<div class="facts">{{PartOfSpeech}}{{#JLPT}} | JLPT {{JLPT}} (unofficial){{/JLPT}}</div>
<div class="meaning">{{Meaning}}</div>
<div class="english" lang="en">{{SentenceEnglish}}</div>
<div class="source">{{Source}}</div>"""

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.word { font-size: 40px; text-align: center; }
.sentence, .english { margin-top: 0.8em; }
.sentence b { text-decoration: underline; }
.reading { font-size: 28px; text-align: center; }
.facts, .source { font-size: 14px; opacity: 0.8; }"""


class MissingExtra(Exception):
    """genanki is not installed (the ``anki`` extra)."""


def _genanki() -> Any:
    try:
        import genanki
    except ImportError as error:
        raise MissingExtra from error
    return genanki


def note_id(card: Card) -> str:
    """The note's guid, from the word's lemma and reading alone."""
    return str(_genanki().guid_for("genesis-tui", card.entry.lemma, card.entry.reading))


def write_apkg(content: Edition, chosen: list[Card], path: Path) -> None:
    """Write the cards as an Anki package at ``path``, atomically (a file half written is
    never left where the learner looks for it). Raises ``MissingExtra`` without genanki."""
    genanki = _genanki()
    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Word", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    source = source_line(content)
    for card in chosen:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields(card, source),
                tags=tags(card),
                guid=note_id(card),
            )
        )
    package = genanki.Package(deck)
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="genesis-tui-apkg-") as work:
        # genanki's own write_to_file leaves its database in the system's temporary directory:
        # the collection is built here instead, with its public write_to_db, and zipped as it
        # zips it (collection.anki2, and an empty media list).
        database = Path(work) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        handle, temporary = tempfile.mkstemp(prefix=".apkg-", suffix=".tmp", dir=path.parent)
        os.close(handle)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as any file the learner makes (mkstemp: 0600)
        try:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(database, "collection.anki2")
                archive.writestr("media", json.dumps({}))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
