"""Read a content directory into immutable models, reporting every error at once.

A directory the user names (``--content DIR``, ``check``) is validated: pydantic checks each file
against the model, then the cross-checks look at what a schema cannot see, and every problem is
reported together. The bundled content is validated by the tests and CI instead, so the reader
builds it straight from the TOML by the model's types, without importing pydantic (most of what
validation would cost at start-up). Should that build fail, the content is validated after all,
so a broken file is still named with its place.
"""

from __future__ import annotations

import tomllib
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

from genesis_tui import cache as content_cache
from genesis_tui import model as model_module
from genesis_tui.controls import escaped
from genesis_tui.files import (
    MAX_DEPTH,
    Missing,
    Unreadable,
    is_directory,
    read_file,
    toml_text,
    too_deep,
)
from genesis_tui.model import Article, Block, Glossary, Section, Term, Timeline
from genesis_tui.readings import Ruby
from genesis_tui.references import reference_flaws
from genesis_tui.terms import Span, TermMatcher

ARTICLE_FILE = "article.toml"
GLOSSARY_FILE = "glossary.toml"
TIMELINE_FILE = "timeline.toml"
CONTENT_FILES = (ARTICLE_FILE, GLOSSARY_FILE, TIMELINE_FILE)
_FILES = {"article": ARTICLE_FILE, "glossary": GLOSSARY_FILE, "timeline": TIMELINE_FILE}

M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a content directory: which file, where in it, and what."""

    file: Path
    where: str
    message: str

    def __str__(self) -> str:
        # Paths, keys and ids come from the user: a control character in them is shown, not sent.
        place = f"{self.file}: {self.where}" if self.where else str(self.file)
        return escaped(f"{place}: {self.message}")


class ContentError(Exception):
    """The content directory cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one load, one Content
class Content:
    """A loaded content directory: the article, glossary and timeline, with the term index."""

    directory: Path
    article: Article
    glossary: Glossary
    timeline: Timeline
    matcher: TermMatcher = field(repr=False)
    spans: SpanIndex = field(repr=False)
    """Term occurrences per (block id, language), found when first asked for."""
    terms: dict[str, Term] = field(repr=False)
    """The glossary by term id."""
    key: str = field(default="", repr=False)
    """A name for this exact content (its files' digest), for what is cached about it."""

    def __repr__(self) -> str:  # the models are long: name the directory only
        return f"Content({str(self.directory)!r})"

    @cached_property
    def ruby(self) -> Ruby:
        """The readings of the Japanese (``readings.toml``), by text: read when first asked for,
        and empty when the directory has none."""
        from genesis_tui.readings import load_ruby

        return load_ruby(self.directory, self.article, self.glossary, self.timeline)

    def term(self, term_id: str) -> Term:
        """The glossary term with this id."""
        return self.terms[term_id]

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for section in self.article.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def block_terms(self, block: Block) -> tuple[str, ...]:
        """The ids of the terms a block mentions, in order of first mention, either language."""
        seen: dict[str, None] = {}
        for lang in ("ja", "en"):
            for span in self.spans[(block.id, lang)]:
                seen.setdefault(span.term_id)
        return tuple(seen)

    def occurrences(self, term_id: str) -> tuple[tuple[Section, Block], ...]:
        """Every block that mentions the term, in reading order."""
        return tuple(
            (section, block)
            for section, block in self.article.blocks()
            if term_id in self.block_terms(block)
        )

    def since_occurrences(self, term_id: str) -> tuple[tuple[Section, Block], ...]:
        """Every block whose "since publication" note mentions the term, in reading order."""
        return tuple(
            (section, block)
            for section, block in self.article.blocks()
            if block.since is not None
            and any(
                span.term_id == term_id
                for text in (block.since.ja, block.since.en)
                for span in self.matcher.find(text)
            )
        )


ReadingsRule = Literal["optional", "required", "ignored"]
"""What ``load_content`` asks of ``readings.toml``: ``optional`` checks it when it is there (a
directory written before readings existed still opens, without them); ``required`` (``check``)
also reports it missing; ``ignored`` skips it (``genesis-tui readings``, which drafts it)."""


