"""`genesis-tui serve`: the reader in web browsers, one reader process per session.

Built on textual-serve, whose server takes a WebSocket from any web page, at any terminal size,
any number of times, and leaves a reader running when it does not quit as asked. Here:

- a WebSocket is accepted only from the page's own origin (the server's public address, which
  the page's script connects to) and from origins named with ``--allow-origin``: any other page
  open in the user's browser could otherwise start readers on this machine;
- the terminal size a browser asks for, at the start and in every resize, is clamped;
- at most ``max_sessions`` readers run at once; beyond that a socket is closed with a reason;
- when a socket closes, its reader is asked to quit, then terminated, then killed, and reaped;
- the log says one line per event: a malformed request (a URL over 8 KB, an unknown method)
  is logged as its error's type and message, not as a traceback with the local variables of
  every frame (textual-serve's logging), which would print whatever the request carried.

Beside the terminal, the server offers the article as a web page (``PAGE_PATH``, the HTML
export) for screen readers, pop-up dictionaries and find-in-page, which see nothing in a
terminal drawn on a canvas; the terminal's page and the article's link to each other. The page
is made once, at start, and served as it is: no script may run in it (its Content-Security-Policy
allows inline style alone), and it answers GET and HEAD only.

Readers are started directly (no shell), with the argument list built by the command line.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shlex
import signal
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from genesis_tui.cli.serve_guard import ConnectionGuard, connection_bounds
from genesis_tui.cli.serve_session import ReaderSession, clamp_size

log = logging.getLogger("genesis-tui.serve")

DEFAULT_MAX_SESSIONS = 8
CLOSE_TRY_AGAIN_LATER = 1013
"""The WebSocket close code for a server that is full (RFC 6455, IANA registry)."""
PAGE_PATH = "/article"
"""Where the article is served as a web page."""
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
"""The page needs nothing but its own inline style: anything else it might be made to load or
run is refused by the browser."""
PAGE_LINK = (
    '<a href="{href}" lang="en" style="position:fixed;top:0;right:0;z-index:30;padding:4px 8px;'
    'background:#12232d;color:#ffffff;font:14px sans-serif">{text}</a>'
)
"""The terminal page's link to the article's page: first in the page, so first for a screen
reader and the tab key (white on #12232d is 15.6:1)."""
PAGE_LINK_TEXT = "The article as a web page (for screen readers)"


def origin_of(url: str) -> str:
    """The origin of a URL as a browser sends it: ``scheme://host[:port]``, lower case."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower()


class OneLine(logging.Filter):
    """Every record on one line: an exception as its type and (shortened) message."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            said = repr(str(error)[:120])  # repr: nothing a request sent reaches the terminal
            record.msg = f"{record.getMessage()}: {type(error).__name__}: {said}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


class ReaderServer(Server):
    """textual-serve's server with origins checked, sizes clamped and sessions capped."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        title: str,
        public_url: str | None = None,
        allowed_origins: Sequence[str] = (),
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        page: str | None = None,
    ) -> None:
        super().__init__(shlex.join(argv), host=host, port=port, title=title, public_url=public_url)
        self.page = page
        """The article as a web page, served at ``PAGE_PATH`` (when given)."""
        self.argv = list(argv)
        self.origins = {origin_of(self.public_url), *map(origin_of, allowed_origins)}
        self.max_sessions = max_sessions
        self.sessions: set[ReaderSession] = set()
        self._opening = 0
        """Sockets accepted whose reader is not among ``sessions`` yet."""
        self.sessions_per_client = max(1, (max_sessions + 1) // 2)
        """Sessions one client address may hold: never all of them (but loopback clients,
        ``serve_guard.ConnectionGuard.bounds``)."""
        self._client_sessions: Counter[str] = Counter()
        self.guard = ConnectionGuard(*connection_bounds(max_sessions))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        if self.page is not None:
            app.router.add_get(PAGE_PATH, self.handle_page, name="page")
        return app

    async def handle_index(self, request: web.Request) -> Any:
        """The terminal's page, with a link to the article's page first in its body."""
        response = await super().handle_index(request)
        if self.page is None or not isinstance(response, web.Response) or response.text is None:
            return response
        link = PAGE_LINK.format(href=PAGE_PATH.lstrip("/"), text=PAGE_LINK_TEXT)
        text = response.text
        start = text.find(">", text.find("<body")) + 1
        response.text = text[:start] + link + text[start:]
        return response

    async def handle_page(self, request: web.Request) -> web.Response:
        """The article as a web page."""
        return web.Response(
            text=self.page, content_type="text/html", charset="utf-8", headers=PAGE_HEADERS
        )

    def initialize_logging(self) -> None:
        """Each record on one plain line of standard error, its level first (``OneLine``).
        textual-serve's rich handler imported modules as it first drew a record: with every
        file descriptor taken, that import failed and ended the server."""
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        handler.addFilter(OneLine())
        logging.basicConfig(level="DEBUG" if self.debug else "INFO", handlers=[handler], force=True)

    async def on_startup(self, app: web.Application) -> None:
        """Say where the reader is served, without textual-serve's banner."""
        self.console.print(f"Serving the reader on {self.public_url}", highlight=False)
        if self.page is not None:
            self.console.print(f"and the article on {self.public_url}{PAGE_PATH}", highlight=False)
        self.console.print("Press Ctrl+C to quit", highlight=False)

    async def on_shutdown(self, app: web.Application) -> None:
        """End every reader before the server goes."""
        await asyncio.gather(*(session.stop() for session in list(self.sessions)))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Start a reader for a browser session, if its page may, and end it with the socket."""
        origin = request.headers.get("Origin")
        if origin is None or origin_of(origin) not in self.origins:
            log.warning("refused a WebSocket from origin %r", origin)
            raise web.HTTPForbidden(text="This page may not open a session.\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        client = request.remote or "?"
        if (reason := self._full(client)) is not None:
            log.warning("refused a session from %s: %s", client, reason)
            await websocket.prepare(request)
            await websocket.close(code=CLOSE_TRY_AGAIN_LATER, message=reason.encode())
            return websocket
        self._opening += 1  # counted before the first await: no race past the caps
        self._client_sessions[client] += 1
        width, height = clamp_size(request.query.get("width"), request.query.get("height"))
        session: ReaderSession | None = None
        try:
            await websocket.prepare(request)
            self.guard.upgraded(request)
            session = ReaderSession(
                self.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.sessions.add(session)
            self._opening -= 1
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("session failed")
        finally:
            if session is None:
                self._opening -= 1
            else:
                await session.stop()
                self.sessions.discard(session)
            self._client_sessions -= Counter({client: 1})  # (and gone at 0)
        return websocket

    def _full(self, client: str) -> str | None:
        """Why a new session from ``client`` is refused, if it is."""
        if len(self.sessions) + self._opening >= self.max_sessions:
            return f"too many sessions (at most {self.max_sessions}): try again later"
        if self.guard.bounds(client) and self._client_sessions[client] >= self.sessions_per_client:
            return f"too many sessions from one address (at most {self.sessions_per_client})"
        return None

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM (textual-serve's serve, with aiohttp's runner used
        directly: the connections are counted from the start, ``serve_guard``)."""
        self.debug = debug
        self.initialize_logging()
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(self.guard.loop_exception)
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        runner = web.AppRunner(await self._make_app(), handle_signals=False)
        await runner.setup()
        assert runner.server is not None
        self.guard.watch(runner.server)
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            await stop.wait()
        finally:
            await runner.cleanup()

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """Pass the browser's messages on; anything malformed is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    *clamp_size(data.get("width"), data.get("height"))
                )
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()


def serve(
    argv: Sequence[str],
    *,
    host: str,
    port: int,
    title: str,
    public_url: str | None = None,
    allowed_origins: Sequence[str] = (),
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    page: str | None = None,
) -> None:
    """Serve the reader (started as ``argv``), and ``page`` beside it, until interrupted."""
    server = ReaderServer(
        argv,
        host=host,
        port=port,
        title=title,
        public_url=public_url,
        allowed_origins=allowed_origins,
        max_sessions=max_sessions,
        page=page,
    )
    server.serve()
