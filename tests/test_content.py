"""The article's content: whole, faithful to the seed, bilingual, and its glossary complete."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Citation
from genesis_tui.storage.paths import content_dir, seeds_dir

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


def test_every_seed_line_is_present_verbatim_and_in_order(content: Edition) -> None:
    """The blocks, with their recorded clean-ups undone and the excluded lines put back, are
    the seed's lines, one block per line."""
    excluded = {item.after: item.ja for item in content.article.excluded}
    rebuilt: list[str] = []
    for _, block in content.article.blocks():
        rebuilt.append(block.seed_text())
        if block.id in excluded:
            rebuilt.append(excluded.pop(block.id))
    assert rebuilt == seed_lines()


def test_clean_ups_are_only_the_allowed_ones(content: Edition) -> None:
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


def test_structure_headings_and_list_items(content: Edition) -> None:
    kinds = {block.ja[:12]: block.kind for _, block in content.article.blocks()}
    assert kinds["ジェネシスの使命とは?"] == "heading"
    assert kinds["結論：AIと科学の国際協"] == "heading"
    items = [block.ja for _, block in content.article.blocks() if block.kind == "list_item"]
    assert len(items) == 6
    assert items[0].startswith("科学的発見のための")
    assert items[3].startswith("グローバルAIリーダーシップの強化:")
    assert items[5].startswith("日米科学協力の強化:")


def test_sections_in_order_with_titles_and_key_points(content: Edition) -> None:
    sections = content.article.sections
    assert [s.id for s in sections] == [
        "overview", "japan-role", "significance", "challenges", "outlook"
    ]  # fmt: skip
    for section in sections:
        assert 2 <= len(section.key_points) <= 4, section.id
        assert section.title.ja and section.title.en


def test_english_holds_no_japanese(content: Edition) -> None:
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


def test_translator_notes_where_the_japanese_is_odd(content: Edition) -> None:
    notes = {block.id: block.note for _, block in content.article.blocks() if block.note}
    texts = {block.id: block.ja for _, block in content.article.blocks()}
    for needle in ("東京を", "連合AI研究プラットフォーム", "基礎モデル", "2025年末"):
        holders = [block_id for block_id, text in texts.items() if needle in text]
        assert holders and all(block_id in notes for block_id in holders), needle


def test_glossary_terms_are_complete(content: Edition) -> None:
    terms = content.glossary.terms
    assert len(terms) >= 30
    for term in terms:
        assert term.definition.ja and term.definition.en
        assert term.reading
        # A term from what happened after publication (METI) occurs in a since-note instead;
        # one that explains a name another definition uses (FugakuNEXT) occurs there.
        found = content.occurrences(term.id) or content.since_occurrences(term.id)
        assert found or content.named_in(term.id), f"{term.id} occurs nowhere"
        sentences = len(re.findall(r"[.!?](\s|$)", term.definition.en))
        assert 2 <= sentences <= 4, (term.id, sentences)


def test_every_alias_is_found_in_the_text(content: Edition) -> None:
    """Each alias is a spelling the article, a since-note or a definition uses (a misspelt
    alias would match nothing)."""
    text = "\n".join(
        f"{block.ja}\n{block.en}\n{block.since.ja if block.since else ''}\n"
        f"{block.since.en if block.since else ''}"
        for _, block in content.article.blocks()
    )
    text += "\n".join(f"{t.definition.ja}\n{t.definition.en}" for t in content.glossary.terms)
    for term in content.glossary.terms:
        for alias in (*term.aliases.ja, *term.aliases.en):
            assert alias in text, (term.id, alias)


def test_every_related_id_resolves(content: Edition) -> None:
    ids = {term.id for term in content.glossary.terms}
    for term in content.glossary.terms:
        assert set(term.related) <= ids - {term.id}


def test_categories_cover_the_article(content: Edition) -> None:
    categories = {term.category for term in content.glossary.terms}
    assert {"organisation", "programme", "agreement", "event", "policy", "technology"} <= categories


def test_provenance(content: Edition) -> None:
    source = content.article.source
    assert source.publisher == "IT Business Today"
    assert source.url_ja.startswith("https://itbusinesstoday.com/ja/")
    assert source.url_en == "https://itbusinesstoday.com/?p=27374"
    assert source.machine_translated
    assert "machine translation" in source.note.en and "機械翻訳" in source.note.ja
    assert (seeds_dir() / source.seed).is_file()
    # The reader's title is the project's wording, and the article's date is inferred: say so.
    assert "title" in source.note.en and "own wording" in source.note.en
    assert "題名" in source.note.ja and "本プロジェクト" in source.note.ja
    assert "appears to" in source.note.en and "とみられます" in source.note.ja


