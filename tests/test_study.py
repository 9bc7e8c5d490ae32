"""The learner: word statuses set in the word cursor, shown, counted and kept across a restart;
a corrupt statuses file kept aside with one message; new words marked; readings over every word,
over the words not yet known, or none, and a JLPT level; all remembered."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.pages.page import Page
from genesis_tui.pages.study import (
    HiddenReadings,
    Progress,
    hidden_readings,
    kept_readings,
    section_entries,
    section_progress,
)
from genesis_tui.storage.state import SavedState
from genesis_tui.storage.statuses import (
    WordStatuses,
    read_statuses,
    save_statuses,
)
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.widgets.word_panel import WordPanel
from tests.apps import SnapCompare
from tests.conftest import SMALL_CONTENT

SMALL = load_content(SMALL_CONTENT)
"""The tests' own content, with its lexicon."""


def _app(
    statuses: WordStatuses | None = None,
    path: Path | None = None,
    *,
    state: SavedState | None = None,
    notice: str | None = None,
) -> GenesisApp:
    state = state or SavedState(section="overview", view="ja")
    return GenesisApp(
        SMALL, state=state, statuses=statuses, statuses_path=path, statuses_notice=notice
    )


def _reader(app: GenesisApp) -> ReaderScreen:
    return app.reader


def _readings(page: Page) -> list[str]:
    """Every reading drawn on the page, as the rows of readings show them."""
    return [
        reading
        for line in page.lines
        for piece in line.pieces
        if piece.role == "ruby"
        for reading in piece.text.split()
    ]


# ------------------------------------------------------------------ the file
def test_statuses_are_saved_and_read_back_by_lemma_and_reading(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    statuses = WordStatuses()
    statuses.set("研究所", "けんきゅうじょ", "known")
    statuses.set("協力", "きょうりょく", "3")
    save_statuses(statuses, path)
    loaded = read_statuses(path)
    assert loaded.problem is None and loaded.writable
    assert loaded.statuses.words == statuses.words
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "schema": 1,
        "words": {"協力": {"きょうりょく": "3"}, "研究所": {"けんきゅうじょ": "known"}},
    }
    assert [p.name for p in tmp_path.iterdir()] == ["statuses.json"]  # no temporary file left


def test_no_file_is_no_statuses_and_no_problem(tmp_path: Path) -> None:
    loaded = read_statuses(tmp_path / "statuses.json")
    assert not loaded.statuses and loaded.problem is None and loaded.writable


