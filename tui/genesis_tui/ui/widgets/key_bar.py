"""The footer: the keys that fit, most needed first, never a label cut in half.

Textual's ``Footer`` shows the same keys at every width and, when they do not fit, cuts the
last one mid-word (``q Qu``) and scrolls the rest out of sight. This bar lays the hints out
itself: ``q`` (quit) and ``?`` (help) first, always; then the screen's shown bindings; then, as
the width allows, more hints the screen offers (``tab`` for links, ``1-5`` for sections). A
hint that does not fit whole is left out, with all after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from genesis_tui.text.typesetting import cells

ESSENTIAL = ("quit", "help")
"""Actions always shown, first: by their shortest key (``q`` for quit; ``ctrl+q`` and ``f1``
where a text field takes the printable keys)."""
GAP = 2
"""Cells between two hints."""


class Hint(NamedTuple):
    """A key as the footer shows it; ``key`` (what a click presses) is empty for a hint that
    stands for several keys, such as ``1-5``."""

    display: str
    description: str
    key: str = ""
    enabled: bool = True
    """False for a key that cannot act now (greyed, as ``back`` with nowhere to go back to)."""

    @property
    def width(self) -> int:
        """Cells the hint takes: the key, a space, the description."""
        return cells(self.display) + 1 + cells(self.description)


def fit(hints: Sequence[Hint], width: int) -> list[Hint]:
    """The hints that fit in ``width`` cells, in order, each whole; the first two (quit and
    help) even when nothing else fits."""
    shown: list[Hint] = []
    used = 1  # a cell of margin on the left
    for number, hint in enumerate(hints):
        needed = hint.width + (GAP if shown else 0)
        if used + needed > width and number >= len(ESSENTIAL):
            break
        shown.append(hint)
        used += needed
    return shown


class KeyBar(Widget):
    """One line of key hints for the screen it is on (see the module's docstring)."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key { text-style: bold; color: $footer-key-foreground; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; }
    /* A key that cannot act now: greyed, and struck through where there is no colour. */
    KeyBar > .key-bar--disabled { color: $text-disabled; text-style: not bold; }
    App:nocolor KeyBar > .key-bar--disabled { text-style: strike; }
    """

    def __init__(self, extra: Callable[[], Sequence[Hint]] | None = None) -> None:
        super().__init__(id="key-bar")
        self._extra = extra
        """More hints, shown after the bindings when there is room."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def hints(self) -> list[Hint]:
        """Every hint the screen offers, most needed first."""
        essential: dict[str, Hint] = {}
        shown: list[Hint] = []
        actions: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            display = self.app.get_key_display(binding)
            hint = Hint(display, binding.description, key, enabled=active.enabled)
            action = binding.action.removeprefix("app.")
            if action in ESSENTIAL:
                known = essential.get(action)
                if known is None or cells(hint.display) < cells(known.display):
                    essential[action] = hint
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(hint)
        first = [essential[name] for name in ESSENTIAL if name in essential]
        extra = list(self._extra()) if self._extra is not None else []
        return [*first, *shown, *extra]

    def shown(self) -> list[Hint]:
        """The hints shown at the current width."""
        return fit(self.hints(), self.size.width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        key_style = base + self.get_component_rich_style("key-bar--key", partial=True)
        text_style = base + self.get_component_rich_style("key-bar--description", partial=True)
        greyed = base + self.get_component_rich_style("key-bar--disabled", partial=True)
        segments = [Segment(" ", base)]
        for number, hint in enumerate(self.shown()):
            if number:
                segments.append(Segment(" " * GAP, base))
            click = Style(meta={"key": hint.key}) if hint.key and hint.enabled else Style()
            key, text = (key_style, text_style) if hint.enabled else (greyed, greyed)
            segments.append(Segment(hint.display, key + click))
            segments.append(Segment(" " + hint.description, text + click))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)

    def on_click(self, event: events.Click) -> None:
        key = event.style.meta.get("key")
        if isinstance(key, str) and key:
            event.stop()
            self.app.simulate_key(key)
