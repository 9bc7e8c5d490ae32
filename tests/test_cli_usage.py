"""argparse's errors said as the program's own are: one line naming the command and the problem,
one line saying where the help is, exit 2, in English and in Japanese; and export's help says
what each of its formats is, one line each."""

from __future__ import annotations

import re

import pytest

from genesis_tui.cli.main import main

HINT = {"en": "Help: {} --help", "ja": "ヘルプ: {} --help"}


@pytest.mark.parametrize(
    ("argv", "command", "problem"),
    [
        (["export", "--bogus"], "genesis-tui export", "--bogus"),
        (["export", "--format", "bogus"], "genesis-tui export", "'bogus'"),
        (["serve", "--port", "x"], "genesis-tui serve", "'x'"),
        (["--bogus"], "genesis-tui", "--bogus"),
    ],
)
@pytest.mark.parametrize("how", ["en", "ja", "ja-locale"])
def test_an_argparse_error_is_one_line_and_where_the_help_is(
    argv: list[str],
    command: str,
    problem: str,
    how: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    if how == "ja-locale":
        monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    else:
        argv = ["--ui-lang", how, *argv]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2, lines  # no usage before it
    assert lines[0].startswith(f"{command}: ") and problem in lines[0], lines
    assert lines[1] == HINT["en" if how == "en" else "ja"].format(command)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_export_help_says_what_each_format_is_on_a_line_of_its_own(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--ui-lang", lang, "export", "--help"])
    out = capsys.readouterr().out
    for name in ("txt", "md", "json", "html", "apkg", "tsv"):
        assert re.search(rf"^ +{name}( |:|（)", out, re.M), (name, out)
