"""Cards for Anki: the .apkg read back as Anki reads it (a zip holding an SQLite collection),
the same note ids on every export, the words chosen by status and section, the sentence and
its English on each card, the text form in Anki's import format, and the errors a learner
can meet (no genanki, a corrupt statuses file, nothing to export)."""

from __future__ import annotations

import csv
import html
import io
import json
import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

from genesis_tui.cli.main import main
from genesis_tui.content.lexicon_file import Entry
from genesis_tui.content.load import load_content
from genesis_tui.export.cards import FIELDS, Card, cards, fields, to_tsv
from genesis_tui.storage.paths import content_dir
from genesis_tui.storage.statuses import WordStatuses, save_statuses

BUNDLED = load_content(content_dir(), validate=False)


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state directory of the test's own, with a learner's statuses: 日本 known, 研究 and
    協力 learning, 政府 ignored."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("GENESIS_TUI_STATE", raising=False)
    statuses = WordStatuses()
    statuses.set("日本", "にほん", "known")
    statuses.set("研究", "けんきゅう", "2")
    statuses.set("協力", "きょうりょく", "5")
    statuses.set("政府", "せいふ", "ignored")
    save_statuses(statuses, tmp_path / "state" / "genesis-tui" / "statuses.json")
    return tmp_path


def _notes(apkg: Path) -> list[dict[str, object]]:
    """The notes of an Anki package, as Anki's importer reads them: the zip's collection."""
    with zipfile.ZipFile(apkg) as archive:
        assert {"collection.anki2", "media"} <= set(archive.namelist())
        data = archive.read("collection.anki2")
    database = apkg.with_suffix(".anki2")
    database.write_bytes(data)
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute("SELECT id, guid, mid, flds, tags FROM notes").fetchall()
        models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    finally:
        connection.close()
    notes = []
    for note_id, guid, mid, flds, tags in rows:
        names = [field["name"] for field in models[str(mid)]["flds"]]
        values = dict(zip(names, flds.split("\x1f"), strict=True))
        notes.append({"id": note_id, "guid": guid, "fields": values, "tags": tags.split()})
    return notes


def _export(tmp_path: Path, *args: str, name: str = "words.apkg") -> Path:
    target = tmp_path / name
    assert main(["export", "--format", "apkg", "--output", str(target), *args]) == 0
    return target


