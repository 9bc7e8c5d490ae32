"""Ids and references across the content files, checked on their parsed TOML.

A schema checks each file alone; unique ids and references that resolve need all three. These
checks read the parsed data of every file that parsed, valid against the model or not, so that
``check`` reports them together with the schema errors instead of after they are fixed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from genesis_tui.content.citations import raw_citation_flaws

ContentFile = Literal["article", "glossary", "timeline"]


@dataclass(frozen=True, slots=True)
class Flaw:
    """A duplicate id or a dangling reference: in which file, where, and what."""

    file: ContentFile
    where: str
    message: str


def _items(data: Any, key: str) -> list[Any]:
    """The list under ``key`` of TOML data, or nothing if it is missing or not a list."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _string(data: Any, key: str) -> str | None:
    """The string under ``key`` of TOML data, or None."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _strings(data: Any, key: str) -> list[str]:
    """The strings in the list under ``key`` of TOML data."""
    return [value for value in _items(data, key) if isinstance(value, str)]


def reference_flaws(article: Any, glossary: Any, timeline: Any) -> list[Flaw]:
    """Duplicate ids and references that do not resolve, in the parsed TOML of the three files
    (None for a file that did not parse)."""
    article_file: ContentFile = "article"
    glossary_file: ContentFile = "glossary"
    timeline_file: ContentFile = "timeline"
    problems: list[Flaw] = []
    sections = _items(article, "sections")
    section_ids = [_string(section, "id") for section in sections]
    for dup in duplicates([i for i in section_ids if i is not None]):
        problems.append(Flaw(article_file, f"sections(id={dup})", "duplicate section id"))
    block_ids = [
        _string(block, "id") for section in sections for block in _items(section, "blocks")
    ]
    known_blocks = {i for i in block_ids if i is not None}
    for dup in duplicates([i for i in block_ids if i is not None]):
        problems.append(Flaw(article_file, f"blocks(id={dup})", "duplicate block id"))
    for section in sections:
        for block in _items(section, "blocks"):
            since = block.get("since") if isinstance(block, dict) else None
            where = f"blocks(id={_string(block, 'id')}).since"
            for key, message in raw_citation_flaws(since):
                problems.append(Flaw(article_file, f"{where}.{key}", message))
            if isinstance(since, dict) and "source" not in since and not _items(since, "sources"):
                message = "cite the page that holds it: source (a URL) or sources"
                problems.append(Flaw(article_file, where, message))
    for index, excluded in enumerate(_items(article, "excluded")):
        after = _string(excluded, "after")
        if after is not None and after not in known_blocks:
            where = f"excluded[{index}].after"
            problems.append(Flaw(article_file, where, f"no block has id {after!r}"))

    for index, event in enumerate(_items(timeline, "events")):
        for key, message in raw_citation_flaws(event):
            problems.append(Flaw(timeline_file, f"events[{index}].{key}", message))
        reported = _strings(event, "reported_in")
        for block_id in reported:
            if block_id not in known_blocks and article is not None:
                where = f"events[{index}].reported_in"
                problems.append(Flaw(timeline_file, where, f"no block has id {block_id!r}"))
        source = _string(event, "source")
        if reported and source == "article":
            message = "an event the article reports and dates needs no reported_in"
            problems.append(Flaw(timeline_file, f"events[{index}].reported_in", message))
        elif isinstance(event, dict) and source is None and not _items(event, "sources"):
            message = 'cite the page that holds it: source (a URL or "article") or sources'
            problems.append(Flaw(timeline_file, f"events[{index}]", message))

    if glossary is None:
        return problems  # the references below are to terms
    terms = _items(glossary, "terms")
    term_ids = [_string(term, "id") for term in terms]
    known_terms = {i for i in term_ids if i is not None}
    for dup in duplicates([i for i in term_ids if i is not None]):
        problems.append(Flaw(glossary_file, f"terms(id={dup})", "duplicate term id"))
    owners: dict[str, str] = {}
    for index, (term, term_id) in enumerate(zip(terms, term_ids, strict=True)):
        where = f"terms[{index}]" if term_id is None else f"terms[{index}](id={term_id})"
        for related in _strings(term, "related"):
            if related == term_id:
                problems.append(Flaw(glossary_file, f"{where}.related", "names the term itself"))
            elif related not in known_terms:
                message = f"no term has id {related!r}"
                problems.append(Flaw(glossary_file, f"{where}.related", message))
        if term_id is None:
            continue
        names, aliases = term.get("term"), term.get("aliases")
        forms = [_string(names, "ja"), _string(names, "en")]
        forms += [*_strings(aliases, "ja"), *_strings(aliases, "en")]
        for form in forms:
            if form is None:
                continue
            other = owners.setdefault(form, term_id)
            if other != term_id:
                message = f"form {form!r} is also a form of term {other!r}"
                problems.append(Flaw(glossary_file, where, message))

    for index, event in enumerate(_items(timeline, "events")):
        for term_id in _strings(event, "terms"):
            if term_id not in known_terms:
                where = f"events[{index}].terms"
                problems.append(Flaw(timeline_file, where, f"no term has id {term_id!r}"))
    return problems


def duplicates(values: list[str]) -> list[str]:
    """The values that occur more than once."""
    return [value for value, count in Counter(values).items() if count > 1]
