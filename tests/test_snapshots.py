"""What a person sees: SVG snapshots at fixed sizes, fixed state, no cursor blink.

The screens are drawn from the tests' own content (tests/fixtures/content), so that editing the
article breaks none of them; ``TestBundledArticle`` draws the bundled article, for the README, and
``TestReadings`` its furigana. Update them after a deliberate change with
``pytest tests/test_snapshots.py -n 0 --snapshot-update`` (in one process: under pytest-xdist,
syrupy cannot tell which snapshots are no longer used, so it deletes none).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.i18n.catalogue import UiLang
from genesis_tui.storage.paths import content_dir
from genesis_tui.storage.state import SavedState, View
from genesis_tui.ui.app import GenesisApp
from tests.apps import SnapCompare, no_blink, search_for
from tests.conftest import SMALL_CONTENT

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


SMALL = load_content(SMALL_CONTENT)


def make_app(view: View = "both", content: Edition = SMALL) -> GenesisApp:
    return GenesisApp(content, state=SavedState(section="overview", view=view))


class TestBundledArticle:
    """The bundled article's first section, as the README shows it."""

    @pytest.mark.parametrize("size", SIZES)
    def test_reader(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The overview of the bundled article in both languages, as the README pictures it."""
        bundled = load_content(content_dir(), validate=False)
        assert snap_compare(make_app(content=bundled), terminal_size=size)


class TestReadings:
    """Furigana (r): the bundled article's readings over its Japanese, and in a term entry."""

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("view", ["both", "ja"])
    def test_reader(self, snap_compare: SnapCompare, view: View, size: tuple[int, int]) -> None:
        """The bundled overview with readings over its Japanese: the readings sit over their
        words, lines stay whole, in both languages and in Japanese alone."""
        bundled = load_content(content_dir(), validate=False)
        app = GenesisApp(bundled, state=SavedState(section="overview", view=view, readings=True))
        assert snap_compare(app, terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_term_entry(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """MEXT's entry with readings: the term, its definition and where it appears."""
        bundled = load_content(content_dir(), validate=False)
        app = GenesisApp(bundled, state=SavedState(section="overview", view="ja", readings=True))

        async def open_entry(pilot: Pilot[Any]) -> None:
            app.open_term("mext")
            await pilot.pause()

        assert snap_compare(app, terminal_size=size, run_before=open_entry)


class TestReadingsEverywhere:
    """Readings (r) on every page with Japanese: a term entry, the timeline, who's who, at
    80x24 in both interface languages (who's who says its sentences in the interface's)."""

    @staticmethod
    def app_on(page: str, ui_lang: UiLang) -> tuple[GenesisApp, Callable[..., Any]]:
        state = SavedState(section="overview", view="both", readings=True)
        app = GenesisApp(SMALL, state=state, ui_lang=ui_lang)

        async def open_page(pilot: Pilot[Any]) -> None:
            if page == "entry":
                app.open_term("statement-of-intent")
            else:
                await pilot.press("t" if page == "timeline" else "w")
            await pilot.pause()

        return app, open_page

    @pytest.mark.parametrize("page", ["entry", "timeline", "whos_who"])
    def test_english_interface(self, snap_compare: SnapCompare, page: str) -> None:
        """The page with readings over its Japanese, its own words in English."""
        app, open_page = self.app_on(page, "en")
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_page)

    @pytest.mark.parametrize("page", ["entry", "timeline", "whos_who"])
    def test_japanese_interface(self, snap_compare: SnapCompare, page: str) -> None:
        """The page with readings over its Japanese, its own words in Japanese."""
        app, open_page = self.app_on(page, "ja")
        assert snap_compare(app, terminal_size=(80, 24), run_before=open_page)


class TestAbout:
    """The About page (a): the source, both addresses, the translation note, at 80x24."""

    @pytest.mark.parametrize("ui_lang", ["en", "ja"])
    def test_about(self, snap_compare: SnapCompare, ui_lang: UiLang) -> None:
        """The About page in the interface's language."""
        app = GenesisApp(SMALL, state=SavedState(section="overview"), ui_lang=ui_lang)
        assert snap_compare(app, terminal_size=(80, 24), press=["a"])


class TestReader:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("view", ["both", "ja", "en"])
    def test_views(self, snap_compare: SnapCompare, view: View, size: tuple[int, int]) -> None:
        """The overview in each view: key points, the section list, header and footer, links
        underlined; side by side at 120 columns, one language after the other at 80."""
        assert snap_compare(make_app(view), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_current_link(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The second section with its second link chosen (tab): drawn apart from the others."""
        assert snap_compare(make_app(), terminal_size=size, press=["2", "tab", "tab"])


class TestGlossary:
    @pytest.mark.parametrize("size", SIZES)
    def test_glossary_filtered(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The glossary with "ri" typed into its filter: the matching terms, the first chosen."""
        assert snap_compare(
            make_app(), terminal_size=size, press=["g", "r", "i"], run_before=no_blink
        )

    @pytest.mark.parametrize("size", SIZES)
    def test_term_entry(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """RIKEN's entry: both names, reading, category, definition, related terms, places."""

        async def open_riken(pilot: Pilot[Any]) -> None:
            app = pilot.app
            assert isinstance(app, GenesisApp)
            app.open_term("riken")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=open_riken)


class TestSearch:
    @pytest.mark.parametrize("size", SIZES)
    def test_search_results(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """A search for "Genesis" at its second match (n): the matches marked, the count."""

        async def search(pilot: Pilot[Any]) -> None:
            await no_blink(pilot)
            await search_for(pilot, "Genesis")

        assert snap_compare(make_app(), terminal_size=size, press=["n"], run_before=search)


class TestHelp:
    @pytest.mark.parametrize("size", SIZES)
    def test_help(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Help (?): every key with what it does, over the reader."""
        assert snap_compare(make_app(), terminal_size=size, press=["question_mark"])


class TestExplainers:
    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("key", ["t", "w"])
    def test_page(self, snap_compare: SnapCompare, key: str, size: tuple[int, int]) -> None:
        """The timeline (t) and who's who (w) as pages: events with their marks and sources,
        the organisations by country."""
        assert snap_compare(make_app(), terminal_size=size, press=[key])

    @pytest.mark.parametrize("size", SIZES)
    def test_whos_who_deals(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Who's who scrolled to its end (end), its last link chosen (shift+tab)."""
        assert snap_compare(make_app(), terminal_size=size, press=["w", "end", "shift+tab"])


class TestJapaneseInterface:
    """``--ui-lang ja``: the same screens, the interface in Japanese."""

    @staticmethod
    def make_app() -> GenesisApp:
        return GenesisApp(SMALL, state=SavedState(section="overview"), ui_lang="ja")

    @pytest.mark.parametrize("size", SIZES)
    def test_reader(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The reader's header, section list and footer in Japanese."""
        assert snap_compare(self.make_app(), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES)
    def test_help(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """Help in Japanese: the rows wrapped by cells."""
        assert snap_compare(self.make_app(), terminal_size=size, press=["question_mark"])

    @pytest.mark.parametrize("size", SIZES)
    def test_glossary(self, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
        """The glossary in Japanese: its title, filter placeholder, sort and categories."""
        assert snap_compare(self.make_app(), terminal_size=size, press=["g"], run_before=no_blink)

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("key", ["t", "w"])
    def test_explainers(self, snap_compare: SnapCompare, key: str, size: tuple[int, int]) -> None:
        """The timeline and who's who with their own words in Japanese."""
        assert snap_compare(self.make_app(), terminal_size=size, press=[key])


class TestNavigation:
    """The reader, help and a term entry at three sizes, in both interface languages: the
    footer's keys, the section list's shapes, wrapped help, the entry as a page."""

    SIZES = [
        pytest.param((80, 24), id="80x24"),
        pytest.param((60, 20), id="60x20"),
        pytest.param((120, 36), id="120x36"),
    ]

    @staticmethod
    def make_app(ui_lang: str) -> GenesisApp:
        state = SavedState(section="overview")
        return GenesisApp(SMALL, state=state, ui_lang=ui_lang)  # type: ignore[arg-type]

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("ui_lang", ["en", "ja"])
    def test_reader(self, snap_compare: SnapCompare, ui_lang: str, size: tuple[int, int]) -> None:
        """The overview three lines down (j): the footer's keys and the section list's shape
        at this width, the header's percentage."""
        assert snap_compare(self.make_app(ui_lang), terminal_size=size, press=["j", "j", "j"])

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("ui_lang", ["en", "ja"])
    def test_help(self, snap_compare: SnapCompare, ui_lang: str, size: tuple[int, int]) -> None:
        """Help at this width: its rows wrapped, a scrollbar where they do not fit."""
        assert snap_compare(self.make_app(ui_lang), terminal_size=size, press=["question_mark"])

    @pytest.mark.parametrize("size", SIZES)
    @pytest.mark.parametrize("ui_lang", ["en", "ja"])
    def test_term_entry(
        self, snap_compare: SnapCompare, ui_lang: str, size: tuple[int, int]
    ) -> None:
        """RIKEN's entry as a page at this width, its first link chosen (tab)."""

        async def open_riken(pilot: Pilot[Any]) -> None:
            app = pilot.app
            assert isinstance(app, GenesisApp)
            app.open_term("riken")
            await pilot.pause()
            await pilot.press("tab")

        assert snap_compare(self.make_app(ui_lang), terminal_size=size, run_before=open_riken)
