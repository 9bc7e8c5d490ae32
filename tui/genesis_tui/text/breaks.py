"""Where a line may break, and how good each break is: the rules the line breaker fills lines by.

Each offset of a text gets a kind of break, from BudouX's phrases, the spaces, the compounds'
joiners and kinsoku (JIS X 4051 / W3C JLREQ): see ``typesetting`` for how lines are filled with
them. The analysis depends only on the text, so it is kept per text, and can be preloaded from an
earlier start (``content.cache``): a second start breaks its first page without BudouX and
without walking the texts character by character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rich.cells import get_character_cell_size

from genesis_tui.text.phrases import known_phrase_starts

NO_LINE_START = frozenset(
    ")]}）］｝〕〉》」』】〙〗〟’”｠»"
    "、。，．・：；？！,.:;?!‼⁇⁈⁉"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ーｰ々ゝゞヽヾ〻‐〜゠–～"
)
"""Characters that may not begin a line."""

NO_LINE_END = frozenset("([{（［｛〔〈《「『【〘〖〝‘“｟«")
"""Characters that may not end a line."""

INSEPARABLE = frozenset("…‥―—")
"""Characters that may not be split from a neighbour of the same kind (…… and ――)."""

SEPARATORS = frozenset("・･/／-‐－゠")
"""Joiners of a compound (the nakaguro, slashes, hyphens): a line may break after one."""

FORCED, WORD, KANA, NARROW, CHAR, SEPARATOR, PHRASE = range(1, 8)
"""Kinds of break, worst to best; 0 means no break at all. ``WORD`` is inside a Latin word or
number; ``KANA`` inside a katakana word (where BudouX sees no phrase start); ``NARROW`` elsewhere
inside a run of narrow characters, such as after the comma of "2,000"; ``SEPARATOR`` just after
a compound's nakaguro, slash or hyphen."""


def kinsoku_forbids(before: str, after: str) -> bool:
    """True when kinsoku forbids a break between ``before`` and ``after``."""
    return (
        after in NO_LINE_START
        or before in NO_LINE_END
        or (before == after and before in INSEPARABLE)
    )


def _is_narrow_word_char(char: str) -> bool:
    return not char.isspace() and get_character_cell_size(char) == 1


def _is_katakana(char: str) -> bool:
    """A katakana letter or sound mark (not the nakaguro nor the double hyphen)."""
    return ("\u30a1" <= char <= "\u30fa" or "\u30fc" <= char <= "\u30ff") or (
        "\u31f0" <= char <= "\u31ff" or "\uff66" <= char <= "\uff9f"
    )


def _analyse(text: str) -> bytes:
    """For each offset ``i`` (1..len-1), the best kind of break allowed before ``text[i]``.

    Index 0 is unused. Around a run of spaces a break is allowed both before the run and after
    it (the filler drops the spaces at the break), with kinsoku judged on the characters either
    side of the run.
    """
    phrases = known_phrase_starts(text)
    size = len(text)
    kinds = [0] * (size + 1)
    # The nearest character that is not a space, at or before / at or after each offset.
    solid_before = [-1] * size
    last = -1
    for i, char in enumerate(text):
        if not char.isspace():
            last = i
        solid_before[i] = last
    solid_after = [size] * size
    following = size
    for i in range(size - 1, -1, -1):
        if not text[i].isspace():
            following = i
        solid_after[i] = following
    for i in range(1, size):
        before, after = text[i - 1], text[i]
        if before.isspace() and after.isspace():
            continue
        if before.isspace() or after.isspace():
            left, right = solid_before[i - 1], solid_after[i]
            if left < 0 or right >= size:
                continue
            forbidden = kinsoku_forbids(text[left], text[right])
            kinds[i] = FORCED if forbidden else PHRASE
        elif kinsoku_forbids(before, after):
            kinds[i] = FORCED
        elif (
            before in SEPARATORS
            and after not in SEPARATORS
            and i > 1
            and text[i - 2].strip()
            and not (text[i - 2].isdigit() and after.isdigit())  # a date or a range: 2026-01-26
        ):
            kinds[i] = SEPARATOR  # inside a compound: "・|アジア", "(SCA)/|HPC", "HPC-|AI"
        elif _is_narrow_word_char(before) and _is_narrow_word_char(after):
            kinds[i] = WORD if before.isalnum() and after.isalnum() else NARROW
        elif _is_katakana(before) and _is_katakana(after):
            kinds[i] = PHRASE if i in phrases else KANA  # BudouX knows where such words join
        elif i in phrases:
            kinds[i] = PHRASE
        else:
            kinds[i] = CHAR
    # A source's number ("…partner[1]") stays with the fact it marks, as a closing mark does.
    for marker in _SOURCE_MARK.finditer(text):
        for i in range(max(1, marker.start()), marker.end()):
            kinds[i] = FORCED
    return bytes(kinds)


_SOURCE_MARK = re.compile(r"\[\d+\]")


_KNOWN: dict[str, bytes] = {}
"""Each text's break kinds (one byte per offset), analysed once."""
_PRELOADED: dict[str, str] = {}
"""Break kinds from an earlier start, one digit per offset: checked and taken on first use."""
_MOST = 8192
"""Texts kept at most (the content has a few hundred; anything may be laid out)."""
_FROM_DIGITS = bytes.maketrans(b"01234567", bytes(range(8)))
_TO_DIGITS = bytes.maketrans(bytes(range(8)), b"01234567")


def break_kinds(text: str) -> bytes:
    """For each offset ``i`` (1..len-1), the best kind of break allowed before ``text[i]``
    (index 0 unused); see ``_analyse``."""
    kinds = _KNOWN.get(text)
    if kinds is None:
        if len(_KNOWN) >= _MOST:
            _KNOWN.clear()
        kinds = _KNOWN[text] = _preloaded(text) or _analyse(text)
    return kinds


def _preloaded(text: str) -> bytes | None:
    coded = _PRELOADED.pop(text, None)
    if coded is None or len(coded) != len(text) + 1 or not coded.isascii():
        return None
    if coded.strip("01234567"):  # read back from a file: anything else is not ours
        return None
    return coded.encode().translate(_FROM_DIGITS)


def preload(table: Mapping[str, str]) -> None:
    """Take break kinds analysed at an earlier start (text: one digit per offset; read back
    from a cache, so each is checked before it is used)."""
    for text, coded in table.items():
        if isinstance(text, str) and isinstance(coded, str) and text not in _KNOWN:
            _PRELOADED[text] = coded


def analysed() -> dict[str, str]:
    """Every text analysed or preloaded so far, with its break kinds as digits (to cache)."""
    found = {text: kinds.translate(_TO_DIGITS).decode() for text, kinds in _KNOWN.items()}
    return {**_PRELOADED, **found}


def clear() -> None:
    """Forget every analysis (for benchmarks that time a cold start)."""
    _KNOWN.clear()
    _PRELOADED.clear()
