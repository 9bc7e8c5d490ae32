"""What every screen over the content shares: its set-up, its readiness, and the page keys.

``GenesisScreen`` gives a screen the content, the interface's words (its bindings' descriptions
among them) and a way to open a glossary entry, by message, without knowing the app.

Keys that arrive while a screen has no widgets are ignored, never a crash. Over SSH people type
ahead: ``q`` then ``t`` then ``k`` reach an app that is closing, which still opens the timeline
but takes its widgets away again; and a key can reach a screen before it has composed. Every
``action_*`` of these screens is marked ``@when_ready`` and runs only while the screen has its
widgets (a test finds any that is not). The bindings themselves stay enabled, so the footer
shows them from the first frame, without a second paint, as ``check_action`` would not.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from textual import on
from textual._styles_cache import StylesCache

from genesis_tui.content.edition import Edition
from genesis_tui.content.model import Lang, View, one_lang, view_langs
from genesis_tui.i18n.catalogue import Catalogue
from genesis_tui.pages.page import LinkRef
from genesis_tui.ui.host import host_of
from genesis_tui.ui.keymap import localize_bindings
from genesis_tui.ui.messages import JumpToBlock, OpenTerm, ToggleReadings
from genesis_tui.ui.screens.follow_size import FollowsAppSize
from genesis_tui.ui.widgets.key_bar import Hint
from genesis_tui.ui.widgets.link_hints import link_spots
from genesis_tui.ui.widgets.page_view import PageView

HEADER_ICON = "*"
"""The header's icon (it opens the palette): Textual's ⭘ is East Asian Ambiguous, * is not."""


def shown_langs(view: View, ui_lang: Lang, *, room_for_both: bool = True) -> tuple[Lang, ...]:
    """The languages to say a name in: the view's, both if ``both`` and there is room."""
    return view_langs(view) if room_for_both else (one_lang(view, ui_lang),)


def when_ready(method: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a screen's action to do nothing while the screen has no widgets (before the end of
    its ``on_mount``, or once the app takes them away as it closes)."""
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def run_async(self: GenesisScreen, *args: Any, **kwargs: Any) -> Any:
            if self.has_widgets:
                return await method(self, *args, **kwargs)
            return None

        run_async.when_ready = True  # type: ignore[attr-defined]
        return run_async

    @functools.wraps(method)
    def run(self: GenesisScreen, *args: Any, **kwargs: Any) -> Any:
        if self.has_widgets:
            return method(self, *args, **kwargs)
        return None

    run.when_ready = True  # type: ignore[attr-defined]
    return run


class GenesisScreen(FollowsAppSize):
    """A screen over the content. Its actions run only from the end of ``on_mount`` (call
    ``ready()`` there) and while its widgets are there."""

    _ready = False

    def __init__(self, content: Edition, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.content = content
        host = host_of(self.app)
        self.ui: Catalogue = host.ui
        """The interface's words."""
        localize_bindings(self.ui, self._bindings)
        self.reader_view: View = host.view
        """The languages the reader shows: every screen shows its names in them."""
        self.readings = host.readings
        """Readings above the Japanese, as the reader shows them (``r`` on any page)."""

    def ready(self) -> None:
        """The widgets are there: act on keys from now on."""
        self._ready = True

    def on_unmount(self) -> None:
        # Textual keeps the style caches of the last 1,024 widgets, with every line each drew,
        # in an lru_cache on an instance method (StylesCache.get_inner_outer,
        # Textualize/textual#6665, open): the widgets of closed screens stayed in memory that way.
        StylesCache.get_inner_outer.cache_clear()

    @property
    def has_widgets(self) -> bool:
        """True from the end of ``on_mount`` until the widgets go (as when the app closes)."""
        return self._ready and bool(self.children)

    def open_term(self, term_id: str) -> None:
        """Ask for a glossary entry to be shown."""
        self.post_message(OpenTerm(term_id))

    def extra_hints(self) -> list[Hint]:
        """Keys the footer shows after the bindings when the width allows (none here)."""
        return []


