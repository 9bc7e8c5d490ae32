"""Term matching: where each glossary term occurs in a text.

Occurrences are computed, never listed by hand: every form of a term (its Japanese and English
spelling and its aliases) is looked for in both languages. The longest form wins where forms
overlap, so "アルゴンヌ国立研究所" is Argonne, not the generic "国立研究所".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from genesis_tui.content.model import Term

_LATIN = re.compile(r"[A-Za-z0-9]")


class Span(NamedTuple):
    """A match of a glossary term: ``text[start:end]`` names ``term_id``."""

    start: int
    end: int
    term_id: str


class TermMatcher:
    """Finds glossary terms in text, longest form first, never overlapping.

    A scan with a table of forms by first character: at each place the longest form that
    matches there wins, as a regular expression of all forms would find them, without the cost
    of compiling one (a large share of the reader's start-up)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_form: dict[str, str] = {}
        for term in terms:
            for form in term.forms():
                if form:
                    self._by_form.setdefault(form, term.id)
        self._by_first: dict[str, list[str]] = {}
        for form in sorted(self._by_form, key=len, reverse=True):
            self._by_first.setdefault(form[0], []).append(form)

    def find(self, text: str) -> tuple[Span, ...]:
        """Every occurrence of a term in ``text``, in order."""
        spans = []
        position, length = 0, len(text)
        by_first = self._by_first
        while position < length:
            for form in by_first.get(text[position], ()):
                end = _match(text, position, form)
                if end is not None:
                    spans.append(Span(position, end, self._by_form[form]))
                    position = end
                    break
            else:
                position += 1
        return tuple(spans)


def _is_latin(char: str) -> bool:
    return bool(_LATIN.match(char))


def _match(text: str, start: int, form: str) -> int | None:
    """Where a match of ``form`` at ``start`` ends, or None. Latin forms match whole words
    only; a form ending in a lower-case letter also matches its English plural (+s)."""
    if not text.startswith(form, start):
        return None
    if _is_latin(form[0]) and start > 0 and _is_latin(text[start - 1]):
        return None
    end = start + len(form)
    if not _is_latin(form[-1]):
        return end
    after, next_after = text[end : end + 1], text[end + 1 : end + 2]
    plural = form[-1].isalpha() and form[-1].islower()
    if plural and after == "s" and not (next_after and _is_latin(next_after)):
        return end + 1
    return None if after and _is_latin(after) else end
