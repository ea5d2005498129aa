"""How numbers are written in diagrams, reports and slides (no metric is computed here).

>>> percent(0.8), percent(1.234), percent(float("inf")), percent(None)
('80%', '123%', '∞', '–')
>>> hours(2.0), hours(27.5), hours(0.25), hours(float("inf"))
('2 h', '27.5 h', '0.25 h', '∞')
>>> amount(10.0), amount(2.5), factor(1.25)
('10', '2.5', '×1.25')
"""

from __future__ import annotations

import math

__all__ = ["UNKNOWN", "amount", "factor", "hours", "percent"]

UNKNOWN = "–"
"""Written for a value that is not known."""


def amount(value: float | None) -> str:
    """A count or quantity: at most two decimals, no trailing zeros."""
    if value is None:
        return UNKNOWN
    if math.isinf(value):
        return "∞"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(value: float | None) -> str:
    """A fraction as a whole percentage: ``0.8`` → ``'80%'``."""
    if value is None:
        return UNKNOWN
    if math.isinf(value):
        return "∞"
    return f"{value * 100:.0f}%"


def hours(value: float | None) -> str:
    """A duration in hours: ``'27.5 h'``."""
    if value is None:
        return UNKNOWN
    if math.isinf(value):
        return "∞"
    return f"{amount(value)} h"


def factor(value: float | None) -> str:
    """A growth factor such as the headroom: ``'×1.25'``."""
    if value is None:
        return UNKNOWN
    if math.isinf(value):
        return "∞"
    return f"×{amount(value)}"
