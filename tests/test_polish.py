"""The small things: glossary rows, the timeline's legend, keys a terminal user's fingers know."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import signal
import sys
import time
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from genesis_tui.content.edition import Edition
from genesis_tui.text.kana import reading_order, to_hiragana
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.glossary import GlossaryScreen
from tests.terminal import Terminal

SIZE = (80, 24)


def _rows(screen: GlossaryScreen) -> list[str]:
    options = screen.query_one("#terms", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_glossary_rows_speak_the_interface_language(content: Edition, ui_lang: str) -> None:
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
        if ui_lang == "ja":  # dictionary order of the readings (ー as the vowel it lengthens)
            readings = [reading_order(term.reading) for term in terms]
            assert readings == sorted(readings)
        else:
            names = [term.term.en.casefold() for term in terms]
            assert names == sorted(names)


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
async def test_the_glossary_says_its_order_once(content: Edition, ui_lang: str) -> None:
    app = GenesisApp(content, ui_lang=ui_lang)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        for _ in range(2):  # each order in turn (ctrl+s)
            order = screen.ui(f"glossary.sorted_by_{screen.sort_key}")
            count = str(screen.query_one("#glossary-count", Static).render())
            header = f"{screen.title} {screen.sub_title}"
            assert (count + header).count(order) == 1, (count, header)
            assert order in count
            await pilot.press("ctrl+s")


async def test_a_katakana_name_is_not_followed_by_itself(content: Edition) -> None:
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


def _process_state(pid: int) -> str:
    """The process's state letter from /proc (T: stopped)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0]


@pytest.mark.slow
def test_ctrl_z_suspends_and_ctrl_c_leaves_saving_the_place(tmp_path: Path) -> None:
    """Under a shell with job control (bash, as a login shell runs it): ctrl+z stops the
    reader and gives the shell the terminal, ``fg`` brings it back drawn anew."""
    env = {"XDG_STATE_HOME": str(tmp_path), "LC_ALL": "", "LANG": "C.UTF-8"}
    terminal = Terminal.job_shell(size=(100, 30), env=env)
    try:
        terminal.wait_for("$ ")
        shell = terminal.foreground()
        terminal.press(f"{shlex.join([sys.executable, '-m', 'genesis_tui'])}\n")
        terminal.wait_for("トランプ政権")
        reader = terminal.foreground()
        assert reader != shell, "the reader is a job of its own"
        terminal.press("4")
        terminal.wait_for("日本の業務分担")
        terminal.press("\x1a")  # ctrl+z
        deadline = time.monotonic() + 10
        while _process_state(reader) != "T" or terminal.foreground() != shell:
            assert time.monotonic() < deadline, "ctrl+z did not suspend"
            terminal.pump(0.05)
        terminal.wait_for("Stopped")  # the shell's word, on the shell's screen
        assert b"\x1b[?1049l" in terminal.output
        resumed_from = len(terminal.output)
        terminal.press("fg\n")
        deadline = time.monotonic() + 10
        # Its own screen again, cleared and drawn anew (the shell's screen was showing).
        while b"\x1b[2J" not in terminal.output[resumed_from:].partition(b"\x1b[?1049h")[2]:
            assert time.monotonic() < deadline, "not drawn again after fg"
            terminal.pump(0.05)
        terminal.wait_for("日本の業務分担")
        terminal.press("\x03")  # ctrl+c, nothing selected: leave as q does
        deadline = time.monotonic() + 20
        while terminal.foreground() != shell:
            assert time.monotonic() < deadline, "ctrl+c did not end the reader"
            terminal.pump(0.05)
        terminal.press("echo status=$?\n")
        terminal.wait_for("status=0")
        assert b"Traceback" not in terminal.output
        state = json.loads((tmp_path / "genesis-tui" / "state.json").read_text("utf-8"))
        assert state["section"] == "challenges"
        terminal.press("exit\n")
        terminal.wait_exit()
    finally:
        _end_session(terminal)


