"""The palette's hits are set by the line breaker: a long name (a term with its reading) is
broken where a typesetter would, never before a closing bracket."""

from __future__ import annotations

from itertools import pairwise

import pytest
from textual.content import Content
from textual.widgets import OptionList

from genesis_tui.content.edition import Edition
from genesis_tui.storage.state import SavedState
from genesis_tui.text.breaks import kinsoku_forbids
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.typeset import set_lines
from tests.apps import drawn_lines, set_text

ECOSYSTEM = (
    "Term: shared computing ecosystem / "
    "共有コンピューティングエコシステム（きょうゆうコンピューティングエコシステム）"
)


@pytest.mark.parametrize("width", range(8, 90))
def test_lines_fit_keep_their_styles_and_obey_kinsoku(width: int) -> None:
    content = Content(ECOSYSTEM).stylize("bold", 0, 4)
    lines = set_lines(content, width).split("\n")
    assert "".join(line.plain for line in lines).replace(" ", "") == ECOSYSTEM.replace(" ", "")
    assert all(cells(line.plain) <= width for line in lines), lines
    for before, after in pairwise(lines):
        assert not kinsoku_forbids(before.plain[-1], after.plain[0]), lines
    assert lines[0].plain[:4] == "Term" and lines[0].spans  # the match's style kept


async def test_no_hit_in_the_palette_starts_a_line_with_a_closing_bracket(
    content: Edition,
) -> None:
    """ctrl+p, "theme" at 80x24: "（きょうゆうコンピューティングエコシステム" ended a line and
    "）" stood alone on the next."""
    app = GenesisApp(content, state=SavedState(section="overview"), ui_lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await set_text(pilot, "theme")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("きょうゆう" in prompt for prompt in prompts), prompts
        drawn = [line.strip() for line in drawn_lines(app)]
        assert any(line.endswith("/ 共有コンピューティングエコシステム") for line in drawn), drawn
        assert "（きょうゆうコンピューティングエコシステム）" in drawn, drawn
        assert not [line for line in drawn if line.startswith(("）", ")", "]"))], drawn
