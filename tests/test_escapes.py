"""Escape sequences in content never reach a terminal: not through `check`, the exports, the
piped text or the reader's screen, whether the content was validated or not."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition, index_content
from genesis_tui.content.model import Pair
from genesis_tui.export import formats as export
from genesis_tui.export.plain_text import to_text
from genesis_tui.text.control_chars import escaped, visible
from genesis_tui.ui.app import GenesisApp
from genesis_tui.ui.screens.reader import ReaderScreen

RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""What output may not hold: any C0 or C1 control, or DEL; only newline is allowed."""

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
HOSTILE = (
    f"{ESC}]52;c;ZWNobyBvd25lZA=={BEL}",  # OSC 52: write the clipboard
    f"{ESC}]0;owned{BEL}",  # OSC 0: the window title
    f"{ESC}]8;;file:///etc/passwd{ST}click{ESC}]8;;{ST}",  # OSC 8: a link
    f"{ESC}[2J",  # CSI 2J: clear the screen
    "\x9b31m",  # C1 CSI on its own
    "\x7f\r\t\x00",
)
"""One of each kind of sequence an attacker would put in content."""
TOML_HOSTILE = "".join(
    f"\\u{ord(char):04x}" if RAW_CONTROL.match(char) or char in '\\"' else char
    for char in "".join(HOSTILE)
)
"""The same, written as TOML escapes (TOML allows no raw control characters but tab)."""


def _assert_safe(text: str, what: str) -> None:
    found = RAW_CONTROL.findall(text)
    assert not found, f"{what} holds raw control characters: {sorted(set(found))!r}"


def _poison_toml(directory: Path) -> None:
    """Put the hostile sequences into titles, block text and definitions of a content copy."""
    for name, pattern in (
        ("article.toml", r'^(title = \{ ja = "[^"]*", en = ")'),  # section titles
        ("article.toml", r'^(en = ")'),  # the article's title, blocks, notes
        ("glossary.toml", r'^(en = ")'),  # definitions
        ("timeline.toml", r'(label = \{ ja = "[^"]*", en = ")'),
    ):
        path = directory / name
        text, count = re.subn(
            pattern,
            r"\g<1>" + TOML_HOSTILE.replace("\\", "\\\\"),
            path.read_text(encoding="utf-8"),
            flags=re.M,
        )
        assert count, f"no match for {pattern} in {name}"
        path.write_text(text, encoding="utf-8")


def _hostile(content: Edition) -> Edition:
    """The bundled content with hostile sequences in every title, text and definition, built
    the way unvalidated content would be: straight into the models, without pydantic."""
    bad = "".join(HOSTILE)

    def pair(value: Pair) -> Pair:
        return Pair(ja=value.ja + bad, en=bad + value.en)

    article = content.article
    sections = tuple(
        replace(
            section,
            title=pair(section.title),
            key_points=tuple(pair(point) for point in section.key_points),
            blocks=tuple(
                replace(block, ja=block.ja + bad, en=bad + block.en) for block in section.blocks
            ),
        )
        for section in article.sections
    )
    article = replace(article, title=pair(article.title), sections=sections)
    terms = tuple(
        replace(term, definition=pair(term.definition)) for term in content.glossary.terms
    )
    glossary = replace(content.glossary, terms=terms)
    events = tuple(replace(event, label=pair(event.label)) for event in content.timeline.events)
    timeline = replace(content.timeline, events=events)
    return index_content(content.directory, article, glossary, timeline)


@given(st.text())
def test_visible_leaves_no_control_but_newline_and_keeps_every_other_character(text: str) -> None:
    shown = visible(text)
    _assert_safe(shown, "visible()")
    assert len(shown) == len(text)  # one stand-in per character: positions stay put
    assert [a for a, b in zip(text, shown, strict=True) if a != b] == RAW_CONTROL.findall(text)


@given(st.text())
def test_escaped_is_one_line_without_controls(text: str) -> None:
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", escaped(text))


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "txt"],
                                     ["export", "--format", "md"], ["export", "--format", "json"],
                                     []])  # fmt: skip
def test_a_hostile_content_directory_is_refused_with_escaped_messages(
    content_copy: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _poison_toml(content_copy)
    args = (
        [*command, str(content_copy)]
        if command == ["check"]
        else [*command, "--content", str(content_copy)]
    )
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    _assert_safe(err, "the error report")
    assert "sections[0](id=overview).title.en: holds the control character U+001B" in err
    assert "(id=riken).definition.en: holds the control character U+001B" in err
    assert "events[0].label.en: holds the control character U+001B" in err


def test_models_built_without_validation_hold_no_controls(content: Edition) -> None:
    hostile = _hostile(content)
    block = hostile.article.sections[0].blocks[0]
    assert block.en.startswith("␛]52;c;"), block.en[:20]  # shown, not obeyed
    assert "\ufffd31m" in block.en  # C1 CSI


@pytest.mark.parametrize("lang", ["both", "ja", "en"])
def test_exports_of_unvalidated_content_hold_no_controls(content: Edition, lang: str) -> None:
    hostile = _hostile(content)
    _assert_safe(to_text(hostile, lang, 80), "txt export")  # type: ignore[arg-type]
    _assert_safe(export.to_markdown(hostile, lang), "md export")  # type: ignore[arg-type]
    _assert_safe(export.to_json(hostile), "json export")


def test_exports_stay_safe_even_if_a_model_is_altered_after_it_was_built(
    content: Edition,
) -> None:
    # The exports' own pass: a string forced into a frozen model skips its construction check.
    bad = "".join(HOSTILE)
    hostile = _hostile(content)
    title = hostile.article.title
    object.__setattr__(title, "en", bad)
    try:
        _assert_safe(to_text(hostile), "txt export")
        _assert_safe(export.to_markdown(hostile), "md export")
        text = export.to_json(hostile)
        _assert_safe(text, "json export")
        assert json.loads(text)["title"]["en"] == bad  # escaped, not lost
    finally:
        object.__setattr__(title, "en", content.article.title.en)


def test_piped_text_of_unvalidated_content_holds_no_controls(
    content: Edition, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from genesis_tui.cli import read

    monkeypatch.setattr(read, "load_named", lambda *args, **kwargs: _hostile(content))
    assert main([]) == 0  # stdout is captured: not a terminal, so the article is printed
    out = capsys.readouterr().out
    assert "␛]52;c;" in out
    _assert_safe(out, "piped text")


async def test_the_reader_draws_unvalidated_content_without_controls(content: Edition) -> None:
    app = GenesisApp(_hostile(content))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # The reader in each view, then the glossary (terms only) and a term's entry.
        for key in ["", "v", "v", "2", "g", "enter"]:
            if key:
                await pilot.press(key)
                await pilot.pause()
            strips = app.screen._compositor.render_strips()
            drawn = "".join(segment.text for strip in strips for segment in strip)
            _assert_safe(drawn, f"the screen after {key!r}")
            if key != "g":
                assert "␛" in drawn, f"the hostile text is not on the screen after {key!r}"


@pytest.mark.parametrize(
    "args", [["export", f"{ESC}]0;owned{BEL}"], ["--width", f"{ESC}[2J"], [f"{ESC}[2J"]]
)
def test_command_line_errors_escape_what_they_quote(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    _assert_safe(err, "the usage error")
    assert "<U+001B>" in err or "\\x1b" in err, err
