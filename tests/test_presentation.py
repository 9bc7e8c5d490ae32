"""Presentation: legible in every theme, distinct kinds of text, a reading measure, links and
copying through the terminal, ASCII, one interface language.

On the tests' own content (tests/fixtures/content), in the app and in the pseudo-terminal
sessions alike."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from textual.app import App
from textual.theme import BUILTIN_THEMES
from textual.widgets import Static

from genesis_tui.content.edition import Edition
from genesis_tui.content.urls import site_name
from genesis_tui.i18n.ja import JA
from genesis_tui.storage.state import SavedState, load_state, save_state
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.widgets.key_bar import KeyBar
from genesis_tui.ui.widgets.page_view import PageView
from tests.apps import drawn_lines
from tests.conftest import SMALL_CONTENT
from tests.terminal import Terminal

WIDE = (120, 36)

# ---------------------------------------------------------------------------- measuring cells


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def wcag(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG 2 contrast ratio (written here again, apart from the app's own)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Cell:
    """One drawn character with what it was drawn in."""

    char: str
    x: int
    y: int
    style: Style
    ratio: float


def _is_drawing(char: str) -> bool:
    """Box drawing and block elements: borders and scrollbars, not text."""
    return 0x2500 <= ord(char) <= 0x259F


DEPTHS = {"truecolor": None, "256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD}
"""The colour depths a terminal may get (Rich's names): truecolor with COLORTERM, 256 without
it (tmux's and screen's default), 16 on the Linux console."""


def _sent(color: RichColor, depth: str) -> tuple[int, int, int]:
    """A colour as a terminal of ``depth`` gets it: the nearest of its colours (the 16 in
    Rich's default palette)."""
    system = DEPTHS[depth]
    sent = color.downgrade(system) if system is not None else color
    red, green, blue = sent.get_truecolor()
    return red, green, blue


def rendered_cells(app: App[object], depth: str = "truecolor") -> Iterator[Cell]:
    """Every visible character of the screen as a terminal of colour ``depth`` would draw it,
    with the contrast of its colour on its background (unset colours are the screen's;
    reverse swaps them)."""
    screen = app.screen
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    default_fg = _sent(RichColor.from_rgb(*screen.styles.color.rgb), depth)
    default_bg = _sent(RichColor.from_rgb(*screen.styles.background.rgb), depth)
    for y, line in enumerate(update.strips):  # type: ignore[union-attr]
        x = 0
        for strip in line:
            for text, style, control in strip:
                if control or style is None:
                    x += len(text)
                    continue
                fg = default_fg if style.color is None else _sent(style.color, depth)
                bg = default_bg if style.bgcolor is None else _sent(style.bgcolor, depth)
                if style.reverse:
                    fg, bg = bg, fg
                ratio = wcag(fg, bg)  # type: ignore[arg-type]
                for char in text:
                    if not char.isspace() and not _is_drawing(char):
                        yield Cell(char, x, y, style, ratio)
                    x += 1


SCREENS = {
    # screen: the keys that open it, and those that come back to the reader as it was
    "reader": ((), ()),
    "readings": (("r",), ("r",)),  # furigana over the Japanese
    "glossary": (("g",), ("escape",)),
    "timeline": (("t",), ("escape",)),
    "help": (("question_mark",), ("escape",)),
}


def _themes() -> list[object]:
    fast = {"textual-dark", "catppuccin-latte"}
    return [
        pytest.param(name, marks=() if name in fast else pytest.mark.slow)
        for name in BUILTIN_THEMES
        if not name.startswith("ansi-")
    ]


async def _assert_legible(content: Edition, theme: str, depth: str) -> None:
    """Every screen of ``SCREENS`` in ``theme``, drawn at colour ``depth``: nothing under
    3:1, at most 3% of the cells under 4.5:1. One app visits them all, started in the theme
    as --theme or a saved one starts it (a switch after start, tested below, restyles the
    whole app: it cost more than the rest of this test)."""
    color_depth = None if depth == "truecolor" else depth
    state = SavedState(section="overview", theme=theme)
    app = GenesisApp(content, state=state, color_depth=color_depth)
    async with app.run_test(size=WIDE) as pilot:
        assert app.theme == theme
        for screen_name, (keys, back) in SCREENS.items():
            await pilot.press(*keys)
            await pilot.pause()
            cells = list(rendered_cells(app, depth))
            assert len(cells) > 300, f"{screen_name}: too little drawn to measure"
            faint = [cell for cell in cells if cell.ratio < 3]
            below_aa = [cell for cell in cells if cell.ratio < 4.5]
            where = f"{theme} at {depth}, {screen_name}"
            assert not faint, f"{where}: under 3:1: {faint[:5]}"
            share = len(below_aa) / len(cells)
            assert share <= 0.03, f"{where}: {share:.1%} of cells under 4.5:1: {below_aa[:5]}"
            await pilot.press(*back)
            assert app.screen is app.screen_stack[0], f"{screen_name}: not back at the reader"


@pytest.mark.parametrize("depth", list(DEPTHS))
@pytest.mark.parametrize("theme", _themes())
async def test_every_text_cell_is_legible(small_content: Edition, theme: str, depth: str) -> None:
    await _assert_legible(small_content, theme, depth)


@pytest.mark.parametrize("depth", ["256", "standard"])
@pytest.mark.parametrize("theme", ["solarized-dark", "catppuccin-latte", "gruvbox"])
async def test_the_contrast_holds_in_256_and_16_colours(
    small_content: Edition, theme: str, depth: str
) -> None:
    """The themes that fell furthest under 256 colours (solarized-dark's header was 2.47:1,
    catppuccin-latte's glossary selection 3.21:1) and one that fell under 16."""
    await _assert_legible(small_content, theme, depth)


def _has_japanese(text: str) -> bool:
    return any("\u3040" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" for char in text)


async def test_kinds_of_text_differ_by_attributes_not_colour_alone(
    small_content: Edition, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = GenesisApp(small_content, state=SavedState(section="overview"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("tab")
        await pilot.pause()
        article = app.reader.article
        kinds = ["heading", "link", "current", "mark", "note"]
        attributes = {
            kind: (
                bool(article._style(kind).bold),
                bool(article._style(kind).italic),
                bool(article._style(kind).underline),
                bool(article._style(kind).reverse),
            )
            for kind in kinds
        }
        assert len(set(attributes.values())) == len(kinds), attributes
        # Textual draws NO_COLOR in greys (its Monochrome filter): only attributes tell apart.
        colours = {cell.style.color for cell in rendered_cells(app) if cell.style.color}
        hues = {colour.get_truecolor() for colour in colours if not colour.is_default}
        assert all(r == g == b for r, g, b in hues), "NO_COLOR still draws colours"


@pytest.mark.parametrize("keys", [(), ("t",), ("w",)], ids=["reader", "timeline", "whos-who"])
async def test_japanese_is_never_italic(small_content: Edition, keys: tuple[str, ...]) -> None:
    app = GenesisApp(small_content, state=SavedState(section="overview"))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        cells = list(rendered_cells(app))
        slanted = [cell for cell in cells if cell.style.italic]
        assert slanted, "no italic at all: the notes are expected in italics in English"
        assert not [cell for cell in slanted if _has_japanese(cell.char)]


async def test_headings_are_not_drawn_like_links(small_content: Edition) -> None:
    app = GenesisApp(small_content, state=SavedState(section="overview"))
    async with app.run_test(size=WIDE):
        article = app.reader.article
        heading, link = article._style("heading"), article._style("link")
        assert heading.color != link.color
        assert bool(heading.underline) != bool(link.underline)


# ---------------------------------------------------------------------------- --theme


def test_an_unknown_theme_is_a_usage_error_listing_the_themes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from genesis_tui.cli.main import main

    assert main(["--theme", "no-such-theme"]) == 2
    error = capsys.readouterr().err
    assert "no-such-theme" in error
    assert "textual-light" in error and "nord" in error
    assert "Traceback" not in error


def test_theme_flag_reaches_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    import genesis_tui.cli.reader
    from genesis_tui.cli import main as cli
    from genesis_tui.cli import read

    seen: dict[str, object] = {}

    def fake_run_reader(small_content: Edition, **kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(read, "_is_interactive", lambda: True)
    monkeypatch.setattr(genesis_tui.cli.reader, "run_reader", fake_run_reader)
    assert cli.main(["--theme", "nord"]) == 0
    assert seen["theme"] == "nord"


def test_theme_flag_wins_over_the_saved_theme(tmp_path: Path) -> None:
    from genesis_tui.cli.reader import starting_state

    path = tmp_path / "state.json"
    save_state(SavedState(theme="dracula"), path)
    assert starting_state(path, section_id=None, lang=None)[0].theme == "dracula"
    assert starting_state(path, section_id=None, lang=None, theme="nord")[0].theme == "nord"
    # Without a state file (--no-state) the flag still chooses the theme.
    assert starting_state(None, section_id=None, lang=None, theme="nord")[0].theme == "nord"


async def test_the_theme_chosen_is_remembered(small_content: Edition, tmp_path: Path) -> None:
    app = GenesisApp(small_content, state=SavedState(theme="nord"))
    async with app.run_test(size=WIDE) as pilot:
        assert app.theme == "nord"
        app.theme = "catppuccin-latte"  # as the palette's Theme command does
        await pilot.pause()
        await app.action_quit()
    path = tmp_path / "state.json"
    save_state(app.state, path)
    assert load_state(path).theme == "catppuccin-latte"


async def test_a_saved_theme_no_longer_known_is_ignored(small_content: Edition) -> None:
    app = GenesisApp(small_content, state=SavedState(theme="gone-theme"))
    async with app.run_test(size=WIDE):
        assert app.theme == "textual-dark"


# ---------------------------------------------------------------------------- URLs


def _urls(content: Edition) -> set[str]:
    """Every web address the content holds."""
    urls = {citation.url for event in content.timeline.events for citation in event.citations}
    blocks = [block for section in content.article.sections for block in section.blocks]
    urls |= {c.url for block in blocks if block.since for c in block.since.citations}
    return urls


def _linked(app: App[object]) -> dict[str, str]:
    """Each hyperlink's text on screen, by its URL."""
    texts: dict[str, str] = {}
    for cell in rendered_cells(app):
        if cell.style.link:
            texts[cell.style.link] = texts.get(cell.style.link, "") + cell.char
    return texts


async def test_sources_are_terminal_hyperlinks_named_by_their_site(content: Edition) -> None:
    """Every page a since-note cites (several, for the June 2026 figures) is a hyperlink named
    by its site, and a secondary one says so, in each language of the view."""
    section = next(s for s in content.article.sections if any(b.since for b in s.blocks))
    block = next(b for b in section.blocks if b.since)
    assert block.since is not None
    citations = block.since.citations
    assert len(citations) > 1 and any(c.secondary for c in citations)
    app = GenesisApp(content, state=SavedState(section=section.id))
    async with app.run_test(size=WIDE) as pilot:
        reader = app.reader
        reader.article.scroll_to_line(reader.article.page.block_lines[block.id], top=True)
        await pilot.pause()
        linked = _linked(app)
        for citation in citations:
            assert citation.url in linked, linked
            # Both columns link it: the site's name, once in each.
            assert linked[citation.url] == site_name(citation.url) * 2, linked[citation.url]
        text = "\n".join(reader.article.page.text())
        assert "https:" not in text
        assert "（二次資料）" in text and ", secondary)" in text

        await pilot.press("t")
        await pilot.pause()
        linked = _linked(app)
        cited = [c.url for e in content.timeline.events for c in e.citations]
        assert set(linked) and set(linked) <= set(cited)
        assert all(text.startswith(site_name(url)) for url, text in linked.items())


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_urls_stay_whole_in_every_export(
    small_content: Edition, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from genesis_tui.cli.main import main

    width = ["--width", "40"] if fmt == "txt" else []  # only plain text is wrapped
    assert main(["export", "--content", str(SMALL_CONTENT), "--format", fmt, *width]) == 0
    output = capsys.readouterr().out
    for url in _urls(small_content):
        assert url in output, f"{fmt}: {url} broken or missing"
    if fmt == "txt":
        lines = output.splitlines()
        for url in _urls(small_content):
            whole = re.compile(rf"^[ |]*(\[\d+\] )?{re.escape(url)}( \(.+\))?$")
            assert any(whole.match(line) for line in lines), f"{url} not on its own line"
    if fmt == "md":
        for url in _urls(small_content):
            assert f"]({url})" in output, f"{url} not in link syntax"


# ---------------------------------------------------------------------------- copying


def _osc52(written: list[str]) -> list[str]:
    """The texts sent to the clipboard with OSC 52."""
    texts = []
    for data in written:
        for match in re.finditer(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", data):
            texts.append(base64.b64decode(match.group(1)).decode("utf-8"))
    return texts


async def test_y_copies_the_block_at_the_top_through_osc52(
    small_content: Edition, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = small_content.article.sections[0]
    block = section.blocks[0]
    app = GenesisApp(small_content, state=SavedState(section=section.id))
    async with app.run_test(size=WIDE) as pilot:
        written: list[str] = []
        assert app._driver is not None
        monkeypatch.setattr(app._driver, "write", written.append)
        # At the section's top, the key points are on top: y copies them (issue 24).
        await pilot.press("y")
        await pilot.pause()
        assert _osc52(written)[-1].startswith(section.key_points[0].ja)
        written.clear()
        article = app.reader.article
        article.scroll_to_line(article.page.block_lines[block.id], top=True)
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        copied = _osc52(written)
        assert copied == [f"{block.ja}\n\n{block.en}"]
        toasts = [n.message for n in app._notifications]
        assert any(str(len(copied[0])) in message for message in toasts), toasts

        # The Japanese view copies the Japanese alone. (At 120x40 the fixture's overview fits
        # the screen in Japanese alone, under the header and the section tabs: its key points
        # are on top.)
        await pilot.resize_terminal(120, 40)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert _osc52(written)[-1] == "\n".join(point.ja for point in section.key_points)


async def test_y_copies_a_timeline_event_with_its_whole_source(
    small_content: Edition, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = GenesisApp(small_content, state=SavedState(section="overview"))
    async with app.run_test(size=(50, 12)) as pilot:  # small enough for the timeline to scroll
        await pilot.press("t")
        await pilot.pause()
        view = app.screen.query_one("#explainer", PageView)
        # The first event from outside the article: the one with a web source.
        events = sorted(small_content.timeline.events, key=lambda event: event.date)
        number, first = next((n, e) for n, e in enumerate(events) if not e.from_article)
        top = next(i for i, ln in enumerate(view.page.lines) if ln.block == f"event-{number}")
        view.scroll_to(y=top, animate=False)
        await pilot.pause()
        assert round(view.scroll_y) == top
        written: list[str] = []
        assert app._driver is not None
        monkeypatch.setattr(app._driver, "write", written.append)
        await pilot.press("y")
        await pilot.pause()
        (copied,) = _osc52(written)
        assert first.label.en[:20] in copied.replace("\n", " ")
        assert first.citations[0].url in copied.splitlines()[-1]


async def test_mouse_selection_copies_the_text_not_a_widget_name(small_content: Edition) -> None:
    app = GenesisApp(small_content, state=SavedState(section="overview", view="en"))
    async with app.run_test(size=WIDE) as pilot:
        article = app.reader.article
        line = next(i for i, ln in enumerate(article.page.lines) if ln.block is not None)
        text = article.page.lines[line].text.strip()
        region = article.content_region
        x0 = region.x + article.left_margin
        y = region.y + line
        await pilot.mouse_down(offset=(x0, y))
        await pilot.hover(offset=(x0 + 20, y))
        await pilot.mouse_up(offset=(x0 + 20, y))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected and text.startswith(selected.strip()), (selected, text)
        assert "SectionList" not in (selected or "")
        # Over the section tabs, nothing is selected at all.
        sections = app.screen.query_one("#sections")
        app.screen.clear_selection()
        await pilot.mouse_down(offset=(sections.region.x + 1, sections.region.y))
        await pilot.hover(offset=(sections.region.x + 30, sections.region.y))
        await pilot.mouse_up(offset=(sections.region.x + 30, sections.region.y))
        assert "SectionList" not in (app.screen.get_selected_text() or "")


# ---------------------------------------------------------------------------- in a terminal

MOUSE_ON = re.compile(rb"\x1b\[\?(1000|1002|1003|1006|1015)h")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """genesis-tui on the tests' content in a pseudo-terminal, English, with its own state
    directory."""
    started: list[Terminal] = []

    def start(*args: str, size: tuple[int, int] = (100, 30), **env: str) -> Terminal:
        environment = {
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "LC_ALL": "",
            "LC_MESSAGES": "",
            "LANG": "C.UTF-8",
            **env,
        }
        started.append(
            Terminal.genesis("--content", str(SMALL_CONTENT), *args, size=size, env=environment)
        )
        return started[-1]

    yield start
    for each in started:
        each.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env"),
    [(("--no-mouse",), {}), ((), {"GENESIS_TUI_NO_MOUSE": "1"})],
    ids=["flag", "environment"],
)
def test_no_mouse_leaves_the_mouse_to_the_terminal(
    terminal: Callable[..., Terminal], args: tuple[str, ...], env: dict[str, str]
) -> None:
    with_mouse = terminal()
    with_mouse.wait_for("科学研究を速める")
    assert MOUSE_ON.search(bytes(with_mouse.output)), "the reader does not take the mouse"
    with_mouse.press("q")
    assert with_mouse.wait_exit() == 0

    without = terminal(*args, **env)
    without.wait_for("科学研究を速める")
    without.press("q")
    assert without.wait_exit() == 0
    assert not MOUSE_ON.search(bytes(without.output))


# ---------------------------------------------------------------------------- --ascii


def _content_characters(content: Edition) -> set[str]:
    """Every character the content itself holds (the article's own may be anything)."""
    import dataclasses
    import json

    from genesis_tui.export.formats import to_json

    chars = set(to_json(content))
    chars |= set(json.dumps(dataclasses.asdict(content.article.source), ensure_ascii=False))
    return chars


SCREEN_TOURS: list[tuple[str, ...]] = [
    (),
    ("v",),
    ("v", "v"),
    ("question_mark",),
    ("g",),
    ("g", "r", "i", "enter"),
    ("t",),
    ("w",),
    ("slash", *"Genesis"),
    ("slash", *"Genesis", "enter"),
    ("ctrl+p",),
    ("ctrl+p", *"ri"),
    ("tab", "tab"),
    ("ctrl+p", *"theme", "enter"),
]


@pytest.mark.parametrize("size", [WIDE, (80, 24)], ids=["120x36", "80x24"])
@pytest.mark.parametrize("keys", SCREEN_TOURS, ids=lambda keys: "-".join(keys) or "reader")
async def test_ascii_draws_nothing_but_ascii_and_the_articles_own(
    small_content: Edition, keys: tuple[str, ...], size: tuple[int, int]
) -> None:
    # With the content's own characters, the kana and kanji of the interface's Japanese words:
    # pages label Japanese text in Japanese ("訳注", "その後", a term's category "組織").
    allowed = _content_characters(small_content)
    allowed |= {char for words in JA.values() for char in words if _is_kana_or_kanji(char)}
    app = GenesisApp(small_content, state=SavedState(section="overview"), ascii=True)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()
        drawn = "".join(drawn_lines(app))
        foreign = {char for char in drawn if ord(char) > 127 and char not in allowed}
        assert not foreign, sorted(foreign)


def _drawing(text: str) -> set[str]:
    """Box-drawing characters and block elements (U+2500-U+259F) in ``text``."""
    return {char for char in text if 0x2500 <= ord(char) <= 0x259F}


@pytest.mark.slow
def test_linux_console_draws_no_box_or_block_characters_and_hints(
    terminal: Callable[..., Terminal],
) -> None:
    console = terminal(size=(100, 30), TERM="linux")
    console.wait_for("--lang en --ascii")
    seen = _drawing(console.text())
    steps = (("g", "terms |"), ("\x1b", "Outlook"), ("t", "2025-11"), ("\x1b", "Outlook"))
    for key, shown in steps:
        console.press(key)
        console.wait_for(shown)
        seen |= _drawing(console.text())
    assert not seen, sorted(seen)
    assert not _drawing(bytes(console.output).decode("utf-8", "replace"))
    console.press("q")
    assert console.wait_exit() == 0


# ---------------------------------------------------------------------------- one language

KEY_NAMES = {"esc", "escape", "enter", "tab", "shift", "ctrl", "space", "pgup", "pgdn", "home"}
KEY_NAMES |= {"end", "up", "down", "left", "right", "backspace", "genesis", "tui"}
"""Words a Japanese interface may show in Latin letters: key names and the program's name."""


def _latin_words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-z]{2,}", text)}


def _japanese_texts(content: Edition) -> str:
    """Everything the content says in Japanese (its own Latin words are allowed)."""
    parts = [content.article.title.ja]
    for section in content.article.sections:
        parts += [section.title.ja, *(point.ja for point in section.key_points)]
        for block in section.blocks:
            parts.append(block.ja)
            parts += [block.note.ja] if block.note else []
            parts += [block.since.ja] if block.since else []
    for term in content.glossary.terms:
        parts += [term.term.ja, term.reading, term.definition.ja, *term.aliases.ja]
    parts += [event.label.ja for event in content.timeline.events]
    return "\n".join(parts)


JAPANESE_TOURS: list[tuple[str, ...]] = [
    (),
    ("question_mark",),
    ("g",),
    ("g", "enter"),
    ("t",),
    ("w",),
    ("slash",),
    ("ctrl+p",),
    ("ctrl+p", "THEME", "enter"),
    ("2", "tab", "tab"),
    ("3",),
]


def _typed(keys: tuple[str, ...], theme: str) -> tuple[str, ...]:
    """The keys with THEME typed as the word for theme in the interface's language."""
    return tuple(char for key in keys for char in (theme if key == "THEME" else (key,)))


@pytest.mark.parametrize("keys", JAPANESE_TOURS, ids=lambda keys: "-".join(keys) or "reader")
async def test_the_japanese_interface_shows_no_english(
    small_content: Edition, keys: tuple[str, ...]
) -> None:
    keys = _typed(keys, "テーマ")
    allowed = _latin_words(_japanese_texts(small_content)) | KEY_NAMES
    allowed |= _latin_words(" ".join(BUILTIN_THEMES))  # names, as the theme picker lists them
    allowed |= _latin_words(" ".join(site_name(url) for url in _urls(small_content)))
    app = GenesisApp(small_content, state=SavedState(section="overview", view="ja"), ui_lang="ja")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = drawn_lines(app)
        english = {word: line.strip() for line in lines for word in _latin_words(line) - allowed}
        assert not english, english


def _english_texts(content: Edition) -> str:
    """Everything the content says in English (its own Japanese characters are allowed)."""
    parts = [content.article.title.en]
    for section in content.article.sections:
        parts += [section.title.en, *(point.en for point in section.key_points)]
        for block in section.blocks:
            parts.append(block.en)
            parts += [block.note.en] if block.note else []
            parts += [block.since.en] if block.since else []
    for term in content.glossary.terms:
        parts += [term.term.en, term.definition.en, *term.aliases.en]
    parts += [event.label.en for event in content.timeline.events]
    return "\n".join(parts)


@pytest.mark.parametrize("keys", JAPANESE_TOURS, ids=lambda keys: "-".join(keys) or "reader")
async def test_the_english_view_shows_no_japanese(
    small_content: Edition, keys: tuple[str, ...]
) -> None:
    keys = _typed(keys, "theme")
    allowed = {char for char in _english_texts(small_content) if _has_japanese(char)}
    app = GenesisApp(small_content, state=SavedState(section="overview", view="en"), ui_lang="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = drawn_lines(app)
        japanese = {
            line.strip()
            for line in lines
            if any(_has_japanese(char) and char not in allowed for char in line)
        }
        assert not japanese, japanese


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_footer_labels_match_the_titles_of_the_screens_they_open(
    small_content: Edition, ui_lang: str
) -> None:
    app = GenesisApp(small_content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        labels = {hint.key: hint.description for hint in app.screen.query_one(KeyBar).hints()}
        for key, title_of in (
            ("g", lambda: app.screen.title),
            ("t", lambda: app.screen.sub_title),
            ("w", lambda: app.screen.sub_title),
            ("question_mark", lambda: str(app.screen.query_one("#help-title", Static).render())),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert title_of().startswith(labels[key]), (key, labels[key], title_of())
            await pilot.press("escape")
            await pilot.pause()


# ---------------------------------------------------------------------------- the command line


def _cli(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": "", "COLUMNS": "80"}
    return subprocess.run(
        [sys.executable, "-m", "genesis_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", [("--help",), ("export", "--help")], ids=["main", "export"])
def test_help_is_japanese_in_a_japanese_locale(args: tuple[str, ...]) -> None:
    from genesis_tui.text.typesetting import cells

    result = _cli(*args, lang="ja_JP.UTF-8")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("使い方: ")
    assert "オプション:" in out and "このヘルプを表示して終了します" in out
    assert "show this help" not in out and "usage:" not in out
    assert max(cells(line) for line in out.splitlines()) <= 80  # wrapped by cells


def test_argparse_errors_are_japanese_in_a_japanese_locale() -> None:
    result = _cli("--lang", "fr", lang="ja_JP.UTF-8")
    assert result.returncode == 2
    # One line of what is wrong, one of where the help is (no usage, no "error:" label).
    said, hint = result.stderr.splitlines()
    assert "選べません" in said and hint == "ヘルプ: genesis-tui --help"
    assert "invalid choice" not in result.stderr
    english = _cli("--lang", "fr", lang="C.UTF-8")
    assert "invalid choice" in english.stderr


def test_ui_lang_flag_chooses_the_language_of_help(capsys: pytest.CaptureFixture[str]) -> None:
    from genesis_tui.cli.main import main

    with pytest.raises(SystemExit):
        main(["--ui-lang", "ja", "--help"])
    assert "使い方" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--ui-lang", "en", "--help"])
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["", "read", "check", "export", "readings", "lexicon", "serve"])
def test_every_help_text_has_japanese_words(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command's help in Japanese, argparse's words and ours: every option's and
    command's help starts with Japanese (a help left in English would be all ASCII)."""
    from genesis_tui.cli.main import main

    with pytest.raises(SystemExit):
        main(["--ui-lang", "ja", *([command] if command else []), "--help"])
    out = capsys.readouterr().out
    assert out.startswith("使い方: ") and "オプション:" in out
    helps = re.findall(r"^ {2,4}(?:-\S+|\w+)[^\n]*?  +(\S[^\n]*)$", out, re.MULTILINE)
    assert len(helps) >= 3
    assert not [text for text in helps if text.isascii()], helps


def test_markdown_in_japanese_labels_in_japanese(small_content: Edition) -> None:
    from genesis_tui.export.formats import to_markdown

    text = to_markdown(small_content, "ja")
    assert "出典:" in text and "Source:" not in text and "[English]" not in text
    headers = [line for line in text.splitlines() if line.startswith("### ")]
    glossary = headers[-len(small_content.glossary.terms) :]
    english = {
        term.term.en for term in small_content.glossary.terms if term.term.en != term.term.ja
    }
    assert not [line for line in glossary if any(f" / {name}" in line for name in english)]
    assert "Source: " in to_markdown(small_content, "en")


def test_our_usage_errors_are_japanese_in_a_japanese_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from genesis_tui.cli.main import main

    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert main(["export", "--section", "nope"]) == 2
    assert "'nope' という節はありません" in capsys.readouterr().err
    assert main(["--theme", "nope"]) == 2
    assert "'nope' というテーマはありません" in capsys.readouterr().err
    assert main(["--ui-lang", "en", "export", "--section", "nope"]) == 2
    assert "no section 'nope'" in capsys.readouterr().err


def _is_kana_or_kanji(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff"
