"""One parse of each stylesheet per test process, not one per app.

Textual parses every CSS source (each widget's ``DEFAULT_CSS``, the app's and the screens'
files) again for each ``App``, and again in a fresh ``Stylesheet`` each time the theme changes:
it keeps its parse cache on the stylesheet, and each app has its own. A program starts one app;
the tests start about 300 in a process, and parsing was some 14% of an app's start. Here the
parsed rules are kept for the process, keyed by everything the parse reads: the source, where it
was read from, its kind, tie-breaker and scope, and the theme's variables that the source's
``$names`` were replaced with.

The rules are shared between apps as Textual already shares them between the parses of one
stylesheet (its own cache hands out the same ``RuleSet`` objects): nothing writes to them once
parsed. A source that fails to parse raises each time, as before; rules with errors are kept and
raise in ``Stylesheet.parse`` each time, as before.

Private API (``Stylesheet._parse_rules``, ``_variables``): docs/private-apis.md.
"""

from __future__ import annotations

from textual.css.model import RuleSet
from textual.css.stylesheet import CSSLocation, Stylesheet

_parse_rules = Stylesheet._parse_rules
_parsed: dict[tuple[object, ...], list[RuleSet]] = {}


def _shared_parse_rules(
    self: Stylesheet,
    css: str,
    read_from: CSSLocation,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list[RuleSet]:
    variables = tuple(self._variables.items())
    key = (css, read_from, is_default_rules, tie_breaker, scope, variables)
    rules = _parsed.get(key)
    if rules is None:
        rules = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        _parsed[key] = rules
    return rules


def share_parsed_css() -> None:
    """Keep what Textual parses for every app this process starts."""
    Stylesheet._parse_rules = _shared_parse_rules  # type: ignore[method-assign]
