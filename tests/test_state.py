"""The state file as hostile input: whatever is at its path, start-up neither hangs nor crashes,
nothing large is read, and the next save puts a proper file in its place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from genesis_tui.storage.state import (
    MAX_SCROLL_ENTRIES,
    MAX_STATE_BYTES,
    SavedState,
    read_state,
    save_state,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "genesis-tui" / "state.json"


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def assert_replaced_by_next_save(path: Path) -> None:
    save_state(SavedState(section="outlook"), path)
    assert path.is_file() and not path.is_symlink()
    assert read_state(path) == (SavedState(section="outlook"), None)


def test_no_file_is_no_problem(path: Path) -> None:
    assert read_state(path) == (SavedState(), None)


def test_a_saved_state_reads_back(path: Path) -> None:
    state = SavedState(section="outlook", view="ja", scroll={"outlook": 12})
    save_state(state, path)
    assert read_state(path) == (state, None)


@pytest.mark.parametrize(
    "data",
    [b"", b"{not json", b"\xff\xfe", b"[1, 2]", b'"state"', b"null"],
    ids=["empty", "broken", "not-utf8", "list", "string", "null"],
)
def test_not_json_is_ignored(path: Path, data: bytes) -> None:
    write(path, data)
    assert read_state(path) == (SavedState(), "not_json")
    assert_replaced_by_next_save(path)


def test_deep_nesting_is_ignored(path: Path) -> None:
    depth = 200_000  # far past the recursion limit, well under the size cap
    write(path, b'{"scroll": ' + b"[" * depth + b"]" * depth + b"}")
    assert read_state(path) == (SavedState(), "not_json")
    assert_replaced_by_next_save(path)


def test_nesting_within_the_limit_is_just_dropped(path: Path) -> None:
    write(path, b'{"section": "outlook", "junk": ' + b"[" * 500 + b"]" * 500 + b"}")
    assert read_state(path) == (SavedState(section="outlook"), None)


def test_a_fifo_is_not_waited_on(path: Path) -> None:
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert read_state(path) == (SavedState(), "not_regular")  # returns: it did not block
    assert_replaced_by_next_save(path)


def test_a_huge_sparse_file_is_not_read(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with path.open("wb") as file:
        file.truncate(300 * 1024 * 1024)  # 300 MB of holes, no disk used
    assert read_state(path) == (SavedState(), "too_large")
    assert_replaced_by_next_save(path)


def test_just_under_the_cap_is_read(path: Path) -> None:
    head = b'{"section": "outlook", "pad": "'
    write(path, head + b"x" * (MAX_STATE_BYTES - len(head) - 2) + b'"}')
    assert path.stat().st_size == MAX_STATE_BYTES
    assert read_state(path) == (SavedState(section="outlook"), None)


def test_a_symlink_is_not_followed(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text('{"section": "outlook"}', encoding="utf-8")
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    assert read_state(path) == (SavedState(), "unreadable")
    assert_replaced_by_next_save(path)
    assert target.read_text(encoding="utf-8") == '{"section": "outlook"}'  # untouched


def test_a_symlink_to_dev_zero_is_not_followed(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/zero")
    assert read_state(path) == (SavedState(), "unreadable")


def test_a_directory_is_ignored(path: Path) -> None:
    path.mkdir(parents=True)
    assert read_state(path) == (SavedState(), "not_regular")


def test_junk_keys_are_dropped_and_not_saved_again(path: Path) -> None:
    junk = {f"key{i}": i for i in range(20_000)}
    scroll = {f"section{i}": i for i in range(20_000)}
    scroll |= {"outlook": 3, "bad": -1, "worse": "3", "bool": True, "x" * 500: 1}
    write(path, json.dumps({"section": "outlook", "view": "xx", "scroll": scroll, **junk}).encode())
    state, problem = read_state(path)
    assert problem is None
    assert state.section == "outlook" and state.view == "both"
    assert len(state.scroll) <= MAX_SCROLL_ENTRIES
    values = state.scroll.values()
    assert all(type(value) is int and value >= 0 for value in values)
    save_state(state, path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert set(saved) == {
        "section",
        "view",
        "scroll",
        "anchors",
        "readings",
        "theme",
        "readings_mode",
        "readings_above",
        "mark_new",
        "english_hidden",
        "sections_shown",
    }
    assert path.stat().st_size < 64 * 1024


@pytest.mark.parametrize(
    ("value", "read"), [(False, False), (True, True), (None, None), (0, None), ("no", None)]
)
def test_the_section_list_choice_reads_back_only_as_a_boolean(
    path: Path, value: object, read: bool | None
) -> None:
    write(path, json.dumps({"sections_shown": value}).encode())
    assert read_state(path) == (SavedState(sections_shown=read), None)


def test_wrong_types_are_dropped(path: Path) -> None:
    write(path, b'{"section": 5, "view": [], "scroll": {"a": 1.5, "b": null}}')
    assert read_state(path) == (SavedState(), None)


@pytest.mark.parametrize(
    "data", [b'{"section": "\\ud800"}', b'{"anchors": {"\\udfff": {}}}', b'{"theme": "a\\ud83d"}']
)
def test_a_lone_surrogate_is_ignored_and_the_state_saves_again(path: Path, data: bytes) -> None:
    """JSON can escape a lone surrogate, which no file can hold: the state is ignored (saving it
    back failed with a traceback at every quit)."""
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    state, problem = read_state(path)
    assert problem == "not_json"
    save_state(state, path)
    assert read_state(path) == (state, None)
