"""Shared fixtures: the tests' small content, the bundled content, editable copies of it, and
hypothesis's profiles."""

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
SMALL_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
"""The tests' own content: three short sections with every kind of block, seven glossary terms
and three events. Behaviour tests and most snapshots read it, so that editing the bundled
article breaks only the tests of that article."""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """How many workers ``-n auto`` (the addopts) starts: one per core for the whole suite, and
    none when the command names the tests to run, where starting workers (each imports Textual)
    costs more than it saves. An explicit ``-n N`` still wins."""
    if config.args_source == pytest.Config.ArgsSource.ARGS:
        return 0
    return None  # pytest-xdist's own choice: one per core


@pytest.fixture(scope="session")
def small_content() -> Content:
    """The tests' small content directory (tests/fixtures/content), validated, loaded once."""
    return load_content(SMALL_CONTENT)


@pytest.fixture(scope="session", autouse=True)
def _own_cache_directory(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests (and the programs they start) cache into a directory of their own."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def content() -> Content:
    """The bundled content, loaded once: for the tests of the article itself."""
    return load_content(content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled content directory."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def small_content_copy(tmp_path: Path) -> Path:
    """A writable copy of the tests' small content directory."""
    target = tmp_path / "content"
    shutil.copytree(SMALL_CONTENT, target)
    return target


# By hand, hypothesis explores 100 new examples of each property on each run. CI (CI=true, as
# CI and `.ci/run` set it) runs the heavy profile: 400 examples, a fixed set (derandomized) so
# that a run is repeatable, and more random key sequences, which cost a whole app each
# (tests/test_random_input.py reads `HEAVY`).
HEAVY = bool(os.environ.get("CI"))
settings.register_profile("dev", max_examples=100)
settings.register_profile("ci", max_examples=400, derandomize=True, print_blob=True)
settings.load_profile("ci" if HEAVY else "dev")
