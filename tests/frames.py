"""Frames that nobody sees are not drawn, by hand: the README's command skips them, CI draws them.

A Pilot test runs the app headless: after each change Textual still renders the screen's dirty
regions into strips (the compositor asks every widget for its lines) and then throws them away,
since a headless app has no terminal to write to. That rendering was about half of the CPU of a
behaviour test (test_navigation and test_reader: 19.4 s of CPU with it, 10.3 s without). Here,
by hand, the screen at the top forgets what changed instead of rendering it.

What the tests look at is still drawn: ``tests.apps.drawn_lines`` and every snapshot render the
whole screen when they are called (a widget's lines are drawn then, with all that changed since
the last frame), and the tests in a terminal run real readers. What is lost by hand is a crash
inside a widget's ``render_line`` in a frame that no test looks at; so CI (``CI=true``) draws
every frame of every test, and so do the tests whose point is that nothing ever fails
(``DRAWN``), by hand too.

Private API (``Screen._compositor_refresh``, ``Screen._dirty_widgets``,
``Compositor._dirty_regions``, ``App._display``, ``App._update_mouse_over``):
docs/private-apis.md.
"""

from __future__ import annotations

from textual.screen import Screen

_compositor_refresh = Screen._compositor_refresh


class Frames:
    """Whether the apps of the test that runs draw every frame (set before each test)."""

    drawn = True


def _refresh_undrawn(self: Screen[object]) -> None:
    """``Screen._compositor_refresh`` without the top screen's render, for headless apps."""
    app = self.app
    if Frames.drawn or not app.is_headless or app.is_inline or self is not app.screen:
        _compositor_refresh(self)
        return
    self._compositor._dirty_regions.clear()
    # The app's hook for each frame, with no frame (Textual's ``_display`` then does nothing):
    # genesis-tui puts the terminal's cursor where the reader is there (ui/lifecycle.py).
    app._display(self, None)
    self._dirty_widgets.clear()
    app._update_mouse_over(self)


def skip_undrawn_frames() -> None:
    """Route the screens' refresh through ``_refresh_undrawn`` (for the test process)."""
    Screen._compositor_refresh = _refresh_undrawn  # type: ignore[method-assign]
