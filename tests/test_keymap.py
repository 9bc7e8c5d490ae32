"""The key map: one table from which every screen's keys, help, the palette and the README come."""

from __future__ import annotations

import re
from pathlib import Path

from genesis_tui.content.edition import Edition
from genesis_tui.i18n.catalogue import CATALOGUES, Catalogue
from genesis_tui.ui import keymap
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.help import HelpScreen

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_keys() -> list[str]:
    """The first column of the README's key table, as help writes it (backticks dropped)."""
    section = README.read_text(encoding="utf-8").split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (`[^|]*?) \|", section, re.M)
    return [row.replace("`", "") for row in rows]


def test_help_and_the_readme_say_the_section_keys_go_round() -> None:
    """] on the last section shows the first, [ on the first the last: help says so, and the
    README's row says what help says."""
    row = next(what for keys, what in keymap.help_rows() if keys == "] / [")
    assert "the first again" in Catalogue("en")(row)
    assert "最後の次は最初" in Catalogue("ja")(row)
    section = README.read_text(encoding="utf-8").split("## Keys", 1)[1]
    assert f"| `]` / `[` | {Catalogue('en')(row)} " in section


def test_every_binding_has_an_id_of_its_own() -> None:
    ids = [key.id for key in keymap.KEYS]
    assert len(ids) == len(set(ids))


def test_the_readme_lists_the_keys_help_lists_and_nothing_else() -> None:
    assert _readme_keys() == [keys for keys, _ in keymap.help_rows()]


def test_help_shows_every_row_of_the_key_map() -> None:
    for lang in CATALOGUES:
        ui = Catalogue(lang)
        for keys, what in keymap.help_rows():
            assert ui(what), (lang, keys)
        for key in keymap.KEYS:
            assert ui.binding_description(key.label, key.id), (lang, key.id)


def test_every_screen_takes_its_bindings_from_the_key_map() -> None:
    from genesis_tui.ui.screens.explainer import ExplainerScreen
    from genesis_tui.ui.screens.glossary import GlossaryScreen
    from genesis_tui.ui.screens.reader import ReaderScreen
    from genesis_tui.ui.screens.term import TermScreen
    from genesis_tui.ui.widgets.search_line import SearchLine

    known = {key.id for key in keymap.KEYS}
    for owner in (GenesisApp, ReaderScreen, TermScreen, ExplainerScreen, GlossaryScreen):
        ids = {binding.id for binding in owner.BINDINGS}  # type: ignore[union-attr]
        assert ids <= known, owner
    assert {binding.id for binding in HelpScreen.BINDINGS} <= known  # type: ignore[union-attr]
    assert {binding.id for binding in SearchLine.BINDINGS} <= known  # type: ignore[union-attr]


def test_page_keys_are_the_same_on_every_page_and_in_help() -> None:
    """shift+space pages up in help as in the reader (help once had its own list)."""
    for scope in ("reader", "term", "explainer", "help"):
        keys = {binding.key for binding in keymap.bindings(scope)}  # type: ignore[union-attr]
        assert "pageup,shift+space" in keys, scope


def test_palette_hints_come_from_the_key_map() -> None:
    assert keymap.palette_key("cycle_view") == "v"
    assert keymap.palette_key("back") == "escape backspace"
    assert keymap.palette_key("quit") == "q / ctrl+q"


async def test_rebinding_one_key_leaves_its_siblings_working(small_content: Edition) -> None:
    """q and ctrl+q both quit, under two ids: rebinding q leaves ctrl+q as it was."""
    app = GenesisApp(small_content)
    async with app.run_test() as pilot:
        app.set_keymap({"quit": "x", "scroll-down": "ctrl+n"})
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running, "q was rebound to x"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


def test_the_app_is_a_host_its_screens_can_read(small_content: Edition) -> None:
    """Screens read the app through ``host_of``: were the app to lose one of the settings, they
    would silently read the defaults instead."""
    from genesis_tui.ui.host import DEFAULTS, Host, host_of

    app = GenesisApp(small_content, ui_lang="ja", ascii=True)
    assert isinstance(app, Host)
    host = host_of(app)
    assert host is app and host.ui.lang == "ja" and host.ascii
    assert host_of(object()) is DEFAULTS