def test_bundled_content_directory_is_the_project_one() -> None:
    assert (content_dir() / "article.toml").is_file()


def _japanese_date(date: str) -> str:
    """How the article writes a date of this precision: "2025-11" is 2025年11月."""
    parts = [int(part) for part in date.split("-")]
    return "".join(f"{part}{unit}" for part, unit in zip(parts, "年月日", strict=False))


def test_japanese_date_follows_the_precision() -> None:
    assert _japanese_date("2025-11") == "2025年11月"
    assert _japanese_date("2026-01-27") == "2026年1月27日"


def test_events_credited_to_the_article_say_no_more_than_the_article(content: Edition) -> None:
    """An event whose source is the article is dated as precisely as the article dates it, and
    no later than the article was written; anything finer or later needs a page of its own."""
    written = content.article.source.written
    assert written is not None, "the article is undated: source.written must say when it was"
    assert written.after < written.before
    article_ja = "\n".join(block.ja for _, block in content.article.blocks())
    credited = [event for event in content.timeline.events if event.source == "article"]
    assert credited, "no event is credited to the article"
    for event in credited:
        assert _japanese_date(event.date) in article_ja, (
            f"{event.date} is finer than the article, which never writes "
            f"{_japanese_date(event.date)}: {event.label.en}"
        )
        # Compared at the coarser of the two precisions: "2026-01" is not after "2026-01-26".
        shared = min(len(event.date), len(written.after))
        assert event.date[:shared] <= written.after[:shared], (
            f"{event.date} is after the article was written ({written.after}): {event.label.en}"
        )


AGGREGATORS = frozenset({"quantum-data.com", "nextfin.ai", "grokipedia.com", "longbridge.com"})
"""Hosts that republish, summarise or score others' news (the quantum-data.com page carries its
own scoring): cite the body that issued the news instead."""

MIRROR_SUFFIXES = (".cloudfront.net", ".akamaized.net", ".azureedge.net", ".fastly.net")
"""Content-delivery hosts: a page there is a copy of a site (RIKEN's, once) under another name."""

ARCHIVES = frozenset({"web.archive.org", "archive.org", "archive.ph", "archive.today"})


