"""Keys typed straight after the key that opens a text field, in one burst (a fast typist, a
slow SSH link delivering keys together): they go into the field, in order, and run no command.

Each burst is ONE write to the pseudo-terminal, so the reader reads it as one chunk of input,
as it does from a link that delivered the keys together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import Terminal

pytestmark = pytest.mark.slow  # real readers in a terminal (typing in Pilot: test_typeahead.py)

ENGLISH_TEXT = "Key points"
WORD_PANEL = "No words to look up"
READINGS_ON = "Readings are shown"


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    state_home = tmp_path / "state"
    environment = {
        "XDG_STATE_HOME": str(state_home),
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANG": "C.UTF-8",
    }
    terminal = Terminal.genesis("--lang", "en", size=(80, 24), env=environment)
    terminal.wait_for(ENGLISH_TEXT)
    yield terminal, state_home
    terminal.close()


def _readings_saved(terminal: Terminal, state_home: Path) -> object:
    terminal.press("q")
    assert terminal.wait_exit() == 0
    state = json.loads((state_home / "genesis-tui" / "state.json").read_text(encoding="utf-8"))
    return state["readings"]


def test_a_search_typed_in_one_burst(reader: tuple[Terminal, Path]) -> None:
    terminal, state_home = reader
    terminal.press("/riken\r")
    terminal.wait_for("/riken  1/")  # the search's status line: the query, the first match
    text = terminal.text()
    assert WORD_PANEL not in text  # e was a letter of the query, not the word cursor
    assert READINGS_ON not in text  # nor r the readings
    assert _readings_saved(terminal, state_home) is False


def test_the_glossary_filter_typed_in_one_burst(reader: tuple[Terminal, Path]) -> None:
    terminal, _state_home = reader
    terminal.press("goboegaki")
    terminal.wait_for("1 of ")  # the filter's count: one term matches
    text = terminal.text()
    assert "oboegaki" in text  # the filter holds every letter typed
    assert "memorandum of understanding" in text  # the term whose reading is おぼえがき


def test_editing_keys_act_on_the_field_in_order(reader: tuple[Terminal, Path]) -> None:
    terminal, _state_home = reader
    terminal.press("/")
    terminal.wait_for("Search (enter")
    terminal.press("\x15quantum\r")  # ctrl+u (delete to the start), a word, enter: one write
    terminal.wait_for("/quantum  ")