@pytest.mark.slow
@pytest.mark.parametrize("through_sh", [False, True])
def test_ctrl_z_is_refused_where_no_shell_could_bring_the_reader_back(
    tmp_path: Path, through_sh: bool
) -> None:
    """As sshd's ForceCommand runs it (``sh -c``, a session of its own, no job control): a
    stop could never be undone, so ctrl+z says so and the reader goes on."""
    env = {"XDG_STATE_HOME": str(tmp_path), "LC_ALL": "", "LANG": "C.UTF-8"}
    reader = shlex.join([sys.executable, "-m", "genesis_tui", "--ui-lang", "en"])
    args = ["sh", "-c", f"{reader}; exit $?"] if through_sh else shlex.split(reader)
    terminal = Terminal(args, size=(100, 30), env=env, controlling=True)
    try:
        terminal.wait_for("トランプ政権")
        terminal.press("\x1a")  # ctrl+z
        terminal.wait_for("ctrl+z is off here")
        for pid in _processes_in_session(terminal.process.pid):
            assert _process_state(pid) != "T"
        terminal.press("4")
        terminal.wait_for("日本の業務分担")
        terminal.press("q")
        assert terminal.wait_exit() == 0
        state = json.loads((tmp_path / "genesis-tui" / "state.json").read_text("utf-8"))
        assert state["section"] == "challenges"
    finally:
        _end_session(terminal)


def _end_session(terminal: Terminal) -> None:
    """Close the terminal, and kill whatever of its session is left (a reader that failed the
    test may outlive its shell: closing kills only the process the terminal started)."""
    session = terminal.process.pid
    terminal.close()
    for pid in _processes_in_session(session):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _processes_in_session(session: int) -> list[int]:
    pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    found = []
    for pid in pids:
        try:
            if os.getsid(pid) == session:
                found.append(pid)
        except OSError:
            continue
    return found


@pytest.mark.parametrize("ui_lang", ["en", "ja"])
def test_the_timeline_explains_its_marks_once(content: Edition, ui_lang: str) -> None:
    from genesis_tui.i18n.catalogue import Catalogue
    from genesis_tui.pages.timeline import timeline_page

    legend = Catalogue(ui_lang)("timeline.outside")  # type: ignore[arg-type]
    page = timeline_page(content, 100, "both", ui_lang)  # type: ignore[arg-type]
    text = "\n".join(page.text())
    assert text.count(legend) == 1
    cited = [c.url for event in content.timeline.events for c in event.citations]
    # Each source is drawn as its site's name, a terminal hyperlink to the whole URL.
    urls = {piece.url for line in page.lines for piece in line.pieces if piece.url}
    assert cited and all(url in urls for url in cited)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--lang", "ja"], "not for check"),
        (["check", "--section", "overview", "--width", "40"], "--section, --width"),
        (["export", "--format", "json", "--lang", "ja"], "--lang is for txt and md"),
        (["export", "--format", "json", "--width", "40"], "--width wraps plain text"),
        (["export", "--format", "md", "--width", "40"], "md is not wrapped"),
        (["export", "--format", "json", "--ruby"], "--ruby is for txt and md"),
    ],
)
def test_options_that_do_not_apply_are_refused(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from genesis_tui.cli.main import main

    assert main(args) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_export_options_that_apply_are_taken(capsys: pytest.CaptureFixture[str]) -> None:
    from genesis_tui.cli.main import main

    assert main(["export", "--format", "md", "--lang", "ja", "--section", "overview"]) == 0
    japanese_only = capsys.readouterr().out
    assert "Overview" not in japanese_only and "概要" in japanese_only
    assert main(["export"]) == 0  # txt is the default
    assert capsys.readouterr().out.startswith("日本")


def test_export_help_says_what_each_format_is(capsys: pytest.CaptureFixture[str]) -> None:
    from genesis_tui.cli.main import main

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "txt (the default)" in help_text and "schema 3" in help_text
