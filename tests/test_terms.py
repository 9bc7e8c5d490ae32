"""Term matching: the scan finds what a regular expression of every form would find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.content.edition import Edition
from genesis_tui.content.terms import Span, TermMatcher

_LATIN = re.compile(r"[A-Za-z0-9]")


def _reference(forms: dict[str, str], text: str) -> tuple[Span, ...]:
    """What the matcher did before: one regular expression, longest form first."""

    def pattern(form: str) -> str:
        body = re.escape(form)
        if _LATIN.match(form[-1]) and form[-1].isalpha() and form[-1].islower():
            body += "s?"
        if _LATIN.match(form[0]):
            body = r"(?<![A-Za-z0-9])" + body
        if _LATIN.match(form[-1]):
            body += r"(?![A-Za-z0-9])"
        return body

    regex = re.compile("|".join(pattern(f) for f in sorted(forms, key=len, reverse=True)))
    return tuple(
        Span(m.start(), m.end(), forms.get(m.group(0)) or forms[m.group(0)[:-1]])
        for m in regex.finditer(text)
    )


def test_the_article_matches_as_before(content: Edition) -> None:
    forms: dict[str, str] = {}
    for term in content.glossary.terms:
        for form in term.forms():
            forms.setdefault(form, term.id)
    for _, block in content.article.blocks():
        for text in (block.ja, block.en):
            assert content.matcher.find(text) == _reference(forms, text)


FORMS = ["RIKEN", "lab", "labs", "AI", "国立研究所", "アルゴンヌ国立研究所", "DOE", "U.S."]


@given(st.lists(st.sampled_from([*FORMS, "s", "x", " ", "1", "の", "Lab", "AIs"]), max_size=20))
def test_the_scan_equals_the_regular_expression(words: list[str]) -> None:
    text = "".join(words)
    forms = {form: f"t{index}" for index, form in enumerate(FORMS)}

    class Term:
        def __init__(self, form: str, term_id: str) -> None:
            self.id = term_id
            self._form = form

        def forms(self) -> tuple[str, ...]:
            return (self._form,)

    matcher = TermMatcher([Term(form, term_id) for form, term_id in forms.items()])  # type: ignore[misc]
    assert matcher.find(text) == _reference(forms, text)
