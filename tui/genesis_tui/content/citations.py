"""The pages a since-publication note or a timeline event cites, as each output shows them.

A text citing several pages marks each fact with the number of the page that holds it
(``…partner[1]. … US$1 billion[2]``); the list after it names each page by its site
(``[1] riken.jp; [2] quantum-data.com, secondary``), a link to the whole URL on screen and in
Markdown, the whole URL in plain text. A secondary page (a news or summary site rather than the
body that issued the fact) says so wherever it is named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from genesis_tui.content.model import Citation, Lang
from genesis_tui.content.urls import site_name
from genesis_tui.i18n.catalogue import Catalogue

MARKER = re.compile(r"\[(\d+)\]")
"""A fact's mark: the number of the page that holds it."""


def markers(text: str) -> set[int]:
    """The page numbers ``text`` marks its facts with."""
    return {int(number) for number in MARKER.findall(text)}


def marker_flaws(texts: dict[str, str], count: int) -> list[tuple[str, str]]:
    """(key, problem) for texts whose marks do not match their ``count`` pages: with one page
    (or none) no mark; with several, each page marked in each text, and no other number."""
    flaws: list[tuple[str, str]] = []
    for key, text in texts.items():
        found = markers(text)
        if count <= 1:
            if found:
                flaws.append((key, "marks a fact with [n] but cites fewer than two pages"))
            continue
        unknown = sorted(number for number in found if not 1 <= number <= count)
        if unknown:
            flaws.append((key, f"marks [{unknown[0]}], but only {count} pages are cited"))
        missing = sorted(set(range(1, count + 1)) - found)
        if missing:
            numbers = ", ".join(f"[{number}]" for number in missing)
            flaws.append((key, f"marks no fact with {numbers}: say which fact each page holds"))
    return flaws


def raw_citation_flaws(data: Any, texts: Sequence[str] = ("ja", "en")) -> list[tuple[str, str]]:
    """(key, problem) for the parsed TOML of a since-note or event: ``source`` or ``sources``
    (not both), and each fact marked with its page when there are several."""
    if not isinstance(data, dict):
        return []
    flaws: list[tuple[str, str]] = []
    sources = data.get("sources")
    count = len(sources) if isinstance(sources, list) else 0
    url = data.get("source")
    if isinstance(url, str) and count:
        flaws.append(("sources", "give `source` (one page) or `sources` (several), not both"))
    label = data.get("label")
    holder = label if isinstance(label, dict) else data
    found = {key: holder[key] for key in texts if isinstance(holder.get(key), str)}
    prefix = "label." if holder is label else ""
    flaws += [(prefix + key, problem) for key, problem in marker_flaws(found, count)]
    return flaws


def secondary_word(lang: Lang | Sequence[Lang]) -> str:
    """How a secondary page is marked, in ``lang`` (in several: ``二次資料 / secondary``)."""
    langs: Sequence[Lang] = (lang,) if isinstance(lang, str) else lang
    return " / ".join(Catalogue(each)("source.secondary") for each in langs)


def listed(citations: Sequence[Citation], lang: Lang) -> tuple[str, list[tuple[int, int, str]]]:
    """The pages as a list after a text (``[1] riken.jp; [2] quantum-data.com, secondary``;
    a single page without its number), with (start, end, url) of each site's name in it."""
    parts: list[str] = []
    links: list[tuple[int, int, str]] = []
    offset = 0
    numbered = len(citations) > 1
    between = SEPARATOR[lang]
    for number, citation in enumerate(citations, 1):
        if parts:
            offset += len(between)
        head = f"[{number}] " if numbered else ""
        name = site_name(citation.url)
        tail = secondary_mark(lang) if citation.secondary else ""
        links.append((offset + len(head), offset + len(head) + len(name), citation.url))
        parts.append(head + name + tail)
        offset += len(parts[-1])
    return between.join(parts), links


SEPARATOR: dict[Lang, str] = {"ja": "、", "en": "; "}
"""Between two pages of a list, in each language."""


def secondary_mark(lang: Lang) -> str:
    """What follows a secondary page's name in a text of ``lang``."""
    word = secondary_word(lang)
    return f"（{word}）" if lang == "ja" else f", {word}"


def bracketed(text: str, lang: Lang) -> str:
    """``text`` in brackets after a text of ``lang`` (full-width in Japanese)."""
    return f"（{text}）" if lang == "ja" else f" ({text})"


def url_lines(citations: Sequence[Citation], lang: Lang | Sequence[Lang]) -> list[str]:
    """Each page as a line of plain text: its whole URL (after its number, when there are
    several), marked when it is secondary."""
    numbered = len(citations) > 1
    lines = []
    for number, citation in enumerate(citations, 1):
        head = f"[{number}] " if numbered else ""
        tail = f" ({secondary_word(lang)})" if citation.secondary else ""
        lines.append(head + citation.url + tail)
    return lines


def markdown(citations: Sequence[Citation], lang: Lang | Sequence[Lang]) -> str:
    """The pages as Markdown links named by their sites (punctuated as Japanese in a Japanese
    document)."""
    numbered = len(citations) > 1
    japanese = lang == "ja" or tuple(lang) == ("ja",)
    word = secondary_word(lang)
    parts = []
    for number, citation in enumerate(citations, 1):
        head = f"[{number}] " if numbered else ""
        tail = (f"（{word}）" if japanese else f", {word}") if citation.secondary else ""
        parts.append(f"{head}[{site_name(citation.url)}]({citation.url}){tail}")
    return ("、" if japanese else "; ").join(parts)


def as_data(citations: Sequence[Citation]) -> list[dict[str, Any]]:
    """The pages as JSON data."""
    return [{"url": citation.url, "secondary": citation.secondary} for citation in citations]
