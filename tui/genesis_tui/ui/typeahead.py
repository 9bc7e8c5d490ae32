"""Keys typed ahead in a burst reach a text field in order, as they would one by one.

Why they would not: Textual's app takes each key from its queue and decides there where it goes,
to the focused widget or else to the screen (``App.on_event``); the binding runs later, when the
key has bubbled back up to the app (``App._on_key``). A burst arrives in the queue at once, so
every key of ``/riken`` is sent to the reader screen before the screen has handled ``/``: when
``/`` opens the search line (and asks for its focus, which ``Widget.focus`` gives only later,
by ``call_later``), ``r``, ``i``, ``k``, ``e`` and ``n`` are already on their way to the reader's
bindings: readings, a scroll, the word cursor, a search step. ``g`` then ``oboegaki`` loses the
letters the same way (the glossary's filter has no focus yet), and in a field that has focus,
``ctrl+u`` then ``quantum`` loses the word: the letters go into the field at once while ctrl+u
goes round by the app to its binding, and runs after them.

So the app holds the keys that come after a key that may move where keys go: one whose binding
opens a field (``keymap.field_openers``: the search, the glossary, the palette), or an editing
key (not a letter) sent to a focused field, whose binding runs at the app. The held keys are let
go, in order, once that key has been dealt with: its binding has run, and the field it opens has
focus (a screen it pushes focuses its field when it mounts). A key that never comes back to the
app (taken by a widget on its way) lets them go after ``HOLD_LIMIT`` at the latest.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from genesis_tui.ui import keymap

HOLD_LIMIT = 1.0
"""Seconds at most that typed-ahead keys wait for the key before them (a safety net)."""

OPENERS = keymap.field_openers()

Typed = events.Key | events.Paste


class KeysInOrder(App[None]):
    """An app whose keys typed ahead wait for a key that opens or edits a text field."""

    _held: list[Typed] | None = None
    """Keys waiting for ``_in_flight`` (None: nothing is waiting, keys go straight on)."""
    _in_flight: events.Key | None = None
    """The key the held ones wait for, until it has come back to the app."""
    _hold_timer: Timer | None = None
    _sent_to: DOMNode
    _opens = False
    """Whether the key held for opens a field (else it edits one)."""
    _screens_before: list[Screen[object]] = []
    """The screens when it came (a screen it opens focuses its field as it mounts)."""

    @property
    def keys_waiting(self) -> bool:
        """True while keys typed ahead wait for the key before them to be dealt with."""
        return self._held is not None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
                return
            await self._route(event)
            return
        await super().on_event(event)
        if event is self._in_flight:  # back at the app: its binding has run
            self._in_flight = None
            self._after_messages_of(self._sent_to)

    async def _route(self, event: Typed) -> None:
        """Send a key where Textual would, and hold the next ones if it may move the focus."""
        if isinstance(event, events.Key) and (opens := self._moves_keys(event)) is not None:
            self._held = []
            self._in_flight = event
            self._opens = opens
            self._screens_before = list(self.screen_stack)
            self._sent_to = self.focused or self.screen  # where Textual sends it
            held = self._held
            self._hold_timer = self.set_timer(HOLD_LIMIT, lambda: self._release(held))
        await super().on_event(event)
        if event is self._in_flight and not event.is_forwarded:
            # Taken by a priority binding (tab, ctrl+q) as it came in: it will not come back.
            self._in_flight = None
            self._after_messages_of(self._sent_to)

    def _moves_keys(self, event: events.Key) -> bool | None:
        """Whether the key may open a field (True), is an editing key sent to a field, whose
        binding runs at the app (False), or neither (None: the next keys need not wait)."""
        if isinstance(self.focused, Input):
            return None if event.is_printable else False  # a letter is the field's at once
        if event.key not in ("slash", "g", "ctrl+p"):
            return None  # a quick test first: most keys open nothing
        found = self.active_bindings.get(event.key)
        opens = found is not None and found.enabled and found.binding.action in OPENERS
        return True if opens else None

    def _after_messages_of(self, node: DOMNode) -> None:
        """Settle once ``node`` and each of its ancestors up to the app have handled what they
        had been sent by then: the focus the key's action asked for (``Widget.focus`` is a
        ``call_later``), and the messages it set off (the search line's ``Submitted``, which
        closes it, bubbles up through the search bar)."""
        chain = list(node.ancestors_with_self)

        def step(index: int) -> None:
            while index < len(chain):
                if chain[index].call_later(step, index + 1):
                    return
                index += 1  # that one has closed: on to its parent
            self._settle()

        step(0)

    def _settle(self) -> None:
        """The key held for has been dealt with: let the held keys go, unless a screen it
        opened has not yet focused its field (``on_descendant_focus`` lets them go then)."""
        if self._held is None or self._in_flight is not None:
            return
        screen = self.screen
        if self._opens and screen not in self._screens_before and screen.focused is None:
            return  # a screen it opened, which focuses its field as it mounts
        self.call_later(self._release, self._held)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        waiting = self._held is not None and self._in_flight is None
        if waiting and isinstance(event.widget, Input) and event.widget is self.focused:
            self.call_later(self._release, self._held)

    async def _release(self, held: list[Typed] | None) -> None:
        """Send the held keys on in order; one that again may move the focus holds the rest."""
        if held is None or held is not self._held:
            return  # let go already (by the focus, the key's return or the safety net)
        self._held = None
        self._in_flight = None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        while held:
            await self._route(held.pop(0))
            if self._held is not None:
                self._held.extend(held)
                return
