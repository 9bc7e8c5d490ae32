"""The reader, driven through Pilot: every key of the contract and every screen.

On the tests' small content (tests/fixtures/content): three sections, seven terms.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from genesis_tui.content.edition import Edition
from genesis_tui.content.load import load_content
from genesis_tui.storage.state import SavedState
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.glossary import GlossaryScreen
from genesis_tui.ui.screens.help import HelpScreen
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.term import TermScreen
from tests.apps import search_for, set_text

WIDE, NARROW = (120, 36), (80, 24)


def reader(app: GenesisApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


async def test_starts_on_the_first_section_in_both_languages(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE):
        screen = reader(app)
        assert screen.section_id == "overview"
        assert screen.view == "both"
        assert screen.sub_title.startswith("1/3 概要 / Overview")


@pytest.mark.parametrize(
    ("key", "section"),
    [("1", "overview"), ("2", "japan-role"), ("3", "outlook")],
)
async def test_number_keys_choose_a_section(small_content: Edition, key: str, section: str) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert reader(app).section_id == section
        assert reader(app).article.section_id == section


async def test_number_beyond_the_sections_does_nothing(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "9")
        assert reader(app).section_id == "japan-role"


async def test_brackets_step_through_sections_and_wrap(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right_square_bracket")
        assert reader(app).section_id == "japan-role"
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert reader(app).section_id == "outlook"


def _shows(screen: ReaderScreen, text: str) -> bool:
    return any(text in line for line in screen.article.visible_text())


async def test_v_cycles_the_view_and_hides_the_other_language(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        screen = reader(app)
        await pilot.press("v")
        assert screen.view == "ja"
        assert _shows(screen, "科学研究を速める") and not _shows(screen, "Japan is to become")
        await pilot.press("v")
        assert screen.view == "en"
        assert _shows(screen, "Japan is to become") and not _shows(screen, "科学研究を速める")
        await pilot.press("v")
        assert screen.view == "both"
        assert _shows(screen, "Japan is to become") and _shows(screen, "科学研究を速める")


async def test_both_is_side_by_side_when_wide_with_tops_aligned(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        page = reader(app).article.page
        for block in small_content.section("overview").blocks:
            first = page.lines[page.block_lines[block.id]].text
            # The first line of a block holds the start of both languages: tops aligned.
            assert first.lstrip("・ ").startswith(block.ja[:4]), first  # after a list's bullet
            assert block.en[:12] in first, first


async def test_both_interleaves_when_narrow(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert reader(app).has_class("-narrow")
        page = reader(app).article.page
        block = small_content.section("overview").blocks[0]
        start = page.block_lines[block.id]
        lines = page.text()[start:]
        assert lines[0].startswith(block.ja[:4]) and block.en[:12] not in lines[0]
        english = next(i for i, line in enumerate(lines) if line.startswith(block.en[:12]))
        assert all(line for line in lines[: english - 1])  # the Japanese, then a blank line


async def test_resize_switches_between_layouts(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not reader(app).has_class("-narrow")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert reader(app).has_class("-narrow")


async def test_tab_walks_links_in_reading_order_and_enter_opens(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        article = reader(app).article
        await pilot.press("tab")
        assert article.current_link == 0
        assert article.page.links[0].term_id == "genesis-mission"
        await pilot.press("tab")
        assert article.current_link == 1
        await pilot.press("shift+tab", "shift+tab")
        # Wrapped round to the section's last link.
        assert article.current_link == len(article.page.links) - 1
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen)
        assert app.screen.term.id == "doe"


async def test_tab_scrolls_the_link_into_view(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("tab", "shift+tab", "shift+tab")  # round to the section's last link
        await pilot.pause()
        article = reader(app).article
        assert article.current_link is not None
        line = article.page.links[article.current_link].line
        top = round(article.scroll_y)
        assert top > 0
        assert top <= line < top + article.scrollable_content_region.height


async def test_term_entry_shows_everything_and_jumps_to_an_occurrence(
    small_content: Edition,
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        app.open_term("riken")
        await pilot.pause()
        term_screen = app.screen
        assert isinstance(term_screen, TermScreen)
        page = term_screen.page_view.page
        text = "\n".join(page.text())
        assert "日本最大の総合研究機関" in text
        assert "largest comprehensive research institution" in text
        related = [link for link in page.links if link.jump is None]
        assert [link.term_id for link in related] == list(small_content.term("riken").related)
        places = [link.jump for link in page.links if link.jump is not None]
        # Each place once per language of the view (both: ja and en).
        assert len(places) == 2 * len(small_content.occurrences("riken"))
        await pilot.press("end", "shift+tab", "enter")  # the last place on the page
        await pilot.pause()
        screen = reader(app)
        assert screen.section_id == "outlook"
        assert screen.article.highlighted_block == "outlook-1"
        assert round(screen.article.scroll_y) == min(
            screen.article.page.block_lines["outlook-1"], screen.article.max_scroll_y
        )
        await pilot.press("escape")
        assert reader(app).section_id == "overview"


async def test_related_term_opens_and_escape_goes_back(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        app.open_term("riken")
        await pilot.pause()
        await pilot.press("tab", "enter")  # the first related term
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "mext"
        await pilot.press("escape")
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "riken"
        await pilot.press("backspace")
        assert isinstance(app.screen, ReaderScreen)


async def test_glossary_filter_takes_printable_keys(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert len(screen.shown_ids()) == len(small_content.glossary.terms)
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
     ("Meti", "meti"), ("energy", "doe"), ("osaka", "osaka")],
)  # fmt: skip
async def test_glossary_filter_matches_any_form(
    small_content: Edition, typed: str, expected: str
) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        screen.query_one("#filter", Input).value = typed
        await pilot.pause()
        assert expected in screen.shown_ids()


async def test_glossary_up_down_and_sort(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        options = screen.query_one("#terms", OptionList)
        by_english = screen.shown_ids()
        assert by_english[0] == "genesis-mission"
        await pilot.press("down", "down", "up")
        assert options.highlighted == 1
        await pilot.press("ctrl+s")
        by_reading = screen.shown_ids()
        assert by_reading != by_english
        assert by_reading[0] == "statement-of-intent"  # いこうひょうめいしょ
        # A reading in katakana sorts among the hiragana ones: け < ジ(じ) < べ.
        assert by_reading.index("meti") < by_reading.index("genesis-mission")
        assert by_reading.index("genesis-mission") < by_reading.index("doe")
        await pilot.press("enter")
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == by_reading[0]


async def test_search_jumps_counts_and_goes_back(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await search_for(pilot, "Osaka")  # named in the second section first
        screen = reader(app)
        assert not screen.query_one("#search-input", Input).has_focus
        total = screen.search_bar.position.split("/")[1]
        assert screen.search_bar.position == f"1/{total}"
        assert screen.section_id == "japan-role"
        assert screen.article.marks
        await pilot.press("n")
        assert screen.search_bar.position == f"2/{total}"
        await pilot.press("N", "N")
        # Wrapped round to the last match: a glossary entry.
        assert screen.search_bar.position == f"{total}/{total}"
        assert isinstance(app.screen, TermScreen)
        await pilot.press("n")  # n works on the entry too: back to the first match
        assert reader(app).search_bar.position == f"1/{total}"
        await pilot.press("escape")
        assert reader(app).section_id == "overview"


async def test_search_escape_closes_the_line(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", "x")
        search = reader(app).query_one("#search-input", Input)
        assert search.has_focus and search.display
        await pilot.press("escape")
        assert not search.display
        assert reader(app).section_id == "overview"


async def test_search_without_match_says_so(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", *"zzzz", "enter")
        assert reader(app).search_bar.position == ""
        status = reader(app).query_one("#search-status")
        assert "no match" in str(status.render())


async def test_help_lists_every_key(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        keys = (
            "1-3",
            "a",
            "] / [",
            "tab",
            "enter",
            "/",
            "n / N",
            "escape",
            "?",
            "q",
            "ctrl+p",
            "r",
        )
        for key in (*keys, "ctrl+c", "ctrl+z"):
            assert key in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit_keys(small_content: Edition, key: str) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize(
    ("keys", "moves"),
    [(("j",), 1), (("down",), 1), (("space",), 2), (("pagedown",), 2), (("end",), 3)],
)
async def test_scroll_keys(small_content: Edition, keys: tuple[str, ...], moves: int) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=NARROW) as pilot:
        view = reader(app).article
        await pilot.press(*keys)
        await pilot.pause()
        down = view.scroll_y
        assert down >= moves
        back = {"j": "k", "down": "up", "space": "pageup", "pagedown": "pageup", "end": "home"}
        await pilot.press(back[keys[0]])
        await pilot.pause()
        assert view.scroll_y < down


async def test_command_palette_offers_sections_and_terms(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await set_text(pilot, "Outlook")
        await app.workers.wait_for_complete()  # the palette's search
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert reader(app).section_id == "outlook"
        await pilot.press("ctrl+p")
        await set_text(pilot, "Term: RIKEN")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == "riken"


async def test_state_is_remembered_on_quit(small_content: Edition) -> None:
    app = GenesisApp(small_content, state=SavedState(section="outlook", view="en"))
    async with app.run_test(size=NARROW) as pilot:
        assert reader(app).section_id == "outlook" and reader(app).view == "en"
        await pilot.press("2", "v", "j", "j")
        await pilot.pause()
        await pilot.press("q")
    assert app.state.section == "japan-role"
    assert app.state.view == "both"
    assert app.state.scroll["japan-role"] == 2
    assert app.state.anchors["japan-role"].line == 2


async def test_content_is_data_never_markup(small_content_copy: Path) -> None:
    article = small_content_copy / "article.toml"
    hostile = "[bold]x[/bold] [@click=app.quit]y[/]"
    text = article.read_text(encoding="utf-8").replace(
        'en = "The Genesis Mission is', f'en = "{hostile} The Genesis Mission is'
    )
    article.write_text(text, encoding="utf-8")
    sentences = small_content_copy / "sentences.toml"  # the sentence holds the same text
    text = sentences.read_text(encoding="utf-8").replace(
        'en = ["The Genesis Mission is', f'en = ["{hostile} The Genesis Mission is'
    )
    sentences.write_text(text, encoding="utf-8")
    app = GenesisApp(load_content(small_content_copy))
    async with app.run_test(size=WIDE) as pilot:
        view = reader(app).article
        page = view.page
        number = next(i for i, line in enumerate(page.text()) if "[@click=app.quit]y[/]" in line)
        line = page.text()[number]
        assert "[bold]x[/bold] [@click=app.quit]y[/]" in line  # shown literally
        view.scroll_to(y=number, animate=False)
        await pilot.pause()
        column = cells(line[: line.index("app.quit]y") + len("app.quit]")])
        await pilot.click(view, offset=(column + 1, 0))  # on the "y"
        await pilot.pause()
        assert app.is_running


async def test_palette_shows_content_literally(small_content_copy: Path) -> None:
    # Section titles and terms reach the palette, whose fuzzy highlighting reads markup.
    glossary = small_content_copy / "glossary.toml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace('en = "Osaka" }', 'en = "Osaka [bold]x[/bold] [@click=app.quit]y[/]" }')
    glossary.write_text(text, encoding="utf-8")
    app = GenesisApp(load_content(small_content_copy))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"Osaka")
        await app.workers.wait_for_complete()
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Osaka [bold]x[/bold] [@click=app.quit]y[/]" in p for p in prompts), prompts
        assert app.is_running


async def test_clicking_a_link_opens_its_term(small_content: Edition) -> None:
    app = GenesisApp(small_content)
    async with app.run_test(size=WIDE) as pilot:
        view = reader(app).article
        link = view.page.links[0]
        line = view.page.text()[link.line]
        column = cells(line[: line.index("ジェネシス・ミッション")])
        await pilot.click(view, offset=(column + 2, link.line))
        await pilot.pause()
        assert isinstance(app.screen, TermScreen) and app.screen.term.id == link.term_id


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize("view", ["both", "ja", "en"])
async def test_key_points_leave_room_for_the_text_at_80x24(
    small_content: Edition, view: str, ui_lang: str
) -> None:
    app = GenesisApp(small_content, state=SavedState(view=view), ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=NARROW) as pilot:
        for number, section in enumerate(small_content.article.sections, start=1):
            await pilot.press(str(number))
            article = reader(app).article
            height = article.scrollable_content_region.height
            first_text_line = article.page.block_lines[section.blocks[0].id]
            # Key points, their label and a blank line: about a third of the reading area (a
            # line more than a third at most: the gutter before the scrollbar costs a column).
            assert first_text_line <= height // 3 + 2, (section.id, first_text_line, height)
            assert section.key_points[0].get(ui_lang if view == "both" else view)[:10] in (
                "\n".join(article.visible_text())
            )


async def test_the_search_line_is_seen_the_first_time_it_opens(small_content: Edition) -> None:
    """/ opens the search line on screen, above the footer, before any search was made."""
    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        line = app.screen.query_one("#search-input", Input)
        assert line.has_focus
        bar = app.screen.query_one("#search-bar")
        assert line.region.height >= 1 and line.region.bottom <= 23, line.region
        assert bar.region.contains_region(line.region), (bar.region, line.region)  # not clipped
        await pilot.press("a", "b", "c")
        assert line.value == "abc"


async def test_a_long_search_with_no_match_is_said_back_short(small_content: Edition) -> None:
    """A pasted paragraph that matches nothing: the status line says so within the screen."""
    from textual.widgets import Static

    app = GenesisApp(small_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await set_text(pilot, "zq" * 200, "#search-input")
        await pilot.press("enter")
        status = str(app.screen.query_one("#search-status", Static).render())
        assert "no match" in status and cells(status) < 80, status
