"""The interface in Japanese and English: one catalogue per language, chosen by flag or locale.

The screens run on the tests' small content (tests/fixtures/content).
"""

from __future__ import annotations

import string

import pytest
from textual.binding import Binding
from textual.widgets import Input, OptionList, Static

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.i18n.catalogue import CATALOGUES, Catalogue, ui_lang_from_locale
from genesis_tui.i18n.en import EN
from genesis_tui.i18n.ja import JA
from genesis_tui.text.typesetting import cells
from genesis_tui.ui import keymap
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.explainer import ExplainerScreen
from genesis_tui.ui.screens.glossary import GlossaryScreen
from genesis_tui.ui.screens.help import HelpScreen
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.term import TermScreen
from genesis_tui.ui.widgets.key_bar import KeyBar

SCREENS = (GenesisApp, ReaderScreen, GlossaryScreen, TermScreen, HelpScreen, ExplainerScreen)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_catalogues_hold_the_same_keys_and_fields() -> None:
    assert set(EN) == set(JA)
    for key in EN:
        assert _fields(EN[key]) == _fields(JA[key]), key
        assert EN[key].strip() and JA[key].strip(), key


def test_every_binding_and_help_row_has_words_in_both_languages() -> None:
    for lang in CATALOGUES:
        ui = Catalogue(lang)
        for screen in SCREENS:
            for binding in screen.BINDINGS:
                assert isinstance(binding, Binding) and binding.id, (screen, binding)
                assert ui.binding_description(binding.description, binding.id)
        for _, key in keymap.help_rows():
            assert ui(key)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
        ({"LC_ALL": "C", "LC_MESSAGES": "ja_JP.UTF-8"}, "en"),  # LC_ALL wins
        ({"LC_ALL": "", "LANG": "ja"}, "ja"),  # an empty variable counts as unset
    ],
)
def test_locale_chooses_the_interface_language(environ: dict[str, str], expected: str) -> None:
    assert ui_lang_from_locale(environ) == expected


def test_unknown_ui_lang_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--ui-lang", "fr"])
    assert exit_info.value.code == 2
    assert "--ui-lang" in capsys.readouterr().err


def _footer_text(app: GenesisApp) -> str:
    return "  ".join(f"{hint.display} {hint.description}" for hint in _bar(app).shown())


def _bar(app: GenesisApp) -> KeyBar:
    return app.screen.query_one(KeyBar)


async def test_japanese_interface_everywhere(small_content: Edition) -> None:
    app = GenesisApp(small_content, ui_lang="ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.title == small_content.article.title.ja
        footer = _footer_text(app)
        assert "用語集" in footer and "終了" in footer and "Glossary" not in footer
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "N番目の節へ" in str(app.screen.query_one("#help-keys", Static).render())
        await pilot.press("escape", "g")
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.title == "用語集"
        assert app.screen.query_one("#filter", Input).placeholder.startswith("絞り込み")
        await pilot.press("escape", "t")
        assert isinstance(app.screen, ExplainerScreen)
        assert app.screen.sub_title == "年表"
        await pilot.press("escape", "slash", *"zzz", "enter")
        status = app.screen.query_one("#search-status", Static)
        assert "一致なし" in str(status.render())


async def test_english_interface_by_default(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.screen.title == small_content.article.title.en
        assert "Glossary" in _footer_text(app)


async def test_palette_speaks_the_interface_language(small_content: Edition) -> None:
    app = GenesisApp(small_content, ui_lang="ja")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"年表")
        await app.workers.wait_for_complete()  # the palette searches in a worker
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("年表" in text for text in texts), texts
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen)


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("keys", [("1",), ("g",), ("t",), ("tab", "enter")])
async def test_footer_fits_80_columns(
    small_content: Edition, ui_lang: str, keys: tuple[str, ...]
) -> None:
    # A footer key past the edge is cut, and a cut wide character draws garbage.
    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        bar = _bar(app)
        shown = bar.shown()
        assert shown
        line = "".join(segment.text for segment in bar.render_line(0))
        assert cells(line) == 80
        for hint in shown:  # each whole
            assert f"{hint.display} {hint.description}" in line
