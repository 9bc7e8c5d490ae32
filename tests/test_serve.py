"""`genesis-tui serve`: the reader in a real browser (Debian's headless Chromium).

Chromium is driven over the DevTools protocol (with aiohttp, which textual-serve brings). The
page draws the terminal on a canvas, so the test reads what the page received instead: a
script added before the page's own wraps WebSocket and keeps every frame as text, and the test
waits until the reader's first section is among them. CI installs Chromium (`.ci/run`);
elsewhere the test is skipped when there is no Chromium, and fails in CI if there is none.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import pytest

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")

from aiohttp import web  # noqa: E402

from genesis_tui.cli.serve import PAGE_PATH, ReaderServer  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FIRST_SECTION = "トランプ政権"
"""The first words of the overview, as the reader shows them (a glossary link)."""

RECORD_FRAMES = """
(() => {
  const Native = window.WebSocket;
  window.__frames = [];
  const decoder = new TextDecoder("utf-8", {fatal: false});
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener("message", async (event) => {
      let data = event.data;
      if (data instanceof Blob) data = await data.arrayBuffer();
      window.__frames.push(typeof data === "string" ? data : decoder.decode(data));
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode} before listening")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listened on port {port} within {timeout}s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def _running(args: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[int]:
    """Run a program that listens on ``port``; stop it (and its children) afterwards."""
    process = subprocess.Popen(
        args,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for_port(port, process)
        yield port
    finally:
        _stop(process)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    port = _free_port()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    args = [sys.executable, "-m", "genesis_tui", "serve", "--port", str(port)]
    with _running(args, port, env):
        yield port


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[int]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Chromium for the browser test (.ci/run installs it)")
        pytest.skip("no Chromium here (Debian: apt-get install chromium)")
    port = _free_port()
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    flags += [f"--user-data-dir={tmp_path / 'chromium'}", f"--remote-debugging-port={port}"]
    with _running([CHROMIUM, *flags, "about:blank"], port):
        yield port


class DevTools:
    """Just enough of the DevTools protocol: send a command, get its result."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.next_id = 0

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        await self.socket.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.socket.receive_json(timeout=30)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result


async def _received_text(debug_port: int, url: str, needle: str, timeout: float) -> str:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{debug_port}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket:
            tools = DevTools(socket)
            await tools.send("Page.enable")
            await tools.send("Page.addScriptToEvaluateOnNewDocument", source=RECORD_FRAMES)
            await tools.send("Page.navigate", url=url)
            deadline = time.monotonic() + timeout
            text = ""
            while time.monotonic() < deadline:
                result = await tools.send(
                    "Runtime.evaluate",
                    expression="(window.__frames || []).join('')",
                    returnByValue=True,
                )
                text = str(result.get("result", {}).get("value", ""))
                if needle in text:
                    return text
                await asyncio.sleep(0.2)
            return text


@pytest.mark.slow
def test_a_browser_gets_the_reader_and_its_first_section(server: int, chromium: int) -> None:
    text = asyncio.run(
        _received_text(chromium, f"http://127.0.0.1:{server}/", FIRST_SECTION, timeout=60)
    )
    assert FIRST_SECTION in text, f"the page never received the first section: {text[-500:]!r}"


def _listening(port: int) -> set[str]:
    """The addresses listening on ``port`` (IPv4), from /proc/net/tcp."""
    addresses = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        host, port_hex = local.split(":")
        if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
            addresses.add(socket.inet_ntoa(bytes.fromhex(host)[::-1]))
    return addresses


@pytest.mark.slow  # a real server (test_serve_page_is_served is the fast one)
def test_serve_listens_on_this_machine_only_by_default(server: int) -> None:
    assert _listening(server) == {"127.0.0.1"}


def test_serve_page_is_served(server: int) -> None:
    async def fetch() -> str:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{server}/") as response,
        ):
            assert response.status == 200
            return str(await response.text())

    page = asyncio.run(fetch())
    assert "textual-terminal" in page and "genesis-tui" in page


@pytest.mark.slow  # a real server (test_serve_page_is_served is the fast one)
def test_serve_serves_the_article_as_a_page(server: int) -> None:
    async def fetch() -> str:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{server}{PAGE_PATH}") as response,
        ):
            assert response.status == 200
            return str(await response.text())

    page = asyncio.run(fetch())
    assert page.startswith("<!DOCTYPE html>") and '<a class="reader" href="./">' in page


# ---------------------------------------------------------------------- guards
# The guards are tested against the server in this process, with a stand-in for the reader that
# speaks textual-serve's protocol and reports what it was given; then once with the real reader.

STAND_IN = r"""
import json, os, signal, sys, time
stubborn = "--stubborn" in sys.argv  # ignores quit and SIGTERM, like a reader that hangs
if stubborn:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
out = sys.stdout.buffer
def send(data):
    payload = json.dumps(data).encode()
    out.write(b"D" + len(payload).to_bytes(4, "big") + payload)
    out.flush()
out.write(b"__GANGLION__\n")
send({"pid": os.getpid(), "size": [int(os.environ["COLUMNS"]), int(os.environ["ROWS"])]})
stdin = sys.stdin.buffer
while (head := stdin.read(5)) and len(head) == 5:
    payload = stdin.read(int.from_bytes(head[1:], "big"))
    meta = json.loads(payload) if head[:1] == b"M" else {}
    if meta.get("type") == "quit" and not stubborn:
        sys.exit(0)
    if meta.get("type") == "resize":
        send({"size": [meta["width"], meta["height"]]})
while stubborn:
    time.sleep(1)
"""

LIMIT = 30
"""Seconds any exchange with the server may take before the test fails."""


@asynccontextmanager
async def _serving(
    tmp_path: Path, *flags: str, **options: Any
) -> AsyncIterator[tuple[ReaderServer, str]]:
    """The server on 127.0.0.1, with the stand-in as its reader; yields it and its address."""
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    port = _free_port()
    server = ReaderServer(
        [sys.executable, str(script), *flags], host="127.0.0.1", port=port, title="t", **options
    )
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def _first_frame(socket: Any) -> dict[str, Any]:
    message = await socket.receive(timeout=LIMIT)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    frame: dict[str, Any] = json.loads(message.data)
    return frame


async def _gone(pid: int) -> bool:
    """Wait (bounded) until process ``pid`` has ended and been reaped."""
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists():
            return True
        await asyncio.sleep(0.1)
    return False


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "http://127.0.0.1:1", "null", "https://127.0.0.1", None]
)
async def test_serve_refuses_other_origins(tmp_path: Path, origin: str | None) -> None:
    async with _serving(tmp_path) as (server, url), aiohttp.ClientSession() as client:
        headers = {} if origin is None else {"Origin": origin}
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{url}/ws", headers=headers)
        assert refused.value.status == 403
        assert not server.sessions


@pytest.mark.parametrize("allowed", [[], ["https://Reader.Example.org/"]])
async def test_serve_accepts_its_own_origin_and_allowed_ones(
    tmp_path: Path, allowed: list[str]
) -> None:
    async with (
        _serving(tmp_path, allowed_origins=allowed) as (_, url),
        aiohttp.ClientSession() as client,
    ):
        origin = "https://reader.example.org" if allowed else url
        async with client.ws_connect(f"{url}/ws", headers={"Origin": origin}) as socket:
            assert "pid" in await _first_frame(socket)


async def test_serve_clamps_terminal_sizes(tmp_path: Path) -> None:
    async with _serving(tmp_path) as (_, url), aiohttp.ClientSession() as client:
        ws_url = f"{url}/ws?width=20000&height=20000"
        async with client.ws_connect(ws_url, headers={"Origin": url}) as socket:
            assert (await _first_frame(socket))["size"] == [500, 200]
            for asked, given in [
                ({"width": 99999, "height": -5}, [500, 1]),
                ({"width": "wide", "height": 1e300}, [80, 24]),
                ({"width": 120, "height": 40}, [120, 40]),
            ]:
                await socket.send_json(["resize", asked])
                assert (await _first_frame(socket))["size"] == given, asked


async def test_serve_caps_sessions_with_a_reason(tmp_path: Path) -> None:
    async with _serving(tmp_path, max_sessions=2) as (_, url), aiohttp.ClientSession() as client:
        headers = {"Origin": url}
        first = await client.ws_connect(f"{url}/ws", headers=headers)
        second = await client.ws_connect(f"{url}/ws", headers=headers)
        pid = (await _first_frame(first))["pid"]
        await _first_frame(second)
        async with client.ws_connect(f"{url}/ws", headers=headers) as third:
            message = await third.receive(timeout=LIMIT)
            assert message.type == aiohttp.WSMsgType.CLOSE
            assert message.data == 1013
            assert message.extra == "too many sessions (at most 2): try again later"
        await first.close()
        assert await _gone(pid)
        # The place comes free once the first reader has ended (the server then forgets it).
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            async with client.ws_connect(f"{url}/ws", headers=headers) as again:
                message = await again.receive(timeout=LIMIT)
                if message.type == aiohttp.WSMsgType.BINARY:
                    break
        assert message.type == aiohttp.WSMsgType.BINARY, message
        await second.close()


@pytest.mark.parametrize("flags", [(), ("--stubborn",)], ids=["quits", "ignores-quit-and-term"])
async def test_serve_ends_the_reader_when_its_socket_closes(
    tmp_path: Path, flags: tuple[str, ...]
) -> None:
    async with _serving(tmp_path, *flags) as (server, url), aiohttp.ClientSession() as client:
        async with client.ws_connect(f"{url}/ws", headers={"Origin": url}) as socket:
            pid = (await _first_frame(socket))["pid"]
        assert await _gone(pid), f"reader {pid} still runs after its socket closed"
        # The server forgets the session just after the reader is reaped.
        deadline = time.monotonic() + LIMIT
        while server.sessions and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert not server.sessions


def _children(pid: int) -> list[int]:
    return [
        int(child)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]


def _environment(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw if item)


@pytest.mark.slow  # a real reader behind the server, 2.5 s (clamps and reaping: in process, fast)
async def test_serve_real_reader_is_clamped_and_reaped(tmp_path: Path) -> None:
    # The real command: `genesis-tui serve` with the reader, not the stand-in.
    port = _free_port()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    args = [sys.executable, "-m", "genesis_tui", "serve", "--port", str(port)]
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_port(port, process)
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await client.ws_connect(f"{url}/ws", headers={"Origin": "http://evil.example"})
            ws_url = f"{url}/ws?width=20000&height=20000"
            async with client.ws_connect(ws_url, headers={"Origin": url}) as socket:
                message = await socket.receive(timeout=LIMIT)  # the reader has started
                assert message.type == aiohttp.WSMsgType.BINARY, message
                (reader,) = _children(process.pid)
                environment = _environment(reader)
                assert (environment["COLUMNS"], environment["ROWS"]) == ("500", "200")
            assert await _gone(reader), f"reader {reader} still runs after its socket closed"
    finally:
        _stop(process)


async def test_serve_public_url_is_where_the_page_connects_and_the_origin_it_accepts(
    tmp_path: Path,
) -> None:
    public = "http://reader.example.org:8080"
    async with (
        _serving(tmp_path, public_url=public) as (_, url),
        aiohttp.ClientSession() as client,
    ):
        async with client.get(f"{url}/") as response:
            assert "ws://reader.example.org:8080/ws" in await response.text()
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await client.ws_connect(f"{url}/ws", headers={"Origin": url})
        async with client.ws_connect(f"{url}/ws", headers={"Origin": public}) as socket:
            assert "pid" in await _first_frame(socket)


# ---------------------------------------------------------------------- the article's page
PAGE = '<!DOCTYPE html>\n<html lang="en"><title>t</title><a href="./">reader</a></html>\n'


async def test_serve_offers_the_article_page_beside_the_terminal(tmp_path: Path) -> None:
    async with (
        _serving(tmp_path, page=PAGE) as (_, url),
        aiohttp.ClientSession() as client,
    ):
        async with client.get(f"{url}/") as response:
            landing = await response.text()
        assert f'<a href="{PAGE_PATH.lstrip("/")}"' in landing  # relative: behind a proxy too
        assert landing.index(PAGE_PATH.lstrip("/")) < landing.index('id="terminal"')
        async with client.get(f"{url}{PAGE_PATH}?width=99999") as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            policy = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in policy and "script" not in policy
            assert await response.text() == PAGE  # made once: the query changes nothing


async def test_serve_page_takes_no_requests_but_reading(tmp_path: Path) -> None:
    async with (
        _serving(tmp_path, page=PAGE) as (server, url),
        aiohttp.ClientSession() as client,
    ):
        async with client.head(f"{url}{PAGE_PATH}") as response:
            assert response.status == 200
        for method in ("POST", "PUT", "DELETE"):
            async with client.request(method, f"{url}{PAGE_PATH}", data=b"x" * 4096) as response:
                assert response.status == 405, method
        # The page opens no session: its origin is the server's own, and only the socket counts.
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await client.ws_connect(f"{url}{PAGE_PATH}", headers={"Origin": url})
        assert not server.sessions


async def test_serve_without_a_page_has_no_page_path(tmp_path: Path) -> None:
    async with _serving(tmp_path) as (_, url), aiohttp.ClientSession() as client:
        async with client.get(f"{url}{PAGE_PATH}") as response:
            assert response.status == 404
        async with client.get(f"{url}/") as response:
            assert PAGE_PATH.lstrip("/") not in await response.text()


@pytest.mark.slow  # a real server, 0.65 s of CPU
def test_serve_logs_one_line_per_malformed_request(tmp_path: Path) -> None:
    """A URL over 8 KB and an unknown method are answered 400 and logged in one line each,
    never as a traceback with local variables."""
    port = _free_port()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    args = [sys.executable, "-m", "genesis_tui", "serve", "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            args, env=env, stdout=stderr, stderr=stderr, start_new_session=True
        )
        try:
            _wait_for_port(port, process)
            for request in (b"GET /" + b"a" * 9000 + b" HTTP/1.1", b"FROB / HTTP/1.1"):
                with socket.create_connection(("127.0.0.1", port)) as sock:
                    sock.sendall(request + b"\r\nHost: x\r\n\r\n")
                    assert sock.recv(100).startswith(b"HTTP/1.")
        finally:
            _stop(process)
    text = log.read_text("utf-8", "replace")
    assert "Traceback" not in text and "locals" not in text, text[-2000:]
    # Each record starts with its level (the console wraps long ones at its width).
    records = [line for line in text.splitlines() if line.split(" ", 1)[0].isupper()]
    assert len(records) <= 4, text[-2000:]  # an error and an access line at most, per request


@pytest.mark.slow  # a real reader behind the server, 2 s (the other serve tests stay fast)
async def test_serve_reader_survives_junk_typed_in_the_browser(tmp_path: Path) -> None:
    """What a browser sends as typing goes through the terminal driver's decoding: a key code
    out of range (it ended the web driver's input thread) and a forged size, then 3 still
    changes the section."""
    port = _free_port()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "LANG": "C.UTF-8"}
    args = [sys.executable, "-m", "genesis_tui", "serve", "--port", str(port)]
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_port(port, process)
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(f"{url}/ws?width=100&height=30", headers={"Origin": url}) as ws,
        ):
            output = bytearray()

            async def read_until(needle: bytes) -> None:
                async with asyncio.timeout(LIMIT):
                    while needle not in output:
                        message = await ws.receive()
                        assert message.type == aiohttp.WSMsgType.BINARY, message
                        output.extend(message.data)

            await read_until("トランプ政権".encode())
            for junk in ("\x1b[99999999999u", "\x1b[48;5000;20000;0;0t", "\x1b[?1;2c"):
                await ws.send_json(["stdin", junk])
            await asyncio.sleep(0.3)  # quiet: the end of whatever was unfinished
            await ws.send_json(["stdin", "3"])
            await read_until("科学技術の戦略的意義".encode())
    finally:
        _stop(process)
