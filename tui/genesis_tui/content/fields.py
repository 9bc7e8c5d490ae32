"""What content models are made of: the field types and the rules pydantic reads, the ``model``
decorator, and ``VisibleText``, the base that keeps control characters off the terminal.

The rules (``Rule``, ``Pattern``, ``Length``) are read by pydantic when it builds its validators
(``genesis_tui.content.validate``), and by nothing else: the reader builds the bundled content
without them.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Annotated, Any, TypeVar, dataclass_transform

from genesis_tui.text.control_chars import CONTROL, code_point, visible

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
"""Ids are lower-case ASCII words joined by hyphens: safe in actions, URLs and file names."""

# Patterns as text, compiled when first used (by validation): the reader never needs them.
_KANA = r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\u309d\u309e\u30fd\u30fe ]+$"
_DATE = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"


class Rule:
    """A check run on a value after its type is checked; it raises ValueError to reject it."""

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class Pattern:
    """A string that must match a regular expression."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.str_schema(pattern=self.pattern)


class Length:
    """A tuple with at least ``min`` and at most ``max`` items."""

    def __init__(self, min: int | None = None, max: int | None = None) -> None:
        self.min, self.max = min, max

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = dict(handler(source))
        if self.min is not None:
            schema["min_length"] = self.min
        if self.max is not None:
            schema["max_length"] = self.max
        return schema


def _no_controls(value: str) -> str:
    match = CONTROL.search(value)
    if match is not None:
        raise ValueError(
            f"holds the control character {code_point(match.group())} at character"
            f" {match.start() + 1} (only newlines may be used)"
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def https_url(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError("must be an https:// URL")
    return value


def kana_only(value: str) -> str:
    if not re.match(_KANA, value):
        raise ValueError("must be written in kana only")
    return value


def calendar_date(value: str) -> str:
    if not re.fullmatch(_DATE, value):
        raise ValueError("must be a date as YYYY-MM or YYYY-MM-DD")
    if len(value) == len("YYYY-MM-DD"):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError("is not a day of the calendar") from None
    return value


def event_source(value: str) -> str:
    if value != "article" and not value.startswith("https://"):
        raise ValueError('must be "article" or an https:// URL')
    return value


Text = Annotated[str, Rule(_no_controls), Rule(_not_blank)]
Id = Annotated[str, Pattern(ID_PATTERN)]

FORBID_UNKNOWN_KEYS: dict[str, Any] = {"extra": "forbid"}
"""pydantic's configuration of every model (read from ``__pydantic_config__``)."""

M = TypeVar("M")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def model(cls: type[M]) -> type[M]:
    """Make a content model: a frozen dataclass with slots, built by keyword, whose unknown keys
    pydantic refuses."""
    cls.__pydantic_config__ = FORBID_UNKNOWN_KEYS  # type: ignore[attr-defined]
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


class VisibleText:
    """The base of every model: on construction, control characters in its strings (and tuples
    of strings) are replaced by visible stand-ins (``controls.visible``).

    Validated content holds none, so this changes nothing there; it makes the models safe to
    print however they were built (by hand, in a test, from data that skipped validation).
    """

    __slots__ = ()

    def __post_init__(self) -> None:
        for name in _field_names(type(self)):
            value = getattr(self, name)
            if type(value) is str:
                shown: Any = visible(value)
            elif type(value) is tuple and value and type(value[0]) is str:
                shown = tuple(visible(item) if type(item) is str else item for item in value)
                shown = value if shown == value else shown
            else:
                continue  # a model (already shown), None, a bool, an empty tuple
            if shown is not value:
                object.__setattr__(self, name, shown)  # frozen: set once, while building


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """A model's field names, found once per model (``fields`` is slow for every instance)."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(kind))
    return names
