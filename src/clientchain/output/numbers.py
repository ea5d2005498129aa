"""How flow numbers are written: percentages, hours, working days, infinity.

Shared by the flow formatters and the ``map`` overview. Plain text writes an
infinite value as ``∞``; JSON writes it as ``null`` (:func:`finite`), because
``Infinity`` is not JSON.

>>> pct(0.8), pct(1.125), duration(6.5), lead_time(30.5, 8)
('80 %', '112.5 %', '6.5 h', '3.81 working days (30.5 h)')
"""

from __future__ import annotations

import math

__all__ = ["duration", "finite", "lead_time", "num", "pct"]


def finite(value: float) -> float | None:
    """``value``, or ``None`` (JSON ``null``) when it is infinite or NaN."""
    return value if math.isfinite(value) else None


def num(value: float) -> str:
    """At most two decimals, no trailing zeros; ``∞`` for infinity."""
    if math.isinf(value):
        return "∞"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def pct(fraction: float) -> str:
    """``'80 %'``, ``'112.5 %'``, ``'∞ %'`` (one decimal)."""
    if math.isinf(fraction):
        return "∞ %"
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + " %"


def duration(hours: float) -> str:
    """``'6.5 h'``; ``'∞'`` for an unbounded time."""
    return "∞" if math.isinf(hours) else f"{num(hours)} h"


def lead_time(hours: float, hours_per_day: float) -> str:
    """Working days and hours: ``'3.81 working days (30.5 h)'``."""
    if math.isinf(hours):
        return "∞ (an unbounded queue)"
    days = hours / hours_per_day if hours_per_day else math.inf
    unit = "working day" if days == 1 else "working days"
    return f"{num(days)} {unit} ({duration(hours)})"
