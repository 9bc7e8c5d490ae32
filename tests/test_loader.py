"""The loader: bad content gets a clear error naming the file, the place and the problem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from genesis_tui.content import files
from genesis_tui.content.edition import ContentError
from genesis_tui.content.files import MAX_FILE_BYTES
from genesis_tui.content.load import load_content
from genesis_tui.text.control_chars import CONTROL


def _edit(directory: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _errors(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(directory)
    return [str(problem) for problem in raised.value.problems]


# (file, text to replace, replacement, expected fragments of one error message)
CASES = {
    "empty english": (
        "article.toml",
        'en = "Japan has become the first international partner of the United States',
        'en = "" #',
        [
            "article.toml",
            "sections[0](id=overview).blocks[0](id=overview-1).en",
            "must not be empty",
        ],
    ),
    "unknown key": (
        "article.toml",
        'id = "overview-2"\n',
        'id = "overview-2"\ncolour = "red"\n',
        ["blocks[1](id=overview-2).colour", "unknown key"],
    ),
    "missing key": (
        "article.toml",
        'id = "overview-3"\nkind = "heading"\n',
        'id = "overview-3"\n',
        ["blocks[2](id=overview-3).kind", "required key is missing"],
    ),
    "bad block kind": (
        "article.toml",
        'id = "overview-3"\nkind = "heading"',
        'id = "overview-3"\nkind = "title"',
        ["blocks[2](id=overview-3).kind", "'heading', 'paragraph' or 'list_item'"],
    ),
    "bad id": (
        "article.toml",
        'id = "overview-5"',
        'id = "Overview 5"',
        ["blocks[4]", ".id", "should match pattern"],
    ),
    "wrong schema version": (
        "article.toml",
        "schema = 1",
        "schema = 2",
        ["article.toml", "schema", "Input should be 1"],
    ),
    "unknown clean-up": (
        "article.toml",
        'cleanups = ["heading-colon"]',
        'cleanups = ["tidy"]',
        ["(id=outlook-1).cleanups[0]", "'stray-period' or 'heading-colon'"],
    ),
    "duplicate block id": (
        "article.toml",
        'id = "overview-6"',
        'id = "overview-5"',
        ["article.toml", "blocks(id=overview-5)", "duplicate block id"],
    ),
    "duplicate section id": (
        "article.toml",
        'id = "outlook"',
        'id = "overview"',
        ["article.toml", "sections(id=overview)", "duplicate section id"],
    ),
    "excluded after an unknown block": (
        "article.toml",
        'after = "overview-4"',
        'after = "overview-40"',
        ["article.toml", "excluded[0].after", "no block has id 'overview-40'"],
    ),
    "duplicate term id": (
        "glossary.toml",
        'id = "osaka"',
        'id = "tokyo"',
        ["glossary.toml", "terms(id=tokyo)", "duplicate term id"],
    ),
    "related term that does not exist": (
        "glossary.toml",
        'related = ["sca-hpcasia"]',
        'related = ["atlantis"]',
        ["glossary.toml", "(id=osaka).related", "no term has id 'atlantis'"],
    ),
    "term related to itself": (
        "glossary.toml",
        'related = ["sca-hpcasia"]',
        'related = ["osaka"]',
        ["(id=osaka).related", "names the term itself"],
    ),
    "reading not in kana": (
        "glossary.toml",
        'reading = "おおさか"',
        'reading = "Osaka"',
        ["glossary.toml", "(id=osaka).reading", "must be written in kana only"],
    ),
    "unknown category": (
        "glossary.toml",
        'category = "place"',
        'category = "city"',
        ["(id=osaka).category", "'organisation'"],
    ),
    "alias shared by two terms": (
        "glossary.toml",
        'aliases = { ja = ["理研"] }',
        'aliases = { ja = ["理研", "大阪"] }',
        ["glossary.toml", "(id=riken)", "form '大阪' is also a form of term 'osaka'"],
    ),
    "term that occurs nowhere": (
        "glossary.toml",
        'term = { ja = "グーグル", en = "Google" }',
        'term = { ja = "ヤフー", en = "Yahoo" }',
        ["(id=google)", "occurs nowhere in the article"],
    ),
    "timeline date": (
        "timeline.toml",
        'date = "2025-12-18"',
        'date = "18 December 2025"',
        ["timeline.toml", "events[4].date", "must be a date as YYYY-MM or YYYY-MM-DD"],
    ),
    "timeline source": (
        "timeline.toml",
        'source = "https://www8.cao.go.jp',
        'source = "cao.go.jp',
        ["timeline.toml", "events[0].source", 'must be "article" or an https:// URL'],
    ),
    "timeline citation not a URL": (
        "timeline.toml",
        '{ url = "https://www.executivegov.com',
        '{ url = "executivegov',
        ["timeline.toml", "events[4].sources[0].url", "must be an https:// URL"],
    ),
    "timeline event citing nothing": (
        "timeline.toml",
        'sources = [{ url = "https://www.executivegov.com/articles/doe-industry-ai-mou-genesis-'
        'oracle-accenture", secondary = true }]',
        "",
        ["timeline.toml", "events[4]", "cite the page that holds it"],
    ),
    "timeline event reported in a block that does not exist": (
        "timeline.toml",
        'reported_in = ["japan-role-4"]',
        'reported_in = ["japan-role-44"]',
        ["timeline.toml", "events[5].reported_in", "no block has id 'japan-role-44'"],
    ),
    "fact marked with a page that is not cited": (
        "timeline.toml",
        "half from each side[2])",
        "half from each side[3])",
        ["timeline.toml", "events[7].label.en", "marks [3], but only 2 pages are cited"],
    ),
    "timeline term that does not exist": (
        "timeline.toml",
        'terms = ["nvidia", "doe"]',
        'terms = ["nvidia", "doe", "nasa"]',
        ["timeline.toml", "events[4].terms", "no term has id 'nasa'"],
    ),
    "timeline date not in the calendar": (
        "timeline.toml",
        'date = "2025-12-18"',
        'date = "2025-02-31"',
        ["timeline.toml", "events[4].date", "is not a day of the calendar"],
    ),
    "timeline date with a trailing newline": (
        "timeline.toml",
        'date = "2025-12-18"',
        'date = "2025-12-18\\n"',
        ["timeline.toml", "events[4].date", "must be a date as YYYY-MM or YYYY-MM-DD"],
    ),
    # Control characters: escape sequences in content would be commands to the terminal.
    "ESC (OSC 0, window title) in the article's title": (
        "article.toml",
        'en = "Japan becomes the first',
        'en = "\\u001b]0;owned\\u0007Japan becomes the first',
        ["article.toml", "title.en", "control character U+001B at character 1"],
    ),
    "OSC 52 (clipboard) in a block": (
        "article.toml",
        'en = "Japan has become the first international partner of the United',
        'en = "Japan \\u001b]52;c;ZWNobyBoaQ==\\u0007has become the first international partner'
        " of the United",
        ["sections[0](id=overview).blocks[0](id=overview-1).en", "U+001B at character 7"],
    ),
    "OSC 8 (a link to a file) in a definition": (
        "glossary.toml",
        "en = \"Japan's largest comprehensive",
        "en = \"\\u001b]8;;file:///etc/passwd\\u001b\\\\Japan's largest comprehensive",
        ["glossary.toml", "(id=riken).definition.en", "control character U+001B"],
    ),
    "C1 CSI in a timeline label": (
        "timeline.toml",
        "en = \"Japan's Cabinet adopts",
        "en = \"\\u009b2JJapan's Cabinet adopts",
        ["timeline.toml", "events[0].label.en", "control character U+009B at character 1"],
    ),
    "tab in a section title": (
        "article.toml",
        'en = "Overview"',
        'en = "Over\\tview"',
        ["sections[0](id=overview).title.en", "control character U+0009 at character 5"],
    ),
    "key holding ESC is echoed escaped": (
        "article.toml",
        'id = "overview-2"\n',
        'id = "overview-2"\n"x\\u001b[2J" = 1\n',
        ["blocks[1](id=overview-2).x<U+001B>[2J", "unknown key"],
    ),
    "since note without a URL": (
        "article.toml",
        '{ url = "https://www.riken.jp/',
        '{ url = "riken.jp/',
        ["(id=japan-role-5).since.sources[0].url", "must be an https:// URL"],
    ),
    "since note with a page none of its facts is marked with": (
        "article.toml",
        "subject to appropriations[2].",
        "subject to appropriations.",
        ["blocks(id=japan-role-5).since.en", "marks no fact with [2]"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_content_error_is_reported_with_file_and_place(content_copy: Path, case: str) -> None:
    name, old, new, fragments = CASES[case]
    _edit(content_copy, name, old, new)
    errors = _errors(content_copy)
    matching = [error for error in errors if all(fragment in error for fragment in fragments)]
    assert matching, f"no error has all of {fragments}; got:\n" + "\n".join(errors)
    raw = [error for error in errors if CONTROL.search(error)]
    assert not raw, f"a message holds a raw control character: {raw!r}"


def test_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "glossary.toml").unlink()
    assert _errors(content_copy) == [f"{content_copy / 'glossary.toml'}: file is missing"]


def test_truncated_file_reports_the_line(content_copy: Path) -> None:
    path = content_copy / "article.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    (error,) = _errors(content_copy)
    assert error.startswith(f"{path}: line ")
    assert "not valid TOML" in error


def test_garbage_is_not_utf8(content_copy: Path) -> None:
    (content_copy / "timeline.toml").write_bytes(b"\xff\xfe\x00garbage\x80")
    (error,) = _errors(content_copy)
    assert "timeline.toml: byte 0: is not UTF-8 text" in error


def test_not_a_directory(tmp_path: Path) -> None:
    assert _errors(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: not a directory"]


def test_every_error_of_a_load_is_reported_at_once(content_copy: Path) -> None:
    _edit(content_copy, "glossary.toml", 'reading = "おおさか"', 'reading = "Osaka"')
    _edit(content_copy, "glossary.toml", 'reading = "とうきょう"', 'reading = "Tokyo"')
    _edit(content_copy, "timeline.toml", 'date = "2025-12-18"', 'date = "soon"')
    errors = _errors(content_copy)
    assert len(errors) == 3, errors
    assert sum("glossary.toml" in error for error in errors) == 2
    assert sum("timeline.toml" in error for error in errors) == 1


def test_models_are_immutable(content_copy: Path) -> None:
    content = load_content(content_copy)
    block = content.article.sections[0].blocks[0]
    with pytest.raises(FrozenInstanceError):
        block.ja = "changed"  # type: ignore[misc]


def test_occurrences_are_computed_longest_form_first(content_copy: Path) -> None:
    content = load_content(content_copy)
    block = content.section("japan-role").blocks[
        -1
    ]  # 理研はアルゴンヌ国立研究所、富士通、Nvidiaと…
    terms = content.block_terms(block)
    assert "argonne" in terms and "riken" in terms and "nvidia" in terms
    # "アルゴンヌ国立研究所" is Argonne, not the generic national laboratory.
    assert "national-laboratory" not in terms


def test_trusted_content_is_built_as_validation_builds_it(content_copy: Path) -> None:
    # The bundled content is built without pydantic: it must come out the same.
    validated = load_content(content_copy)
    trusted = load_content(content_copy, validate=False)
    assert trusted.article == validated.article
    assert trusted.glossary == validated.glossary
    assert trusted.timeline == validated.timeline


# ---------------------------------------------------------------------- hostile files
def _check(directory: Path, *, as_user: list[str] | None = None) -> tuple[int, str]:
    """Run ``genesis-tui check DIR`` in its own process, bounded in time (a FIFO would hang
    it): its exit status and what it printed."""
    done = subprocess.run(
        [*(as_user or []), sys.executable, "-m", "genesis_tui", "check", str(directory)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def test_a_fifo_is_not_read(content_copy: Path) -> None:
    path = content_copy / "article.toml"
    path.unlink()
    os.mkfifo(path)
    status, output = _check(content_copy)
    assert status == 2
    assert f"{path}: is a FIFO, not a regular file: not read" in output
    assert "Traceback" not in output


def test_a_device_is_not_read(content_copy: Path) -> None:
    path = content_copy / "glossary.toml"
    path.unlink()
    path.symlink_to("/dev/zero")
    status, output = _check(content_copy)
    assert status == 2
    assert f"{path}: is a character device, not a regular file: not read" in output
    assert "Traceback" not in output


def test_a_file_above_the_size_cap_is_not_read(content_copy: Path) -> None:
    path = content_copy / "timeline.toml"
    with path.open("a", encoding="utf-8") as file:
        file.write("#" * (MAX_FILE_BYTES + 1))
    assert _errors(content_copy) == [f"{path}: is larger than 4 MiB"]


@pytest.mark.parametrize("depth", [400, 500, 100_000])
def test_deep_nesting_is_a_problem_not_a_traceback(content_copy: Path, depth: int) -> None:
    # tomllib parses 400 levels and gives up (RecursionError) somewhere before 500.
    path = content_copy / "timeline.toml"
    path.write_text("events = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    (error,) = _errors(content_copy)
    assert error.startswith(f"{path}: ")
    assert "nested too deep" in error or "events[0]" in error, error


def test_a_parent_without_permission_is_a_problem(
    tmp_path: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    content = Path(shutil.move(content_copy, locked / "content"))
    locked.chmod(0)
    # root passes every permission check: check runs as nobody, where nobody can run Python
    # from here at all (not when the checkout lies in a directory only root may enter).
    as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    runs_as_nobody = os.geteuid() != 0 or (
        shutil.which("setpriv") is not None
        and subprocess.run(
            [*as_user, sys.executable, "-m", "genesis_tui", "--version"],
            capture_output=True,
            timeout=60,
            check=False,
        ).returncode
        == 0
    )
    try:
        if runs_as_nobody:
            status, output = _check(content, as_user=as_user if os.geteuid() == 0 else None)
        else:  # the same refusal, from the operating system as nobody would meet it
            monkeypatch.setattr(files, "os", _Refusing(locked))
            with pytest.raises(ContentError) as caught:
                load_content(content)
            status, output = 2, str(caught.value)
    finally:
        locked.chmod(0o700)
    assert status == 2
    assert "cannot be read (Permission denied)" in output
    assert "Traceback" not in output


class _Refusing:
    """``os`` as seen by a user without search permission on ``locked``."""

    def __init__(self, locked: Path) -> None:
        self._locked = str(locked)

    def stat(self, path: object) -> os.stat_result:
        if str(path).startswith(self._locked + "/"):
            raise PermissionError(13, "Permission denied", str(path))
        return os.stat(path)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)


def test_a_path_of_5000_characters_is_a_problem(tmp_path: Path) -> None:
    directory = tmp_path / ("x" * 5000)
    assert _errors(directory) == [f"{directory}: cannot be read (File name too long)"]


def test_a_byte_order_mark_is_accepted(content_copy: Path) -> None:
    path = content_copy / "glossary.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_content(content_copy).glossary.terms


def test_schema_and_reference_errors_are_reported_together(content_copy: Path) -> None:
    # A schema error in every file used to hide every duplicate id and dangling reference.
    _edit(content_copy, "article.toml", 'kind = "heading"', 'kind = "title"')
    _edit(content_copy, "article.toml", 'id = "overview-6"', 'id = "overview-5"')
    _edit(content_copy, "glossary.toml", 'reading = "おおさか"', 'reading = "Osaka"')
    _edit(content_copy, "glossary.toml", 'related = ["sca-hpcasia"]', 'related = ["atlantis"]')
    _edit(content_copy, "glossary.toml", 'id = "tokyo"', 'id = "riken"')
    _edit(content_copy, "timeline.toml", 'date = "2025-12-18"', 'date = "soon"')
    _edit(content_copy, "timeline.toml", 'terms = ["nvidia", "doe"]', 'terms = ["nasa"]')
    errors = "\n".join(_errors(content_copy))
    for fragment in [
        "article.toml: sections[0](id=overview).blocks[2](id=overview-3).kind",
        "article.toml: blocks(id=overview-5): duplicate block id",
        "glossary.toml: terms[",
        "(id=osaka).reading: must be written in kana only",
        "(id=osaka).related: no term has id 'atlantis'",
        "glossary.toml: terms(id=riken): duplicate term id",
        "timeline.toml: events[4].date: must be a date",
        "timeline.toml: events[4].terms: no term has id 'nasa'",
    ]:
        assert fragment in errors, f"{fragment!r} not reported; got:\n{errors}"


def test_references_are_checked_when_another_file_does_not_parse(content_copy: Path) -> None:
    (content_copy / "article.toml").write_text("schema = \n", encoding="utf-8")
    _edit(content_copy, "timeline.toml", 'terms = ["nvidia", "doe"]', 'terms = ["nasa"]')
    errors = _errors(content_copy)
    assert any("article.toml: line 1" in error for error in errors), errors
    assert any("events[4].terms: no term has id 'nasa'" in error for error in errors), errors


def test_trusted_content_that_does_not_build_is_validated(content_copy: Path) -> None:
    # A file that no longer fits the model is still named with its place, not a traceback.
    _edit(content_copy, "timeline.toml", 'date = "2025-12-18"', "date = 20251218")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy, validate=False)
    assert any("timeline.toml" in str(problem) for problem in caught.value.problems)


@pytest.mark.slow  # a real process, 0.3 s of CPU
def test_the_trusted_build_reads_files_as_carefully(content_copy: Path) -> None:
    # The bundled content is built without validation: a FIFO or deep nesting there must not
    # hang or crash it either (it falls back to validation, which names them).
    (content_copy / "article.toml").unlink()
    os.mkfifo(content_copy / "article.toml")
    (content_copy / "timeline.toml").write_text("events = " + "[" * 600 + "]" * 600 + "\n")
    code = (
        "import sys\n"
        "from genesis_tui.content.load import ContentError, load_content\n"
        "try:\n"
        "    load_content(sys.argv[1], validate=False)\n"
        "except ContentError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(content_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "article.toml: is a FIFO, not a regular file: not read" in done.stdout
    assert "timeline.toml: arrays or tables nested too deep to read" in done.stdout


def test_dotted_keys_nested_too_deep_are_a_problem(content_copy: Path) -> None:
    """A key of 3,000 dotted parts is refused before tomllib builds it, naming its line."""
    path = content_copy / "glossary.toml"
    lines = path.read_text("utf-8").count("\n")
    with path.open("a", encoding="utf-8") as file:
        file.write("x." + ".".join(["a"] * 3000) + " = 1\n")
    place = f"line {lines + 1}, column 1"
    assert _errors(content_copy) == [
        f"{path}: {place}: not valid TOML: a dotted key of more than 64 parts (at {place})"
    ]
    with pytest.raises(ContentError):  # the unvalidated build falls back to validation
        load_content(content_copy, validate=False)


@pytest.mark.parametrize("header", [False, True])
def test_a_key_of_20000_dotted_parts_is_refused_in_little_memory(
    small_content_copy: Path, header: bool
) -> None:
    """tomllib's memory grows with the square of a dotted key's parts (20,000: 1.6 GB): the
    check runs with its address space capped at 1 GB, and says which file and line."""
    path = small_content_copy / "timeline.toml"
    key = ".".join(["a"] * 20_000)
    text = f"[{key}]\n" if header else f"{key} = 1\n"
    path.write_text("# a comment\n" + text + path.read_text("utf-8"), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "genesis_tui", "check", str(small_content_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_cap_memory,
    )
    assert done.returncode == 2, done.stderr
    assert f"{path}: line 2, column 1: not valid TOML: a dotted key" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.slow  # a real process, 0.65 s of CPU
def test_readings_are_read_as_carefully_as_the_rest(content_copy: Path) -> None:
    path = content_copy / "readings.toml"
    path.unlink()
    os.mkfifo(path)
    status, output = _check(content_copy)
    assert status == 2
    assert f"{path}: is a FIFO, not a regular file: not read" in output
    assert "Traceback" not in output
    # The reader opens the content without its ruby instead of waiting on the FIFO.
    code = (
        "import sys\n"
        "from genesis_tui.content.load import load_content\n"
        "print(len(load_content(sys.argv[1], validate=False).ruby.spans('理化学研究所')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(content_copy)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "0\n"), done.stderr


def test_a_number_too_long_to_read_is_a_content_error(
    small_content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An integer of 5,000 digits: tomllib lets Python's ValueError out (it was a traceback)."""
    from genesis_tui.cli.main import main

    timeline = small_content_copy / "timeline.toml"
    timeline.write_text("x = " + "1" * 5000 + "\n" + timeline.read_text("utf-8"), "utf-8")
    assert main(["check", str(small_content_copy)]) == 2
    err = capsys.readouterr().err
    assert "timeline.toml: not valid TOML: a number longer than" in err, err
    assert "Traceback" not in err
