"""Who's who draws each agreement as what its parties signed: the one the event's label names
(RIKEN and Argonne's 2024 memorandum of understanding), not a framework it belongs to.

On the bundled article: the tests' small content has no agreement between two laboratories.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.pages.whos_who import whos_who_page
from genesis_tui.storage.paths import content_dir
from genesis_tui.storage.state import SavedState
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.explainer import ExplainerScreen
from tests.apps import SnapCompare


def chains(content: Edition, ui_lang: str) -> list[str]:
    page = whos_who_page(content, 100, ui_lang, "both")  # type: ignore[arg-type]
    return [line.strip() for line in page.text() if " ==> " in line]


@pytest.mark.parametrize(
    ("ui_lang", "memorandum"),
    [
        ("en", "[RIKEN] <== memorandum of understanding ==> [Argonne]"),
        ("ja", "[理化学研究所] <== 覚書 ==> [アルゴンヌ国立研究所]"),
    ],
)
def test_the_2024_riken_argonne_memorandum_is_drawn_as_a_memorandum(
    content: Edition, ui_lang: str, memorandum: str
) -> None:
    drawn = chains(content, ui_lang)
    assert drawn[0] == memorandum, drawn
    riken_argonne = [line for line in drawn if "RIKEN" in line or "理化学研究所" in line]
    assert not [line for line in riken_argonne if "framework" in line or "枠組み" in line]


def test_an_agreement_the_label_does_not_name_is_the_events_own(content: Edition) -> None:
    # MEXT and DOE's arrangement of April 2024 is named by no glossary term: the event's
    # agreement (the 2024 framework it is part of) is drawn.
    assert "[MEXT] <== framework for joint AI research ==> [US Department of Energy]" in chains(
        content, "en"
    )


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
def test_snapshot_who_signed_what_in_2024(snap_compare: SnapCompare, ui_lang: str) -> None:
    """Who's who at 80x24, scrolled to "who signed what, when": the 2024 RIKEN-Argonne
    memorandum drawn as a memorandum between the two laboratories."""
    bundled = load_content(content_dir(), validate=False)
    app = GenesisApp(bundled, state=SavedState(section="overview"), ui_lang=ui_lang)  # type: ignore[arg-type]

    async def to_the_deals(pilot: Pilot[Any]) -> None:
        await pilot.press("w")
        screen = app.screen
        assert isinstance(screen, ExplainerScreen)
        view = screen.page_view
        title = "Who signed what, when" if ui_lang == "en" else app.ui("whos_who.deals")
        view.scroll_to_line(view.page.text().index(title), top=True)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_deals)


def deal_lines(content: Edition, width: int, ui_lang: str, view: str) -> list[str]:
    """The lines of each drawn agreement (from its first ``[`` line to the blank after it)."""
    page = whos_who_page(content, width, ui_lang, view)  # type: ignore[arg-type]
    text = page.text()
    lines: list[str] = []
    for number, line in enumerate(text):
        if line.startswith("  [") and ("<==" in line or "<==" in text[number + 1]):
            for rest in text[number:]:
                if not rest.strip():
                    break
                lines.append(rest)
    return lines


@pytest.mark.parametrize("width", [38, 40, 52, 60, 76, 78, 80, 100])
@pytest.mark.parametrize(("ui_lang", "view"), [("en", "both"), ("ja", "both"), ("en", "ja")])
def test_a_bracketed_name_is_never_broken_across_lines(
    content: Edition, width: int, ui_lang: str, view: str
) -> None:
    """``[NVIDIA]`` stays whole: no line of an agreement ends with ``[`` or starts with ``]``
    (at 76 cells, 80 columns' page, ``[NVIDIA`` ended a line and ``]`` started the next)."""
    lines = deal_lines(content, width, ui_lang, view)
    assert lines
    for line in lines:
        assert cells(line) <= width, line
        assert line.count("[") == line.count("]"), lines
        assert not line.rstrip().endswith("[") and not line.strip().startswith("]"), lines