# ------------------------------------------------------------------ the package
def test_the_package_holds_one_note_per_new_word(
    state_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = _notes(_export(state_home))
    said = capsys.readouterr().out
    assert f"{len(notes)} notes (new words)" in said
    words = [note["fields"]["Word"] for note in notes]  # type: ignore[index]
    readings = [(note["fields"]["Word"], note["fields"]["Reading"]) for note in notes]  # type: ignore[index]
    assert len(readings) == len(set(readings)) > 100  # a word read two ways is two notes
    assert "日本" not in words and "政府" not in words and "研究" not in words  # not new
    fields_of = {note["fields"]["Word"]: note["fields"] for note in notes}  # type: ignore[index]
    card = fields_of["参加"]
    assert list(card) == list(FIELDS)
    assert card["Reading"] == "さんか" and "さんか" in card["Pitch"]
    assert card["JLPT"] == "N3" and card["PartOfSpeech"] == "noun"
    assert "<b>参加</b>" in card["Sentence"]
    assert card["SentenceEnglish"] and "<" not in card["SentenceEnglish"]
    assert "IT Business Today" in card["Source"] and "https://" in card["Source"]


def test_each_card_has_its_own_sentence_and_that_sentence_s_english(state_home: Path) -> None:
    """A word of a long block gets the sentence it stands in, not the whole block: its English
    is the aligned sentence's (Content.sentences)."""
    chosen = cards(BUNDLED, WordStatuses(), "all")
    by_block = 0
    for card in chosen:
        for _, block in BUNDLED.article.blocks():
            if card.sentence_ja in block.ja and card.sentence_ja != block.ja:
                by_block += 1
                assert card.sentence_en in block.en and card.sentence_en != block.en
                break
    assert by_block > 50


def test_a_card_s_sentence_is_the_article_s_never_a_key_point_or_a_note() -> None:
    """The card's source line names the article, so its sentence is the article's: the first
    sentence of the blocks the word stands in (日本's is not the key point 「日本は、AIを…」);
    a word found only in key points or notes has no sentence."""
    article = BUNDLED.article
    points = {p.ja for s in article.sections for p in s.key_points}
    notes = {pair.ja for _, b in article.blocks() for pair in (b.note, b.since) if pair}
    chosen = cards(BUNDLED, WordStatuses(), "all")
    japan = next(card for card in chosen if card.entry.lemma == "日本")
    assert japan.sentence_ja and any(japan.sentence_ja in b.ja for _, b in article.blocks())
    assert not any(card.sentence_ja in points | notes for card in chosen if card.sentence_ja)
    for card in chosen:
        if card.sentence_ja:
            assert any(card.sentence_ja in b.ja for _, b in article.blocks()), card.entry.lemma
        else:
            assert not card.sentence_en


def test_two_exports_give_the_same_note_ids(state_home: Path) -> None:
    """Anki matches an imported note by its guid: the same word has the same guid on every
    export (from its lemma and reading), so importing again updates the note."""
    import genanki

    from genesis_tui.storage.statuses import read_statuses, statuses_path

    first = _notes(_export(state_home, name="first.apkg"))
    second = _notes(_export(state_home, name="second.apkg"))
    assert [note["guid"] for note in first] == [note["guid"] for note in second]
    assert len({note["guid"] for note in first}) == len(first)
    # Each from the word's lemma and reading alone (genanki's guid_for).
    chosen = cards(BUNDLED, read_statuses(statuses_path()).statuses, "new")
    expected = [genanki.guid_for("genesis-tui", c.entry.lemma, c.entry.reading) for c in chosen]
    assert [note["guid"] for note in first] == expected


def test_learning_and_all_and_a_section(state_home: Path) -> None:
    learning = _notes(_export(state_home, "--words", "learning", name="learning.apkg"))
    assert sorted(note["fields"]["Word"] for note in learning) == ["協力", "研究"]  # type: ignore[index]
    every = _notes(_export(state_home, "--words", "all", name="all.apkg"))
    words = {note["fields"]["Word"] for note in every}  # type: ignore[index]
    assert "日本" in words and "研究" in words and "政府" not in words  # ignored: no card
    one = _notes(_export(state_home, "--words", "all", "--section", "2", name="one.apkg"))
    assert 0 < len(one) < len(every)
    assert all("genesis-tui::japan-role" in note["tags"] for note in one)


def test_without_genanki_the_error_names_the_extra(
    state_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "genanki", None)  # import genanki raises ImportError
    target = state_home / "words.apkg"
    assert main(["export", "--format", "apkg", "--output", str(target)]) == 2
    error = capsys.readouterr().err
    assert "pip install 'genesis-tui[anki]'" in error and "Traceback" not in error
    assert error.count("\n") == 1 and not target.exists()


def test_a_corrupt_statuses_file_is_left_alone_by_the_export(
    state_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = state_home / "state" / "genesis-tui" / "statuses.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["export", "--format", "tsv"]) == 0
    captured = capsys.readouterr()
    assert "was not a statuses file" in captured.err and captured.out.startswith("#separator")
    assert path.read_text(encoding="utf-8") == "{not json"


def test_nothing_to_export_is_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert main(["export", "--format", "apkg", "--words", "learning"]) == 2
    assert capsys.readouterr().err.strip().endswith("(--words learning)")


# ------------------------------------------------------------------ the text form
def _anki_reads(text: str) -> tuple[dict[str, str], list[list[str]]]:
    """The file as Anki's text importer reads it: '#key:value' lines at the top, then records
    split by the separator they name (rslib's csv metadata and import)."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):
        key, _, value = lines.pop(0)[1:].partition(":")
        meta[key.strip().lower()] = value
    assert meta["separator"] == "tab"
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quotechar=None))
    return meta, [row for row in rows if row]


def test_the_text_form_imports_as_anki_expects(state_home: Path) -> None:
    chosen = cards(BUNDLED, WordStatuses(), "new")
    text = to_tsv(BUNDLED, chosen)
    meta, rows = _anki_reads(text)
    assert meta["html"] == "true" and meta["notetype"] == "Basic"
    columns = meta["columns"].split("\t")
    assert columns == ["GUID", "Front", "Back", "Tags"]
    assert int(meta["guid column"]) == 1 and int(meta["tags column"]) == 4
    assert len(rows) == len(chosen)
    assert all(len(row) == len(columns) for row in rows)
    guids = [row[0] for row in rows]
    assert len(set(guids)) == len(guids)
    assert guids == [row[0] for row in _anki_reads(to_tsv(BUNDLED, chosen))[1]]  # stable
    front, back = rows[0][1], rows[0][2]
    assert front.startswith('<div lang="ja">') and "<b>" in front and "<ol>" in back
    assert all(" " not in tag or tag == "" for row in rows for tag in row[3].split())


def test_content_is_escaped_in_every_field() -> None:
    """Content is data: a gloss or a sentence that looks like HTML arrives as text."""
    entry = Entry("x", "<b>語</b>", "ご", "noun", ("<script>alert(1)</script>", "a\tb\nc"))
    card = Card(entry, "<b>語</b>", "前<b>語</b>後 & <i>", "it's <i>so</i>", "overview")
    made = fields(card, "source")
    assert "<script>" not in "".join(made) and "&lt;script&gt;" in made[3]
    assert made[0] == html.escape("<b>語</b>")
    assert made[6] == "前<b>&lt;b&gt;語&lt;/b&gt;</b>後 &amp; &lt;i&gt;"
    text = to_tsv(BUNDLED, [card])
    row = text.rstrip("\n").split("\n")[-1].split("\t")
    assert len(row) == 4  # the tab and the newline in the gloss stay inside their field
