"""`genesis-tui serve`: the reader in a real browser (Debian's headless Chromium).

Chromium is driven over the DevTools protocol (with aiohttp, which textual-serve brings). The
page draws the terminal on a canvas, so the test reads what the page received instead: a
script added before the page's own wraps WebSocket and keeps every frame as text, and the test
waits until the reader's first section is among them. CI installs Chromium (`.ci/run`);
elsewhere the test is skipped when there is no Chromium, and fails in CI if there is none.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

aiohttp = pytest.importorskip("aiohttp")

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
