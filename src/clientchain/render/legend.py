"""The highlight's continuous colour scales, their legends, and edge widths by volume.

Utilization fills a department on the theme's ``scale``: its four colours sit at
0%, 50%, the file's ``near_capacity`` and 100%, mixed linearly in between, so a
department at 60% and one at 80% no longer look alike; above 100% keeps the last
colour (the constraint is outlined as well). %C&A colours a work edge from poor
(80% and below) through fair (90%) to good (95% and above). In the ``print``
theme both scales only get darker (or lighter) along the way, so a
black-and-white printer keeps them apart (:func:`~clientchain.render.theme.luminance`).

>>> from clientchain.render.theme import THEMES
>>> utilization_colour(THEMES["print"], 0.25, 0.85), utilization_colour(THEMES["print"], 1.4, 0.85)
('#f0f0f0', '#808080')
>>> volume_width(30, 120), volume_width(120, 120), volume_width(None, 120)
(2.6, 4.0, 1.2)
"""

from __future__ import annotations

import math

from clientchain.i18n import _
from clientchain.numbers import pct
from clientchain.render.scene import Legend
from clientchain.render.theme import Theme, ramp

__all__ = [
    "QUALITY_STOPS",
    "legend_for",
    "quality_colour",
    "quality_legend",
    "utilization_colour",
    "utilization_legend",
    "volume_width",
]

QUALITY_STOPS = (0.80, 0.90, 0.95)
"""%C&A where the quality scale is poor, fair and good."""
_UTILIZATION_STEP = 0.05
_UTILIZATION_END = 1.10  # two cells past 100%: over capacity
_QUALITY_STEP = 0.025
THIN, THICK = 1.2, 4.0
"""Edge widths (points) of the smallest and the largest volume in a view."""


def utilization_colour(theme: Theme, utilization: float, near: float) -> str:
    """The fill of a department ``utilization`` busy (``near``: the near-capacity threshold)."""
    stops = (0.0, min(0.5, near), near, max(1.0, near))
    return ramp(theme.scale, stops, utilization)


def quality_colour(theme: Theme, quality: float | None) -> str:
    """The colour of a work edge of %C&A ``quality`` (``None``: unknown)."""
    if quality is None:
        return theme.quality[3]
    poor, fair, good = theme.quality[2], theme.quality[1], theme.quality[0]
    return ramp((poor, fair, good), QUALITY_STOPS, quality)


def volume_width(volume: float | None, heaviest: float | None) -> float:
    """An edge's width: :data:`THIN` to :data:`THICK` with the square root of its volume's
    share of the ``heaviest`` (so areas, not lengths, follow the volume); thin when unknown."""
    if volume is None or not heaviest or volume <= 0:
        return THIN
    share = math.sqrt(min(volume / heaviest, 1.0))
    return round(THIN + (THICK - THIN) * share, 1)


def utilization_legend(theme: Theme, near: float) -> Legend:
    """0% to 110% in steps of 5%, ticks at 0%, 50%, ``near`` and 100%."""
    count = round(_UTILIZATION_END / _UTILIZATION_STEP) + 1
    cells = tuple(utilization_colour(theme, i * _UTILIZATION_STEP, near) for i in range(count))
    ticks: dict[int, str] = {}
    for value in (0.0, 0.5, near, 1.0):
        ticks.setdefault(round(value / _UTILIZATION_STEP), pct(value))
    # TRANSLATORS: the title of the colour scale of department fills
    title = _("utilization: near capacity above {near}, over capacity above {full}").format(
        near=pct(near), full=pct(1.0)
    )
    return Legend(title, cells, tuple(sorted(ticks.items())))


def quality_legend(theme: Theme) -> Legend:
    """80% to 100% in steps of 2.5%, ticks at 80%, 90%, 95% and 100%, and ``unknown``."""
    low = QUALITY_STOPS[0]
    count = round((1.0 - low) / _QUALITY_STEP) + 1
    cells = tuple(quality_colour(theme, low + i * _QUALITY_STEP) for i in range(count))
    ticks = tuple((round((v - low) / _QUALITY_STEP), pct(v)) for v in (*QUALITY_STOPS, 1.0))
    # TRANSLATORS: the title of the colour scale of edges; %C&A is "percent complete and accurate"
    title = _("%C&A of each handoff (edge colour; {low} or less at the left)").format(low=pct(low))
    return Legend(title, cells, ticks, ((theme.quality[3], _("%C&A unknown")),))


def legend_for(highlight: str, theme: Theme, near: float) -> Legend | None:
    """The legend of ``highlight`` (``utilization``, ``quality``), none for ``none``."""
    if highlight == "utilization":
        return utilization_legend(theme, near)
    if highlight == "quality":
        return quality_legend(theme)
    return None
