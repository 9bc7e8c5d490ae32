"""The small things: glossary rows, the timeline's legend, keys a terminal user's fingers know."""

from __future__ import annotations

import re

import pytest
from textual.widgets import OptionList

from genesis_tui.app import GenesisApp
from genesis_tui.loader import Content
from genesis_tui.screens.glossary import GlossaryScreen
from genesis_tui.search import to_hiragana

SIZE = (80, 24)


def _rows(screen: GlossaryScreen) -> list[str]:
    options = screen.query_one("#terms", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_glossary_rows_speak_the_interface_language(content: Content, ui_lang: str) -> None:
    app = GenesisApp(content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        rows = _rows(screen)
        terms = [content.term(term_id) for term_id in screen.shown_ids()]
        for row, term in zip(rows, terms, strict=True):
            first, second = row.split("\n")
            lead = term.term.ja if ui_lang == "ja" else term.term.en
            assert first.startswith(lead) and second.strip()
            # A reading is shown only where it adds something: never X（X）.
            assert not re.search(r"(\S+)（\1）", row), row
        if ui_lang == "ja":  # kana order, by reading
            readings = [to_hiragana(term.reading) for term in terms]
            assert readings == sorted(readings)
        else:
            names = [term.term.en.casefold() for term in terms]
            assert names == sorted(names)


async def test_a_katakana_name_is_not_followed_by_itself(content: Content) -> None:
    katakana = [
        t for t in content.glossary.terms if to_hiragana(t.reading) == to_hiragana(t.term.ja)
    ]
    assert katakana, "the article has names written in kana"
    app = GenesisApp(content)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        rows = dict(zip(screen.shown_ids(), _rows(screen), strict=True))
        for term in katakana:
            assert "（" not in rows[term.id]
