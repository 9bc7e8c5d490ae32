"""The command line: each command, each flag, and how it fails.

What the exports say is checked on the tests' small content (``--content``), so that editing the
article breaks none of these tests; the bundled content is what the commands read by default.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from genesis_tui import __version__
from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.text.typesetting import cells
from tests.conftest import SMALL_CONTENT

SMALL = ["--content", str(SMALL_CONTENT)]


URL_LINE = re.compile(r"^[ |]*(\[\d+\] )?https://")
"""A line of plain text that is a cited page's whole URL (after its number, if any)."""


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run genesis-tui as a user would, with stdout a pipe (not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "genesis_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"genesis-tui {__version__}"


def test_help_lists_commands_and_flags(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("check", "export", "--content", "--section", "--lang", "--width"):
        assert word in out


def test_check_bundled(content: Edition, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    sections, blocks = len(content.article.sections), len(content.article.blocks())
    assert f"OK — {sections} sections, {blocks} blocks" in out
    assert out.count("\n") == 1


def test_check_bad_directory_exits_2_with_every_error(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (small_content_copy / "timeline.toml").unlink()
    glossary = small_content_copy / "glossary.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("おおさか", "osaka"), "utf-8")
    assert main(["check", str(small_content_copy)]) == 2
    err = capsys.readouterr().err
    assert "2 content errors" in err
    assert "timeline.toml: file is missing" in err
    assert "glossary.toml" in err and "must be written in kana only" in err


@pytest.mark.slow  # a real process (in process: the tests above it)
def test_check_garbage_in_a_real_process_prints_no_traceback(small_content_copy: Path) -> None:
    (small_content_copy / "article.toml").write_bytes(os.urandom(256))
    result = run_cli("check", str(small_content_copy))
    assert result.returncode == 2
    assert "article.toml" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_content_flag_is_used_by_export(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = small_content_copy / "article.toml"
    text = article.read_text(encoding="utf-8").replace('en = "Overview"', 'en = "Draft overview"')
    article.write_text(text, encoding="utf-8")
    assert (
        main(["--content", str(small_content_copy), "export", "--format", "txt", "--lang", "en"])
        == 0
    )
    assert "Draft overview" in capsys.readouterr().out


def test_export_json_follows_the_contract(
    content: Edition, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 3
    assert set(data["title"]) == {"ja", "en", "ruby", "words"}
    ids = [section["id"] for section in data["sections"]]
    assert ids == [section.id for section in content.article.sections]
    term_ids = {term["id"] for term in data["glossary"]}
    for section in data["sections"]:
        assert set(section["title"]) == {"ja", "en", "ruby", "words"}
        for point in section["key_points"]:
            assert set(point) == {"ja", "en", "ruby", "words"}
        for block in section["blocks"]:
            assert block["kind"] in ("heading", "paragraph", "list_item")
            assert block["ja"] and block["en"]
            assert set(block["terms"]) <= term_ids
            assert block["note"] is None or set(block["note"]) == {"ja", "en", "ruby", "words"}
            assert all(block["ja"][start:end] for start, end, _ in block["ruby"])
    for term in data["glossary"]:
        assert {"id", "term", "reading", "aliases", "definition", "category", "related"} <= set(
            term
        )
        # A term occurs in the article or a since-note, or explains a name a definition uses.
        assert term["occurrences"] or term["since_occurrences"] or term["named_in"], term["id"]
        assert set(term["related"]) <= term_ids
    for event in data["timeline"]:
        assert len(event["date"]) in (7, 10)
        assert event["source"] == "article" or event["source"].startswith("https://")


def test_export_md_is_bilingual_with_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*SMALL, "export", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 日本、ジェネシス・ミッションに参加 / Japan joins the Genesis Mission")
    assert "## 概要 / Overview" in out
    assert "## 用語集 / Glossary" in out
    assert "### 理化学研究所（りかがくけんきゅうしょ） / RIKEN" in out
    assert "> **訳注:**" in out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_export_md_one_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "md", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert ("## 概要" in out) == (lang == "ja")
    assert ("## Overview" in out) == (lang == "en")


@pytest.mark.parametrize("width", [20, 33, 80])
def test_export_txt_respects_width(width: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "txt", "--width", str(width)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # A URL stands whole on a line of its own, past the width if need be.
    prose = [line for line in lines if not URL_LINE.match(line)]
    assert max(cells(line) for line in prose) <= width
    assert "" in lines  # blank lines between blocks


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_export_holds_key_points_notes_and_timeline(
    fmt: str, content: Edition, capsys: pytest.CaptureFixture[str]
) -> None:
    width = ["--width", "200"] if fmt == "txt" else []  # Markdown is not wrapped
    assert main(["export", "--format", fmt, "--lang", "en", *width]) == 0
    # Wrapped text: compare with line prefixes ("| ", "* ") and line breaks taken out.
    lines = capsys.readouterr().out.splitlines()
    out = " ".join(" ".join(line.removeprefix("| ").removeprefix("> ") for line in lines).split())
    for section in content.article.sections:
        for point in section.key_points:
            assert point.en in out
    for _, block in content.article.blocks():
        if block.note is not None:
            assert " ".join(block.note.en.split()) in out
        if block.since is not None:
            assert " ".join(block.since.en.split()) in out
            assert all(citation.url in out for citation in block.since.citations)
    for event in content.timeline.events:
        assert event.date in out and event.label.en in out
        # Every page an event cites, the article's own events dated from outside included.
        assert all(citation.url in out for citation in event.citations)


def test_section_flag_limits_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*SMALL, "export", "--section", "outlook", "--lang", "en", "--width", "80"]) == 0
    out = capsys.readouterr().out
    assert "Outlook" in out and "The details of the share of work" in out
    assert "Japan's part" not in out


def test_unknown_section_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--section", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert "no section 'nowhere'" in err and "overview" in err


@pytest.mark.parametrize(
    "args",
    [["--width", "5"], ["--width", "wide"], ["--lang", "fr"], ["serve", "--port", "70000"]],
)
def test_bad_flags_exit_2_with_one_message(args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # What is wrong, and where the help is: two lines, no usage (tests/test_cli_usage.py).
    said, hint = result.stderr.splitlines()
    assert said.startswith("genesis-tui") and hint.startswith("Help: genesis-tui"), result.stderr


def test_pipe_prints_the_article_as_text() -> None:
    result = run_cli(*SMALL, env={"COLUMNS": "80"})
    assert result.returncode == 0
    assert "日本は、AIで科学研究を速める" in result.stdout
    assert "Japan is to become the first foreign country" in result.stdout
    lines = result.stdout.splitlines()
    prose = [line for line in lines if not URL_LINE.match(line)]
    assert max(cells(line) for line in prose) <= 80  # URLs stand whole, past the width


@pytest.mark.slow  # real processes (test_pipe_prints_the_article_as_text is the fast one)
def test_pipe_honours_lang_section_and_width() -> None:
    result = run_cli(*SMALL, "--lang", "ja", "--section", "outlook", "--width", "40")
    assert result.returncode == 0
    assert "分担と資金の細部は" in result.stdout
    assert "The details" not in result.stdout
    assert "概要" not in result.stdout
    assert max(cells(line) for line in result.stdout.splitlines()) <= 40


@pytest.mark.slow  # a real process (test_pipe_prints_the_article_as_text is the fast one)
def test_pipe_closed_early_is_quiet() -> None:
    process = subprocess.run(
        f"{sys.executable} -m genesis_tui export --format txt | head -n 2",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert process.stdout.count("\n") == 2
    assert "Traceback" not in process.stderr


@pytest.mark.slow  # a real reader started twice, 1.2 s of CPU
def test_the_reader_starts_without_importing_pydantic_or_budoux(tmp_path: Path) -> None:
    # The bundled content passed its tests: reading and laying it out does without pydantic,
    # which would be most of the start-up time. The second start finds BudouX's analysis in
    # the cache and need not import BudouX either.
    code = (
        "import sys\n"
        "from genesis_tui.cli.commands import load\n"
        "from genesis_tui.content.cache import breaks_kept\n"
        "import genesis_tui.ui.app\n"
        "from genesis_tui.pages.article import section_page\n"
        "content = load(None)\n"
        "with breaks_kept(content.key):\n"
        "    for section in content.article.sections:\n"
        "        section_page(content, section.id, 'both', True, 73)\n"
        "assert 'pydantic' not in sys.modules, 'pydantic was imported'\n"
        "print('budoux' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert [run.stdout.strip() for run in runs] == ["True", "False"]


WRITING_COMMANDS = [["export"], ["export", "--format", "json"], ["check"], []]


def run_with_stdout(args: list[str], redirect: str) -> subprocess.CompletedProcess[str]:
    """genesis-tui with standard output redirected by the shell (``> /dev/full``, ``>&-``)."""
    command = " ".join([sys.executable, "-m", "genesis_tui", *args])
    return subprocess.run(
        f"{command} {redirect}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow  # real processes (test_pipe_prints_the_article_as_text is the fast one)
@pytest.mark.parametrize("args", WRITING_COMMANDS, ids=" ".join)
@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        ("> /dev/full", "cannot write to standard output: No space left on device"),
        (">&-", "standard output is closed"),
    ],
    ids=["dev-full", "closed"],
)
def test_stdout_that_cannot_be_written_is_one_line_and_exit_1(
    args: list[str], redirect: str, message: str
) -> None:
    if redirect == "> /dev/full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = run_with_stdout(args, redirect)
    assert result.returncode == 1
    assert result.stderr == f"genesis-tui: {message}\n"


@pytest.mark.slow  # real processes (test_pipe_prints_the_article_as_text is the fast one)
@pytest.mark.parametrize("args", WRITING_COMMANDS[:2], ids=" ".join)
def test_a_pipe_closed_at_once_is_quiet_and_exit_0(args: list[str]) -> None:
    result = run_with_stdout(args, "| true; exit ${PIPESTATUS[0]}")
    assert result.returncode == 0
    assert result.stderr == ""
