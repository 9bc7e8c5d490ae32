"""Themes: the names that may be chosen, and each theme's text colours made legible.

The stylesheet takes every colour from the theme's variables. Textual derives most of them for
contrast already, but not all: solarized's own foreground is 4.1:1 on its surface, a footer key
can be 1.5:1 on a footer coloured with the primary colour. So before the stylesheet sees them,
the text variables are adjusted, each only as much as it needs: blended a step at a time towards
black or white until it reaches 4.5:1 (WCAG AA) on every background it is drawn on. A theme
that passes already is left as it is; ``ansi-*`` themes (the terminal's own colours) too.

Contrast is measured on the colours the terminal is sent: without COLORTERM (tmux's and
screen's default) Textual sends 256 colours, on the Linux console 16, and each colour is then
the nearest of those (Rich's ``downgrade``). Measured on the theme's own colours, solarized-dark's
header came out at 2.47:1 and nord's glossary at 3.26:1 under 256 colours; so both sides are
quantized to the terminal's depth before they are compared (the 16 colours as Rich's default
palette, the one a terminal left as it came uses).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.color import ColorSystem
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
    "input-cursor-foreground": ("input-cursor-background",),
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


DEPTHS: dict[str, ColorSystem] = {
    "256": ColorSystem.EIGHT_BIT,
    "standard": ColorSystem.STANDARD,
    "windows": ColorSystem.WINDOWS,
}
"""Rich's names of the colour depths below truecolor (``Console.color_system``)."""


def quantized(color: Color, depth: str | None = None) -> Color:
    """``color`` as a terminal of ``depth`` (``256``, ``standard``...) shows it: the nearest
    colour it has; unchanged in truecolor (or with no depth)."""
    system = DEPTHS.get(depth or "")
    if system is None:
        return color
    red, green, blue = color.rich_color.downgrade(system).get_truecolor()
    return Color(red, green, blue)


def contrast_at(first: Color, second: Color, depth: str | None = None) -> float:
    """The contrast of two colours as a terminal of ``depth`` draws them."""
    return contrast(quantized(first, depth), quantized(second, depth))


def legible(
    color: Color, grounds: Iterable[Color], minimum: float = _TARGET, depth: str | None = None
) -> Color:
    """``color``, or the nearest blend of it towards black or white, at ``minimum`` contrast
    on every one of ``grounds`` at the terminal's ``depth``; where no blend reaches it (16
    colours can leave a grey panel between black and white), the blend whose worst contrast
    is highest."""
    grounds = list(grounds)
    if not grounds:
        return color

    def worst(candidate: Color) -> float:
        return min(contrast_at(candidate, ground, depth) for ground in grounds)

    # Away from the worst background first: white on dark grounds, black on light ones.
    shown = quantized(min(grounds, key=lambda ground: contrast_at(color, ground, depth)), depth)
    white, black = Color(255, 255, 255), Color(0, 0, 0)
    targets = (white, black) if relative_luminance(shown) < 0.18 else (black, white)
    best, best_worst = color, worst(color)
    for target in targets:
        for step in range(21):
            candidate = color.blend(target, step / 20)
            measured = worst(candidate)
            if measured >= minimum:
                return candidate
            if measured > best_worst:
                best, best_worst = candidate, measured
    return best


def _resolve(value: str, ground: Color) -> Color:
    """A variable's colour as drawn on ``ground`` (``auto 60%`` and translucent colours)."""
    if value.startswith("auto"):
        parts = value.split()
        alpha = float(parts[1].rstrip("%")) / 100 if len(parts) > 1 else 1.0
        return ground + ground.get_contrast_text(alpha)
    if value.startswith("$"):
        raise ColorParseError(value)
    return ground + Color.parse(value)


GROUNDS = ("surface", "panel", "footer-background")
"""Backgrounds text is drawn on, besides the screen's own."""


def _plain_ground(ground: Color, background: Color, depth: str | None) -> Color:
    """``ground``, or a blend of it towards the screen's background, on which the text that
    reads on the background (white on a dark one, black on a light one) reaches AA at
    ``depth``. In 16 colours a dark panel can come out as the palette's grey, where white is
    3.95:1 and black unreadable on the background beside it: such a panel takes the
    background's colour."""
    dark = relative_luminance(quantized(background, depth)) < 0.18
    text = Color(255, 255, 255) if dark else Color(0, 0, 0)
    for step in range(21):
        candidate = ground.blend(background, step / 20)
        if contrast_at(text, candidate, depth) >= _TARGET:
            return candidate
    return background


def legible_variables(variables: Mapping[str, str], depth: str | None = None) -> dict[str, str]:
    """The theme's variables with every text colour of ``TEXT_ON`` legible on its grounds, as
    a terminal of colour ``depth`` (Rich's name: ``truecolor``, ``256``, ``standard``) draws
    them."""
    result = dict(variables)
    try:
        background = Color.parse(variables["background"])
    except (KeyError, ColorParseError):
        return result
    if background.ansi is not None or background.a < 1:
        return result  # the terminal's own colours: not ours to measure
    if depth in DEPTHS:
        for name in GROUNDS:
            try:
                ground = _resolve(variables[name], background)
            except (KeyError, ColorParseError, ValueError):
                continue
            plain = _plain_ground(ground, background, depth)
            if plain != ground:
                result[name] = plain.hex
    variables = result
    for name, ground_names in TEXT_ON.items():
        if name not in variables:
            continue
        try:
            grounds = [_resolve(variables[ground], background) for ground in ground_names]
            color = _resolve(variables[name], grounds[0])
        except (KeyError, ColorParseError, ValueError):
            continue
        if all(contrast_at(color, ground, depth) >= AA for ground in grounds):
            continue
        result[name] = legible(color, grounds, depth=depth).hex
    return result
