"""`serve`'s connections, bounded: per client address and in all, and never held for nothing.

Each TCP connection costs the server a file descriptor. 1,021 idle connections under the usual
limit of 1,024 left it no descriptor to accept with, to start a reader with or to answer with
(every one of its pages failed), and one client could hold them all. Here:

- a client address may hold at most ``per_client`` connections, and all clients together
  ``total`` (from the descriptor limit, leaving room for the readers' pipes); a connection
  beyond either is closed at once, and logged once per client until it is under its bound again.
  Loopback addresses are bound by the total alone: on 127.0.0.1 (serve's default) every client
  is this machine, and a reverse proxy in front connects from there for all of its clients (it
  should bound its clients itself: nginx's ``limit_conn``);
- a connection that has not become a reader's WebSocket within ``upgrade_timeout`` seconds is
  closed (pages and their files take far less; the browser opens another when it needs one);
- when the system has no descriptor left, asyncio stops accepting for a second and tries again
  (its own back-off): that is logged once, not every second, until a connection is accepted.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import resource
from collections import Counter
from typing import Any

from aiohttp import web

log = logging.getLogger("genesis-tui.serve")

UPGRADE_TIMEOUT = 30.0
"""Seconds a connection may stay without becoming a WebSocket."""
PER_SESSION_FDS = 6
"""Descriptors a session takes beside its socket: the reader's three pipes, and room to start it."""
SPARE_FDS = 32
"""Descriptors kept for the server itself (its listening sockets, logs, the files it serves)."""
OUT_OF_DESCRIPTORS = "socket.accept() out of system resource"
"""asyncio's message when accept() fails for want of descriptors (EMFILE, ENFILE)."""


def connection_bounds(max_sessions: int) -> tuple[int, int]:
    """Connections allowed in all and per client address, from the descriptor limit: what is
    left after the sessions' pipes and the server's own files; a client gets a quarter."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = soft if soft != resource.RLIM_INFINITY else 65536
    total = max(8, limit - SPARE_FDS - PER_SESSION_FDS * max_sessions)
    return total, max(4, total // 4)


class ConnectionGuard:
    """Counts the server's connections by client address and closes those over the bounds."""

    def __init__(self, total: int, per_client: int, upgrade_timeout: float = UPGRADE_TIMEOUT):
        self.total = total
        self.per_client = per_client
        self.upgrade_timeout = upgrade_timeout
        self.bound_loopback = False
        """Whether loopback clients are bound as other addresses are (for tests)."""
        self.clients: Counter[str] = Counter()
        self._open: dict[object, tuple[str, asyncio.TimerHandle]] = {}
        self._refusing: set[str] = set()
        self._starved = False

    def watch(self, server: web.Server) -> None:
        """Count the connections of aiohttp's ``server`` (its public connection_made and
        connection_lost, which every request handler calls when its connection opens and
        closes: docs/private-apis.md)."""
        made, lost = server.connection_made, server.connection_lost

        def connection_made(handler: Any, transport: asyncio.Transport) -> None:
            made(handler, transport)
            self.opened(handler, transport)

        def connection_lost(handler: Any, exc: BaseException | None = None) -> None:
            self.closed(handler)
            lost(handler, exc)

        server.connection_made = connection_made  # type: ignore[method-assign]
        server.connection_lost = connection_lost  # type: ignore[method-assign]

    def opened(self, handler: object, transport: asyncio.Transport) -> None:
        """A connection was accepted: count it, or close it if it is over a bound."""
        if self._starved:
            self._starved = False
            log.warning("accepting connections again")
        peer = transport.get_extra_info("peername")
        client = str(peer[0]) if isinstance(peer, tuple) and peer else "?"
        over = self.bounds(client) and self.clients[client] >= self.per_client
        if over or len(self._open) >= self.total:
            if client not in self._refusing:
                self._refusing.add(client)
                log.warning(
                    "refusing connections from %s: %d open of at most %d, %d in all of %d",
                    client,
                    self.clients[client],
                    self.per_client,
                    len(self._open),
                    self.total,
                )
            # Once aiohttp's handler has started (aborting within connection_made ended the
            # connection before the handler's task began, which then failed).
            asyncio.get_running_loop().call_soon(transport.abort)
            return
        self.clients[client] += 1
        loop = asyncio.get_running_loop()
        timer = loop.call_later(self.upgrade_timeout, self._expire, transport)
        self._open[handler] = (client, timer)

    def bounds(self, client: str) -> bool:
        """Whether ``client`` has bounds of its own (every address but loopback ones)."""
        try:
            return self.bound_loopback or not ipaddress.ip_address(client).is_loopback
        except ValueError:
            return True

    def closed(self, handler: object) -> None:
        """A connection closed: it no longer counts."""
        entry = self._open.pop(handler, None)
        if entry is None:
            return  # refused, never counted
        client, timer = entry
        timer.cancel()
        self.clients[client] -= 1
        if self.clients[client] <= 0:
            del self.clients[client]
        if self.clients[client] < self.per_client:
            self._refusing.discard(client)

    def upgraded(self, request: web.Request) -> None:
        """The request's connection is a reader's WebSocket now: it stays as long as it lives."""
        entry = self._open.get(request.protocol)
        if entry is not None:
            entry[1].cancel()

    def _expire(self, transport: asyncio.Transport) -> None:
        transport.close()

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """The loop's exception handler: running out of descriptors is said once (asyncio
        stops accepting for a second and tries again); everything else as asyncio says it."""
        if context.get("message") == OUT_OF_DESCRIPTORS:
            if not self._starved:
                self._starved = True
                error = context.get("exception")
                log.warning(
                    "out of file descriptors (%s): new connections wait until some close",
                    getattr(error, "strerror", None) or error,
                )
            return
        loop.default_exception_handler(context)
