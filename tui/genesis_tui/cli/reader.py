"""Running the reader in a terminal: the saved state in, the signals handled from before the
terminal is touched until the position is saved, the state out."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import cast

from genesis_tui.content.cache import breaks_kept
from genesis_tui.content.edition import Edition
from genesis_tui.content.model import View
from genesis_tui.i18n.catalogue import Catalogue, UiLang
from genesis_tui.storage.state import SavedState, StateProblem, read_state, save_state, state_path
from genesis_tui.storage.statuses import Loaded, WordStatuses, read_statuses, statuses_path
from genesis_tui.terminal import crash
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.lifecycle import STOP_SIGNALS


def starting_state(
    path: Path | None,
    *,
    section_id: str | None,
    lang: str | None,
    theme: str | None = None,
    linux_console: bool = False,
) -> tuple[SavedState, StateProblem | None]:
    """The saved state (none without a path), with the command line's flags winning over it;
    and why the state file was ignored, if it was. ``--section`` opens that section at its top
    (the place saved in it is not where one asked to go); on the Linux console, which cannot
    draw Japanese, the view is English unless ``--lang`` says otherwise."""
    state, problem = read_state(path) if path is not None else (SavedState(), None)
    if theme is not None:
        state.theme = theme
    if section_id is not None:
        state.section = section_id
        state.anchors.pop(section_id, None)
        state.scroll.pop(section_id, None)
    if lang is not None:
        state.view = cast(View, lang)
    elif linux_console:
        state.view = "en"
    return state, problem


def _printable(text: str) -> str:
    """``text`` with control characters escaped (a path may hold anything)."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def run_reader(
    content: Edition,
    *,
    section_id: str | None,
    lang: str | None,
    ui_lang: UiLang = "en",
    ascii: bool = False,
    remember: bool = True,
    linux_console: bool = False,
    theme: str | None = None,
    mouse: bool = True,
    screen_reader: bool = False,
) -> int:
    """Run the reader in the terminal, then save where the reader was (unless ``remember`` is
    off: an account shared by many people should not show one where another stopped). Without
    ``mouse``, the terminal keeps the mouse for its own selection."""
    path = state_path() if remember else None
    state, problem = starting_state(
        path, section_id=section_id, lang=lang, theme=theme, linux_console=linux_console
    )
    notice = None
    ui = Catalogue(ui_lang)
    if problem is not None:
        notice = ui("state.ignored", problem=ui(f"state.{problem}"), path=_printable(str(path)))
    loaded = read_statuses(statuses_path()) if remember else Loaded(WordStatuses())
    statuses_notice = _statuses_notice(ui, loaded, statuses_path())
    app = GenesisApp(
        content,
        state=state,
        ui_lang=ui_lang,
        ascii=ascii,
        linux_console=linux_console,
        notice=notice,
        screen_reader=screen_reader,
        color_depth="terminal",
        statuses=loaded.statuses,
        statuses_path=statuses_path() if remember and loaded.writable else None,
        statuses_notice=statuses_notice,
    )
    mode = crash.terminal_mode()
    with signals_handled_by(app.stop_signalled), breaks_kept(content.key):
        try:
            app.run(mouse=mouse)
        except Exception as error:  # the last resort: nothing else caught it
            import traceback

            crash.restore_terminal(mode)
            app.crash = app.crash or "".join(traceback.format_exception(error))
        if app.crash is not None:
            crash.restore_terminal(mode)
            crash.report((path or state_path()).parent, app.crash)
        if path is None:
            return crash.EXIT_INTERNAL_ERROR if app.crash else app.return_code or 0
        # The app's loop is closed and took its handlers with it: a late signal waits for the
        # save below instead of cutting it short.
        with signals_handled_by(lambda signum, frame: None):
            try:
                save_state(app.state, path)
            except OSError as error:
                with contextlib.suppress(OSError):  # stderr may be a terminal gone away
                    print(
                        f"genesis-tui: could not save the reading position to {path}: {error}",
                        file=sys.stderr,
                    )
    return crash.EXIT_INTERNAL_ERROR if app.crash else app.return_code or 0


def _statuses_notice(ui: Catalogue, loaded: Loaded, path: Path) -> str | None:
    """What to tell the learner about a statuses file that was not read as it stood."""
    if loaded.problem is None:
        return None
    problem = ui(f"statuses.{loaded.problem}")
    if loaded.kept_aside is not None:
        aside = _printable(str(loaded.kept_aside))
        return ui("statuses.kept_aside", path=_printable(str(path)), problem=problem, aside=aside)
    return ui("statuses.left_alone", path=_printable(str(path)), problem=problem)


@contextmanager
def signals_handled_by(handler: Callable[[int, FrameType | None], None]) -> Iterator[None]:
    """The stop signals go to ``handler`` inside the block; the old handlers come back after."""
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
