"""Read a content directory into immutable models, reporting every error at once.

A directory the user names (``--content DIR``, ``check``) is validated: pydantic checks each file
against the model, then the cross-checks look at what a schema cannot see, and every problem is
reported together. The bundled content is validated by the tests and CI instead, so the reader
builds it straight from the TOML by the model's types, without importing pydantic (most of what
validation would cost at start-up). Should that build fail, the content is validated after all,
so a broken file is still named with its place.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from genesis_tui.content import cache as content_cache
from genesis_tui.content import model as model_module
from genesis_tui.content.edition import ContentError, Edition, Problem, index_content
from genesis_tui.content.files import (
    Unreadable,
    is_directory,
    parse_toml,
    read_file,
    too_deep,
)
from genesis_tui.content.model import Article, Glossary, Timeline

if TYPE_CHECKING:
    from genesis_tui.content.validate import ReadingsRule

ARTICLE_FILE = "article.toml"
GLOSSARY_FILE = "glossary.toml"
TIMELINE_FILE = "timeline.toml"
CONTENT_FILES = (ARTICLE_FILE, GLOSSARY_FILE, TIMELINE_FILE)
_FILES = {"article": ARTICLE_FILE, "glossary": GLOSSARY_FILE, "timeline": TIMELINE_FILE}


def load_content(
    directory: Path, *, validate: bool = True, readings: ReadingsRule = "optional"
) -> Edition:
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
    # Validation (TOML, pydantic, the cross-checks) is imported only for content that needs it.
    from genesis_tui.content.references import reference_flaws
    from genesis_tui.content.validate import (
        check_lexicon,
        check_readings,
        check_sentences,
        cross_check,
        load_model,
    )

    problems: list[Problem] = []
    article_data, article = load_model(directory / ARTICLE_FILE, Article, problems)
    glossary_data, glossary = load_model(directory / GLOSSARY_FILE, Glossary, problems)
    timeline_data, timeline = load_model(directory / TIMELINE_FILE, Timeline, problems)
    # Ids and references are checked on whatever parsed, so that they are reported together
    # with the schema errors of any file.
    for flaw in reference_flaws(article_data, glossary_data, timeline_data):
        problems.append(Problem(directory / _FILES[flaw.file], flaw.where, flaw.message))
    if article is None or glossary is None or timeline is None:
        raise ContentError(problems)
    content = index_content(directory, article, glossary, timeline)
    problems.extend(cross_check(content))
    problems.extend(check_readings(content, readings))
    problems.extend(check_lexicon(content, "ignored" if readings == "ignored" else "optional"))
    problems.extend(check_sentences(content))
    if problems:
        raise ContentError(problems)
    return content


def _is_directory(directory: Path) -> bool:
    """``files.is_directory``, with what stops it from looking as a ``ContentError``."""
    try:
        return is_directory(directory)
    except Unreadable as error:
        raise ContentError([Problem(directory, "", str(error))]) from None


def _load_trusted(directory: Path) -> Edition | None:
    """The content built from its files by the model's types, without validation; None if the
    files do not build (the caller then validates them, to say what is wrong).

    The files' parsed data is cached (``content.cache``) under their digest: parsing TOML
    is most of the work, and the cached JSON goes through the same type checks."""
    try:
        files = [read_file(directory / name) for name in CONTENT_FILES]
    except Unreadable:
        return None
    key = content_cache.key(*files)
    data = content_cache.read("content", key)
    if not (isinstance(data, list) and len(data) == len(CONTENT_FILES)):
        try:
            data = [parse_toml(raw) for raw in files]
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
    return index_content(directory, article, glossary, timeline, key)


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind, vars(model_module))


def _build(kind: Any, value: Any) -> Any:
    """A model (or part of one) from already validated TOML data, by the model's types."""
    return _builder(kind)(value)


@cache
def _builder(kind: Any) -> Callable[[Any], Any]:
    """What builds a value of type ``kind`` from data, worked out once per type (the content
    has a thousand parts of a dozen types); it raises on data of another shape."""
    if is_dataclass(kind):
        hints = _hints(kind)  # type: ignore[arg-type]
        names = frozenset(item.name for item in fields(kind))
        parts = {name: _builder(hints[name]) for name in names}
        factory: Any = kind

        def model(value: Any) -> Any:
            if not value.keys() <= names:
                raise KeyError(sorted(set(value) - names))
            return factory(**{name: parts[name](item) for name, item in value.items()})

        return model
    origin = typing.get_origin(kind)
    if origin is tuple:
        item_builder = _builder(typing.get_args(kind)[0])
        return lambda value: tuple(item_builder(item) for item in value)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        inner_builder = _builder(inner)
        return lambda value: None if value is None else inner_builder(value)
    if origin is typing.Literal:
        allowed = typing.get_args(kind)

        def literal(value: Any) -> Any:
            if value not in allowed:
                raise ValueError(value)
            return value

        return literal

    def plain(value: Any) -> Any:  # str, bool
        if isinstance(kind, type) and not isinstance(value, kind):
            raise TypeError(value)
        return value

    return plain
