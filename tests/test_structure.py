"""The package's shape: layers that import only downward, and modules small enough to read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from genesis_tui.content.edition import Edition

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tui" / "genesis_tui"
MAX_LINES = 300


def test_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """import-linter's contracts in pyproject.toml: the layers, no Textual below the Textual
    layer, no cycle at any level."""
    from importlinter.cli import lint_imports

    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert status == 0, capsys.readouterr().out


def test_no_module_is_too_long_to_read_in_one_sitting() -> None:
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_the_readme_lays_out_the_tree_as_it_is() -> None:
    """Every package and module the README's layout names exists, and every package and module
    of the tree is named there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    named_packages = set(re.findall(r"^      (\w+)/ ", section, re.M))
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert named_packages == packages
    for package in packages:
        entry = re.search(rf"^      {package}/ (.*?)(?=^      \w+/ |\Z)", section, re.M | re.S)
        assert entry, package
        text = entry.group(1)
        for module in (PACKAGE / package).glob("*.py"):
            if module.name != "__init__.py":
                assert module.name in text, f"{package}/{module.name} is not in the README"
        for sub in (PACKAGE / package).iterdir():
            if (sub / "__init__.py").is_file():
                assert f"{sub.name}/" in text, f"{package}/{sub.name}/ is not in the README"


def test_every_action_of_a_content_screen_waits_for_its_widgets() -> None:
    """Keys typed ahead reach screens that have not composed, or that the closing app has
    emptied: each action says so with ``@when_ready`` (no hidden wrapping of methods)."""
    import importlib

    from genesis_tui.ui.screens.base import GenesisScreen

    for module in (PACKAGE / "ui" / "screens").glob("*.py"):
        importlib.import_module(f"genesis_tui.ui.screens.{module.stem}")
    unmarked = []
    todo: list[type] = [GenesisScreen]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        unmarked += [
            f"{cls.__name__}.{name}"
            for name, value in vars(cls).items()
            if name.startswith("action_") and not getattr(value, "when_ready", False)
        ]
    assert not unmarked, f"actions without @when_ready: {unmarked}"


async def test_the_reader_holds_its_parts_instead_of_inheriting_them(
    small_content: Edition,
) -> None:
    """The reader screen has one base, and every class of ours above it is shared with other
    screens (no reader-specific base); what the reader does beyond a page lives in the parts
    it holds: plain classes, no nodes of Textual's tree."""
    import importlib

    from textual.message_pump import MessagePump

    from genesis_tui.ui.app import GenesisApp
    from genesis_tui.ui.screens.reader import ReaderScreen

    for module in (PACKAGE / "ui" / "screens").glob("*.py"):
        importlib.import_module(f"genesis_tui.ui.screens.{module.stem}")
    assert len(ReaderScreen.__bases__) == 1, ReaderScreen.__bases__

    def subclasses(cls: type) -> set[type]:
        found = set(cls.__subclasses__())
        return found.union(*(subclasses(sub) for sub in cls.__subclasses__()))

    ours = [c for c in ReaderScreen.__mro__[1:] if c.__module__.startswith("genesis_tui.")]
    chain = set(ReaderScreen.__mro__)  # a base that only the reader's own bases derive from
    only_the_reader = [c.__name__ for c in ours if subclasses(c) <= chain]
    assert not only_the_reader, f"bases of the reader alone: {only_the_reader}"

    app = GenesisApp(small_content)
    async with app.run_test():
        held = {
            name: value
            for name, value in vars(app.reader).items()
            if type(value).__module__.startswith("genesis_tui.ui.screens.")
        }
    names = {name: type(part).__name__ for name, part in held.items()}
    assert names == {
        "places": "Places",
        "sentences": "Sentences",
        "learner": "Learner",
        "signposts": "Signposts",
        "widths": "Widths",
    }
    assert not [n for n, part in held.items() if isinstance(part, MessagePump)]
