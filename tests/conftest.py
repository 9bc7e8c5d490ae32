"""Shared fixtures: the bundled content, and editable copies of it for error cases."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from genesis_tui.content import Content
from genesis_tui.loader import load_content
from genesis_tui.paths import content_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _own_cache_directory(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests (and the programs they start) cache into a directory of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def content() -> Content:
    """The bundled content, loaded once."""
    return load_content(content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content directory."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


# CI runs a fixed set of examples (derandomized) so that a run is repeatable; by hand,
# hypothesis explores new examples each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