def load_content(
    directory: Path, *, validate: bool = True, readings: ReadingsRule = "optional"
) -> Content:
    """Load and cross-check a content directory; raise ``ContentError`` with every problem.

    Without ``validate`` (for content that passed its tests: the bundled content), the models
    are built without pydantic, and validation runs only if that build fails. ``readings`` says
    whether ``readings.toml`` must be there (see ``ReadingsRule``).
    """
    directory = Path(directory)
    if not _is_directory(directory):
        raise ContentError([Problem(directory, "", "not a directory")])
    if not validate:
        content = _load_trusted(directory)
        if content is not None:
            return content
    problems: list[Problem] = []
    article_data, article = _load_model(directory / ARTICLE_FILE, Article, problems)
    glossary_data, glossary = _load_model(directory / GLOSSARY_FILE, Glossary, problems)
    timeline_data, timeline = _load_model(directory / TIMELINE_FILE, Timeline, problems)
    # Ids and references are checked on whatever parsed, so that they are reported together
    # with the schema errors of any file.
    for flaw in reference_flaws(article_data, glossary_data, timeline_data):
        problems.append(Problem(directory / _FILES[flaw.file], flaw.where, flaw.message))
    if article is None or glossary is None or timeline is None:
        raise ContentError(problems)
    content = _index(directory, article, glossary, timeline)
    problems.extend(_cross_check(content))
    problems.extend(check_readings(content, readings))
    if problems:
        raise ContentError(problems)
    return content


class SpanIndex(dict[tuple[str, str], tuple[Span, ...]]):
    """Term occurrences per (block id, language), matched when first asked for: the first
    screen needs those of one section only."""

    def __init__(self, matcher: TermMatcher, article: Article) -> None:
        super().__init__()
        self._matcher = matcher
        self._blocks = {block.id: block for _, block in article.blocks()}

    def __missing__(self, key: tuple[str, str]) -> tuple[Span, ...]:
        block_id, lang = key
        spans = self[key] = self._matcher.find(getattr(self._blocks[block_id], lang))
        return spans


def _index(
    directory: Path, article: Article, glossary: Glossary, timeline: Timeline, key: str = ""
) -> Content:
    """The content with its term index: every term's occurrences, found by matching."""
    matcher = TermMatcher(glossary.terms)
    spans = SpanIndex(matcher, article)
    terms = {term.id: term for term in glossary.terms}
    return Content(directory, article, glossary, timeline, matcher, spans, terms, key)


def _is_directory(directory: Path) -> bool:
    """``files.is_directory``, with what stops it from looking as a ``ContentError``."""
    try:
        return is_directory(directory)
    except Unreadable as error:
        raise ContentError([Problem(directory, "", str(error))]) from None


def _load_model(path: Path, model: type[M], problems: list[Problem]) -> tuple[Any, M | None]:
    """The file's TOML data (None if it could not be read or parsed) and its model (None if it
    is not valid); what is wrong goes to ``problems``."""
    try:
        raw = read_file(path)
    except Unreadable as error:
        problems.append(Problem(path, "", str(error)))
        return None, None
    try:
        data = tomllib.loads(toml_text(raw))
    except UnicodeDecodeError as error:
        problems.append(Problem(path, f"byte {error.start}", "is not UTF-8 text"))
        return None, None
    except tomllib.TOMLDecodeError as error:
        place = _toml_place(str(error), raw)
        problems.append(Problem(path, place, f"not valid TOML: {error}"))
        return None, None
    except RecursionError:  # tomllib recurses once per level of nesting
        data = None
    if data is None or too_deep(data):  # what walks the data recursively would fail too
        message = f"arrays or tables nested too deep to read (more than {MAX_DEPTH} levels)"
        problems.append(Problem(path, "", message))
        return None, None
    from pydantic import TypeAdapter, ValidationError

    try:
        return data, TypeAdapter(model).validate_python(data)
    except ValidationError as error:
        for item in error.errors():
            problems.append(Problem(path, _key_path(item["loc"], data), _message(item)))
        return data, None


