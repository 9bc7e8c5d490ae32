"""No key sequence or resize crashes the reader: random input through Pilot.

Each example starts the app on the tests' small content, plays a random sequence of the
contract's keys, random letters, tabs, escapes and resizes, and checks after every step that the
app is alive and consistent. An example costs a whole app (about half a second, most of it
Pilot waiting for the app to go idle after each key), so a run by hand plays a few new sequences
each time and CI plays many (a fixed set: see tests/conftest.py); GENESIS_RANDOM_EXAMPLES sets
the number. The examples are shared out among the starting sizes, one test each, so that
pytest-xdist's workers play them side by side.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from genesis_tui.content.edition import Edition
from genesis_tui.storage.state import VIEWS
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen
from tests.conftest import HEAVY

CONTRACT_KEYS = [
    *"123456789", "right_square_bracket", "left_square_bracket", "v", "g", "slash", "n", "N",
    "tab", "shift+tab", "enter", "escape", "backspace", "question_mark", "j", "k", "up", "down",
    "space", "pageup", "pagedown", "home", "end", "ctrl+p", "ctrl+s", "t", "w",
]  # fmt: skip
LETTERS = list("abcdefhilmoprstuwxyz理研AIDOE")
SIZES = [(20, 6), (40, 10), (60, 20), (80, 24), (99, 30), (100, 30), (120, 36), (160, 48)]

steps = st.one_of(
    st.sampled_from(CONTRACT_KEYS),
    st.sampled_from(LETTERS),
    st.sampled_from(SIZES),
)
EXAMPLES = int(os.environ.get("GENESIS_RANDOM_EXAMPLES", "200" if HEAVY else "16"))
PER_SIZE = max(1, -(-EXAMPLES // len(SIZES)))  # rounded up


async def _play(content: Edition, size: tuple[int, int], sequence: list[Any]) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=size) as pilot:
        for step in sequence:
            if isinstance(step, tuple):
                await pilot.resize_terminal(*step)
                await pilot.pause()
            else:
                await pilot.press(step)  # waits until the app has handled the key
            _check(app, pilot)
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


def _check(app: GenesisApp, pilot: Pilot[Any]) -> None:
    assert app.is_running, "the app stopped"
    reader = app.screen_stack[0]
    assert isinstance(reader, ReaderScreen)
    ids = [section.id for section in app.content.article.sections]
    assert reader.section_id in ids
    assert reader.view in VIEWS
    article = reader.article
    assert (article.section_id, article.view) == (reader.section_id, reader.view)
    assert article.page.lines  # the section is laid out and shown
    if article.current_link is not None:
        assert 0 <= article.current_link < len(article.page.links)
    position = reader.search_bar.position
    if position:
        current, total = (int(part) for part in position.split("/"))
        assert 1 <= current <= total


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@settings(
    max_examples=PER_SIZE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sequence=st.lists(steps, min_size=1, max_size=20))
def test_random_input_never_crashes(
    small_content: Edition, size: tuple[int, int], sequence: list[Any]
) -> None:
    asyncio.run(_play(small_content, size, sequence))
