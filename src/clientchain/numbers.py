"""How numbers, percentages, durations, counts and names are written, in every command.

The one place that decides how a human reads a value: the text formatters, the
rule messages and ``diff`` all write through these functions, so ``map``,
``check`` and ``diff`` agree (``66.7 %``, ``30 min``, ``Taller (taller)``,
``1 client``). Plain text writes an infinite value as ``∞``; JSON writes it as
``null`` (:func:`finite`), because ``Infinity`` is not JSON. A value that is not
known (``None``: a step's ``effort: unknown`` and all it feeds) is written
``unknown`` (:data:`UNKNOWN`) and JSON ``null``, never as 0. This module imports
nothing from clientchain, so every layer may use it.

>>> pct(0.8), pct(1.125), pct(2 / 3), duration(6.5), duration(0.25), lead_time(30.5, 8)
('80 %', '112.5 %', '66.7 %', '6.5 h', '15 min', '3.81 working days (30.5 h)')
>>> points(1 / 6), signed_pct(1.6 / 2.75), signed_duration(-0.5)
('+16.7 pts', '+58.2 %', '−30 min')
>>> pct(None), duration(None), lead_time(None, 8), num(None), finite(None), hours(None)
('unknown', 'unknown', 'unknown', 'unknown', None, 'unknown')
>>> factor(1.25), factor(0.001), factor(float("inf")), num(-0.001)
('× 1.25', '× 0.001', '∞', '0')
>>> given(2.5), given(1 / 3), given(4.0), fixed(0.5)
('2.5', '0.333333', '4', '0.50')
>>> load_of(64, 80, "week"), load_of(0.5, 40)
('64 h of 80 h per week', '0.5 h of 40 h')
>>> load_of(None, 80, "week")
'unknown of 80 h per week'
>>> name_id("Taller", "taller"), name_id("x", "x"), plural(1, "client"), plural(2, "info", "info")
('Taller (taller)', 'x', '1 client', '2 info')

A value of a billion or more is written with three significant digits and its power of
ten, so a what-if with a huge factor stays readable:

>>> pct(1.375e21), num(3.2e22), factor(1e300), num(999_999_999), duration(1e-300)
('1.38e+23 %', '3.2e+22', '× 1e+300', '999999999', '6e-299 min')
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = [
    "HUGE",
    "UNKNOWN",
    "duration",
    "factor",
    "finite",
    "fixed",
    "given",
    "hours",
    "lead_time",
    "load_of",
    "name_id",
    "num",
    "or_unknown",
    "pct",
    "plural",
    "points",
    "signed_duration",
    "signed_pct",
]


HUGE = 1e9
"""From this magnitude on a value is written as ``1.38e+23`` (three significant digits)."""


UNKNOWN = "unknown"
"""How every text output writes a value that is not known (``None``)."""


def finite(value: float | None) -> float | None:
    """``value``, or ``None`` (JSON ``null``) when it is unknown, infinite or NaN."""
    return value if value is not None and math.isfinite(value) else None


def _unbounded(value: float | None, infinite: str = "∞") -> str:
    """What to write for a value that is no number to round: ``unknown`` for None,
    ``infinite`` for an infinity."""
    return UNKNOWN if value is None else infinite


def num(value: float | None) -> str:
    """At most two decimals, no trailing zeros; ``∞`` for infinity (never ``-0``);
    ``unknown`` for None."""
    if value is None or math.isinf(value):
        return _unbounded(value)
    if abs(value) >= HUGE:
        return f"{value:.3g}"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def factor(value: float) -> str:
    """A growth factor: ``'× 1.25'``, ``'∞'``; a tiny one keeps two significant digits."""
    if math.isinf(value):
        return "∞"
    if 0 < value < 0.005:
        return f"× {value:.2g}"
    return f"× {num(value)}"


def given(value: float) -> str:
    """A value as the file gives it (a demand, a headcount): up to six significant digits."""
    return f"{value:g}"


def fixed(value: float) -> str:
    """A score with two fixed decimals, so a column of them aligns: ``'0.50'``."""
    return f"{value:.2f}"


def pct(fraction: float | None) -> str:
    """``'80 %'``, ``'112.5 %'``, ``'∞ %'`` (one decimal); ``unknown`` for None."""
    if fraction is None or math.isinf(fraction):
        return _unbounded(fraction, "∞ %")
    return _one_decimal(fraction * 100) + " %"


def signed_pct(fraction: float) -> str:
    """A relative change: ``'+58.2 %'``, ``'−10 %'``, ``'+∞ %'``."""
    return _sign(fraction) + pct(abs(fraction))


def points(delta: float) -> str:
    """A change of a percentage in percentage points: ``'+16.7 pts'``, ``'−5 pts'``."""
    if math.isinf(delta):
        return f"{_sign(delta)}∞ pts"
    return f"{_sign(delta)}{_one_decimal(abs(delta) * 100)} pts"


def duration(hours: float | None) -> str:
    """``'6.5 h'``; under an hour in minutes, ``'45 min'``; ``'∞'`` for an unbounded time;
    ``unknown`` for None."""
    if hours is None or math.isinf(hours):
        return _unbounded(hours)
    if 0 < hours < 1:
        minutes = num(hours * 60)
        if minutes == "0":  # under 0.005 minutes: two significant digits, never "0 min"
            return f"{hours * 60:.2g} min"
        if minutes != "60":  # 59.999 minutes would read as an hour in minutes
            return f"{minutes} min"
    return f"{num(hours)} h"


def hours(value: float | None) -> str:
    """Hours as a plain number, ``'25 h'`` (no minutes: loads and capacities); ``unknown``."""
    return UNKNOWN if value is None else f"{num(value)} h"


def or_unknown(value: float | None, write: Callable[[float], str]) -> str:
    """``write(value)``, or ``unknown`` for None: for writers that show None otherwise.

    >>> or_unknown(None, str), or_unknown(2.5, str)
    ('unknown', '2.5')
    """
    return UNKNOWN if value is None else write(value)


def signed_duration(hours: float) -> str:
    """A change of a duration: ``'+1.6 h'``, ``'−30 min'``."""
    return _sign(hours) + duration(abs(hours))


def lead_time(hours: float | None, hours_per_day: float) -> str:
    """Working days and hours: ``'3.81 working days (30.5 h)'``; ``unknown`` for None."""
    if hours is None or math.isinf(hours):
        return _unbounded(hours, "∞ (an unbounded queue)")
    days = hours / hours_per_day if hours_per_day else math.inf
    unit = "working day" if days == 1 else "working days"
    return f"{num(days)} {unit} ({duration(hours)})"


def load_of(load_hours: float | None, capacity_hours: float, period: str | None = None) -> str:
    """A department's load against its capacity: ``'64 h of 80 h per week'``; an unknown
    load reads ``'unknown of 80 h per week'``."""
    per = f" per {period}" if period else ""
    return f"{hours(load_hours)} of {hours(capacity_hours)}{per}"


def name_id(name: str, key: str) -> str:
    """``'Name (id)'``, or just ``'id'`` when the name is the id."""
    return key if name == key else f"{name} ({key})"


def plural(count: float, word: str, many: str | None = None) -> str:
    """``'1 client'``, ``'3 clients'``, ``'0 suppliers'``, ``'1.5 months'``."""
    return f"{num(count)} {word if count == 1 else (many or word + 's')}"


def _one_decimal(value: float) -> str:
    if abs(value) >= HUGE:
        return f"{value:.3g}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _sign(value: float) -> str:
    return "−" if value < 0 else "+"
