"""Whether a stop (ctrl+z) can be undone: only a shell with job control brings a stopped
program back (``fg``), and only if it ran the program as a job of its own.

Under the README's SSH recipe (sshd's ForceCommand runs ``sh -c genesis-tui``, which has no job
control) nobody can: a stopped reader froze the session until the link was cut. POSIX says
who can: a shell with job control puts each job in a process group of its own, in the shell's
session, and stays outside that group itself. A group with no member whose parent is in another
group of the same session is *orphaned*: nobody in the session can continue it (the kernel drops
the terminal's own ctrl+z for such a group, which is the same judgement made here).
"""

from __future__ import annotations

import os
import signal


def stop_can_be_undone() -> bool:
    """True where a stop of this process can be undone by its shell's ``fg``. Call it before
    anything installs a SIGTSTP handler: an ignored SIGTSTP is the starter's way of saying
    "never stop" (and the answer is then False)."""
    if signal.getsignal(signal.SIGTSTP) == signal.SIG_IGN:
        return False
    try:
        group, session = os.getpgrp(), os.getsid(0)
        if group == session:
            # The session leader's own group (sshd's shell, or the reader leading a session of
            # its own): a shell with job control never runs a job in its own group.
            return False
        # Up past the members of our group (a wrapper script, ``uv run``) to the job's starter.
        parent = os.getppid()
        while parent > 1 and os.getpgid(parent) == group:
            parent = _parent_of(parent)
        return parent > 1 and os.getsid(parent) == session
    except OSError:  # a process that ended meanwhile, or a system without /proc
        return False


def _parent_of(pid: int) -> int:
    """The parent of another process (from /proc: Linux and most Unix-likes but macOS)."""
    with open(f"/proc/{pid}/stat", "rb") as stat:
        # pid (comm) state ppid ...: comm may hold spaces and parentheses, so from the last ")".
        return int(stat.read().rsplit(b")", 1)[1].split()[1])
