"""What the screens and widgets read of the app they run in, typed: its settings, not the app.

Screens never import the app (the layers forbid it); they read the interface's words, the
reader's view and readings, and the drawing options through ``host_of``. An app that is not the
reader's (a plain Textual ``App``, as some tests mount a widget in) gives the defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.notifications import SeverityLevel

from genesis_tui.i18n.catalogue import Catalogue

if TYPE_CHECKING:
    from genesis_tui.content.edition import Edition
    from genesis_tui.content.model import View


class Notifying(Protocol):
    """What tells the reader something: Textual's ``notify``, as a screen's parts ask it of
    the screen they belong to."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...


@runtime_checkable
class Host(Protocol):
    """The reader's app as its screens see it."""

    @property
    def ui(self) -> Catalogue:
        """The interface's words."""
        ...

    @property
    def view(self) -> View:
        """The languages the reader shows (every screen says names in them)."""
        ...

    @property
    def readings(self) -> bool:
        """Whether readings are shown above the Japanese."""
        ...

    @property
    def ascii(self) -> bool:
        """Nothing but ASCII drawn (``--ascii``)."""
        ...

    @property
    def screen_reader(self) -> bool:
        """One language in one column, the cursor on the line read (``--screen-reader``)."""
        ...

    @property
    def content(self) -> Edition | None:
        """The article, its glossary and timeline."""
        ...


class Defaults:
    """The settings of an app that is not the reader's: English, both languages, no readings."""

    ui = Catalogue()
    view: View = "both"
    readings = False
    ascii = False
    screen_reader = False
    content: Edition | None = None


DEFAULTS = Defaults()


def host_of(app: object) -> Host:
    """The app's settings, or the defaults for an app that has none."""
    return app if isinstance(app, Host) else DEFAULTS