def _load_trusted(directory: Path) -> Content | None:
    """The content built from its files by the model's types, without validation; None if the
    files do not build (the caller then validates them, to say what is wrong).

    The files' parsed data is cached (``genesis_tui.cache``) under their digest: parsing TOML
    is most of the work, and the cached JSON goes through the same type checks."""
    try:
        files = [read_file(directory / name) for name in CONTENT_FILES]
    except Unreadable:
        return None
    key = content_cache.key(*files)
    data = content_cache.read("content", key)
    if not (isinstance(data, list) and len(data) == len(CONTENT_FILES)):
        try:
            data = [tomllib.loads(toml_text(raw)) for raw in files]
        except (ValueError, RecursionError):
            return None
        if any(too_deep(part) for part in data):
            return None
        content_cache.write("content", key, data)
    try:
        article, glossary, timeline = (
            _build(kind, part)
            for kind, part in zip((Article, Glossary, Timeline), data, strict=True)
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None
    if not (
        isinstance(article, Article)
        and isinstance(glossary, Glossary)
        and isinstance(timeline, Timeline)
    ):
        return None
    return _index(directory, article, glossary, timeline, key)


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind, vars(model_module))


def _build(kind: Any, value: Any) -> Any:
    """A model (or part of one) from already validated TOML data, by the model's types."""
    if is_dataclass(kind):
        hints = _hints(kind)  # type: ignore[arg-type]
        names = {item.name for item in fields(kind)}
        if not set(value) <= names:
            raise KeyError(sorted(set(value) - names))
        factory: Any = kind
        return factory(**{name: _build(hints[name], item) for name, item in value.items()})
    origin = typing.get_origin(kind)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        return tuple(_build(item_kind, item) for item in value)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return _build(inner, value)
    if origin is typing.Literal:
        if value not in typing.get_args(kind):
            raise ValueError(value)
        return value
    if isinstance(kind, type) and not isinstance(value, kind):  # str, bool
        raise TypeError(value)
    return value


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


def _cross_check(content: Content) -> list[Problem]:
    """What needs the whole, valid content: every term occurs somewhere."""
    glossary_file = content.directory / GLOSSARY_FILE
    problems: list[Problem] = []
    for index, term in enumerate(content.glossary.terms):
        if not content.occurrences(term.id) and not content.since_occurrences(term.id):
            message = (
                "occurs nowhere in the article or its since-publication notes"
                " (no form or alias matches)"
            )
            problems.append(Problem(glossary_file, f"terms[{index}](id={term.id})", message))
    return problems


# ---------------------------------------------------------------------- readings
def check_readings(content: Content, rule: ReadingsRule = "required") -> list[Problem]:
    """``readings.toml`` against the text: each word attached to text that is there, readings
    in kana, no kanji of any Japanese text left without a reading, and glossary terms read as
    their ``reading`` says. A missing file is a problem only when ``rule`` is ``required``."""
    if rule == "ignored":
        return []
    from genesis_tui import readings as rd

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
    try:
        data = tomllib.loads(toml_text(raw))
    except UnicodeDecodeError as error:
        return [Problem(path, f"byte {error.start}", "is not UTF-8 text")]
    except tomllib.TOMLDecodeError as error:
        return [Problem(path, _toml_place(str(error), raw), f"not valid TOML: {error}")]
    except RecursionError:
        data = None
    if data is None or too_deep(data):
        message = f"arrays or tables nested too deep to read (more than {MAX_DEPTH} levels)"
        return [Problem(path, "", message)]
    words, flaws = rd.parse_readings(data)
    problems = [Problem(path, flaw.key, flaw.message) for flaw in flaws]
    located = rd.texts(content.article, content.glossary, content.timeline)
    known = {item.key for item in located}
    for key in words:
        if key not in known:
            problems.append(Problem(path, key, "no Japanese text of the content has this key"))
    spans: dict[str, tuple[rd.RubySpan, ...]] = {}
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
    from genesis_tui import readings as rd

    if any(char.isascii() and char.isalnum() for char in term.term.ja):
        return []  # "AI for Science": the glossary's reading spells the Latin out, ruby does not
    if rd.unread_kanji(term.term.ja, spans):
        return []  # reported already

    def sound(text: str) -> str:
        return rd.to_hiragana(text).replace("・", "").replace(" ", "")

    spelled = rd.spelled_out(term.term.ja, spans)
    if sound(spelled) == sound(term.reading):
        return []
    message = (
        f"the readings spell {spelled!r}, but the glossary ({GLOSSARY_FILE}) reads"
        f" {term.term.ja!r} as {term.reading!r}"
    )
    return [Problem(path, f"terms.{term.id}.term", message)]
