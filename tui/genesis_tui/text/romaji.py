"""Romaji typed where kana are looked for: the glossary's filter and search.

On a machine reached over SSH there is often no input method: ``oboegaki`` is how one types
おぼえがき there. The conversion itself is jaconv's (MIT; Hepburn, Nihon-shiki and the common IME
spellings: ``shi``/``si``, ``tsu``/``tu``, ``ja``/``zya``/``jya``, ``nn`` and ``n'``, ``-`` for
ー); this module decides what counts as romaji and matches long vowels however they are
written (``ō``, ``ou``, ``oo``).
"""

from __future__ import annotations

import re
import unicodedata

from genesis_tui.text.kana import to_hiragana

_MACRONS = str.maketrans(
    {"ā": "aa", "ī": "ii", "ū": "uu", "ē": "ee", "ō": "ou", "â": "aa", "î": "ii", "û": "uu"}
    | {"ê": "ee", "ô": "ou"}
)
"""Long vowels written with a macron or a circumflex (Hepburn's ``Tōkyō``), spelled out."""

_ROMAJI = re.compile(r"[a-z'\-]*[aeiou\-n]")
"""Letters (with ``'`` after an n and ``-`` for ー) ending as a kana does: in a vowel or n."""

_HIRAGANA = re.compile(r"[\u3041-\u3096ー]+")

_O_ROW = frozenset("おこごそぞとどのほぼぽもよょろをぉ")
"""Kana ending in an o sound: after one, う and お both lengthen it (とう, とお)."""


def romaji_to_kana(text: str) -> tuple[str, ...]:
    """The hiragana ``text`` spells as romaji, each way an input method might read it (``nn``
    before a vowel is ``ん`` or ``んn``: ``konnichiha``, ``kanna``) and, for ``ny``, as Hepburn
    would (``kanyu`` is かにゅ or かんゆ); () when it is not romaji."""
    word = unicodedata.normalize("NFKC", text).strip().casefold().translate(_MACRONS)
    if not _ROMAJI.fullmatch(word) or "--" in word or not re.search("[a-z]", word):
        return ()
    import jaconv  # only when romaji is typed: the reader starts without it

    spellings = [word]
    split = re.sub(r"nn(?=[aiueoy])", "n'n", word)
    if split != word:
        spellings.append(split)
    # Hepburn without its apostrophe: ``kanyu`` is かにゅ to an input method, but a reader
    # who learnt the word as kan'yu (換喩) types it so.
    hepburn = re.sub(r"(?<=[aiueo])n(?=y[aueo])", "n'", word)
    if hepburn != word:
        spellings.append(hepburn)
    found: list[str] = []
    for spelling in spellings:
        kana = to_hiragana(jaconv.alphabet2kana(spelling))
        if _HIRAGANA.fullmatch(kana) and not kana.endswith("っ") and kana not in found:
            found.append(kana)
    return tuple(found)


def long_vowels_folded(kana: str) -> str:
    """``kana`` with う after an o sound written お (``とうきょう`` is ``とおきょお``), so that
    either spelling of a long o matches the other; one character for one, so offsets hold."""
    chars = list(kana)
    for index in range(1, len(chars)):
        if chars[index] == "う" and chars[index - 1] in _O_ROW:
            chars[index] = "お"
    return "".join(chars)
