"""Locales that are not UTF-8 (ja_JP.eucJP and ja_JP.SJIS, still met on legacy Japanese
terminals): the reader refuses in one line, and every text goes out in UTF-8.

None of these needs the locales installed: a locale that is named but missing leaves Python in
UTF-8 mode, and its name is what ``cli/encoding`` reads then; where one is installed, Python's
standard streams take its encoding, which ``PYTHONIOENCODING`` stands in for here."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from genesis_tui.cli import encoding
from tests.terminal import Terminal

LEGACY = {"ja_JP.eucJP": "euc_jp", "ja_JP.SJIS": "shift_jis"}


def _environ(**variables: str) -> dict[str, str]:
    """This environment without its locale variables, and with these."""
    unset = ("LC_ALL", "LC_CTYPE", "LANG", "LC_MESSAGES", "LANGUAGE", "PYTHONUTF8")
    return {**{k: v for k, v in os.environ.items() if k not in unset}, **variables}


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        # What Python makes of a missing ja_JP.eucJP: LC_CTYPE coerced to C.UTF-8.
        ({"LANG": "ja_JP.eucJP", "LC_CTYPE": "C.UTF-8"}, "euc_jp"),
        ({"LC_ALL": "ja_JP.SJIS"}, "shift_jis"),
        ({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.eucJP"}, "utf-8"),  # LC_ALL wins
        ({"LANG": "ja_JP.UTF-8"}, "utf-8"),
        ({"LANG": "ja_JP.utf8"}, "utf-8"),
        ({"LANG": "C"}, "utf-8"),  # coerced to C.UTF-8 by Python 3.11 (PEP 538)
        ({}, "utf-8"),
    ],
)
def test_the_locale_names_the_terminals_encoding(
    variables: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoding, "sys", SimpleNamespace(flags=SimpleNamespace(utf8_mode=1)))
    assert encoding.locale_encoding(variables)[0] == expected


def test_an_installed_locale_is_asked_of_the_c_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoding, "sys", SimpleNamespace(flags=SimpleNamespace(utf8_mode=0)))
    monkeypatch.setattr(encoding.locale, "nl_langinfo", lambda _item: "EUC-JP")
    assert encoding.locale_encoding({"LANG": "ja_JP"}) == ("euc_jp", "LANG", "ja_JP")
    refusal = encoding.reader_refusal({"LANG": "ja_JP"})
    assert refusal is not None and "LANG=ja_JP.UTF-8" in refusal
    assert encoding.reader_refusal({"LANG": "ja_JP", "TEXTUAL_DRIVER": "web"}) is None


@pytest.mark.slow  # real processes (the locale's rules: the fast tests above)
@pytest.mark.parametrize("name", sorted(LEGACY))
@pytest.mark.parametrize("variable", ["LANG", "LC_ALL"])
def test_the_reader_refuses_a_legacy_locale_in_one_line(name: str, variable: str) -> None:
    terminal = Terminal.genesis(env=_environ(**{variable: name}))
    try:
        assert terminal.wait_exit() == 2
        lines = terminal.output.decode("ascii").strip().splitlines()
        assert len(lines) == 1, lines
        assert lines[0] == (
            f"genesis-tui: the reader needs a UTF-8 terminal, and the locale ({variable}={name})"
            f" is {LEGACY[name]}: set {variable}=ja_JP.UTF-8 with the terminal in UTF-8, and"
            " start again"
        )
    finally:
        terminal.close()


@pytest.mark.slow  # real processes (the locale's rules: the fast tests above)
@pytest.mark.parametrize("name", sorted(LEGACY))
@pytest.mark.parametrize(
    "args",
    [["check"], ["--help"], [], ["export", "--format", "md"], ["export", "--format", "json"]],
    ids=["check", "help", "piped text", "markdown", "json"],
)
@pytest.mark.parametrize("installed", [True, False], ids=["installed", "missing"])
def test_text_goes_out_in_utf8_under_a_legacy_locale(
    name: str, args: list[str], installed: bool
) -> None:
    """``check`` under EUC-JP was a traceback (its "—" has no EUC-JP form); ``--help`` went out
    in the locale's encoding while the text went out in UTF-8."""
    environ = _environ(LANG=name, **({"PYTHONIOENCODING": LEGACY[name]} if installed else {}))
    done = subprocess.run(
        [sys.executable, "-m", "genesis_tui", *args],
        capture_output=True,
        env=environ,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode("utf-8")  # raises if any of it is not UTF-8
    japanese = "使い方" if args == ["--help"] else ("—" if args == ["check"] else "日本")
    assert japanese in text


@pytest.mark.slow
def test_the_c_locale_still_reads_as_utf8(tmp_path: os.PathLike[str]) -> None:
    """Python 3.11 coerces the C locale to C.UTF-8: the reader starts there."""
    terminal = Terminal.genesis(env=_environ(LANG="C", XDG_STATE_HOME=str(tmp_path)))
    try:
        terminal.wait_for("トランプ政権")
        terminal.press("q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
