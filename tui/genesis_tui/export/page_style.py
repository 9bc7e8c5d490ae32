"""The article's web page (``export_html``): its colours in light and dark, and its CSS.

Every pair of text and background colours has a contrast of at least 4.5:1 (WCAG AA), in both
schemes; the tests measure it from ``COLOURS``, and axe-core again in Chromium.
"""

from __future__ import annotations

COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "text": "#1b1b1b",
        "muted": "#4d4d4d",
        "background": "#fdfdf8",
        "panel": "#f0eee4",
        "link": "#0b57a4",
        "rule": "#8a8a80",
        "focus": "#b3261e",
    },
    "dark": {
        "text": "#e9e7e1",
        "muted": "#bdb9ae",
        "background": "#15171b",
        "panel": "#23262c",
        "link": "#8cc4ff",
        "rule": "#6b6e75",
        "focus": "#ffb4a9",
    },
}
"""The page's colours in each scheme. Text, muted text and links stand on the background and on
the panels (notes, the glossary); each of those pairs is at least 4.5:1 (WCAG AA)."""

STYLE = """
:root { color-scheme: light dark; %(light)s }
@media (prefers-color-scheme: dark) { :root { %(dark)s } }
body {
  margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 78rem;
  font-family: system-ui, sans-serif; line-height: 1.75;
  color: var(--text); background: var(--background);
}
:lang(ja) {
  font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  line-break: strict; word-break: normal; overflow-wrap: anywhere;
}
a { color: var(--link); }
a:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a.term { text-decoration-style: dotted; text-underline-offset: 0.2em; }
h1, h2, h3 { line-height: 1.4; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin-top: 2.5rem; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.25rem 2.5rem; }
.pair > * { margin: 0; }
@media (min-width: 52rem) { .pair { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
body.one-language { max-width: 48rem; }
body.one-language .pair { grid-template-columns: minmax(0, 1fr); }
.block { margin: 0 0 1.25rem; }
header > .pair, footer > .pair { margin-bottom: 0.6rem; }
.block > .pair > p, .block > .pair > span { margin: 0; }
h3.pair > span { display: block; }
ul.points, ul.items, ol.timeline, dl.glossary { padding-left: 1.25rem; }
ul.points > li { font-weight: 600; margin-bottom: 0.5rem; }
ul.items > li { margin-bottom: 0.75rem; }
aside.note {
  margin: 0 0 1.5rem; padding: 0.6rem 0.9rem; border-left: 4px solid var(--rule);
  background: var(--panel);
}
aside.note p { margin: 0; }
.label { font-weight: 700; }
.muted { color: var(--muted); }
rt { font-size: 0.55em; }
body:has(#show-ruby:not(:checked)) :is(rt, rp) { display: none; }
.toggle { display: inline-flex; gap: 0.5rem; align-items: center; }
a.reader { margin-left: 1.5rem; }
#show-ruby { width: 1.25rem; height: 1.25rem; margin: 0; }
ol.timeline > li { margin-bottom: 0.6rem; }
time { font-variant-numeric: tabular-nums; font-weight: 600; }
dl.glossary > div { background: var(--panel); padding: 0.5rem 0.9rem; margin-bottom: 0.75rem; }
dl.glossary dt { font-weight: 700; }
dl.glossary dd { margin: 0.25rem 0 0; }
header, footer { border-bottom: 1px solid var(--rule); padding-bottom: 0.75rem; }
footer {
  border-bottom: 0; border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 0.75rem;
}
@media print {
  .toggle, #show-ruby, a.reader { display: none; }
  a { color: inherit; }
}
"""


def _variables(colours: dict[str, str]) -> str:
    return " ".join(f"--{name}: {value};" for name, value in colours.items())


def style() -> str:
    """The page's style sheet, with the colours of both schemes."""
    return STYLE % {"light": _variables(COLOURS["light"]), "dark": _variables(COLOURS["dark"])}
