"""Where sentences end, by rule: the draft of a text's division into sentences.

The division the reader uses is content (``content/sentences.toml``), reviewed by hand; these
rules only draft it, and divide texts the file does not cover (notes, key points).

- Japanese: a sentence ends after 。, ！ or ？ (or their ASCII forms), together with any closing
  brackets and quotation marks that follow (「…。」 ends with the 」). Inside 「」 or 『』 nothing
  ends a sentence: a quoted sentence is part of the one that quotes it.
- English: a sentence ends after ".", "!" or "?" (with closing quotation marks and brackets)
  where a space and then a capital letter, a digit or an opening quotation mark follow; never
  after an abbreviation (``U.S.``, ``Dr.``, ``e.g.``, an initial) or inside double quotation
  marks.

Offsets are in characters; spaces between sentences belong to neither.
"""

from __future__ import annotations

import re

Span = tuple[int, int]
"""A sentence's place in its text: ``text[start:end]``."""

_JA_ENDS = "。！？!?"
_JA_CLOSERS = "」』）)］】〉》”’"
_JA_OPEN = {"「": "」", "『": "』"}

_EN_ENDS = ".!?"
_EN_CLOSERS = "\"')]”’"
ABBREVIATIONS = frozenset(
    {
        "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "cf",
        "no", "vol", "fig", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "a.m", "p.m",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
"""Words (lower case, without their final full stop) whose full stop ends no sentence."""
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_ja(text: str) -> list[Span]:
    """The sentences of a Japanese text, in order."""
    spans: list[Span] = []
    start = 0
    closing: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in _JA_OPEN:
            closing.append(_JA_OPEN[char])
        elif closing and char == closing[-1]:
            closing.pop()
        elif char in _JA_ENDS and not closing:
            end = index + 1
            while end < len(text) and (text[end] in _JA_CLOSERS or text[end] in _JA_ENDS):
                end += 1
            _add(text, spans, start, end)
            start = index = end
            continue
        index += 1
    _add(text, spans, start, len(text))
    return spans


def split_en(text: str) -> list[Span]:
    """The sentences of an English text, in order."""
    spans: list[Span] = []
    start = 0
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
            continue
        if char not in _EN_ENDS:
            continue
        end = index + 1
        while end < len(text) and text[end] in _EN_CLOSERS:
            end += 1
        # A closing quotation mark after the full stop ends the quotation (the loop counts it
        # when it gets there): "…the end." Next sentence.
        still_quoted = quoted != bool(text[index:end].count('"') % 2)
        if still_quoted or not _ends_sentence(text, index, end):
            continue
        _add(text, spans, start, end)
        start = end
    _add(text, spans, start, len(text))
    return spans


def _ends_sentence(text: str, index: int, end: int) -> bool:
    """True when the mark at ``index`` (closers up to ``end``) ends an English sentence."""
    rest = text[end:]
    if rest.strip() == "":
        return True
    if not rest[:1].isspace():
        return False  # "3.5", "U.S.-Japan", "e.g.,"
    following = rest.lstrip()[:1]
    if not (following.isupper() or following.isdigit() or following in "\"“'‘("):
        return False
    if text[index] != ".":
        return True
    word = _WORD_BEFORE.search(text[:index])
    if word is None:
        return True
    before = word.group(1).lower()
    if before in ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
        return False  # "Dr. Smith", "e.g. RIKEN", "J. Smith"
    return not ("." in before and len(before.replace(".", "")) <= 3)  # "U.S.", "a.m."


def _add(text: str, spans: list[Span], start: int, end: int) -> None:
    """Add ``text[start:end]`` without its surrounding spaces, unless it is only spaces."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
