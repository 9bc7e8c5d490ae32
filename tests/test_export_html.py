"""The HTML export, read as a browser reads it: html5lib parses it by the WHATWG algorithm, and
the checks below walk the tree it builds (ids, links, languages, ruby, the glossary)."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import NamedTuple

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition, index_content
from genesis_tui.content.model import Pair, SinceNote
from genesis_tui.export.html import to_html
from genesis_tui.export.page_style import COLOURS
from genesis_tui.text.kana import is_kanji

NS = "{http://www.w3.org/1999/xhtml}"
VOID = {"meta", "input", "br", "link", "img", "hr", "wbr"}
LETTER = re.compile(r"[^\W\d_]")
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff]")


def parse(page: str) -> ET.Element:
    """The page as a browser builds it; a parse error (in html5lib's strict mode) fails."""
    tree: ET.Element = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)
    return tree


class _Nesting(HTMLParser):
    """Every element but the void ones closed by its own end tag, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def unclosed(page: str) -> list[str]:
    checker = _Nesting()
    checker.feed(page)
    checker.close()
    return checker.problems + [f"<{tag}> at {place} never closed" for tag, place in checker.stack]


def tag(element: ET.Element) -> str:
    return element.tag.removeprefix(NS)


class Run(NamedTuple):
    """A run of text as the tree holds it."""

    text: str
    lang: str | None
    """The lang it is in (the root's does not count: each run must carry one below it)."""
    ruby_base: bool
    ui: bool
    """One of the interface's own words (class ``ui``), which have no readings."""


def walk(
    element: ET.Element, lang: str | None = None, base: bool = False, ui: bool = False
) -> Iterator[Run]:
    """Every run of text in ``element``, in order."""
    name = tag(element)
    if name in ("style", "title", "head"):
        return
    if name != "html" and element.get("lang"):
        lang = element.get("lang")
    ui = ui or "ui" in element.get("class", "").split()
    inner = name == "ruby" or (base and name not in ("rt", "rp"))
    if element.text:
        yield Run(element.text, lang, inner, ui)
    for child in element:
        yield from walk(child, lang, inner, ui)
        if child.tail:
            yield Run(child.tail, lang, inner, ui)


@pytest.fixture(scope="module")
def page(content: Edition) -> str:
    return to_html(content)


@pytest.fixture(scope="module")
def tree(page: str) -> ET.Element:
    return parse(page)


def by_id(tree: ET.Element) -> dict[str, ET.Element]:
    return {element.get("id", ""): element for element in tree.iter() if element.get("id")}


def links(element: ET.Element) -> list[ET.Element]:
    return [a for a in element.iter(f"{NS}a") if a.get("href", "").startswith("#")]


def test_the_page_parses_without_an_error_and_closes_every_element(page: str) -> None:
    parse(page)
    assert page.startswith("<!DOCTYPE html>\n")
    assert unclosed(page) == []


def test_the_page_needs_nothing_from_elsewhere(tree: ET.Element) -> None:
    assert not list(tree.iter(f"{NS}script"))
    assert not [e for e in tree.iter() if tag(e) in ("img", "link", "iframe", "object")]
    for element in tree.iter():
        assert "url(" not in (element.text or "") or tag(element) != "style"


def test_ids_are_unique(tree: ET.Element) -> None:
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_every_internal_link_resolves(tree: ET.Element) -> None:
    ids = by_id(tree)
    targets = [a.get("href", "")[1:] for a in links(tree)]
    assert targets and [t for t in targets if t not in ids] == []
    labels = [e.get("aria-labelledby") for e in tree.iter() if e.get("aria-labelledby")]
    assert [label for label in labels if label not in ids] == []


def test_every_run_of_text_carries_its_language(tree: ET.Element) -> None:
    runs = [(run.text, run.lang) for run in walk(tree) if LETTER.search(run.text)]
    assert runs
    assert [text for text, lang in runs if lang not in ("ja", "en")] == []
    assert [text for text, lang in runs if JAPANESE.search(text) and lang != "ja"] == []


def test_ruby_is_over_every_kanji(tree: ET.Element) -> None:
    bare = [
        run.text
        for run in walk(tree)
        if not run.ruby_base and not run.ui and any(is_kanji(char) for char in run.text)
    ]
    assert bare == []
    assert len(list(tree.iter(f"{NS}ruby"))) > 1000


def test_each_term_links_to_its_definition_and_back(content: Edition, tree: ET.Element) -> None:
    ids = by_id(tree)
    for _, block in content.article.blocks():
        element = ids[f"b-{block.id}"]
        linked = {a.get("href") for a in links(element) if a.get("class") == "term"}
        # Each block's terms, found in it (notes under the block may name more).
        assert {f"#term-{term_id}" for term_id in content.block_terms(block)} <= linked, block.id
    for term in content.glossary.terms:
        definition = ids[f"term-{term.id}"]
        assert tag(definition) == "dfn"
        entry = next(div for div in tree.iter(f"{NS}div") if definition in list(div.iter()))
        back = {a.get("href") for dd in entry.iter(f"{NS}dd") for a in links(dd)}
        back -= {a.get("href") for a in links(entry) if a.get("class") == "term"}
        assert back == {f"#b-{block.id}" for _, block in content.occurrences(term.id)} | {
            f"#b-{block.id}" for _, block in content.since_occurrences(term.id)
        }, term.id
    for a in links(tree):
        if a.get("class") == "term":
            assert tag(ids[a.get("href", "")[1:]]) == "dfn"


def test_the_timeline_is_a_list_of_dates(content: Edition, tree: ET.Element) -> None:
    timeline = by_id(tree)["timeline"]
    times = [t.get("datetime") for t in timeline.iter(f"{NS}time")]
    assert times == sorted(event.date for event in content.timeline.events)


def test_notes_link_their_sources_and_the_source_stands_at_top_and_bottom(
    content: Edition, page: str
) -> None:
    for _, block in content.article.blocks():
        if block.since is not None:
            for citation in block.since.citations:
                assert f'href="{citation.url}"' in page
    for event in content.timeline.events:
        for citation in event.citations:
            assert f'href="{citation.url}"' in page
    source = content.article.source
    assert page.count(f'href="{source.url_ja}"') == 4  # in each language, top and bottom
    head, foot = page.split("<main")[0], page.split("<footer")[1]
    assert "MIT" in head and "MIT" in foot  # the licences, at the top and the foot


def test_one_language_shows_only_it(content: Edition) -> None:
    page = to_html(content, "ja")
    tree = parse(page)
    assert tree.get("lang") == "ja"
    assert not [e for e in tree.iter() if e.get("lang") == "en" and tag(e) not in ("a", "span")]
    assert content.article.title.en not in page
    assert content.article.sections[0].blocks[0].en not in page


def test_a_section_alone_links_only_what_it_holds(content: Edition) -> None:
    tree = parse(to_html(content, "both", content.article.sections[1].id))
    ids = by_id(tree)
    assert [a.get("href") for a in links(tree) if a.get("href", "")[1:] not in ids] == []
    assert "timeline" not in ids


def test_the_colours_meet_wcag_aa_in_both_schemes() -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    for scheme, colours in COLOURS.items():
        for text in ("text", "muted", "link", "focus"):
            for ground in ("background", "panel"):
                ratio = contrast(colours[text], colours[ground])
                assert ratio >= 4.5, f"{scheme}: {text} on {ground} is {ratio:.2f}:1"


def test_content_is_escaped_and_only_web_links_are_links(small_content: Edition) -> None:
    hostile = '<script>alert(1)</script> & "quoted" <b>bold</b>'
    article = small_content.article
    section = article.sections[0]
    block = dataclasses.replace(
        section.blocks[0],
        ja=hostile,
        en=hostile,
        note=Pair(ja=hostile, en=hostile),
        since=SinceNote(ja=hostile, en=hostile, source="javascript:alert(1)"),
    )
    source = dataclasses.replace(article.source, publisher=hostile, url_ja='x" onclick="y')
    article = dataclasses.replace(
        article,
        source=source,
        sections=(dataclasses.replace(section, blocks=(block, *section.blocks[1:])),),
    )
    content = index_content(
        small_content.directory, article, small_content.glossary, small_content.timeline
    )
    page = to_html(content)
    tree = parse(page)
    assert unclosed(page) == []
    assert not list(tree.iter(f"{NS}script")) and not list(tree.iter(f"{NS}b"))
    assert "javascript:" not in " ".join(e.get("href", "") for e in tree.iter())
    assert not [e for e in tree.iter() if e.get("onclick")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;" in page


def test_the_command_writes_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "html", "--lang", "en"]) == 0
    parse(capsys.readouterr().out)


