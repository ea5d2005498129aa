"""SVG to PNG with the system's fonts, for the default engine's PNG.

graphviz-pure draws its own PNG with the three fonts it bundles (Arimo, Tinos, Cousine): a
theme font it does not have, such as the default DejaVu Sans, falls back to the serif Tinos,
and emoji and CJK characters come out as empty boxes. Its SVG names the theme's font and
lays the text out with that font's metrics, so :func:`svg_to_png` draws that SVG with
resvg (the ``resvg-py`` package), which finds the theme's font among the system's fonts and,
for a character the font lacks, another system font that has it (Noto Color Emoji,
Noto Sans CJK: ``.ci/run`` installs both). The PNG is the size graphviz-pure's would be:
one SVG point is 4/3 pixel (96 dpi).
"""

from __future__ import annotations

import re

__all__ = ["svg_to_png"]

_POINTS = re.compile(r'\b(width|height)="([0-9.]+)pt"')
PIXELS_PER_POINT = 96 / 72
MAX_PIXELS = 16384
"""The longest side of a PNG; a larger drawing is scaled down to it, as Graphviz's cairo does
past its limit (a force-directed map of thousands of departments is wider than that)."""


def _in_pixels(svg: str) -> str:
    """The ``<svg>`` element on, its ``width`` and ``height`` in pixels (resvg takes no ``pt``).

    >>> _in_pixels('<?xml version="1.0"?>\\n<svg width="72pt" height="36pt" viewBox="0 0 72 36">')
    '<svg width="96" height="48" viewBox="0 0 72 36">'
    """
    element = svg[svg.find("<svg") :]

    def pixels(match: re.Match[str]) -> str:
        return f'{match.group(1)}="{float(match.group(2)) * PIXELS_PER_POINT:g}"'  # i18n: SVG

    return _POINTS.sub(pixels, element, count=2)


def svg_to_png(svg: bytes) -> bytes:
    """The PNG of ``svg`` (an engine's SVG output), drawn with the system's fonts.

    Raises
    ------
    ValueError
        resvg could not draw the SVG (the message says why).
    """
    import resvg_py  # only a PNG needs it: start-up stays fast

    text = _in_pixels(svg.decode("utf-8"))
    sides = [float(m.group(1)) for m in re.finditer(r'\b(?:width|height)="([0-9.]+)"', text[:400])]
    longest = max(sides[:2], default=0.0)
    zoom = MAX_PIXELS / longest if longest > MAX_PIXELS else None
    return bytes(resvg_py.svg_to_bytes(svg_string=text, zoom=zoom))
