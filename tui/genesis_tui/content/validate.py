"""Validation of a content directory the user names: every problem, with its file and place.

pydantic checks each file against the model (``content.model``) and reports each error at its
key path; the cross-checks then look at what needs the whole content (every term occurs), and
``readings.toml`` is checked against the text it reads. pydantic is imported only here, and only
when something is validated: the reader of the bundled content never needs it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal, TypeVar

from genesis_tui.content.edition import Edition, Problem
from genesis_tui.content.files import (
    MAX_DEPTH,
    Missing,
    Unreadable,
    parse_toml,
    read_file,
    too_deep,
)
from genesis_tui.content.model import Term
from genesis_tui.text.ruby import RubySpan

GLOSSARY_FILE = "glossary.toml"
M = TypeVar("M")
_ADAPTERS: dict[object, Any] = {}
"""pydantic's validator of each model, built once (2 to 6 ms each)."""

ReadingsRule = Literal["optional", "required", "ignored"]
"""What ``load_content`` asks of ``readings.toml``: ``optional`` checks it when it is there (a
directory written before readings existed still opens, without them); ``required`` (``check``)
also reports it missing; ``ignored`` skips it (``genesis-tui readings``, which drafts it)."""


def _optional_toml(path: Path) -> tuple[Any, list[Problem]]:
    """An optional content file's TOML data; None and no problem when the file is not there,
    None and why when it cannot be read."""
    try:
        raw = read_file(path)
    except Missing:
        return None, []
    except Unreadable as error:
        return None, [Problem(path, "", str(error))]
    return _toml_data(path, raw)


def _toml_data(path: Path, raw: bytes) -> tuple[Any, list[Problem]]:
    """A content file's TOML data, or None and why it cannot be read: not UTF-8, not TOML,
    or nested deeper than whatever walks it recursively could follow."""
    try:
        data = parse_toml(raw)
    except UnicodeDecodeError as error:
        return None, [Problem(path, f"byte {error.start}", "is not UTF-8 text")]
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(path, _toml_place(str(error), raw), f"not valid TOML: {error}")]
    except RecursionError:  # tomllib recurses once per level of nesting
        data = None
    if data is None or too_deep(data):
        message = f"arrays or tables nested too deep to read (more than {MAX_DEPTH} levels)"
        return None, [Problem(path, "", message)]
    return data, []


def load_model(path: Path, model: type[M], problems: list[Problem]) -> tuple[Any, M | None]:
    """The file's TOML data (None if it could not be read or parsed) and its model (None if it
    is not valid); what is wrong goes to ``problems``."""
    try:
        raw = read_file(path)
    except Unreadable as error:
        problems.append(Problem(path, "", str(error)))
        return None, None
    data, unread = _toml_data(path, raw)
    if data is None:
        problems += unread
        return None, None
    from pydantic import TypeAdapter, ValidationError

    adapter = _ADAPTERS.get(model) or _ADAPTERS.setdefault(model, TypeAdapter(model))
    try:
        return data, adapter.validate_python(data)
    except ValidationError as error:
        for item in error.errors():
            problems.append(Problem(path, _key_path(item["loc"], data), _message(item)))
        return data, None


def _toml_place(message: str, raw: bytes) -> str:
    """Where a tomllib error is: ``line N, column M``, or the file's last line."""
    if "(at line " in message:
        return message.rsplit("(at ", 1)[1].rstrip(")")
    if "end of document" in message:
        lines = raw.count(b"\n") + 1
        return f"line {lines} (end of file)"
    return ""


def _key_path(loc: tuple[int | str, ...], data: Any) -> str:
    """A readable key path (``sections[2].blocks[0].en``), with the item's id where known."""
    path = ""
    node: Any = data
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                path += f"(id={node['id']})"
        else:
            path += f".{part}" if path else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return path


def _message(item: Any) -> str:
    kind = item["type"]
    if kind in ("missing", "missing_keyword_argument"):
        return "required key is missing"
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    message = str(item["msg"])
    return message.removeprefix("Value error, ")


def cross_check(content: Edition) -> list[Problem]:
    """What needs the whole, valid content: every term occurs somewhere (in the article, a
    since-publication note, or another term's definition, which it then explains)."""
    glossary_file = content.directory / GLOSSARY_FILE
    problems: list[Problem] = []
    for index, term in enumerate(content.glossary.terms):
        if content.named_in(term.id):
            continue
        if not content.occurrences(term.id) and not content.since_occurrences(term.id):
            message = (
                "occurs nowhere in the article, its since-publication notes or another"
                " term's definition (no form or alias matches)"
            )
            problems.append(Problem(glossary_file, f"terms[{index}](id={term.id})", message))
    return problems