def is_aggregator_or_mirror(url: str) -> bool:
    """True for a URL whose host is a known aggregator, a CDN mirror or a web archive."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host in AGGREGATORS or host in ARCHIVES or host.endswith(MIRROR_SUFFIXES)


def test_the_aggregator_and_mirror_rule() -> None:
    assert is_aggregator_or_mirror(
        "https://d2bd0cjro8p5m2.cloudfront.net/en/news_pubs/news/2026/20260605_1/index.html"
    )
    assert is_aggregator_or_mirror("https://quantum-data.com/events/2026-06-04-us-japan")
    assert is_aggregator_or_mirror("https://web.archive.org/web/2026/https://www.riken.jp/")
    assert not is_aggregator_or_mirror("https://www.riken.jp/en/news_pubs/news/2025/")
    assert not is_aggregator_or_mirror("https://www.mext.go.jp/en/news/topics/detail/")


def _citations(content: Edition) -> dict[str, Citation]:
    """Every page the content cites, by where it is cited."""
    cited: dict[str, Citation] = {}
    for _, block in content.article.blocks():
        for number, citation in enumerate(block.since.citations if block.since else (), 1):
            cited[f"{block.id}.since[{number}]"] = citation
    for event in content.timeline.events:
        for number, citation in enumerate(event.citations, 1):
            cited[f"event {event.date} {event.label.en[:30]} [{number}]"] = citation
    return cited


SECONDARY_HOSTS = frozenset({
    "quantum-data.com", "wpnews.pro", "thebatterywire.com", "nextfin.ai", "executivegov.com",
    "rigzone.com", "eo.governmentreporter.ai",
})  # fmt: skip
"""The news and summary sites of the facts file (../shared/research/genesis-facts.md)."""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def test_no_source_is_a_mirror_and_an_aggregator_only_a_marked_secondary_one(
    content: Edition,
) -> None:
    """The issuing body's page where one is stored; a news or summary site only where none is
    (DOE's release of 4 June 2026 is quoted, not stored), and then marked secondary."""
    source = content.article.source
    for url in (source.url_ja, source.url_en):
        assert not is_aggregator_or_mirror(url), url
    for where, citation in _citations(content).items():
        host = _host(citation.url)
        assert not host.endswith(MIRROR_SUFFIXES) and host not in ARCHIVES, (where, citation)
        if host in AGGREGATORS or host in SECONDARY_HOSTS:
            assert citation.secondary, f"{where}: {citation.url} is secondary: mark it so"
        else:
            assert not citation.secondary, f"{where}: {citation.url} is the issuing body's"


def test_a_note_or_event_may_cite_several_pages_each_fact_marked(content: Edition) -> None:
    """With several pages, each is the page of some fact, marked [n] in both languages."""
    several = [block.since for _, block in content.article.blocks() if block.since]
    texts = [(since.citations, (since.ja, since.en)) for since in several]
    texts += [(e.citations, (e.label.ja, e.label.en)) for e in content.timeline.events]
    assert any(len(citations) > 1 for citations, _ in texts), "nothing cites several pages"
    for citations, pair in texts:
        for text in pair:
            found = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
            expected = set(range(1, len(citations) + 1)) if len(citations) > 1 else set()
            assert found == expected, (text[:40], found, expected)


def test_the_figures_of_june_2026_cite_the_page_that_holds_them(content: Edition) -> None:
    """RIKEN's page holds the signing, not the money or the teams: those are DOE's, cited as
    a secondary page quotes its release, and the text says whose figures they are."""
    riken = "https://www.riken.jp/en/news_pubs/news/2026/20260605_1/index.html"
    for block_id in ("japan-role-5", "challenges-1"):
        since = next(b.since for _, b in content.article.blocks() if b.id == block_id)
        assert since is not None
        first, second = since.citations
        assert first.url == riken and not first.secondary
        assert second.secondary and "quantum-data.com" in second.url
        for text, whose, money in (
            (since.ja, "米国エネルギー省の同日の発表", "10億ドル"),
            (since.en, "DOE's release", "US$1 billion"),
        ):
            assert text.index(whose) < text.index(money) < text.index("[2]"), text
            assert "[1]" in text[: text.index(whose)], text
    june = next(e for e in content.timeline.events if e.date == "2026-06-04")
    assert june.citations[0].url == riken and june.citations[1].secondary


SIGNING = re.compile("署名|締結")
"""The Japanese of a block that reports an agreement being signed."""


def test_no_event_the_article_reports_is_credited_outside_it(content: Edition) -> None:
    """Each signing the article reports is an event credited to it (dated from a page when the
    article gives no date), and no event it reports is marked as outside it: an event before
    the article whose terms a reporting block all names is the article's."""
    blocks = {block.id: block for _, block in content.article.blocks()}
    reporting = {block_id for block_id, block in blocks.items() if SIGNING.search(block.ja)}
    assert reporting == {"japan-role-4", "japan-role-9"}
    events = content.timeline.events
    credited = {block_id for event in events for block_id in event.reported_in}
    assert reporting <= credited, reporting - credited
    written = content.article.source.written
    assert written is not None
    for event in events:
        for block_id in event.reported_in:
            named = set(content.block_terms(blocks[block_id]))
            agreement = {t for t in event.terms if content.term(t).category == "agreement"}
            assert agreement <= named, (event.label.en, block_id, agreement - named)
            assert event.citations, f"{event.label.en}: dated from outside, cite the page"
        if event.from_article:
            continue
        shared = min(len(event.date), len(written.after))
        if event.date[:shared] > written.after[:shared]:
            continue  # after the article: it cannot report it
        for block_id in reporting:
            named = set(content.block_terms(blocks[block_id]))
            assert not set(event.terms) <= named, (event.label.en, "reported in", block_id)


def test_the_osaka_signings_are_the_articles_dated_from_outside(content: Edition) -> None:
    osaka = [e for e in content.timeline.events if e.date == "2026-01"]
    assert len(osaka) == 2
    assert all(e.from_article and e.citations and e.reported_in for e in osaka)
    memorandum = next(e for e in osaka if "memorandum" in e.terms)
    assert [c.secondary for c in memorandum.citations] == [True]
    assert "thebatterywire.com" in memorandum.citations[0].url
    # The definition says the date and place rest on secondary reports, and no one led it.
    definition = content.term("memorandum").definition
    assert "二次資料" in definition.ja and "secondary" in definition.en
    for term in content.glossary.terms:
        assert "RIKEN-led" not in term.definition.en, term.id
    statement = next(e for e in osaka if "statement-of-intent" in e.terms)
    assert "同省" not in statement.label.ja and "文部科学省のページ" in statement.label.ja


# ------------------------------------------------------------------ names the glossary explains
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ /.&-][A-Za-z0-9]+)*")
"""A name in Latin letters inside Japanese text ("FugakuNEXT", "SCA/HPCAsia 2026")."""
ACRONYM = re.compile(
    r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*(?:-[A-Z0-9]+)?(?![A-Za-z0-9])"
)
"""An acronym or a name with inner capitals in English text ("DOE", "TOP500", "UChicago")."""
QUOTED = re.compile(r"「([^」]+)」")

