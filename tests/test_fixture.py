"""The tests' small content (tests/fixtures/content) is valid and holds something of every kind,
so that the behaviour tests and snapshots drawn from it cover what the bundled article has."""

from __future__ import annotations

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from tests.conftest import SMALL_CONTENT


def test_small_content_passes_check() -> None:
    assert main(["check", str(SMALL_CONTENT)]) == 0


def test_small_content_holds_every_kind_of_thing(small_content: Edition) -> None:
    blocks = [block for _, block in small_content.article.blocks()]
    assert {block.kind for block in blocks} == {"heading", "paragraph", "list_item"}
    assert any(block.note for block in blocks) and any(block.since for block in blocks)
    assert len(small_content.article.sections) >= 3
    assert all(section.key_points for section in small_content.article.sections)
    terms = small_content.glossary.terms
    assert {term.country for term in terms} >= {"japan", "united-states"}
    assert any(term.category == "agreement" for term in terms)
    assert any(term.aliases.ja for term in terms) and any(term.aliases.en for term in terms)
    # A term named only in a since-publication note, as METI is in the bundled article.
    assert any(
        not small_content.occurrences(term.id) and small_content.since_occurrences(term.id)
        for term in terms
    )
    events = small_content.timeline.events
    assert {event.from_article for event in events} == {True, False}