# ---------------------------------------------------------------------- readings
def check_readings(content: Edition, rule: ReadingsRule = "required") -> list[Problem]:
    """``readings.toml`` against the text: each word attached to text that is there, readings
    in kana, no kanji of any Japanese text left without a reading, and glossary terms read as
    their ``reading`` says. A missing file is a problem only when ``rule`` is ``required``."""
    if rule == "ignored":
        return []
    from genesis_tui.content import readings as rd

    path = content.directory / rd.READINGS_FILE
    try:
        raw = read_file(path)
    except Missing:
        if rule == "optional":
            return []
        message = "file is missing (draft it with `genesis-tui readings DIR`, then review it)"
        return [Problem(path, "", message)]
    except Unreadable as error:
        return [Problem(path, "", str(error))]
    data, unread = _toml_data(path, raw)
    if data is None:
        return unread
    words, flaws = rd.parse_readings(data)
    problems = [Problem(path, flaw.key, flaw.message) for flaw in flaws]
    located = rd.texts(content.article, content.glossary, content.timeline)
    known = {item.key for item in located}
    for key in words:
        if key not in known:
            problems.append(Problem(path, key, "no Japanese text of the content has this key"))
    spans: dict[str, tuple[RubySpan, ...]] = {}
    first_of_text: dict[str, str] = {}  # text -> the key of its first place
    for item in located:
        attached = rd.attach(item.text, words.get(item.key, ()))
        spans[item.key] = attached.spans
        first = first_of_text.setdefault(item.text, item.key)
        if spans[first] != attached.spans:  # the reader looks readings up by text: one wins
            message = f"the same text as {first}, read differently (give both the same readings)"
            problems.append(Problem(path, item.key, message))
        for index, word in attached.missing:
            message = (
                f"word {index + 1} ({word}): {word.base!r} is not in the text"
                f" ({item.file}) after the word before it"
            )
            problems.append(Problem(path, item.key, message))
        for offset, run in rd.unread_kanji(item.text, attached.spans):
            message = f"no reading for {run!r} (character {offset} of the text in {item.file})"
            problems.append(Problem(path, item.key, message))
    for term in content.glossary.terms:
        problems.extend(_check_term_reading(path, term, spans.get(f"terms.{term.id}.term", ())))
    return problems


def _check_term_reading(
    path: Path, term: Term, spans: tuple[tuple[int, int, str], ...]
) -> list[Problem]:
    """The readings over a glossary term's name must spell the term's own ``reading``."""
    from genesis_tui.content import readings as rd
    from genesis_tui.text.kana import to_hiragana

    if any(char.isascii() and char.isalnum() for char in term.term.ja):
        return []  # "AI for Science": the glossary's reading spells the Latin out, ruby does not
    if rd.unread_kanji(term.term.ja, spans):
        return []  # reported already

    def sound(text: str) -> str:
        return to_hiragana(text).replace("・", "").replace(" ", "")

    spelled = rd.spelled_out(term.term.ja, spans)
    if sound(spelled) == sound(term.reading):
        return []
    message = (
        f"the readings spell {spelled!r}, but the glossary ({GLOSSARY_FILE}) reads"
        f" {term.term.ja!r} as {term.reading!r}"
    )
    return [Problem(path, f"terms.{term.id}.term", message)]


# ---------------------------------------------------------------------- lexicon
def check_lexicon(content: Edition, rule: ReadingsRule = "optional") -> list[Problem]:
    """``lexicon.toml`` against the text, when the directory has one: each word attached to
    text that is there and pointing to an entry, every word of every Japanese text covered
    (punctuation, symbols and digits aside), no entry unused, readings in kana, parts of speech
    known, parts and terms that exist. ``ignored`` (the drafting commands) skips it."""
    if rule == "ignored":
        return []
    from genesis_tui.content import lexicon as lx
    from genesis_tui.content import lexicon_file
    from genesis_tui.content import readings as rd

    path = content.directory / lx.LEXICON_FILE
    data, unread = _optional_toml(path)
    if data is None:
        return unread
    words, entries, flaws = lexicon_file.parse_lexicon(data)
    problems = [Problem(path, flaw.key, flaw.message) for flaw in flaws]
    malformed = {flaw.key.split(".", 2)[1] for flaw in flaws if flaw.key.startswith("entries.")}
    located = rd.texts(content.article, content.glossary, content.timeline)
    known = {item.key for item in located}
    for key in words:
        if key not in known:
            problems.append(Problem(path, f"words.{key}", "no Japanese text has this key"))
    used: set[str] = set()
    for item in located:
        listed = words.get(item.key, ())
        attached = lexicon_file.attach(item.text, listed)
        where = f"words.{item.key}"
        for index, word in attached.missing:
            message = (
                f"word {index + 1} ({word}): {word.surface!r} is not in the text"
                f" ({item.file}) after the word before it"
            )
            problems.append(Problem(path, where, message))
        for index, word in enumerate(listed):
            used.add(word.entry)
            if word.entry not in entries and word.entry not in malformed:
                message = f"word {index + 1} ({word}): no entry {word.entry!r} in [entries]"
                problems.append(Problem(path, where, message))
        for offset, run in lexicon_file.uncovered(item.text, attached.spans):
            message = f"no word covers {run!r} (character {offset} of the text in {item.file})"
            problems.append(Problem(path, where, message))
    queue = [entry for entry in used if entry in entries]
    while queue:
        for part in entries[queue.pop()].parts:
            if part not in used:
                used.add(part)
                queue += [part] if part in entries else []
    for entry in entries.values():
        where = f"entries.{entry.id}"
        if entry.id not in used:
            message = "no word of any text is this entry (nor is it a compound's part)"
            problems.append(Problem(path, where, message))
        for part in entry.parts:
            if part not in entries and part not in malformed:
                problems.append(Problem(path, f"{where}.parts", f"no entry {part!r}"))
        if entry.term and entry.term not in content.terms:
            message = f"no term {entry.term!r} in the glossary ({GLOSSARY_FILE})"
            problems.append(Problem(path, f"{where}.term", message))
    return problems


# ---------------------------------------------------------------------- sentences
def check_sentences(content: Edition) -> list[Problem]:
    """``sentences.toml`` against the article, when the directory has one: every block listed,
    each language's sentences the block's text in order, none empty, pairs one to one or
    several to one (``sentences.parse_sentences``)."""
    from genesis_tui.content import sentences as st

    path = content.directory / st.SENTENCES_FILE
    data, unread = _optional_toml(path)
    if data is None:
        return unread
    blocks = {block.id: block for _, block in content.article.blocks()}
    _, flaws = st.parse_sentences(data, blocks)
    return [Problem(path, flaw.key, flaw.message) for flaw in flaws]
