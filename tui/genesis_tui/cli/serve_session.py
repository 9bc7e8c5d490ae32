"""One browser session's reader for `genesis-tui serve` (``serve``): started without a shell, at
a size within bounds, and ended for certain when its socket closes."""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import signal
from asyncio.subprocess import PIPE, Process
from collections.abc import Sequence
from typing import Any

from textual_serve.app_service import AppService
from textual_serve.server import to_int

MAX_WIDTH, MAX_HEIGHT = 500, 200
"""The largest terminal a browser gets: a reader 20000 cells square would take gigabytes."""
DEFAULT_SIZE = (80, 24)
QUIT_GRACE = 3.0
"""Seconds a reader has to quit when asked, and then to end on SIGTERM, before it is killed."""


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size a browser asked for, made safe: whole numbers from 1 to the maxima, the
    default size in place of anything that is not a number."""

    def clamp(value: object, default: int, largest: int) -> int:
        if isinstance(value, str):
            value = to_int(value, default)
        if not isinstance(value, int) or isinstance(value, bool):
            value = default
        return max(1, min(value, largest))

    return clamp(width, DEFAULT_SIZE[0], MAX_WIDTH), clamp(height, DEFAULT_SIZE[1], MAX_HEIGHT)


class ReaderSession(AppService):
    """One browser session's reader: started without a shell, sized within bounds, and ended
    for certain when the session stops."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = list(argv)

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        width, height = clamp_size(width, height)
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=environment
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The reader's process id, once started."""
        return None if self._process is None else self._process.pid

    async def set_terminal_size(self, width: int, height: int) -> None:
        """Tell the reader its new size, clamped (``clamp_size``)."""
        await super().set_terminal_size(*clamp_size(width, height))

    async def stop(self) -> None:
        """Ask the reader to quit; terminate it, then kill it, if it does not; reap it."""
        task, self._task = self._task, None
        if task is None:
            return
        # A busy or hostile reader may neither quit nor read its input (a full pipe would then
        # block the request itself): the asking is bounded in time too.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ask_to_quit(task), QUIT_GRACE)
        await self._end_process()
        await task  # stdout is closed now: the task that read it ends

    async def _ask_to_quit(self, task: asyncio.Task[None]) -> None:
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        await self.send_meta({"type": "quit"})
        await asyncio.shield(task)

    async def _end_process(self) -> None:
        process = self._process
        if process is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if process.returncode is not None:
                break
            try:
                process.send_signal(sig)
            except ProcessLookupError:
                break
            try:
                await asyncio.wait_for(process.wait(), QUIT_GRACE)
            except TimeoutError:
                continue
        await process.wait()
