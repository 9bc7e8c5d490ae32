"""A built wheel installs into a fresh virtual environment and works from any folder,
content included."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Building a wheel and a virtual environment takes a while: CI runs it. One worker builds it once,
# which may take minutes on a busy machine: the steps time out themselves (300 and 600 seconds).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("install"), pytest.mark.timeout(960)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``genesis-tui`` script of a fresh venv that has only the built wheel installed."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    # Build from a copy, so nothing of the developer's checkout (caches, venvs) leaks in.
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", ".*venv*", "__pycache__", ".*_cache", "dist"),
    )
    wheels = base / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("genesis_tui-*.whl")
    environment = base / "venv"
    venv.create(environment, with_pip=True)
    subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        timeout=600,
    )
    shutil.rmtree(source)  # the installed app must not lean on the source tree
    return environment / "bin" / "genesis-tui"


def _run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, cwd=cwd, timeout=120, check=False
    )


def test_installed_version_check_and_exports(installed: Path, tmp_path: Path) -> None:
    version = _run(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("genesis-tui ")

    check = _run(installed, "check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "_bundled" in check.stdout and "OK" in check.stdout

    exported = _run(installed, "export", "--format", "json", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["sections"]) == 5

    markdown = _run(installed, "export", "--format", "md", cwd=tmp_path)
    assert markdown.returncode == 0 and "## 用語集 / Glossary" in markdown.stdout

    text = _run(installed, "export", "--format", "txt", "--width", "60", cwd=tmp_path)
    assert text.returncode == 0 and "ジェネシス" in text.stdout


def test_installed_wheel_ships_the_seed(installed: Path) -> None:
    site = next(installed.parent.parent.glob("lib/python*/site-packages"))
    seed = site / "genesis_tui" / "_bundled" / "seeds" / "000_5a631ebb80d9a013.txt"
    assert seed.read_bytes() == (ROOT / "seeds" / "000_5a631ebb80d9a013.txt").read_bytes()