SPELLED_OTHERWISE = {
    "SCA": "sca-hpcasia",
    "HPCAsia": "sca-hpcasia",
    "SCA/HPCAsia 2026": "sca-hpcasia",
    "人工知能(AI)": "ai",
}
"""Names that a glossary term explains under another spelling: name -> term id."""

EXPLAINED_WHERE_NAMED = frozenset({
    # Machines, parts and measures, each said to be what it is where it is named.
    "A64FX", "Arm", "MONAKA-X", "GPU", "GPUs", "CPU", "京",
    # Companies, an operator and people named in passing.
    "HPE", "UChicago", "UChicago Argonne", "LLC", "KAKITA",
    # Titles of documents and plans, each described where quoted.
    "ジェネシス・ミッションの開始", "米国科学・安全保障プラットフォーム",
    # Common abbreviations.
    "US", "IT",
    # Words quoted from the article or the translation, which the notes discuss.
    "Japan", "late 2025", "federated", "2025年末", "ジェネシスの使命とは", "提供します", "連合",
    "ワシントン", "匹敵するAIとして", "東京の研究エコシステムのために",
})  # fmt: skip
"""Names used in definitions and notes that need no glossary entry of their own."""


def _names(text_ja: str, text_en: str) -> set[str]:
    """The names a definition or note uses: Latin-letter and quoted names in its Japanese,
    acronyms and inner-capital names in its English."""
    names = set(LATIN_RUN.findall(text_ja)) | set(QUOTED.findall(text_ja))
    return names | set(ACRONYM.findall(text_en))


def test_every_name_in_definitions_and_notes_is_explained(content: Edition) -> None:
    """A term that a definition or note uses by name has a glossary entry (or is explained
    where it is named), so that no explanation leans on an unexplained name."""
    forms = {form for term in content.glossary.terms for form in term.forms()}
    texts = [(term.id, term.definition) for term in content.glossary.terms]
    for _, block in content.article.blocks():
        texts += [(block.id, note) for note in (block.note, block.since) if note is not None]
    for where, pair in texts:
        for name in _names(pair.ja, pair.en):
            if name in forms or (name.endswith("s") and name[:-1] in forms):
                continue
            if name in SPELLED_OTHERWISE:
                assert SPELLED_OTHERWISE[name] in content.terms, name
                continue
            assert name in EXPLAINED_WHERE_NAMED, f"{where} uses {name!r}, which no term explains"


def test_names_the_definitions_use_have_entries(content: Edition) -> None:
    """The machines, measures, people, meetings and plans the definitions name are entries,
    not names explained in passing; and the article's own words that need explaining too."""
    forms = {form for term in content.glossary.terms for form in term.forms()}
    for name in (
        "FugakuNEXT", "Aurora", "TOP500", "HPL", "exaflops", "Darío Gil", "HPC Asia", "MoU",
        "科学技術・イノベーション基本計画", "高性能クラスター", "ワークロード",
        "センシティブな科学分野",
    ):  # fmt: skip
        assert name in forms, name
        assert name not in EXPLAINED_WHERE_NAMED, name
    sensitive = content.term("sensitive-fields").definition
    assert "研究セキュリティ" in sensitive.ja and "輸出管理" in sensitive.ja
    assert "research security" in sensitive.en and "export control" in sensitive.en


def test_terms_the_article_leans_on_are_in_the_glossary(content: Edition) -> None:
    ids = {term.id for term in content.glossary.terms}
    assert {"ai", "ai-for-science", "fugaku", "user-facility", "appropriations"} <= ids
    assert content.term("ai").term.ja == "人工知能" and "AI" in content.term("ai").aliases.en
    assert content.occurrences("ai")