@pytest.mark.parametrize(
    "data",
    [
        b"not json at all",
        b"[1, 2, 3]",
        b'{"schema": 1, "words": {"\xe6\x97\xa5\xe6\x9c\xac": {"\xe3\x81\xab": "maybe"}}}',
        b'{"schema": 9, "words": {}}',
        b"\xff\xfe",
    ],
    ids=["not-json", "a-list", "unknown-status", "another-schema", "not-utf8"],
)
def test_a_corrupt_file_is_kept_aside_never_lost(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "statuses.json"
    path.write_bytes(data)
    loaded = read_statuses(path)
    assert loaded.problem == "corrupt" and loaded.writable
    assert loaded.kept_aside is not None and loaded.kept_aside.read_bytes() == data
    assert not path.exists()  # the next save writes a good file in its place


def test_what_can_be_read_of_a_damaged_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    path.write_text(
        json.dumps({"schema": 1, "words": {"協力": {"きょうりょく": "known", "x": 7}, "a": []}}),
        encoding="utf-8",
    )
    loaded = read_statuses(path)
    assert loaded.problem == "corrupt" and loaded.kept_aside is not None
    assert loaded.statuses.words == {("協力", "きょうりょく"): "known"}


def test_a_file_that_cannot_be_read_is_left_alone_and_not_saved_over(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    os.mkfifo(path)
    loaded = read_statuses(path)
    assert loaded.problem == "not_regular" and not loaded.writable
    assert loaded.kept_aside is None and path.exists()


def test_a_status_belongs_to_the_word_not_to_the_entry_id() -> None:
    """A content update that renumbers an entry (研究所 becoming 研究所#2) keeps its status:
    statuses are keyed by lemma and reading."""
    from genesis_tui.content.lexicon_file import Entry
    from genesis_tui.pages.study import is_known

    statuses = WordStatuses()
    statuses.set("研究所", "けんきゅうじょ", "known")
    before = Entry("研究所", "研究所", "けんきゅうじょ", "noun", ("research institute",))
    after = Entry("研究所#2", "研究所", "けんきゅうじょ", "noun", ("institute",))
    assert is_known(statuses, before) and is_known(statuses, after)


# ------------------------------------------------------------------ counts and readings
def test_a_section_counts_its_known_words_and_leaves_out_the_ignored() -> None:
    section = SMALL.section("overview")
    entries = section_entries(SMALL, section)
    assert entries and all(entry.pos not in ("particle", "auxiliary") for entry in entries)
    statuses = WordStatuses()
    assert section_progress(SMALL, section, statuses) == (0, len(entries))
    for entry in entries[:3]:
        statuses.set(entry.lemma, entry.reading, "known")
    statuses.set(entries[3].lemma, entries[3].reading, "ignored")
    statuses.set(entries[4].lemma, entries[4].reading, "2")
    progress = section_progress(SMALL, section, statuses)
    assert progress == (3, len(entries) - 1)
    assert progress.percent == 300 // (len(entries) - 1)


@pytest.mark.parametrize(
    ("known", "total", "shown"), [(0, 143, "0"), (1, 143, "<1"), (2, 143, "1"), (143, 143, "100")]
)
def test_a_count_above_zero_never_reads_zero_percent(known: int, total: int, shown: str) -> None:
    assert Progress(known, total).shown_percent == shown


def test_the_readme_quotes_the_status_as_the_panel_shows_it() -> None:
    from genesis_tui.i18n.catalogue import Catalogue
    from genesis_tui.ui.widgets.word_lookup import lookup_text

    entry = section_entries(SMALL, SMALL.section("overview"))[0]
    panel = lookup_text(Catalogue("en"), SMALL, entry, entry.lemma, status="3").plain
    shown = panel.splitlines()[0].rsplit("  ", 1)[1]
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"(`{shown}`)" in readme


def test_a_reading_goes_when_every_word_under_it_is_hidden_or_its_base_is_known() -> None:
    text = "日本政府の機会"
    ruby = [(0, 2, "にほん"), (2, 4, "せいふ"), (5, 6, "き")]
    words = [(0, 2, "日本"), (2, 4, "政府"), (5, 7, "機会")]
    hidden = HiddenReadings(frozenset({"日本"}), frozenset({("日本", "にほん")}))
    assert kept_readings(text, ruby, words, hidden) == ((2, 4, "せいふ"), (5, 6, "き"))
    assert kept_readings(text, ruby, words, HiddenReadings()) == tuple(ruby)
    # 政府 known: its reading goes inside the unknown compound 日本政府 too.
    compound = [(0, 4, "日本政府"), (5, 7, "機会")]
    hidden = HiddenReadings(frozenset({"政府"}), frozenset({("政府", "せいふ")}))
    assert kept_readings(text, ruby, compound, hidden) == ((0, 2, "にほん"), (5, 6, "き"))
    # A reading over no word of the lexicon stays.
    assert kept_readings(text, [(4, 5, "の")], words, hidden) == ((4, 5, "の"),)


def test_a_jlpt_level_hides_the_readings_of_that_level_and_the_easier_ones() -> None:
    entries = SMALL.lexicon.entries.values()
    hidden = hidden_readings(SMALL, "all", WordStatuses(), "N4")
    assert hidden.entries == {entry.id for entry in entries if entry.jlpt in ("N5", "N4")}
    assert not hidden_readings(SMALL, "all", WordStatuses())


# ------------------------------------------------------------------ Pilot: statuses
async def test_statuses_are_set_shown_counted_and_saved_at_once(tmp_path: Path) -> None:
    """In the word cursor, 1-5, K, i and 0 set the word's status: the panel shows it, the
    header counts the section's known words, and the file has it at once."""
    path = tmp_path / "statuses.json"
    app = _app(WordStatuses(), path)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = _reader(app)
        assert "known" not in reader.sub_title  # nothing marked: the header as it was
        await pilot.press("e")
        await pilot.pause()
        panel = app.screen.query_one(WordPanel)
        entry = panel.entry
        assert entry is not None
        for key, status, shown in [
            ("3", "3", "[learning 3/5]"),
            ("K", "known", "[known]"),
            ("i", "ignored", "[ignored]"),
            ("0", None, "[new]"),
            ("K", "known", "[known]"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert app.statuses.get(entry.lemma, entry.reading) == status, key
            assert shown in str(panel.render()), key
            saved = read_statuses(path).statuses
            assert saved.get(entry.lemma, entry.reading) == status, key
        assert reader.section_id == "overview"  # 3 set a status: it went to no section
        total = section_progress(SMALL, SMALL.section("overview"), app.statuses).total
        assert f"known 1/{total} (<1%)" in reader.sub_title  # not 0%


async def test_statuses_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    app = _app(WordStatuses(), path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", "right", "K", "right", "4")
        await pilot.pause()
        first, second = app.screen.query_one(WordPanel).words[:2]
    again = _app(read_statuses(path).statuses, path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", "right")
        await pilot.pause()
        panel = again.screen.query_one(WordPanel)
        assert "[known]" in str(panel.render())
        await pilot.press("right")
        await pilot.pause()
        assert "[learning 4/5]" in str(panel.render())
    assert first != second


async def test_a_corrupt_statuses_file_is_said_once() -> None:
    """The reader starts with the statuses it could read and says where the old file went, in
    one notification."""
    from genesis_tui.cli.reader import _statuses_notice
    from genesis_tui.i18n.catalogue import Catalogue
    from genesis_tui.storage.statuses import Loaded

    aside = Path("/state/statuses.json.corrupt-20260101-000000")
    loaded = Loaded(WordStatuses(), "corrupt", aside)
    notice = _statuses_notice(Catalogue(), loaded, Path("/state/statuses.json"))
    assert notice is not None and str(aside) in notice and "was not a statuses file" in notice
    assert _statuses_notice(Catalogue(), Loaded(WordStatuses()), Path("/x")) is None
    app = _app(notice=notice)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert shown.count(notice) == 1


async def test_outside_the_word_cursor_the_digits_are_sections() -> None:
    app = _app(WordStatuses())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert _reader(app).section_id == SMALL.article.sections[2].id
        assert not app.statuses


async def test_new_words_are_marked_in_bold_and_unmarked_once_known() -> None:
    app = _app(WordStatuses())
    async with app.run_test(size=(100, 30)) as pilot:
        article = _reader(app).article
        assert article.new_words is None  # off by default
        await pilot.press("m")
        await pilot.pause()
        _ = article.page
        marks = article.new_words
        assert marks
        await pilot.press("e")
        await pilot.pause()
        word = app.screen.query_one(WordPanel).word
        assert (word.start, word.end) in marks.get(word.source, ())
        assert article._style("new").bold  # an attribute, not a colour alone
        await pilot.press("K")
        await pilot.pause()
        _ = article.page
        assert (word.start, word.end) not in (article.new_words or {}).get(word.source, ())
        assert app.remember().mark_new


# ------------------------------------------------------------------ Pilot: readings
async def test_r_offers_all_readings_then_unknown_words_then_none() -> None:
    statuses = WordStatuses()
    statuses.set("日本", "にほん", "known")
    app = _app(statuses)
    async with app.run_test(size=(100, 30)) as pilot:
        reader = _reader(app)
        article = reader.article
        assert not article.ruby
        await pilot.press("r")
        await pilot.pause()
        assert article.ruby and reader.learner.study.readings_mode == "all"
        assert "にほん" in _readings(article.page)
        await pilot.press("r")
        await pilot.pause()
        assert article.ruby and reader.learner.study.readings_mode == "unknown"
        shown = _readings(article.page)
        assert shown and "にほん" not in shown
        assert app.remember().readings_mode == "unknown"
        await pilot.press("r")
        await pilot.pause()
        assert not article.ruby and not _readings(article.page)


async def test_without_a_known_word_r_shows_and_hides_the_readings() -> None:
    app = _app(WordStatuses())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "r")
        await pilot.pause()
        assert not _reader(app).article.ruby


async def test_the_readings_mode_and_level_are_remembered() -> None:
    statuses = WordStatuses()
    statuses.set("日本", "にほん", "known")
    app = _app(statuses)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r", "r")
        await pilot.pause()
        for _ in range(3):  # off, N5, N4, N3
            _reader(app).action_readings_level()
        await pilot.pause()
        state = app.remember()
    assert (state.readings, state.readings_mode, state.readings_above) == (True, "unknown", "N3")
    again = _app(statuses, state=state)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        article = _reader(again).article
        easy = {e.id for e in SMALL.lexicon.entries.values() if e.jlpt in ("N5", "N4", "N3")}
        assert article.hidden_readings.entries == easy | {"日本"}
        assert "にほん" not in _readings(article.page)


# ------------------------------------------------------------------ snapshots
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=["80x24", "120x36"])
def test_readings_over_unknown_words(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The overview in Japanese with readings only over the words not yet known: 日本, 科学,
    米国 and 計画 are marked known, so they have no reading, while 研究, 参加 and the rest keep
    theirs; the header counts the known words."""
    statuses = WordStatuses()
    for lemma, reading in [
        ("日本", "にほん"),
        ("科学", "かがく"),
        ("米国", "べいこく"),
        ("計画", "けいかく"),
    ]:
        statuses.set(lemma, reading, "known")
    state = SavedState(section="overview", view="ja", readings=True, readings_mode="unknown")
    assert snap_compare(_app(statuses, state=state), terminal_size=size)


def test_every_section_of_the_article_has_words_to_count(content: Edition) -> None:
    for section in content.article.sections:
        assert section_progress(content, section, WordStatuses()).total > 10, section.id


def test_new_words_marked(snap_compare: SnapCompare) -> None:
    """The overview in Japanese at 80x24 with the new words marked (m): every content word is
    bold but 日本, 米国 and 計画, which are known, and the particles, which are never marked."""
    statuses = WordStatuses()
    for lemma, reading in [("日本", "にほん"), ("米国", "べいこく"), ("計画", "けいかく")]:
        statuses.set(lemma, reading, "known")
    state = SavedState(section="overview", view="ja", mark_new=True)
    assert snap_compare(_app(statuses, state=state), terminal_size=(80, 24))
