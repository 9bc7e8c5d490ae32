"""Themes: the names that may be chosen, and each theme's text colours made legible.

The stylesheet takes every colour from the theme's variables. Textual derives most of them for
contrast already, but not all: solarized's own foreground is 4.1:1 on its surface, a footer key
can be 1.5:1 on a footer coloured with the primary colour. So before the stylesheet sees them,
the text variables are adjusted, each only as much as it needs: blended a step at a time towards
black or white until it reaches 4.5:1 (WCAG AA) on every background it is drawn on. A theme
that passes already is left as it is; ``ansi-*`` themes (the terminal's own colours) too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.color import Color, ColorParseError
from textual.theme import BUILTIN_THEMES

AA = 4.5
"""WCAG AA for body text."""
_TARGET = AA + 0.1
"""A little over AA: colours are rounded to whole 8-bit channels afterwards."""

TEXT_ON: dict[str, tuple[str, ...]] = {
    "foreground": ("background", "surface", "panel"),
    "text-muted": ("background", "surface", "panel"),
    "text-primary": ("background", "surface"),
    "text-secondary": ("background", "surface"),
    "text-accent": ("background", "surface"),
    "text-warning": ("background", "surface"),
    "text-success": ("background", "surface"),
    "text-error": ("background", "surface"),
    "footer-foreground": ("footer-background",),
    "footer-key-foreground": ("footer-background",),
    "footer-description-foreground": ("footer-background",),
    "block-cursor-foreground": ("block-cursor-background",),
    "block-cursor-blurred-foreground": ("block-cursor-blurred-background",),
}
"""Each text colour the app draws with, and the backgrounds it is drawn on."""


def theme_names() -> list[str]:
    """The themes ``--theme`` accepts, in Textual's order."""
    return list(BUILTIN_THEMES)


def relative_luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible(color: Color, grounds: Iterable[Color], minimum: float = _TARGET) -> Color:
    """``color``, or the nearest blend of it towards black or white, at ``minimum`` contrast
    on every one of ``grounds``."""
    grounds = list(grounds)
    if not grounds:
        return color
    worst = min(grounds, key=lambda ground: contrast(color, ground))
    # Away from the worst background: white on dark grounds, black on light ones.
    target = Color(255, 255, 255) if relative_luminance(worst) < 0.18 else Color(0, 0, 0)
    for step in range(21):
        candidate = color.blend(target, step / 20)
        if all(contrast(candidate, ground) >= minimum for ground in grounds):
            return candidate
    return target


def _resolve(value: str, ground: Color) -> Color:
    """A variable's colour as drawn on ``ground`` (``auto 60%`` and translucent colours)."""
    if value.startswith("auto"):
        parts = value.split()
        alpha = float(parts[1].rstrip("%")) / 100 if len(parts) > 1 else 1.0
        return ground + ground.get_contrast_text(alpha)
    if value.startswith("$"):
        raise ColorParseError(value)
    return ground + Color.parse(value)


def legible_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The theme's variables with every text colour of ``TEXT_ON`` legible on its grounds."""
    result = dict(variables)
    try:
        background = Color.parse(variables["background"])
    except (KeyError, ColorParseError):
        return result
    if background.ansi is not None or background.a < 1:
        return result  # the terminal's own colours: not ours to measure
    for name, ground_names in TEXT_ON.items():
        if name not in variables:
            continue
        try:
            grounds = [_resolve(variables[ground], background) for ground in ground_names]
            color = _resolve(variables[name], grounds[0])
        except (KeyError, ColorParseError, ValueError):
            continue
        if all(contrast(color, ground) >= AA for ground in grounds):
            continue
        result[name] = legible(color, grounds).hex
    return result
