"""Shared fixtures: the tests' small content, the bundled content, editable copies of it, and
hypothesis's profiles."""

from __future__ import annotations

import gc
import os
import random
import shutil
from pathlib import Path

import pytest
import textual._wait
import textual.screen
from hypothesis import settings

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.storage.paths import content_dir
from tests.frames import Frames, skip_undrawn_frames
from tests.parsed_css import share_parsed_css
from tests.parsed_toml import keep_parsed_toml

ROOT = Path(__file__).resolve().parent.parent
SMALL_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
"""The tests' own content: three short sections with every kind of block, seven glossary terms,
three events, readings and a lexicon. Behaviour tests and most snapshots read it, so that
editing the bundled article breaks only the tests of that article."""


# Pilot's press and pause wait until the app looks idle: Textual sleeps in steps of 20 ms until a
# step passes with under 1 ms of CPU, so a key costs at least 40 ms of sleep (two waits) and a
# pause 20 ms, however little the app does: about 60 s of the README command's time went to
# those waits. Steps of 5 ms with the same share (under 0.25 ms of CPU, 5%) tell idle from busy
# as well, four times sooner. Pilot's deterministic wait (every widget's message queue drained)
# is unchanged; this is only its "and then quiet for a moment". (Textual's own constants, read
# at each wait: docs/private-apis.md.)
textual._wait.SLEEP_GRANULARITY = 0.005
textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20
# A screen draws what changed at most 60 times a second (Textual's default): after a key, it
# waited up to 17 ms to draw, and Pilot's idle wait with it. Here up to 240 times (4 ms): the
# same frames, drawn sooner (a key's CPU is the same; its wait 10 ms shorter). Only the apps in
# this process: the readers the tests start in a terminal keep the default.
textual.screen.UPDATE_PERIOD = 1 / 240

share_parsed_css()
keep_parsed_toml()
skip_undrawn_frames()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """How many workers ``-n auto`` (the addopts) starts: one more than the cores for the whole
    suite, and none when the command names the tests to run, where starting workers (each
    imports Textual) costs more than it saves. An explicit ``-n N`` still wins.

    One more than the cores: a Pilot test spends part of its time asleep (waiting for the app
    to look idle, or for a reader in a terminal), so with one worker a core the cores stood
    partly idle. On the 2-core machine, quiet, the README's command took 48-51 s with two
    workers and 44-47 s with three, work stealing (``--dist worksteal`` in the addopts)."""
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


