"""The article's content: whole, faithful to the seed, bilingual, and its glossary complete."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from genesis_tui.loader import Content
from genesis_tui.paths import content_dir, seeds_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_5a631ebb80d9a013.txt"
SEED_SHA256 = "6e2510a7bad181a0d38db1fe5bd4c679c8f2f793cf325b27566aef7af468f937"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")


def seed_lines() -> list[str]:
    text = (seeds_dir() / SEED).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def test_seed_is_byte_for_byte_the_delivered_one() -> None:
    seed = (seeds_dir() / SEED).read_bytes()
    # The SHA-256 of the file as delivered in ../shared/seeds/ (checked when that is beside us).
    assert hashlib.sha256(seed).hexdigest() == SEED_SHA256
    shared = ROOT.parent / "shared" / "seeds" / SEED
    if shared.exists():
        assert seed == shared.read_bytes()


def test_every_seed_line_is_present_verbatim_and_in_order(content: Content) -> None:
    """The blocks, with their recorded clean-ups undone and the excluded lines put back, are
    the seed's lines, one block per line."""
    excluded = {item.after: item.ja for item in content.article.excluded}
    rebuilt: list[str] = []
    for _, block in content.article.blocks():
        rebuilt.append(block.seed_text())
        if block.id in excluded:
            rebuilt.append(excluded.pop(block.id))
    assert rebuilt == seed_lines()


def test_clean_ups_are_only_the_allowed_ones(content: Content) -> None:
    for _, block in content.article.blocks():
        if "stray-period" in block.cleanups:
            assert block.ja.endswith("。") and block.seed_text().endswith("。.")
        else:
            assert not block.ja.endswith("。.")
        if "heading-colon" in block.cleanups:
            assert block.kind == "heading" and "：" in block.ja
    excluded = content.article.excluded
    assert [item.ja[:9] for item in excluded] == ["こちらもお読みくださ"[:9]]
    assert all(item.reason.ja and item.reason.en for item in excluded)


def test_structure_headings_and_list_items(content: Content) -> None:
    kinds = {block.ja[:12]: block.kind for _, block in content.article.blocks()}
    assert kinds["ジェネシスの使命とは?"] == "heading"
    assert kinds["結論：AIと科学の国際協"] == "heading"
    items = [block.ja for _, block in content.article.blocks() if block.kind == "list_item"]
    assert len(items) == 6
    assert items[0].startswith("科学的発見のための")
    assert items[3].startswith("グローバルAIリーダーシップの強化:")
    assert items[5].startswith("日米科学協力の強化:")


def test_sections_in_order_with_titles_and_key_points(content: Content) -> None:
    sections = content.article.sections
    assert [s.id for s in sections] == [
        "overview", "japan-role", "significance", "challenges", "outlook"
    ]  # fmt: skip
    for section in sections:
        assert 2 <= len(section.key_points) <= 4, section.id
        assert section.title.ja and section.title.en


def test_english_holds_no_japanese(content: Content) -> None:
    for _section, block in content.article.blocks():
        assert not JAPANESE.search(block.en), block.id
        if block.note:
            assert not JAPANESE.search(block.note.en), block.id
        if block.since:
            assert not JAPANESE.search(block.since.en), block.id
    for section in content.article.sections:
        assert not JAPANESE.search(section.title.en)
        for point in section.key_points:
            assert not JAPANESE.search(point.en), section.id
    for term in content.glossary.terms:
        assert not JAPANESE.search(term.definition.en), term.id
        assert not JAPANESE.search(term.term.en), term.id


def test_translator_notes_where_the_japanese_is_odd(content: Content) -> None:
    notes = {block.id: block.note for _, block in content.article.blocks() if block.note}
    texts = {block.id: block.ja for _, block in content.article.blocks()}
    for needle in ("東京を", "連合AI研究プラットフォーム", "基礎モデル", "2025年末"):
        holders = [block_id for block_id, text in texts.items() if needle in text]
        assert holders and all(block_id in notes for block_id in holders), needle


def test_glossary_terms_are_complete(content: Content) -> None:
    terms = content.glossary.terms
    assert len(terms) >= 30
    for term in terms:
        assert term.definition.ja and term.definition.en
        assert term.reading
        # A term from what happened after publication (METI) occurs in a since-note instead.
        found = content.occurrences(term.id) or content.since_occurrences(term.id)
        assert found, f"{term.id} occurs nowhere"
        sentences = len(re.findall(r"[.!?](\s|$)", term.definition.en))
        assert 2 <= sentences <= 4, (term.id, sentences)


def test_every_alias_is_found_in_the_text(content: Content) -> None:
    text = "\n".join(
        f"{block.ja}\n{block.en}\n{block.since.ja if block.since else ''}\n"
        f"{block.since.en if block.since else ''}"
        for _, block in content.article.blocks()
    )
    for term in content.glossary.terms:
        for alias in (*term.aliases.ja, *term.aliases.en):
            assert alias in text, (term.id, alias)


def test_every_related_id_resolves(content: Content) -> None:
    ids = {term.id for term in content.glossary.terms}
    for term in content.glossary.terms:
        assert set(term.related) <= ids - {term.id}


def test_categories_cover_the_article(content: Content) -> None:
    categories = {term.category for term in content.glossary.terms}
    assert {"organisation", "programme", "agreement", "event", "policy", "technology"} <= categories


def test_provenance(content: Content) -> None:
    source = content.article.source
    assert source.publisher == "IT Business Today"
    assert source.url_ja.startswith("https://itbusinesstoday.com/ja/")
    assert source.url_en == "https://itbusinesstoday.com/?p=27374"
    assert source.machine_translated
    assert "machine translation" in source.note.en and "機械翻訳" in source.note.ja
    assert (seeds_dir() / source.seed).is_file()


def test_bundled_content_directory_is_the_project_one() -> None:
    assert (content_dir() / "article.toml").is_file()
