"""The line filter that joins runs that look alike, and keeps apart what clicks differently."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from genesis_tui.ui.widgets.merge_runs import MergeRuns

PLAIN = Style(color="white")
LINK = Style(color="white", underline=True)


def _merge(*segments: Segment) -> list[Segment]:
    return MergeRuns().apply(list(segments), Color(0, 0, 0))


def test_runs_that_look_alike_become_one() -> None:
    merged = _merge(Segment(" ", PLAIN), Segment("text", PLAIN), Segment("   ", PLAIN))
    assert merged == [Segment(" text   ", PLAIN)]


def test_runs_that_look_different_stay_apart() -> None:
    merged = _merge(Segment("a", PLAIN), Segment("b", LINK), Segment("c", PLAIN))
    assert [segment.text for segment in merged] == ["a", "b", "c"]


def test_neighbouring_links_stay_apart() -> None:
    first, second = LINK + Style(meta={"link": 1}), LINK + Style(meta={"link": 2})
    merged = _merge(Segment("理研", first), Segment("富士通", second))
    assert [(segment.text, segment.style.meta["link"]) for segment in merged if segment.style] == [
        ("理研", 1),
        ("富士通", 2),
    ]


def test_padding_joins_the_label_before_it_and_answers_its_clicks() -> None:
    label = PLAIN + Style(meta={"@click": "app.bell"})
    merged = _merge(Segment("Quit", label), Segment("  ", PLAIN))
    assert merged == [Segment("Quit  ", label)]


def test_control_segments_are_never_joined() -> None:
    control = Segment("", None, [(1,)])  # type: ignore[list-item]
    merged = _merge(Segment("a", PLAIN), control, Segment("b", PLAIN))
    assert len(merged) == 3
