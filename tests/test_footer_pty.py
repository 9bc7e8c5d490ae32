"""The footer in a real terminal: at small sizes it still shows how to quit and get help."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from genesis_tui.i18n.catalogue import CATALOGUES
from tests.terminal import Terminal

pytestmark = pytest.mark.slow


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    started: list[Terminal] = []
    yield started
    for terminal in started:
        terminal.close()


@pytest.mark.parametrize("size", [(60, 20), (40, 12)], ids=["60x20", "40x12"])
@pytest.mark.parametrize(
    ("lang", "quit_label", "help_label"), [("en", "q Quit", "? Help"), ("ja", "q 終了", "? ヘルプ")]
)
def test_the_footer_holds_quit_and_help(
    terminals: list[Terminal],
    tmp_path: Path,
    size: tuple[int, int],
    lang: str,
    quit_label: str,
    help_label: str,
) -> None:
    env = {"XDG_STATE_HOME": str(tmp_path), "LC_ALL": "", "LANG": "C.UTF-8"}
    terminal = Terminal.genesis("--ui-lang", lang, size=size, env=env)
    terminals.append(terminal)
    terminal.wait_for(quit_label)
    footer = terminal.text().splitlines()[-1]
    assert quit_label in footer and help_label in footer, footer
    # Nothing cut: the line ends with a whole label from the interface's words.
    labels = [text for key, text in CATALOGUES[lang].items() if key.startswith(("key.", "hint."))]  # type: ignore[index]
    assert any(footer.rstrip().endswith(" " + label) for label in labels), footer
    terminal.press("?")
    terminal.wait_for("1-5")  # as many section keys as the article has sections
    terminal.press("q")
    assert terminal.wait_exit() == 0
