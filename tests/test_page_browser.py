"""The article's web page as browsers and assistive tools see it: `genesis-tui serve`'s page,
loaded in Debian's headless Chromium and checked by axe-core, the accessibility engine.

axe-core comes from the npm registry (`.ci/run` installs it into `.axe/`, which git ignores;
GENESIS_TUI_AXE names another copy). The test injects it into the page over the DevTools
protocol, runs it in the light and the dark colour scheme, and reads its results back from the
page. Like the browser test of `serve`, it fails in CI without Chromium or axe-core and is
skipped elsewhere.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests import test_serve
from tests.test_serve import PAGE_PATH, DevTools, aiohttp

server = test_serve.server  # the real `genesis-tui serve`, on a free port
chromium = test_serve.chromium  # headless Chromium, its DevTools port

AXE = Path(
    os.environ.get("GENESIS_TUI_AXE")
    or Path(__file__).resolve().parent.parent / ".axe/node_modules/axe-core/axe.min.js"
)
SCHEMES = ("light", "dark")
COLUMNS = """getComputedStyle(document.querySelector("main .block .pair"))
  .gridTemplateColumns.split(" ").length"""
"""How many columns the first block's languages stand in."""
READINGS = 'getComputedStyle(document.querySelector("main rt")).display'

RUN_AXE = """
(async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  const brief = (rule) => ({id: rule.id, impact: rule.impact, help: rule.help,
                            nodes: rule.nodes.map((node) => node.target.join(" "))});
  return JSON.stringify({
    violations: results.violations.map(brief),
    passes: results.passes.length,
    incomplete: results.incomplete.length,
    rules: results.passes.length + results.violations.length + results.incomplete.length
      + results.inapplicable.length,
  });
})()
"""


@pytest.fixture
def axe() -> str:
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have axe-core for the browser test ({AXE}; .ci/run installs it)")
        pytest.skip(f"no axe-core at {AXE} (npm install --prefix .axe axe-core@4.14)")
    return AXE.read_text(encoding="utf-8")


async def _axe_results(debug_port: int, url: str, axe: str) -> dict[str, Any]:
    """axe-core's findings on the page at ``url``, in each colour scheme."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{debug_port}/json/list") as response:
            targets = await response.json()
        page = next(target for target in targets if target["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket:
            tools = DevTools(socket)
            await tools.send("Page.enable")
            await tools.send(
                "Emulation.setDeviceMetricsOverride",
                width=1280,
                height=900,
                deviceScaleFactor=1,
                mobile=False,
            )
            await tools.send("Page.navigate", url=url)
            results: dict[str, Any] = {}
            for scheme in SCHEMES:
                await tools.send(
                    "Emulation.setEmulatedMedia",
                    features=[{"name": "prefers-color-scheme", "value": scheme}],
                )
                await _loaded(tools)
                # The page's policy allows no script of its own; the engine is the test's.
                await tools.send("Runtime.evaluate", expression=axe)
                found = await tools.send(
                    "Runtime.evaluate", expression=RUN_AXE, awaitPromise=True, returnByValue=True
                )
                results[scheme] = json.loads(found["result"]["value"])
            results["columns"] = {}
            for width in (1280, 480):
                await tools.send(
                    "Emulation.setDeviceMetricsOverride",
                    width=width,
                    height=900,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                results["columns"][width] = await _value(tools, COLUMNS)
            results["readings"] = [await _value(tools, READINGS)]
            await _value(tools, "document.getElementById('show-ruby').click()")
            results["readings"].append(await _value(tools, READINGS))
            return results


async def _value(tools: DevTools, expression: str) -> Any:
    found = await tools.send("Runtime.evaluate", expression=expression, returnByValue=True)
    return found["result"].get("value")


async def _loaded(tools: DevTools) -> None:
    for _ in range(300):
        state = await tools.send(
            "Runtime.evaluate", expression="document.readyState", returnByValue=True
        )
        if state["result"]["value"] == "complete":
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the page never finished loading")


@pytest.mark.slow
def test_the_page_has_no_serious_accessibility_violation(
    server: int, chromium: int, axe: str
) -> None:
    results = asyncio.run(_axe_results(chromium, f"http://127.0.0.1:{server}{PAGE_PATH}", axe))
    for scheme in SCHEMES:
        found = results[scheme]
        serious = [v for v in found["violations"] if v["impact"] in ("serious", "critical")]
        counts = {impact: 0 for impact in ("minor", "moderate", "serious", "critical")}
        for violation in found["violations"]:
            counts[violation["impact"]] += 1
        print(f"axe-core, {scheme}: {found['rules']} rules, {found['passes']} passed, {counts}")
        assert serious == [], f"{scheme}: {json.dumps(serious, indent=1)[:3000]}"
        assert found["passes"] > 10  # the engine did run
    assert results["columns"] == {1280: 2, 480: 1}  # side by side when wide, else stacked
    assert results["readings"][0] != "none" and results["readings"][1] == "none"  # the box
