"""The lexicon in the exports: each text's words in the JSON (schema 3) with the entries they
point to, and a vocabulary list per section in Markdown (``export --format md --vocabulary``).
Entries are data from content: Markdown-escaped like every other text of the export."""

from __future__ import annotations

from typing import Any

from genesis_tui.content.edition import Edition
from genesis_tui.content.lexicon_file import POS
from genesis_tui.content.model import Section
from genesis_tui.content.pitch import pitch


def words_json(content: Edition, text: str) -> list[list[int | str]]:
    """The words of a Japanese text as ``[start, end, entry id]``, in order."""
    return [[start, end, entry] for start, end, entry in content.lexicon.words_of(text)]


def lexicon_json(content: Edition) -> dict[str, dict[str, Any]]:
    """Every entry of the lexicon by its id."""
    return {
        entry.id: {
            "lemma": entry.lemma,
            "reading": entry.reading,
            "pos": entry.pos,
            "glosses": list(entry.glosses),
            "accent": list(entry.accent),
            "jlpt": entry.jlpt or None,
            "term": entry.term or None,
            "parts": list(entry.parts),
        }
        for entry in content.lexicon.entries.values()
    }


def _escape(text: str) -> str:
    """Markdown's special characters escaped (content is data, never markup)."""
    return "".join(f"\\{char}" if char in "\\`*_{}[]<>()#+-.!|~" else char for char in text)


def vocabulary_lines(content: Edition, section: Section, heading: str) -> list[str]:
    """A section's words, each entry once in order of first use: ``- 研究 (けんきゅう, noun):
    research; study``; function words (particles, auxiliaries) left out."""
    lexicon = content.lexicon
    seen: dict[str, None] = {}
    keys = [f"sections.{section.id}.key_points.{n}" for n in range(len(section.key_points))]
    for block in section.blocks:
        keys += [f"blocks.{block.id}.ja", f"blocks.{block.id}.note", f"blocks.{block.id}.since"]
    for key in keys:
        for _, _, entry_id in lexicon.words(key):
            seen.setdefault(entry_id)
    lines: list[str] = []
    for entry_id in seen:
        entry = lexicon.entry(entry_id)
        if entry is None or entry.pos in ("particle", "auxiliary"):
            continue
        reading = pitch(entry.reading, entry.accent, ascii_only=True)
        pos = POS.get(entry.pos, (entry.pos,))[0]
        glosses = "; ".join(entry.glosses[:2])
        lines.append(f"- {_escape(entry.lemma)} ({_escape(reading)}, {pos}): {_escape(glosses)}")
    return [f"### {heading}", "", *lines, ""] if lines else []