@pytest.mark.parametrize("flags", [["--ruby"], ["--width", "60"]])
def test_the_command_refuses_what_a_page_ignores(
    flags: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "html", *flags]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_served_the_page_links_to_the_terminal_reader(content: Edition) -> None:
    page = to_html(content, reader_url="./")
    assert unclosed(page) == []
    (reader,) = [a for a in parse(page).iter(f"{NS}a") if a.get("class") == "reader"]
    assert reader.get("href") == "./"


def test_one_language_stands_in_one_column(content: Edition) -> None:
    # The side-by-side grid would leave half of a wide window empty.
    assert '<body class="one-language">' in to_html(content, "en")
    assert "<body>" in to_html(content, "both")


def _shown(element: ET.Element) -> str:
    """The text a reader sees in ``element`` with the readings hidden (no rt, no rp)."""
    if tag(element) in ("rt", "rp"):
        return element.tail or ""
    inner = (element.text or "") + "".join(_shown(child) for child in element)
    return inner + (element.tail or "")


HOSTILE = st.text(
    alphabet=st.sampled_from(list("<>&\"'/=;# ab日本AIジェネシス・ミッション研究所\u00a0")),
    min_size=1,
    max_size=40,
).filter(str.strip)


@given(ja=HOSTILE, en=HOSTILE)
def test_any_text_comes_back_as_it_was_written(small_content: Edition, ja: str, en: str) -> None:
    # Whatever a block holds, the page shows that text, neither more nor less: nothing in it
    # is read as markup, and the links and ruby around terms take nothing away.
    article = small_content.article
    section = article.sections[0]
    block = dataclasses.replace(section.blocks[0], ja=ja, en=en, note=None, since=None)
    sections = (dataclasses.replace(section, blocks=(block,)), *article.sections[1:])
    content = index_content(
        small_content.directory,
        dataclasses.replace(article, sections=sections),
        small_content.glossary,
        small_content.timeline,
    )
    tree = parse(to_html(content, "both", section.id))
    shown = by_id(tree)[f"b-{block.id}"]
    texts = {p.get("lang"): _shown(p).removesuffix(p.tail or "") for p in shown.iter(f"{NS}p")}
    assert texts == {"ja": ja, "en": en}
