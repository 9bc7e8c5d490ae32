"""What only a real terminal shows: TERM and NO_COLOR, sizes and resizes, signals, saved state.

Each test runs genesis-tui in a pseudo-terminal (``tests/terminal.py``) and reads the screen
through pyte.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from unicodedata import east_asian_width

import pytest

from genesis_tui.content.load import load_content
from genesis_tui.storage.paths import content_dir
from tests.terminal import Terminal

OVERVIEW_TEXT = "トランプ政権"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
SGR = re.compile(rb"\x1b\[([0-9;]*)m")
GREYS_16 = {0, 7, 8, 15}


def chromatic_colours(output: bytes) -> list[str]:
    """The colours in SGR sequences that are not greys (black, white and grey are allowed)."""
    found = []
    for match in SGR.finditer(output):
        codes = [int(code) for code in match.group(1).split(b";") if code]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and i + 1 < len(codes) and codes[i + 1] == 5:
                index = codes[i + 2]
                grey = index in GREYS_16 or index >= 232
                if 16 <= index <= 231:
                    n = index - 16
                    grey = n // 36 == (n // 6) % 6 == n % 6
                if not grey:
                    found.append(f"256:{index}")
                i += 3
            elif code in (38, 48) and i + 1 < len(codes) and codes[i + 1] == 2:
                r, g, b = codes[i + 2 : i + 5]
                if not r == g == b:
                    found.append(f"rgb:{r},{g},{b}")
                i += 5
            else:
                if 31 <= code <= 36 or 41 <= code <= 46 or 91 <= code <= 96 or 101 <= code <= 106:
                    found.append(f"16:{code}")
                i += 1
    return found


@pytest.fixture
def state_home(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def run(state_home: Path) -> Iterator[object]:
    terminals: list[Terminal] = []

    def start(*args: str, size: tuple[int, int] = (100, 30), **env: str) -> Terminal:
        # The interface language follows the locale: English unless a test asks otherwise.
        locale = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
        environment = {"XDG_STATE_HOME": str(state_home), **locale, **env}
        environment.pop("NO_COLOR", None) if "NO_COLOR" not in env else None
        terminal = Terminal.genesis(*args, size=size, env=environment)
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def _state(state_home: Path) -> dict[str, object]:
    data = json.loads((state_home / "genesis-tui" / "state.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"TERM": "xterm-256color"},
        {"TERM": "screen-256color"},
        {"TERM": "tmux-256color"},
        {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
        {"TERM": "linux"},
    ],
    ids=["xterm-256color", "screen", "tmux", "truecolor", "linux-16"],
)
def test_runs_and_quits_cleanly_in_each_terminal(run, env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    terminal = run(**env)
    # The Linux console cannot draw Japanese: the reader starts there in English.
    terminal.wait_for("Overview" if env["TERM"] == "linux" else OVERVIEW_TEXT)
    terminal.press("q")
    assert terminal.wait_exit() == 0
    assert (
        terminal.output.rstrip().endswith(LEAVE_ALT_SCREEN) or LEAVE_ALT_SCREEN in terminal.output
    )
    assert b"Traceback" not in terminal.output


def test_no_color_sends_no_colour(run) -> None:  # type: ignore[no-untyped-def]
    terminal = run(NO_COLOR="1")
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("\t")  # a current link: emphasis without colour
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.pump(0.3)
    assert chromatic_colours(bytes(terminal.output)) == []
    terminal.press("q")
    assert terminal.wait_exit() == 0


@pytest.mark.slow
def test_colour_is_sent_without_no_color(run) -> None:  # type: ignore[no-untyped-def]
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    assert chromatic_colours(bytes(terminal.output))
    terminal.press("q")
    assert terminal.wait_exit() == 0


def test_term_dumb_prints_the_article(run) -> None:  # type: ignore[no-untyped-def]
    terminal = run(TERM="dumb")
    assert terminal.wait_exit() == 0
    text = terminal.output.decode("utf-8")
    assert "日本は米国初の国際的パートナーになりました" in text
    assert "Japan has become the first international partner" in text
    assert "\x1b[" not in text


@pytest.mark.slow
@pytest.mark.parametrize("size", [(20, 6), (39, 12), (60, 9)])
def test_too_small_says_so_and_recovers(run, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    terminal = run(size=size)
    terminal.wait_for("too small")
    terminal.resize(100, 30)
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.resize(*size)
    terminal.wait_for("too small")
    terminal.press("q")
    assert terminal.wait_exit() == 0


@pytest.mark.slow
def test_resizes_at_any_moment(run) -> None:  # type: ignore[no-untyped-def]
    terminal = run(size=(80, 24))
    terminal.wait_for(OVERVIEW_TEXT)
    sizes = [(120, 36), (20, 6), (100, 30), (45, 11), (81, 25), (200, 60), (80, 24)]
    for columns, lines in sizes * 2:
        terminal.resize(columns, lines)
        terminal.press("]", "\t", "v")
        terminal.pump(0.02)
    # Keys that come while the "too small" cover is up are the cover's (and go nowhere): as a
    # user would, wait for the storm's last frame before the next key.
    quiet_since, deadline = time.monotonic(), time.monotonic() + 20
    while time.monotonic() - quiet_since < 0.5 and time.monotonic() < deadline:
        before = len(terminal.output)
        terminal.pump(0.05)
        if len(terminal.output) != before:
            quiet_since = time.monotonic()
    # Which of the storm's keys the reader saw (and not the cover) depends on timing: it answers
    # the keys that come after, whatever view and section they left.
    terminal.press("3")
    terminal.wait_for("3/5")
    terminal.press("1")
    terminal.wait_for("1/5")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    assert b"Traceback" not in terminal.output


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_ends_cleanly_and_saves_state(run, state_home: Path, signum: int) -> None:  # type: ignore[no-untyped-def]
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("4")
    terminal.wait_for("日本の業務分担")
    terminal.signal(signum)
    status = terminal.wait_exit()
    assert status == 0
    assert LEAVE_ALT_SCREEN in terminal.output
    assert b"Traceback" not in terminal.output
    assert _state(state_home)["section"] == "challenges"


@pytest.mark.slow
def test_state_is_restored_and_flags_win(run, state_home: Path) -> None:  # type: ignore[no-untyped-def]
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("5", "v")
    terminal.wait_for("結論：AIと")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    saved = _state(state_home)
    assert {key: saved[key] for key in ("section", "view", "theme", "readings")} == {
        "section": "outlook", "view": "ja", "theme": "textual-dark", "readings": False,
    }  # fmt: skip

    again = run()
    again.wait_for("結論：AIと")
    again.press("q")
    assert again.wait_exit() == 0

    flagged = run("--section", "japan-role", "--lang", "en")
    flagged.wait_for("What Japan's participation means")
    assert "日本の参加が意味するもの" not in flagged.text()
    flagged.press("q")
    assert flagged.wait_exit() == 0


@pytest.mark.slow
@pytest.mark.parametrize("garbage", [b"", b"{not json", b"\xff\xfe", b'{"section": 5, "view": []}'])
def test_unreadable_state_is_ignored(run, state_home: Path, garbage: bytes) -> None:  # type: ignore[no-untyped-def]
    path = state_home / "genesis-tui" / "state.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(garbage)
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("2")
    terminal.wait_for("日本の参加が意味するもの")
    terminal.press("q")
    assert terminal.wait_exit() == 0
    assert _state(state_home)["section"] == "japan-role"


@pytest.mark.slow
def test_terminal_closed_without_a_signal_ends_it(run, state_home: Path) -> None:  # type: ignore[no-untyped-def]
    """A terminal that disappears (the pty closed, no SIGHUP) ends the app; it does not spin."""
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("3")
    terminal.wait_for("科学技術の戦略的意義")
    os.close(terminal.master)
    terminal.master = -1
    assert terminal.process.wait(timeout=20) == 0
    assert _state(state_home)["section"] == "significance"


@pytest.mark.slow
def test_japanese_locale_gives_a_japanese_interface(run) -> None:  # type: ignore[no-untyped-def]
    terminal = run(LANG="ja_JP.UTF-8")
    terminal.wait_for("用語集")  # the footer's glossary key, in Japanese
    assert "Glossary" not in terminal.text()
    terminal.press("?")
    terminal.wait_for("キー操作")
    terminal.press("q", "q")
    assert terminal.wait_exit() == 0

    flagged = run("--ui-lang", "en", LANG="ja_JP.UTF-8")
    flagged.wait_for("Glossary")
    flagged.press("q")
    assert flagged.wait_exit() == 0


@pytest.mark.slow
def test_typing_ahead_never_crashes(run) -> None:  # type: ignore[no-untyped-def]
    # Over SSH keys arrive in bursts: a page's keys can come before the page has its widgets.
    terminal = run()
    # (No g in the burst: g opens the glossary from every screen, and its filter would take
    # the rest of the burst as text.)
    terminal.press("tkjw\t\rjx", "2tkkkkk", "wjjjjj?")
    terminal.wait_for("Help: keys")
    terminal.press("q")  # q quits, from the help too
    assert terminal.wait_exit() == 0
    assert "Traceback" not in terminal.output.decode(errors="replace")


@pytest.mark.slow  # a real reader in a terminal (test_no_color_sends_no_colour is the fast one)
def test_keys_after_quit_never_crash(run) -> None:  # type: ignore[no-untyped-def]
    # A burst that quits and goes on typing: the page opened while leaving must not act.
    terminal = run()
    terminal.wait_for(OVERVIEW_TEXT)
    terminal.press("question_mark")  # typed as letters: q quits, then t, then k
    assert terminal.wait_exit() == 0
    assert "Traceback" not in terminal.output.decode(errors="replace")


def _ambiguous(text: str) -> set[str]:
    return {char for char in text if ord(char) > 127 and east_asian_width(char) == "A"}


@pytest.mark.slow
def test_ascii_mode_draws_no_ambiguous_width_characters(run) -> None:  # type: ignore[no-untyped-def]
    # Terminals in Japanese locales often draw East Asian Ambiguous characters two cells wide.
    # With --ascii the interface draws none; only the article's own text (“ ” and the like) may.
    content = load_content(content_dir())
    texts = [
        f"{b.ja}{b.en}{b.note.ja if b.note else ''}{b.note.en if b.note else ''}"
        f"{b.since.ja + b.since.en if b.since else ''}"
        for _, b in content.article.blocks()
    ]
    texts += [f"{t.definition.ja}{t.definition.en}" for t in content.glossary.terms]
    allowed = _ambiguous("".join(texts))
    terminal = run("--ascii", size=(100, 30))
    terminal.wait_for(OVERVIEW_TEXT)
    seen = _ambiguous(terminal.text())
    # Each step: keys, what shows that they took effect, and what must be gone by then.
    reader = ("Outlook", "")
    steps = [("?", ("Help: keys", "")), ("?", ("Outlook", "Help: keys")), ("g", ("terms |", ""))]
    steps += [("\x1b", ("Outlook", "terms |")), ("t", ("2025-11", "")), ("\x1b", reader)]
    steps += [("w", ("JAPAN", "")), ("\x1b", ("Outlook", "JAPAN")), ("/", ("Search (", ""))]
    steps += [("\x1b", ("Outlook", "Search (")), ("e", ("dictionary form", ""))]
    steps += [("\x1b", ("Outlook", "dictionary form")), ("\x10", ("Section 1:", ""))]
    for keys, (shown, gone) in steps:
        terminal.press(keys)
        terminal.wait_for(shown)
        while gone and gone in terminal.text():
            assert terminal.pump(0.1), f"closed while waiting for {gone!r} to go"
        seen |= _ambiguous(terminal.text())
    assert seen <= allowed, sorted(seen - allowed)
    terminal.press("\x1b")
    while "Section 1:" in terminal.text():
        assert terminal.pump(0.1)
    terminal.press("q")
    assert terminal.wait_exit() == 0
