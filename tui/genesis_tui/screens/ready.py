"""Keys that arrive while a screen has no widgets are ignored, never a crash.

Over SSH people type ahead: ``q`` then ``t`` then ``k`` reach an app that is closing, which still
opens the timeline but takes its widgets away again; and a key can reach a screen before it has
composed. Every ``action_*`` of these screens runs only while the screen has its widgets. (The
bindings themselves stay enabled, so the footer shows them from the first frame, without a
second paint.)
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

HEADER_ICON = "*"
"""The header's icon (it opens the palette): Textual's ⭘ is East Asian Ambiguous, * is not."""


def page_bindings(prefix: str = "", *, show_open: bool = False) -> list[Binding]:
    """The keys of a page with links: tab / shift+tab walk the links (priority bindings, not
    Textual's focus chain), enter opens one, and the scroll keys. Ids are ``prefix`` + name."""
    return [
        Binding("tab", "link(1)", "Next link", show=False, priority=True, id=f"{prefix}link-next"),
        Binding(
            "shift+tab",
            "link(-1)",
            "Previous link",
            show=False,
            priority=True,
            id=f"{prefix}link-previous",
        ),
        Binding("enter", "open_link", "Open link", show=show_open, id=f"{prefix}open-link"),
        Binding("j,down", "scroll(1)", "Down", show=False, id=f"{prefix}scroll-down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id=f"{prefix}scroll-up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id=f"{prefix}page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id=f"{prefix}page-up"),
        Binding("home", "edge(0)", "Top", show=False, id=f"{prefix}top"),
        Binding("end", "edge(1)", "Bottom", show=False, id=f"{prefix}bottom"),
    ]


def _when_ready(method: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def run_async(self: ReadyAfterMount, *args: Any, **kwargs: Any) -> Any:
            if self.has_widgets:
                return await method(self, *args, **kwargs)
            return None

        return run_async

    @functools.wraps(method)
    def run(self: ReadyAfterMount, *args: Any, **kwargs: Any) -> Any:
        if self.has_widgets:
            return method(self, *args, **kwargs)
        return None

    return run


class ReadyAfterMount(Screen[None]):
    """A screen whose actions run only from the end of ``on_mount`` (call ``ready()`` there)
    and while its widgets are there."""

    _ready = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if name.startswith("action_") and callable(value):
                setattr(cls, name, _when_ready(value))

    def ready(self) -> None:
        """The widgets are there: act on keys from now on."""
        self._ready = True

    @property
    def has_widgets(self) -> bool:
        """True from the end of ``on_mount`` until the widgets go (as when the app closes)."""
        return self._ready and bool(self.children)
