"""Durations, percentages and calendar arithmetic.

All durations are held in **hours** inside clientchain. A working day is
``hours_per_day`` hours, a week ``days_per_week`` days and a month
``days_per_month`` days, as set in the org file's ``calendar``.

>>> cal = Calendar(hours_per_day=8, days_per_week=5, days_per_month=20)
>>> parse_duration("1.5d", cal)
12.0
>>> parse_duration("30m", cal)
0.5
>>> parse_percentage("90%")
0.9
>>> cal.period_hours("week")
40.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PERIODS",
    "Calendar",
    "Period",
    "format_hours",
    "parse_duration",
    "parse_percentage",
]

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")

_DURATION = re.compile(
    r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(s|sec|m|min|h|hr|d|w|mo)?\s*$"
)


_FIXED_UNITS = {"s": 1 / 3600, "sec": 1 / 3600, "m": 1 / 60, "min": 1 / 60, "h": 1.0, "hr": 1.0}
"""Hours in the units that do not depend on the calendar."""


@dataclass(frozen=True, slots=True)
class Calendar:
    """Working time: hours in a day, days in a week and in a month."""

    hours_per_day: float = 8.0
    days_per_week: float = 5.0
    days_per_month: float = 20.0

    def unit_hours(self, unit: str) -> float:
        """Hours in one ``unit`` (``s``, ``m``/``min``, ``h``, ``d``, ``w``, ``mo``)."""
        fixed = _FIXED_UNITS.get(unit)
        if fixed is not None:
            return fixed
        return {
            "d": self.hours_per_day,
            "w": self.hours_per_day * self.days_per_week,
            "mo": self.hours_per_day * self.days_per_month,
        }[unit]

    def period_hours(self, period: Period) -> float:
        """Working hours in one period (``H`` in the docs)."""
        if period == "day":
            return float(self.hours_per_day)
        if period == "week":
            return float(self.hours_per_day * self.days_per_week)
        return float(self.hours_per_day * self.days_per_month)

    def days_per_period(self, period: Period) -> float:
        """Working days in one period."""
        return {"day": 1.0, "week": self.days_per_week, "month": self.days_per_month}[period]


def parse_duration(value: object, calendar: Calendar) -> float:
    """Hours in ``value``: a number (hours) or a string such as ``'2h'``, ``'1.5d'``.

    Raises :class:`ValueError` with a message fit for users on anything else,
    including negative, infinite and NaN values.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a duration like '4h' or '1.5d', got {value!r}")
    if isinstance(value, int | float):
        hours = float(value)
    elif isinstance(value, str):
        match = _DURATION.match(value)
        if not match:
            raise ValueError(f"expected a duration like '4h', '30m' or '1.5d', got {value!r}")
        hours = float(match.group(1)) * calendar.unit_hours(match.group(2) or "h")
    else:
        raise ValueError(f"expected a duration like '4h' or '1.5d', got {type(value).__name__}")
    if math.isnan(hours) or math.isinf(hours):
        raise ValueError(f"expected a finite duration, got {value!r}")
    if hours < 0:
        raise ValueError(f"a duration cannot be negative, got {value!r}")
    return hours


def parse_percentage(value: object) -> float:
    """A fraction in [0, 1] from ``'90%'``, ``90%`` or ``0.9``.

    A bare number above 1 is refused rather than guessed: ``90`` is ambiguous.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a percentage like '90%' or 0.9, got {value!r}")
    if isinstance(value, str):
        text = value.strip()
        try:
            fraction = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise ValueError(f"expected a percentage like '90%' or 0.9, got {value!r}") from None
    elif isinstance(value, int | float):
        fraction = float(value)
        if fraction > 1:
            raise ValueError(
                f"expected a percentage like '90%' or a fraction 0–1, got {value!r}; "
                f"write '{value}%' for a percentage"
            )
    else:
        raise ValueError(f"expected a percentage like '90%' or 0.9, got {type(value).__name__}")
    if math.isnan(fraction) or not 0 <= fraction <= 1:
        raise ValueError(f"a percentage must lie between 0% and 100%, got {value!r}")
    return fraction


def format_hours(hours: float) -> str:
    """Short human form of a number of hours: ``'30m'``, ``'4h'``, ``'12.5h'``."""
    if math.isinf(hours):
        return "∞"
    if 0 < hours < 1:
        return f"{hours * 60:.0f}m"
    return f"{hours:.1f}h".replace(".0h", "h")
