"""`serve` under a flood of idle connections, in its own process with few file descriptors (128,
lowered with setrlimit, so that a few hundred sockets are enough): it refuses what is over its
bounds, closes what never becomes a WebSocket, says so in a line or two, and goes on serving.
Before, 1,021 idle connections under a limit of 1,024 took every descriptor, and one client
could hold every session."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_serve import LIMIT, STAND_IN, _first_frame, _free_port, _stop, _wait_for_port

aiohttp = pytest.importorskip("aiohttp")

FDS = 128
IDLE = 300
SERVER = """
import sys
from genesis_tui.cli.serve import ReaderServer
server = ReaderServer(
    [sys.executable, sys.argv[1]], host="127.0.0.1", port=int(sys.argv[2]), title="t",
    max_sessions=4,
)
server.guard.upgrade_timeout = 2.0  # seconds, where serving uses 30
server.guard.bound_loopback = True  # the test's clients are all on 127.0.0.1
if sys.argv[3] == "unbounded":  # only the system's limit: accept() fails with EMFILE
    server.guard.total = server.guard.per_client = 10_000
server.serve()
"""

BURSTS = 20
"""At most this many lines about one kind of refusal: far fewer than the connections."""


def _few_descriptors() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (FDS, FDS))


def _idle_connections(port: int, count: int) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.settimeout(5)
        try:
            sock.connect(("127.0.0.1", port))
        except OSError:  # the backlog is full: the server is not accepting now
            sock.close()
            continue
        sockets.append(sock)
    return sockets


@pytest.mark.slow
@pytest.mark.parametrize("bounds", ["bounded", "unbounded"])
def test_serve_outlives_a_flood_of_idle_connections(tmp_path: Path, bounds: str) -> None:
    stand_in = tmp_path / "stand_in.py"
    stand_in.write_text(STAND_IN, encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(stand_in), str(port), bounds],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
            start_new_session=True,
            preexec_fn=_few_descriptors,
        )
    try:
        _wait_for_port(port, process)
        idle = _idle_connections(port, IDLE)
        time.sleep(1)
        # Closed by the server: over the bounds at once, the rest once 2 s have passed unused.
        deadline = time.monotonic() + LIMIT
        for sock in idle:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ConnectionResetError):  # refused: aborted at once
                assert sock.recv(1) == b"", "an idle connection got data"
            sock.close()
        assert process.poll() is None, log.read_text("utf-8")
        asyncio.run(_still_serving(port))
    finally:
        _stop(process)
    text = log.read_text("utf-8")
    assert "Traceback" not in text and "ERROR" not in text, text
    # A line when refusing starts and one when descriptors run out, not one per connection
    # of the 300 (each burst of connections accepted at once may run out again, and is said
    # again: a loaded machine made 6 bursts of what a quiet one makes in 5, so 20 at most).
    said = {
        "refusing connections from 127.0.0.1": bounds == "bounded",
        "out of file descriptors": bounds == "unbounded",
    }
    for words, surely in said.items():
        assert (1 if surely else 0) <= text.count(words) <= BURSTS, text
    assert text.count("accepting connections again") <= BURSTS, text
    assert "too many sessions from one address (at most 2)" in text, text


async def _still_serving(port: int) -> None:
    """The page loads, and readers start, as many as one address may have."""
    url = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as client:
        async with client.get(url, timeout=aiohttp.ClientTimeout(total=LIMIT)) as response:
            assert response.status == 200
        headers = {"Origin": url}
        first = await client.ws_connect(f"{url}/ws", headers=headers)
        second = await client.ws_connect(f"{url}/ws", headers=headers)
        await _first_frame(first)
        await _first_frame(second)
        async with client.ws_connect(f"{url}/ws", headers=headers) as third:
            message = await third.receive(timeout=LIMIT)
            assert message.type == aiohttp.WSMsgType.CLOSE
            assert message.data == 1013
        await first.close()
        await second.close()


class _Transport:
    def __init__(self, address: str) -> None:
        self.address = address
        self.closed = self.aborted = False

    def get_extra_info(self, name: str) -> object:
        return (self.address, 5000) if name == "peername" else None

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True


async def test_the_guard_bounds_each_address_and_all(caplog: pytest.LogCaptureFixture) -> None:
    from genesis_tui.cli.serve_guard import ConnectionGuard

    guard = ConnectionGuard(total=5, per_client=2, upgrade_timeout=0.05)
    handlers = [object() for _ in range(8)]
    transports = [_Transport(a) for a in ["10.0.0.1"] * 3 + ["127.0.0.1"] * 4 + ["10.0.0.2"]]
    for handler, transport in zip(handlers, transports, strict=True):
        guard.opened(handler, transport)  # type: ignore[arg-type]
    await asyncio.sleep(0)  # refusals abort on the loop's next turn
    # The third from 10.0.0.1 is over its own bound; loopback has none of its own, but the
    # total (5) is reached by the second loopback one, and 10.0.0.2 is over it too.
    assert [t.aborted for t in transports] == [False, False, True, False, False, False, True, True]
    assert caplog.text.count("refusing connections from 10.0.0.1") == 1
    guard.closed(handlers[0])
    assert guard.clients["10.0.0.1"] == 1
    await asyncio.sleep(0.2)  # none became a WebSocket: each still open is closed
    assert [t.closed for t in transports] == [False, True, False, True, True, True, False, False]
