"""Who can bring a stopped reader back (``terminal.job_control``), asked in processes started
the ways a reader is: by a shell with job control, by sshd's ForceCommand, told never to stop."""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys
from typing import Any

import pytest

ASK = "from genesis_tui.terminal.job_control import stop_can_be_undone as f; print(f())"


def _answer(args: list[str], **how: Any) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=30, check=True, **how)
    return done.stdout.strip()


def _ignore_stops() -> None:
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)


@pytest.mark.parametrize(
    ("case", "through_sh", "how", "expected"),
    [
        # A job of a shell with job control: a group of its own, its starter outside it.
        ("a job", False, {"process_group": 0}, "True"),
        ("a job run by a script", True, {"process_group": 0}, "True"),
        # sshd's ForceCommand: a session of its own, sh -c without job control.
        ("leads its session", False, {"start_new_session": True}, "False"),
        ("ForceCommand's sh -c", True, {"start_new_session": True}, "False"),
        # The starter ignored SIGTSTP: it means "never stop".
        ("told never to stop", False, {"process_group": 0, "preexec_fn": _ignore_stops}, "False"),
    ],
)
def test_a_stop_can_be_undone_only_under_job_control(
    case: str, through_sh: bool, how: dict[str, Any], expected: str
) -> None:
    python = [sys.executable, "-c", ASK]
    args = ["sh", "-c", f"{shlex.join(python)}; exit $?"] if through_sh else python
    assert _answer(args, **how) == expected, case
