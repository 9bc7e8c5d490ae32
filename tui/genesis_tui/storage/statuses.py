"""What the learner knows: a status for each word, remembered between runs.

Lute's scheme: a word is *new* until the learner gives it a status, a learning step from 1 to 5,
*known*, or *ignored* (a name, a word not worth learning). A status belongs to the word, not to
the lexicon's entry: it is keyed by the dictionary form and the reading (``研究所`` read
``けんきゅうじょ``), so a content update that re-drafts the lexicon or renumbers its entries
(``研究所#2``) keeps every status.

The file, ``statuses.json`` beside ``state.json`` in the user state directory::

    {"schema": 1, "words": {"研究所": {"けんきゅうじょ": "known"}, "協力": {"きょうりょく": "3"}}}

is written atomically after every change (a crash or a dropped link loses nothing). It is never
replaced by nothing: a file that is not a statuses file (not JSON, another shape, an unknown
status, larger than a mebibyte) is moved aside, to ``statuses.json.corrupt-<time>``, and the
learner told once, where to find it; the statuses that could be read from it are kept. A file
that cannot be read at all (no permission, a FIFO, a symbolic link) is left where it is, and
nothing is saved over it in that run.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple, cast

from genesis_tui.storage.state import Ignored, read_small_regular_file, write_atomically

STATUSES_FILE = "statuses.json"
SCHEMA = 1

Status = Literal["1", "2", "3", "4", "5", "known", "ignored"]
STATUSES: tuple[Status, ...] = ("1", "2", "3", "4", "5", "known", "ignored")
LEARNING: tuple[Status, ...] = ("1", "2", "3", "4", "5")

StatusesProblem = Literal["unreadable", "not_regular", "too_large", "corrupt"]
"""Why the statuses file was not read as it stands (the interface says it in its own words)."""


@dataclass
class WordStatuses:
    """The status of each word the learner has marked; a word not here is new."""

    words: dict[tuple[str, str], Status] = field(default_factory=dict)
    """(lemma, reading) to status."""
    version: int = 0
    """Goes up at every change: what is worked out from the statuses is cached by it."""

    def __len__(self) -> int:
        return len(self.words)

    def get(self, lemma: str, reading: str) -> Status | None:
        """The word's status; None for a new word."""
        return self.words.get((lemma, reading))

    def set(self, lemma: str, reading: str, status: Status | None) -> bool:
        """Give the word a status (None: new again); True if that changed anything."""
        key = (lemma, reading)
        if self.words.get(key) == status:
            return False
        if status is None:
            del self.words[key]
        else:
            self.words[key] = status
        self.version += 1
        return True

    def to_json(self) -> str:
        """The file's text: words by lemma, then reading, in a stable order."""
        nested: dict[str, dict[str, str]] = {}
        for (lemma, reading), status in sorted(self.words.items()):
            nested.setdefault(lemma, {})[reading] = status
        return json.dumps({"schema": SCHEMA, "words": nested}, ensure_ascii=False, indent=1)


def statuses_from_data(data: object) -> tuple[WordStatuses, bool]:
    """The statuses in parsed JSON, and True if the data was a statuses file and nothing but
    (False: something was left out, and the file is to be kept aside)."""
    statuses = WordStatuses()
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        whole = False
        words = data.get("words") if isinstance(data, dict) else None
    else:
        whole = set(data) == {"schema", "words"}
        words = data.get("words")
    if not isinstance(words, dict):
        return statuses, False
    for lemma, readings in words.items():
        if not isinstance(readings, dict) or not lemma:
            whole = False
            continue
        for reading, status in readings.items():
            if status in STATUSES and reading and len(lemma) + len(reading) < 200:
                statuses.words[(lemma, reading)] = cast(Status, status)
            else:
                whole = False
    return statuses, whole


class Loaded(NamedTuple):
    """The statuses read at start, and what the learner should be told about the file."""

    statuses: WordStatuses
    problem: StatusesProblem | None = None
    kept_aside: Path | None = None
    """Where a corrupt file was moved to."""
    writable: bool = True
    """False when the file could not be read: nothing is saved over it."""


def statuses_path() -> Path:
    """Where the statuses file lives (XDG_STATE_HOME honoured)."""
    from platformdirs import user_state_path

    return user_state_path("genesis-tui", appauthor=False) / STATUSES_FILE


def read_statuses(path: Path, *, keep_aside: bool = True) -> Loaded:
    """The learner's statuses (none if there is no file). A corrupt file is moved aside
    (``keep_aside``; without it, as for an export, which writes nothing there, it is left
    alone and the statuses read from it are what there is)."""
    try:
        raw = read_small_regular_file(path)
    except FileNotFoundError:
        return Loaded(WordStatuses())
    except Ignored as ignored:
        if ignored.problem == "too_large":
            return _kept_aside(path, WordStatuses(), "too_large", keep_aside)
        return Loaded(WordStatuses(), "not_regular", writable=False)
    except OSError:
        return Loaded(WordStatuses(), "unreadable", writable=False)
    try:
        data = json.loads(raw.decode("utf-8"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # no lone surrogate
    except (ValueError, RecursionError, UnicodeEncodeError):
        return _kept_aside(path, WordStatuses(), "corrupt", keep_aside)
    statuses, whole = statuses_from_data(data)
    if not whole:
        return _kept_aside(path, statuses, "corrupt", keep_aside)
    return Loaded(statuses)


def _kept_aside(
    path: Path, statuses: WordStatuses, problem: StatusesProblem, keep_aside: bool = True
) -> Loaded:
    """Move the file out of the way (never delete it): the next save writes a good one."""
    if not keep_aside:
        return Loaded(statuses, problem, writable=False)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    try:
        os.rename(path, aside)
    except OSError:
        return Loaded(statuses, "unreadable", writable=False)
    return Loaded(statuses, problem, aside)


def save_statuses(statuses: WordStatuses, path: Path) -> None:
    """Write the statuses atomically (OSError if the directory will not take them)."""
    write_atomically(path, statuses.to_json())
