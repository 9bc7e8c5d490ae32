"""The tests. On import, before any test module or the package under test is imported: where
the test processes keep their bytecode.

With PYTHONDONTWRITEBYTECODE=1 in the environment (as on the machine this was written on), each
test process compiled the package and the tests, and pytest rewrote the tests' asserts, anew on
every run: some 7 s of CPU a worker before its first test (a run that selects nothing took 15 s
wall with two workers, 9 s with the bytecode kept). The test processes keep their bytecode, then,
but away from the sources, under ``.pytest_cache`` (git ignores it), as the variable asks that
the tree be kept clean. The programs the tests start inherit the variable and write none (told
to read this directory, they compiled every module of the standard library not in it: twice the
CPU).
"""

import sys
from pathlib import Path

if sys.dont_write_bytecode:
    sys.pycache_prefix = str(Path(__file__).resolve().parent.parent / ".pytest_cache" / "bytecode")
    sys.dont_write_bytecode = False
