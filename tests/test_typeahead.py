"""Keys typed ahead in one burst after the key that opens a text field go into the field, in
order, and run no command (``ui.typeahead``).

``Pilot.press`` waits for the app to be idle between keys, which hides the bug: here the keys
are posted to the app all at once, as the driver posts a burst read from the terminal.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from genesis_tui.content.edition import Edition
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.glossary import GlossaryScreen
from genesis_tui.ui.widgets.word_panel import WordPanel
from tests.apps import reader

NAMES = {"/": "slash", "\r": "enter", "\x15": "ctrl+u", "\x1b": "escape", "\x7f": "backspace"}


async def burst(pilot: Pilot[Any], typed: str) -> None:
    """Post every key of ``typed`` to the app with no wait between them, then let them act."""
    for char in typed:
        key = NAMES.get(char, char)
        printable = char if char.isprintable() else None
        pilot.app.post_message(events.Key(key, printable))
    for _ in range(3):
        await pilot.pause()


async def test_a_search_typed_in_a_burst_is_the_search_lines(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "/riken")
        line = app.screen.query_one("#search-input", Input)
        assert line.value == "riken"
        assert app.focused is line
        screen = reader(app)
        assert screen.readings is False  # r was a letter, not the readings key
        assert not screen.query(WordPanel)  # nor e the word cursor
        await burst(pilot, "\r")
        assert screen.search_bar.session.query == "riken"


async def test_editing_keys_act_in_order_on_the_field(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "x", "y")
        await burst(pilot, "\x15quantum\x7fm\r")  # ctrl+u, a word, backspace, a letter, enter
        assert reader(app).search_bar.session.query == "quantum"


async def test_the_glossary_filter_takes_the_letters_after_g(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "griken")
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#filter", Input).value == "riken"
        assert app.screen.shown_ids() == ["riken"]
        assert reader(app).readings is False


async def test_keys_after_the_search_are_the_readers_again(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "/riken\rr")  # the search, then r: readings on
        screen = reader(app)
        assert screen.search_bar.session.query == "riken"
        assert screen.readings is True
