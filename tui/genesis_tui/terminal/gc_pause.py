"""The cyclic garbage collector, paused while the reader starts.

Starting allocates a few hundred thousand long-lived objects (Textual's and our modules, the
content, the first page) and almost no garbage with cycles, yet each allocation burst sets off
the collector, which walks every object made so far: a fifth of the time to the first frame
went there. The command line pauses it for the reader (only: a server must collect); once the
first frame is on screen the objects made so far are frozen (later collections skip them) and
collection resumes.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting, if collection is on (it stays as it was otherwise)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """After ``pause``: freeze what exists and collect again (nothing if nothing was paused,
    as in tests, where an app starts without the command line)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
