"""The reader, driven through Pilot: every key of the contract and every screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from genesis_tui.app import GenesisApp
from genesis_tui.loader import Content, load_content
from genesis_tui.screens.glossary import GlossaryScreen
from genesis_tui.screens.help import HelpScreen
from genesis_tui.screens.reader import ReaderScreen
from genesis_tui.screens.term import TermScreen
from genesis_tui.state import SavedState
from genesis_tui.widgets.block_text import BlockText

WIDE, NARROW = (120, 36), (80, 24)


def reader(app: GenesisApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


async def test_starts_on_the_first_section_in_both_languages(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE):
        screen = reader(app)
        assert screen.section_id == "overview"
        assert screen.view == "both"
        assert "概要 / Overview" in screen.sub_title


@pytest.mark.parametrize(
    ("key", "section"),
    [("1", "overview"), ("2", "japan-role"), ("3", "significance"), ("4", "challenges"),
     ("5", "outlook")],
)  # fmt: skip
async def test_number_keys_choose_a_section(content: Content, key: str, section: str) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert reader(app).section_id == section
        assert reader(app).current.display


async def test_number_beyond_the_sections_does_nothing(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "9")
        assert reader(app).section_id == "significance"


async def test_brackets_step_through_sections_and_wrap(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right_square_bracket")
        assert reader(app).section_id == "japan-role"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert reader(app).section_id == "outlook"


async def test_v_cycles_the_view_and_hides_the_other_language(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        screen = reader(app)
        row = next(screen.current.rows())
        await pilot.press("v")
        assert screen.view == "ja"
        assert row.text("ja").display and not row.text("en").display
        await pilot.press("v")
        assert screen.view == "en"
        assert row.text("en").display and not row.text("ja").display
        await pilot.press("v")
        assert screen.view == "both"
        assert row.text("ja").display and row.text("en").display


async def test_both_is_side_by_side_when_wide_with_tops_aligned(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        for row in reader(app).current.rows():
            ja, en = row.text("ja").region, row.text("en").region
            assert ja.y == en.y and ja.right <= en.x
            assert row.region.height >= max(ja.height, en.height)


async def test_both_interleaves_when_narrow(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert reader(app).has_class("-narrow")
        row = next(reader(app).current.rows())
        ja, en = row.text("ja").region, row.text("en").region
        assert en.y >= ja.bottom and ja.x == en.x


async def test_resize_switches_between_layouts(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not reader(app).has_class("-narrow")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert reader(app).has_class("-narrow")


async def test_tab_walks_links_in_reading_order_and_enter_opens(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("tab")
        first = next(reader(app).current.rows()).text("ja")
        assert first.current_link == 0
        assert first.links[0].term_id == "trump-administration"
        await pilot.press("tab")
        assert first.current_link == 1
        await pilot.press("shift+tab", "shift+tab")
        # Wrapped round to the section's last link.
        assert first.current_link is None
        await pilot.press("tab", "tab", "enter")
        assert isinstance(app.screen, TermScreen)
        assert app.screen.term.id == "genesis-mission"


async def test_tab_scrolls_the_link_into_view(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("shift+tab")  # the last link of the section, far below
        await pilot.pause()
        screen = reader(app)
        widget = next(w for w in screen.current.query(BlockText) if w.current_link is not None)
        assert screen.current.scroll_y > 0
        assert screen.current.region.contains_region(widget.region) or widget.region.y < (
            screen.current.region.bottom
        )


async def test_term_entry_shows_everything_and_jumps_to_an_occurrence(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        app.open_term("riken")
        await pilot.pause()
        term_screen = app.screen
        assert isinstance(term_screen, TermScreen)
        texts = [w.text for w in term_screen.query(BlockText)]
        assert any("日本最大の総合研究機関" in text for text in texts)
        assert any("largest comprehensive research institution" in text for text in texts)
        related = term_screen.query_one("#related", OptionList)
        assert related.option_count == len(content.term("riken").related)
        occurrences = term_screen.query_one("#occurrences", OptionList)
        assert occurrences.option_count == len(content.occurrences("riken"))
        occurrences.focus()
        occurrences.highlighted = occurrences.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        screen = reader(app)
        assert screen.section_id == "significance"
        assert screen.query_one("#block-significance-5").has_class("-highlight")
        await pilot.press("escape")
        assert reader(app).section_id == "overview"


async def test_related_term_opens_and_escape_goes_back(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        app.open_term("riken")
        await pilot.pause()
        await pilot.press("enter")  # the first related term
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "mext"
        await pilot.press("escape")
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "riken"
        await pilot.press("backspace")
        assert isinstance(app.screen, ReaderScreen)


async def test_glossary_filter_takes_printable_keys(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert len(screen.shown_ids()) == len(content.glossary.terms)
        await pilot.press("q", "v", "n", "g")  # text, not commands
        assert app.is_running and app.screen is screen
        assert screen.query_one("#filter", Input).value == "qvng"
        await pilot.press(*["backspace"] * 4)
        await pilot.press(*"riken")
        assert screen.shown_ids() == ["riken"]
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "riken"
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("理研", "riken"), ("りかがく", "riken"), ("リカガク", "riken"), ("DOE", "doe"),
     ("Nvidia", "nvidia"), ("manhattan", "manhattan-project")],
)  # fmt: skip
async def test_glossary_filter_matches_any_form(
    content: Content, typed: str, expected: str
) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        screen.query_one("#filter", Input).value = typed
        await pilot.pause()
        assert expected in screen.shown_ids()


async def test_glossary_up_down_and_sort(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        options = screen.query_one("#terms", OptionList)
        by_english = screen.shown_ids()
        assert by_english[0] == "argonne"
        await pilot.press("down", "down", "up")
        assert options.highlighted == 1
        await pilot.press("ctrl+s")
        by_reading = screen.shown_ids()
        assert by_reading != by_english
        assert by_reading[0] == "argonne"  # あるごんぬ
        assert by_reading.index("tokyo") > by_reading.index("sca-hpcasia")
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == by_reading[0]


async def test_search_jumps_counts_and_goes_back(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"RIKEN", "enter")
        screen = reader(app)
        assert not screen.query_one("#search-input", Input).has_focus
        total = screen.search_position.split("/")[1]
        assert screen.search_position == f"1/{total}"
        assert screen.section_id == "japan-role"
        marked = [w for w in screen.query(BlockText) if w.marks]
        assert marked
        await pilot.press("n")
        assert screen.search_position == f"2/{total}"
        await pilot.press("N", "N")
        # Wrapped round to the last match: the glossary entry of RIKEN.
        assert screen.search_position == f"{total}/{total}"
        assert isinstance(app.screen, TermScreen)
        await pilot.press("n")  # n works on the entry too: back to the first match
        assert reader(app).search_position == f"1/{total}"
        await pilot.press("escape")
        assert reader(app).section_id == "overview"


async def test_search_escape_closes_the_line(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", "x")
        search = reader(app).query_one("#search-input", Input)
        assert search.has_focus and search.display
        await pilot.press("escape")
        assert not search.display
        assert reader(app).section_id == "overview"


async def test_search_without_match_says_so(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"zzzz", "enter")
        assert reader(app).search_position == ""
        status = reader(app).query_one("#search-status")
        assert "no match" in str(status.render())


async def test_help_lists_every_key(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        for key in ("1-9", "] / [", "tab", "enter", "/", "n / N", "escape", "?", "q", "ctrl+p"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(content: Content, key: str) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize(
    ("keys", "moves"),
    [(("j",), 1), (("down",), 1), (("space",), 2), (("pagedown",), 2), (("end",), 3)],
)
async def test_scroll_keys(content: Content, keys: tuple[str, ...], moves: int) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=NARROW) as pilot:
        view = reader(app).current
        await pilot.press(*keys)
        await pilot.pause()
        down = view.scroll_y
        assert down >= moves
        back = {"j": "k", "down": "up", "space": "pageup", "pagedown": "pageup", "end": "home"}
        await pilot.press(back[keys[0]])
        await pilot.pause()
        assert view.scroll_y < down


async def test_command_palette_offers_sections_and_terms(content: Content) -> None:
    app = GenesisApp(content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Outlook")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).section_id == "outlook"
        await pilot.press("ctrl+p", *"Term: RIKEN")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "riken"


async def test_state_is_remembered_on_quit(content: Content) -> None:
    app = GenesisApp(content, state=SavedState(section="challenges", view="en"))
    async with app.run_test(size=NARROW) as pilot:
        assert reader(app).section_id == "challenges" and reader(app).view == "en"
        await pilot.press("3", "v", "j", "j")
        await pilot.pause()
        await pilot.press("q")
    assert app.state.section == "significance"
    assert app.state.view == "both"
    assert app.state.scroll["significance"] == 2


async def test_content_is_data_never_markup(content_copy: Path) -> None:
    article = content_copy / "article.toml"
    hostile = "[bold]x[/bold] [@click=app.quit]y[/]"
    text = article.read_text(encoding="utf-8").replace(
        'en = "The programme draws on', f'en = "{hostile} The programme draws on'
    )
    article.write_text(text, encoding="utf-8")
    app = GenesisApp(load_content(content_copy))
    async with app.run_test(size=WIDE) as pilot:
        widget = reader(app).query_one("#block-overview-6").query_one("BlockText.-en", BlockText)
        rendered = widget.render()
        assert rendered.plain.replace("\n", " ").startswith(hostile)
        widget.scroll_visible(animate=False, top=True)
        await pilot.pause()
        await pilot.click(widget, offset=(16, 0))  # on the "y"
        await pilot.pause()
        assert app.is_running
