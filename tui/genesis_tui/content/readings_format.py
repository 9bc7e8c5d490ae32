"""``readings.toml`` as ``genesis-tui readings`` writes it: the texts in content order, one
table per block, term, event or section, each text's first characters in a comment."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from genesis_tui.content.readings import Located, Word
from genesis_tui.text.typesetting import cells

HEADER = """\
# Readings (furigana) of the Japanese text, drafted by `genesis-tui readings` and reviewed by
# hand. Each key is a Japanese text of the content (see genesis_tui/readings.py); its list gives
# the text's kanji words in reading order as "base reading", the reading in hiragana. A word is
# attached to the first occurrence of its base after the word before it. Correct a reading by
# editing its kana; `genesis-tui check` says when a word is no longer in its text, a reading is
# not kana, or a kanji has no reading. Drafting again keeps every word here and adds only
# missing ones, but rewrites the file in this layout (comments below this header are not kept).
"""


def format_readings(
    located: Iterable[Located],
    words: Mapping[str, Sequence[Word]],
    stale: Mapping[str, Sequence[Word]] | None = None,
) -> str:
    """``readings.toml`` in its canonical layout: the texts in content order, one table per
    block, term, event or section, each text's first characters in a comment."""
    tables: dict[str, list[str]] = {}
    for item in located:
        if not words.get(item.key):
            continue
        table, _, name = item.key.rpartition(".")
        if item.key.startswith("sections.") and ".key_points." in item.key:
            table = item.key.split(".key_points.")[0]
            name = "key_points." + item.key.rsplit(".", 1)[1]
        excerpt = item.text.replace("\n", " ")
        excerpt = excerpt if len(excerpt) <= 40 else excerpt[:39] + "…"
        tables.setdefault(table, []).append(f"# {excerpt}")
        tables[table].append(toml_array(name, words[item.key]))
    out = [HEADER]
    for table, lines in tables.items():
        out.append(f"[{table}]" if table else "")
        out += [*lines, ""]
    for key, stale_words in (stale or {}).items():
        out += ["# Not attached to any text of the content: move these or delete them."]
        out += [f"[{key.rpartition('.')[0]}]", toml_array(key.rpartition(".")[2], stale_words), ""]
    return "\n".join(line for line in out if line is not None).rstrip("\n") + "\n"


def toml_array(name: str, words: Sequence[object], width: int = 100) -> str:
    """``name = [...]``: a TOML array of the words as strings (``str(word)``: "base reading"
    for a reading, the word itself in the lexicon), wrapped to about ``width`` columns."""
    items = [json.dumps(str(word), ensure_ascii=False) for word in words]
    one_line = f"{name} = [{', '.join(items)}]"
    if cells(one_line) <= width:
        return one_line
    lines, line = [f"{name} = ["], "  "
    for item in items:
        if cells(line) + cells(item) + 2 > width and line.strip():
            lines.append(line.rstrip())
            line = "  "
        line += item + ", "
    lines += [line.rstrip(), "]"]
    return "\n".join(lines)