@pytest.fixture(scope="session")
def small_content() -> Edition:
    """The tests' small content directory (tests/fixtures/content), validated, loaded once."""
    return load_content(SMALL_CONTENT)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_directory(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests (and the programs they start) cache into a directory of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def content() -> Edition:
    """The bundled content, loaded once: for the tests of the article itself."""
    return load_content(content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content directory."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def small_content_copy(tmp_path: Path) -> Path:
    """A writable copy of the tests' small content directory."""
    target = tmp_path / "content"
    shutil.copytree(SMALL_CONTENT, target)
    return target


# By hand, hypothesis explores 25 new examples of each property on each run (new ones each
# time: over a day of runs, thousands). CI (CI=true, as CI and `.ci/run` set it) runs the heavy
# profile: 400 examples, a fixed set (derandomized) so that a run is repeatable, and more random
# key sequences, which cost a whole app each (tests/test_random_input.py reads `HEAVY`).
HEAVY = bool(os.environ.get("CI"))
settings.register_profile("dev", max_examples=25)
settings.register_profile("ci", max_examples=400, derandomize=True, print_blob=True)
settings.load_profile("ci" if HEAVY else "dev")


def sweep_widths(step_in_ci: int = 1, step_by_hand: int = 5) -> range:
    """The widths from 20 to 120 that a sweep over widths walks: every ``step_in_ci``-th in CI,
    every ``step_by_hand``-th by hand, from a start that changes from run to run (like
    hypothesis's new examples: five runs by hand walk every width)."""
    if HEAVY:
        return range(20, 121, step_in_ci)
    return range(20 + random.randrange(step_by_hand), 121, step_by_hand)


def examples(in_ci: int) -> int:
    """How many examples a property with a count of its own tries: ``in_ci`` in CI, a quarter
    of it by hand (at least 10), as the profiles do (400 and 25 each by default)."""
    return in_ci if HEAVY else max(10, in_ci // 4)


BROAD = {
    # Parametrized tests whose cases walk one code path with other data (positions, screens,
    # sizes, key bursts): the first case runs by hand, every case in CI (the rest are slow).
    "test_v_three_times_keeps_the_place",
    "test_resizes_keep_the_line_being_read_on_top",
    "test_q_quits_from_every_screen",
    "test_page_keys_work_from_every_screen",
    "test_slash_searches_from_every_screen",
    "test_escape_and_backspace_go_back",
    "test_every_footer_keeps_quit_and_help_at_40_columns",
    "test_help_wraps_its_rows_and_scrolls",
    "test_ascii_draws_nothing_but_ascii_and_the_articles_own",
    "test_the_japanese_interface_shows_no_english",
    "test_the_english_view_shows_no_japanese",
    "test_japanese_is_never_italic",
    "test_a_burst_of_palette_keys_never_crashes",
    "test_glossary_filter_matches_any_form",
    "test_key_points_leave_room_for_the_text_at_80x24",
    "test_scroll_keys",
    "test_serve_ends_the_reader_when_its_socket_closes",
    "test_the_section_list_gives_the_text_room",
    "test_random_input_never_crashes",
    "test_reader_page_keeps_terms_whole",
    "test_every_text_cell_is_legible",
    "test_a_wider_footer_shows_more_keys",
    "test_appears_in_follows_the_view",
    "test_links_the_chosen_link_and_search_matches_differ_without_colour",
    "test_footer_labels_match_the_titles_of_the_screens_they_open",
    "test_the_too_small_cover_fits_20x6",
    "test_glossary_rows_speak_the_interface_language",
    # The same walk at another size, view, interface language, terminal, locale or command:
    "test_a_burst_of_keys_never_crashes",
    "test_page_keys_as_a_list_opens",
    "test_a_sequence_is_not_typed_out",
    "test_text_goes_out_in_utf8_under_a_legacy_locale",
    "test_the_reader_refuses_a_legacy_locale_in_one_line",
    "test_stdout_that_cannot_be_written_is_one_line_and_exit_1",
    "test_nothing_is_drawn_after_quitting",
    "test_moves_by_word_line_and_section_and_the_page_follows",
    "test_the_panel_never_covers_the_word",
    "test_keys_that_work_everywhere_open_and_come_back_to_the_word",
    "test_a_resize_keeps_the_word",
    "test_cursor_and_panel",
    "test_every_page_and_view_labels_its_links",
    "test_snapshot_hints_over_the_reader",
    "test_footer_fits_80_columns",
    "test_the_contrast_holds_in_256_and_16_colours",
    "test_why_nothing_matches_breaks_where_a_typesetter_would",
    "test_the_glossary_filter_takes_romaji",
    "test_an_empty_filter_result_says_so",
    "test_each_sentence_moved_to_is_brought_whole_into_view",
    "test_sentences_are_marked_and_moved_in_every_view",
    "test_english_on_request_reveals_one_sentence_at_a_time",
    "test_hidden_english",
    "test_marked_sentence",
    "test_reader_in_japanese",
    "test_nothing_drawn_is_box_drawing",
    "test_screens_over_the_reader_are_opaque",
    "test_key_opens_the_page_and_escape_returns",
    "test_lines_drawn_again_look_as_drawn_afresh",
    "test_a_section_change_repaints_only_what_changes",
    "test_the_palette_finds_the_source",
    "test_a_shows_the_source_with_both_addresses_as_links",
    "test_a_header_part_is_shown_whole_or_not_at_all",
    "test_a_long_term_name_is_shortened_with_dots",
    "test_r_shows_readings_on_every_page",
    "test_the_percentage_follows_a_new_page_length",
    "test_the_glossary_says_its_order_once",
    "test_snapshot_who_signed_what_in_2024",
    "test_readings_over_unknown_words",
    "test_number_keys_choose_a_section",
    "test_a_key_of_20000_dotted_parts_is_refused_in_little_memory",
    # Widths, one by one (test_reader_lines_at_every_width walks them all in the fast tier):
    "test_txt_export_keeps_terms_whole",
    "test_txt_export_at_every_width",
}


BROAD_FILES = {"test_snapshots.py", "test_snapshot_themes.py"}
"""Files whose parametrized tests are all ``BROAD``: the snapshots at their first size or theme."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark all but the first case of each ``BROAD`` test slow."""
    seen: set[str] = set()
    for item in items:
        name = getattr(item, "originalname", item.name)
        broad = name in BROAD or item.path.name in BROAD_FILES
        if broad and getattr(item, "callspec", None) is not None:
            key = item.nodeid.split("[")[0]
            if key in seen:
                item.add_marker(pytest.mark.slow)
            seen.add(key)


DRAWN = {
    # Files whose Pilot tests draw every frame by hand too (tests/frames.py): those whose point
    # is that nothing fails whatever arrives, and those that count what is drawn.
    "test_random_input.py",
    "test_key_bursts.py",
    "test_palette_burst.py",
    "test_repaints.py",
}


def pytest_configure(config: pytest.Config) -> None:
    """In an xdist worker, syrupy's report of the snapshots (passed, unused) is not worked out:
    the worker's summary is never shown, and working out which snapshots went unused compared
    each snapshot file with each test's name, some 3 s of CPU at the end of the run in the
    worker that ran the snapshots (docs/private-apis.md). A run in one process reports them.

    The fast tier never updates snapshots, and only warns of those it did not use."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        from syrupy.report import SnapshotReport

        SnapshotReport.lines = property(lambda report: iter(()))  # type: ignore[method-assign,assignment]
    if config.option.markexpr == "not slow":  # the fast tier (the addopts' -m)
        # Its snapshots are some sizes and themes of each test; syrupy would take the others'
        # for unused: fail a run in one process for them, and delete them on an update.
        if config.option.update_snapshots:
            raise pytest.UsageError(
                "--snapshot-update with the slow tier left out would delete its snapshots: "
                'add -m "" and name the files whose snapshots changed (README, Run the tests)'
            )
        config.option.warn_unused_snapshots = True


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the collection imported and built (Textual, hypothesis, the tests' modules and
    strategies: most of a test process's objects) is frozen, out of the cyclic collector's
    way. Every collection of the oldest generation walked it all again: about 50 ms each,
    20-odd times a worker. Young collections come every 10,000 allocations instead of 700:
    a Pilot test allocates in bursts, and each collection walked the same survivors again.
    Together, the collector's time in the README command went from some 7 s of CPU to 4.
    (The reader freezes what its start made the same way: genesis_tui.terminal.gc_pause.)"""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Every frame drawn in CI and in the ``DRAWN`` files; by hand, only those looked at."""
    Frames.drawn = HEAVY or item.path.name in DRAWN
