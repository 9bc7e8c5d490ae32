"""Every page a since-note or an event cites is shown: on the timeline, in who's who and in
each export, numbered when there are several, a secondary one marked as such."""

from __future__ import annotations

import json

import pytest

from genesis_tui.cli.main import main
from genesis_tui.content.edition import Edition
from genesis_tui.content.urls import site_name
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.timeline import timeline_page
from genesis_tui.pages.whos_who import whos_who_page


def _cited(content: Edition) -> list[tuple[str, tuple[str, ...], tuple[bool, ...]]]:
    """(what, urls, secondary marks) for every note and event that cites pages."""
    found = []
    for _, block in content.article.blocks():
        if block.since is not None:
            citations = block.since.citations
            found.append(
                (block.id, tuple(c.url for c in citations), tuple(c.secondary for c in citations))
            )
    for event in content.timeline.events:
        if event.citations:
            citations = event.citations
            found.append(
                (
                    event.label.en,
                    tuple(c.url for c in citations),
                    tuple(c.secondary for c in citations),
                )
            )
    return found


@pytest.mark.parametrize("ui_lang", ["ja", "en"])
def test_the_timeline_and_whos_who_link_every_page_cited(content: Edition, ui_lang: str) -> None:
    secondary = Catalogue(ui_lang)("source.secondary")  # type: ignore[arg-type]
    timeline = timeline_page(content, 100, "both", ui_lang)  # type: ignore[arg-type]
    whos_who = whos_who_page(content, 100, ui_lang)  # type: ignore[arg-type]
    for page, events in (
        (timeline, content.timeline.events),
        # Who's who draws the agreements: the events between two organisations or more.
        (whos_who, [e for e in content.timeline.events if _parties(content, e.terms) >= 2]),
    ):
        linked = {p.url: p.text for line in page.lines for p in line.pieces if p.url}
        text = "\n".join(page.text())
        assert any(len(event.citations) > 1 for event in events)
        for event in events:
            for number, citation in enumerate(event.citations, 1):
                assert linked.get(citation.url) == site_name(citation.url), citation.url
                if len(event.citations) > 1:
                    assert f"[{number}] {site_name(citation.url)}" in text
            if any(c.secondary for c in event.citations):
                assert secondary in text


def _parties(content: Edition, terms: tuple[str, ...]) -> int:
    return sum(1 for term in terms if content.term(term).country)


@pytest.mark.parametrize("lang", ["ja", "en", "both"])
def test_every_export_names_every_page_with_its_number_and_mark(
    content: Edition, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    words = {"ja": ["二次資料"], "en": ["secondary"], "both": ["二次資料 / secondary"]}[lang]
    for fmt in ("txt", "md"):
        width = ["--width", "60"] if fmt == "txt" else []
        assert main(["export", "--format", fmt, "--lang", lang, *width]) == 0
        out = capsys.readouterr().out
        for what, urls, marks in _cited(content):
            for number, (url, secondary) in enumerate(zip(urls, marks, strict=True), 1):
                head = f"[{number}] " if len(urls) > 1 else ""
                if fmt == "txt":
                    tail = f" ({words[0]})" if secondary else ""
                    assert f"{head}{url}{tail}\n" in out, (fmt, what, url)
                else:
                    assert f"{head}[{site_name(url)}]({url})" in out, (fmt, what, url)
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    notes = [b["since"] for s in data["sections"] for b in s["blocks"] if b["since"]]
    cited = [(n["sources"]) for n in notes] + [
        e["sources"] for e in data["timeline"] if e["sources"]
    ]
    expected = [
        [{"url": u, "secondary": m} for u, m in zip(urls, marks, strict=True)]
        for _, urls, marks in _cited(content)
    ]
    assert sorted(map(str, cited)) == sorted(map(str, expected))


def test_json_says_which_events_the_article_reports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)["timeline"]
    osaka = [event for event in events if event["date"] == "2026-01"]
    assert [event["reported_in"] for event in osaka] == [["japan-role-4"], ["japan-role-9"]]
    assert all(event["source"].startswith("https://") for event in osaka)
