"""Term matching: where each glossary term occurs in a text.

Occurrences are computed, never listed by hand: every form of a term (its Japanese and English
spelling and its aliases) is looked for in both languages. The longest form wins where forms
overlap, so "アルゴンヌ国立研究所" is Argonne, not the generic "国立研究所".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from genesis_tui.model import Term

_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class Span:
    """A match of a glossary term: ``text[start:end]`` names ``term_id``."""

    start: int
    end: int
    term_id: str


class TermMatcher:
    """Finds glossary terms in text, longest form first, never overlapping."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_form: dict[str, str] = {}
        for term in terms:
            for form in term.forms():
                self._by_form.setdefault(form, term.id)
        patterns = [_pattern(form) for form in sorted(self._by_form, key=len, reverse=True)]
        self._regex = re.compile("|".join(patterns)) if patterns else None

    def find(self, text: str) -> tuple[Span, ...]:
        """Every occurrence of a term in ``text``, in order."""
        if self._regex is None:
            return ()
        spans = []
        for match in self._regex.finditer(text):
            form = match.group(0)
            term_id = self._by_form.get(form) or self._by_form[form[:-1]]  # plural "s"
            spans.append(Span(match.start(), match.end(), term_id))
        return tuple(spans)


def _pattern(form: str) -> str:
    """A regex for one form: Latin forms match whole words only, and English plurals."""
    body = re.escape(form)
    if _LATIN.match(form[-1]) and form[-1].isalpha() and form[-1].islower():
        body += "s?"
    if _LATIN.match(form[0]):
        body = r"(?<![A-Za-z0-9])" + body
    if _LATIN.match(form[-1]):
        body += r"(?![A-Za-z0-9])"
    return body
