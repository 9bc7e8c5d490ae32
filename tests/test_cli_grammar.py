"""The command line's grammar: each command takes its own options and no other, runs by the
function its parser names, and says its mistakes in the interface's language.

On the tests' small content (``--content``) where content is read at all.
"""

from __future__ import annotations

import argparse
import string
import sys
from pathlib import Path

import pytest

from genesis_tui.cli import cards, commands, drafting
from genesis_tui.cli.arguments import Grammar
from genesis_tui.cli.main import main
from genesis_tui.cli.read import read
from genesis_tui.i18n.catalogue import CATALOGUES, Catalogue
from genesis_tui.i18n.cli_en import CLI_EN
from genesis_tui.i18n.cli_ja import CLI_JA
from tests.conftest import SMALL_CONTENT

SMALL = ["--content", str(SMALL_CONTENT)]


def parse(*argv: str) -> argparse.Namespace:
    top, _ = Grammar(Catalogue()).parser()
    return top.parse_args(argv)


@pytest.mark.parametrize(
    ("argv", "func"),
    [
        ((), read),
        (("--section", "2"), read),
        (("read", "--theme", "nord"), read),
        (("check",), commands.check),
        (("export", "--format", "md"), cards.export),  # cards for apkg and tsv, else the article
        (("serve", "--port", "8001"), commands.serve),
        (("readings", "--prune"), drafting.readings),
        (("lexicon", "--accents", "a.txt"), drafting.lexicon),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else value.__name__,
)
def test_each_parser_names_the_function_that_runs_it(argv: tuple[str, ...], func: object) -> None:
    assert parse(*argv).func is func


def test_an_option_before_the_command_is_the_commands_too() -> None:
    args = parse("--content", "x", "--section", "2", "export", "--lang", "en")
    assert (args.content, args.section, args.lang, args.format) == (Path("x"), "2", "en", "txt")


@pytest.mark.parametrize(
    ("command", "refused"),
    [
        ("check", ["--section", "2", "--lang", "en", "--width", "40", "--ascii", "--no-mouse"]),
        ("export", ["--theme", "nord", "--no-state", "--screen-reader", "--ascii"]),
        ("readings", ["--lang", "en"]),
        ("lexicon", ["--width", "40"]),
        ("serve", ["--theme", "nord", "--width", "40", "--no-mouse"]),
    ],
)
@pytest.mark.parametrize("where", ["after", "before"])
def test_a_command_refuses_the_readers_options_by_name(
    command: str, refused: list[str], where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, *refused] if where == "after" else [*refused, command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"genesis-tui: for the reader, not for {command}: ")
    assert err.count("\n") == 1, err
    for flag in (word for word in refused if word.startswith("--")):
        assert flag in err


def test_the_help_of_a_command_lists_only_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--content" in out and "DIR" in out
    for flag in ("--theme", "--width", "--section", "--format", "--ascii"):
        assert flag not in out


def test_an_unknown_option_is_argparses_to_refuse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "--no-such-flag"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --no-such-flag" in capsys.readouterr().err


def test_the_reader_without_a_command_keeps_its_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Standard output is captured, not a terminal: the reader prints the text.
    assert main([*SMALL, "--section", "2", "--lang", "en", "--width", "60", "--no-state"]) == 0
    out = capsys.readouterr().out
    assert "Japan's part" in out and "Overview" not in out


def test_the_command_lines_catalogues_hold_the_same_keys_and_fields() -> None:
    def fields(text: str) -> set[str | None]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert set(CLI_EN) == set(CLI_JA)
    for key, english in CLI_EN.items():
        assert fields(english) == fields(CLI_JA[key]), key
        assert CATALOGUES["en"][key] == english and CATALOGUES["ja"][key] == CLI_JA[key]


def test_argparse_is_itself_again_after_a_run(capsys: pytest.CaptureFixture[str]) -> None:
    """The Japanese words are argparse's only while the command line is parsed."""
    saved = argparse._  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        main(["--ui-lang", "ja", "--help"])
    assert "使い方" in capsys.readouterr().out
    assert argparse._ is saved  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "english", "japanese"),
    [
        (["--width", "5"], "must be between 10 and 1000, not 5", "10 から 1000 までの数"),
        (["--width", "wide"], "not a number: 'wide'", "数ではありません: 'wide'"),
        (["serve", "--port", "0"], "must be between 1 and 65535", "1 から 65535 までの数"),
    ],
)
def test_a_number_out_of_range_is_said_in_the_interfaces_language(
    argv: list[str], english: str, japanese: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, expected in (("en", english), ("ja", japanese)):
        with pytest.raises(SystemExit):
            main(["--ui-lang", lang, *argv])
        assert expected in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "japanese"),
    [
        (["export", "--format", "json", "--ruby"], "--ruby は txt と md のためのもの"),
        (["export", "--format", "md", "--width", "40"], "md は折り返しません"),
        (["check", "--theme", "nord"], "リーダーのオプションで、check には使えません: --theme"),
        ([*SMALL, "--section", "9"], "'9' という節はありません"),
    ],
)
def test_usage_errors_are_message_ids_said_in_japanese(
    argv: list[str], japanese: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--ui-lang", "ja", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("genesis-tui: ") and japanese in err, err


def test_a_control_character_in_a_usage_error_is_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*SMALL, "--section", "x\x1b]52;c;"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and err.count("\n") == 1


def test_serve_without_its_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "genesis_tui.cli.serve", None)
    assert main(["--ui-lang", "ja", "serve"]) == 2
    assert "serve には textual-serve が必要です" in capsys.readouterr().err
