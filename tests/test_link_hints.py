"""Hint mode (f): a label on every link on screen, typed to follow it; escape cancels, junk is
ignored; labels that show without colour, on every page, in every view, in both interface
languages. On the tests' small content."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from genesis_tui.content.edition import Edition
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.pages.page import Line
from genesis_tui.storage.state import SavedState, View
from genesis_tui.text.typesetting import cells
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.base import PageScreen
from genesis_tui.ui.screens.hints import HintScreen
from genesis_tui.ui.screens.reader import ReaderScreen
from genesis_tui.ui.screens.term import TermScreen
from genesis_tui.ui.widgets.link_hints import ALPHABET, covering, hint_labels
from tests.apps import SnapCompare, drawn_lines
from tests.test_snapshots import SMALL

SIZE = (80, 24)


@given(st.integers(min_value=0, max_value=len(ALPHABET) ** 2))
def test_labels_are_whole_when_typed(count: int) -> None:
    """As many labels as links, all different, none the start of another, one letter each
    while there are letters enough."""
    labels = hint_labels(count)
    assert len(labels) == len(set(labels)) == count
    assert all(set(label) <= set(ALPHABET) for label in labels)
    # All of one length and all different: none is the start of another.
    assert {len(label) for label in labels} <= ({1} if count <= len(ALPHABET) else {2})


@given(
    st.text(alphabet=st.sampled_from("Gens ジェネシス・ミッション国1"), max_size=12),
    st.sampled_from(["a", "s", "sd", "qw"]),
)
def test_a_label_never_covers_half_a_character(text: str, label: str) -> None:
    """A label drawn over the start of a line's text ends where a character ends (a space
    after it, in its style, where it would end inside a wide character): the line keeps its
    width, and no wide character is cut in two (``a ェネシス``, ジ half gone, before)."""
    drawn = covering(label, text)
    assert drawn.rstrip(" ") == label or (
        drawn.startswith(label) and not drawn[len(label) :].strip()
    )
    line = cells_of(text)
    over = cells_of(drawn)
    if len(over) <= len(line):
        assert line[len(over) : len(over) + 1] != [""], (text, drawn)  # no half left behind
        assert len(over + line[len(over) :]) == len(line)
    assert cells(drawn) <= max(cells(label), cells(text)) + 1


def app_on(view: View = "both", ui_lang: UiLang = "en", **options: Any) -> GenesisApp:
    return GenesisApp(
        SMALL, state=SavedState(section="overview", view=view), ui_lang=ui_lang, **options
    )


def cells_of(line: str) -> list[str]:
    """A drawn line cell by cell (a wide character, then an empty cell)."""
    return [part for char in line for part in ([char, ""] if cells(char) == 2 else [char])]


def _from_link(line: Line, link: int) -> str:
    """The line's text from the link's first character on."""
    pieces = line.pieces
    first = next(n for n, piece in enumerate(pieces) if piece.link == link)
    return "".join(piece.text for piece in pieces[first:])


def hints(app: GenesisApp) -> HintScreen:
    screen = app.screen
    assert isinstance(screen, HintScreen), screen
    return screen


def page_screen(app: GenesisApp) -> PageScreen:
    screen = app.screen_stack[-2] if isinstance(app.screen, HintScreen) else app.screen
    assert isinstance(screen, PageScreen), screen
    return screen


async def test_typing_a_label_follows_its_link(small_content: Edition) -> None:
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        spots = hints(app).spots
        assert len(spots) > 3
        reader = page_screen(app)
        shown = [
            i for i in range(len(reader.page_view.page.links)) if reader.page_view.link_visible(i)
        ]
        assert [spot.link for spot in spots] == shown  # every link on screen, in reading order
        target = spots[3]
        await pilot.press(*target.label)
        assert isinstance(app.screen, TermScreen)
        assert app.screen.term.id == reader.page_view.page.links[target.link].term_id
        await pilot.press("escape")
        assert reader.page_view.current_link == target.link  # back where the link was


async def test_escape_cancels_and_junk_is_ignored() -> None:
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        spots = hints(app).spots
        unused = next(letter for letter in ALPHABET if not any(s.label == letter for s in spots))
        await pilot.press(unused, "1", "question_mark", "tab", "enter", "f1", "space", "ctrl+l")
        app.screen.post_message(events.Paste(spots[0].label))
        await pilot.pause()
        assert hints(app).typed == "" and hints(app).spots == spots  # still waiting
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.page_view.current_link is None


async def test_two_letter_labels_narrow_as_they_are_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from genesis_tui.ui.widgets import link_hints

    # Two letters: two-letter labels from the third link on, as a screen with more links
    # than the alphabet has letters would have them.
    monkeypatch.setattr(link_hints, "hint_labels", lambda count: hint_labels(count, "as"))
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        screen = hints(app)
        assert len(screen.spots) > 2 and {len(spot.label) for spot in screen.spots} == {2}
        await pilot.press("s")
        shown = [
            spot.label
            for spot, w in zip(screen.spots, screen.query(".hint"), strict=True)
            if w.display
        ]
        assert shown and all(label.startswith("s") for label in shown)
        await pilot.press("backspace")
        assert all(w.display for w in screen.query(".hint"))
        target = screen.spots[-1]
        await pilot.press(*target.label)
        assert isinstance(app.screen, TermScreen)
        assert app.screen_stack[0].page_view.current_link == target.link


async def test_no_link_on_screen_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from genesis_tui.ui.screens import base

    monkeypatch.setattr(base, "link_spots", lambda view: [])  # every fixture screen has links
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert not isinstance(app.screen, HintScreen)
        assert Catalogue()("hints.none") in [n.message for n in app._notifications]


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
@pytest.mark.parametrize(
    ("keys", "view"),
    [
        ((), "both"),
        ((), "ja"),
        ((), "en"),
        (("g", "enter"), "both"),
        (("t",), "both"),
        (("w",), "both"),
    ],
    ids=["reader-both", "reader-ja", "reader-en", "entry", "timeline", "whos-who"],
)
async def test_every_page_and_view_labels_its_links(
    keys: tuple[str, ...], view: View, ui_lang: UiLang, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Labels drawn reversed over each link's first cell, under NO_COLOR and --ascii too;
    the prompt in the interface's language."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_on(view, ui_lang, ascii=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("f")
        screen = hints(app)
        assert screen.spots
        lines = drawn_lines(app)
        for spot, label in zip(screen.spots, screen.query(".hint"), strict=True):
            assert label.rich_style.reverse, spot
            assert cells_of(lines[spot.y])[spot.x : spot.x + len(spot.label)] == list(spot.label)
            # The label takes whole characters: a 1-letter label over ジ is "a " (2 cells).
            page = page_screen(app).page_view
            line = page.page.lines[page.page.links[spot.link].line]
            start = cells(line.text) - cells(_from_link(line, spot.link))
            under = cells_of(line.text)[start:]
            assert label.region.width >= cells(spot.label), spot
            assert under[label.region.width : label.region.width + 1] != [""], (spot, under)
        prompt = screen.query_one("#hint-prompt", Static)
        assert Catalogue(ui_lang)("hints.prompt") in lines[-1]
        assert prompt.rich_style.reverse
        await pilot.press(*screen.spots[0].label)
        assert not isinstance(app.screen, HintScreen)


async def test_a_resize_cancels_the_labels() -> None:
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert hints(app).spots
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_starts_hint_mode() -> None:
    from genesis_tui.ui.commands import GenesisCommands

    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        commands = {name: run for name, run, _ in GenesisCommands(app.screen)._commands()}
        commands[Catalogue()("palette.hints")]()
        await pilot.pause()
        assert hints(app).spots


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
def test_snapshot_hints_over_the_reader(snap_compare: SnapCompare, ui_lang: UiLang) -> None:
    """The reader at 80x24 after f: a reversed label on each link on screen, the prompt in
    place of the footer."""

    async def press_f(pilot: Pilot[Any]) -> None:
        await pilot.press("f")
        await pilot.pause()

    assert snap_compare(app_on(ui_lang=ui_lang), terminal_size=SIZE, run_before=press_f)