class PageScreen(GenesisScreen):
    """A screen showing a ``PageView``: the scroll keys and the links (see ``page_bindings``)."""

    def extra_hints(self) -> list[Hint]:
        """Links and paging, for wide footers."""
        ui = self.ui
        return [
            Hint("tab", ui("hint.links")),
            Hint("space", ui("hint.page"), "space"),
        ]

    @property
    def page_view(self) -> PageView:
        """The page this screen's keys act on."""
        return self.query_one(PageView)

    @when_ready
    def action_scroll(self, lines: int) -> None:
        """Scroll by ``lines``."""
        self.page_view.scroll_relative(y=lines, animate=False)

    @when_ready
    def action_page(self, pages: int) -> None:
        """Scroll by pages (less a line each, to keep the reader's place)."""
        view = self.page_view
        page = max(1, view.scrollable_content_region.height - 1)
        view.scroll_relative(y=pages * page, animate=False)

    @when_ready
    def action_edge(self, end: int) -> None:
        """Scroll to the top (0) or the bottom (1), at once: Textual would wait for a refresh,
        and a key pressed meanwhile (shift+tab: the last link on screen) would see the page
        where it was."""
        if end:
            self.page_view.scroll_end(animate=False, immediate=True)
        else:
            self.page_view.scroll_home(animate=False, immediate=True)

    @when_ready
    def action_link(self, step: int) -> None:
        """Move to the next (1) or previous (-1) glossary link, in reading order."""
        if not self.page_view.step_link(step):
            self.notify(self.ui("reader.no_links"), severity="warning", markup=False)

    @when_ready
    def action_open_link(self) -> None:
        """Follow the current link (only ever one on screen)."""
        view = self.page_view
        if view.current_link is not None and view.current_term is not None:
            self.follow(view.page.links[view.current_link])

    @when_ready
    def action_hints(self) -> None:
        """Label every link on screen with letters (``screens.hints``); typing a label follows
        its link, as enter does the current one."""
        from genesis_tui.ui.screens.hints import HintScreen

        view = self.page_view
        spots = link_spots(view)
        if not spots:
            self.notify(self.ui("hints.none"), severity="warning", markup=False)
            return

        def chosen(index: int | None) -> None:
            if index is not None and index < len(view.page.links):
                view.current_link = index
                self.follow(view.page.links[index])

        self.app.push_screen(HintScreen(spots), chosen)

    def follow(self, link: LinkRef) -> None:
        """Open a link's glossary entry, or jump to its place in the article."""
        if link.jump is not None:
            self.post_message(JumpToBlock(*link.jump))
        else:
            self.open_term(link.term_id)

    @when_ready
    def action_toggle_readings(self) -> None:
        """Show or hide the readings above the Japanese (here, in the reader, everywhere)."""
        self.post_message(ToggleReadings())

    def show_readings(self, shown: bool) -> None:
        """Lay the page out again with or without readings."""
        from genesis_tui.ui.widgets.page_kinds import ExplainerView

        self.readings = shown
        view = self.page_view
        if isinstance(view, ExplainerView):
            view.ruby = shown

    @when_ready
    def action_copy(self) -> None:
        """Copy the current link's address, or the block at the top of the page, to the
        clipboard through the terminal (OSC 52: it works over SSH, and in tmux with
        ``set-clipboard on``)."""
        text = self.page_view.copy_text()
        if not text:
            self.notify(self.ui("copy.nothing"), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(text)
        self.notify(self.ui("copy.done", count=len(text)), markup=False, timeout=2)

    @on(PageView.LinkClicked)
    def _link_clicked(self, event: PageView.LinkClicked) -> None:
        links = self.page_view.page.links
        if 0 <= event.index < len(links):
            self.follow(links[event.index])
