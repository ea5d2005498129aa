"""Durations, percentages and calendar arithmetic.

All durations are held in **hours** inside clientchain. A working day is
``hours_per_day`` hours, a week ``days_per_week`` days, a month
``days_per_month`` days (by default four weeks: 4 × ``days_per_week``) and a
quarter three months, as set in the org file's ``calendar``.

>>> cal = Calendar(hours_per_day=8, days_per_week=5, days_per_month=20)
>>> parse_duration("1.5d", cal)
12.0
>>> parse_duration("30m", cal)
0.5
>>> parse_percentage("90%")
0.9
>>> cal.period_hours("week")
40.0
>>> Calendar(days_per_week=4).period_hours("month")  # 8 h × 4 weeks × 4 days
128.0
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from clientchain.i18n import _
from clientchain.numbers import num

__all__ = [
    "CALENDAR_LIMITS",
    "MONTHS_PER_QUARTER",
    "PERIODS",
    "WEEKS_PER_MONTH",
    "Calendar",
    "Period",
    "parse_duration",
    "parse_percentage",
    "suggest_duration",
    "suggest_percentage",
]

Period = Literal["day", "week", "month", "quarter"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter")

WEEKS_PER_MONTH = 4
"""A month's working days when the calendar does not give them: 4 × ``days_per_week``."""
MONTHS_PER_QUARTER = 3
"""A quarter is three months of the calendar: 3 × ``days_per_month`` working days."""

CALENDAR_LIMITS = {"hours_per_day": 24.0, "days_per_week": 7.0, "days_per_month": 31.0}
"""The largest value of each calendar key; every one must also be above 0."""

_DURATION = re.compile(
    r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(s|sec|m|min|h|hr|d|w|mo)?\s*$"
)


_FIXED_UNITS = {"s": 1 / 3600, "sec": 1 / 3600, "m": 1 / 60, "min": 1 / 60, "h": 1.0, "hr": 1.0}
"""Hours in the units that do not depend on the calendar."""
_PERIOD_OF_UNIT: dict[str, Period] = {"d": "day", "w": "week", "mo": "month"}
"""The units that are one period of the calendar."""


@dataclass(frozen=True, slots=True)
class Calendar:
    """Working time: hours in a day, days in a week and in a month.

    ``days_per_month`` 0 (the default) means four weeks: 4 × ``days_per_week``.
    Values outside (0, :data:`CALENDAR_LIMITS`] raise :class:`ValueError`.
    """

    hours_per_day: float = 8.0
    days_per_week: float = 5.0
    days_per_month: float = 0.0

    def __post_init__(self) -> None:
        if self.days_per_month == 0:
            object.__setattr__(self, "days_per_month", WEEKS_PER_MONTH * self.days_per_week)
        for key, top in CALENDAR_LIMITS.items():
            value = getattr(self, key)
            if not 0 < value <= top:
                # TRANSLATORS: {key} is a calendar key of the file (hours_per_day), not translated
                message = _("{key} must be above 0 and at most {maximum}, got {value}")
                raise ValueError(message.format(key=key, maximum=num(top), value=repr(value)))

    def unit_hours(self, unit: str) -> float:
        """Hours in one ``unit`` (``s``, ``m``/``min``, ``h``, ``d``, ``w``, ``mo``)."""
        fixed = _FIXED_UNITS.get(unit)
        if fixed is not None:
            return fixed
        return self.period_hours(_PERIOD_OF_UNIT[unit])

    def period_hours(self, period: Period) -> float:
        """Working hours in one period (``H`` in the docs): hours of a day × days of the period."""
        return float(self.hours_per_day * self.days_per_period(period))

    def days_per_period(self, period: Period) -> float:
        """Working days in one period; a quarter is 3 × ``days_per_month``."""
        if period == "day":
            return 1.0
        if period == "week":
            return float(self.days_per_week)
        if period == "month":
            return float(self.days_per_month)
        return float(MONTHS_PER_QUARTER * self.days_per_month)


def parse_duration(value: object, calendar: Calendar) -> float:
    """Hours in ``value``: a number (hours) or a string such as ``'2h'``, ``'1.5d'``.

    Raises :class:`ValueError` with a message fit for users on anything else,
    including negative, infinite and NaN values.
    """
    if isinstance(value, bool):
        raise ValueError(_duration_expected().format(value=repr(value)))
    if isinstance(value, int | float):
        hours = float(value)
    elif isinstance(value, str):
        match = _DURATION.match(value)
        if not match:
            # TRANSLATORS: keep the examples as written: units are English letters, the decimal
            # separator is a point ('1.5d'); {value} is what the file says
            message = _("expected a duration like '4h', '30m' or '1.5d', got {value}")
            raise ValueError(message.format(value=repr(value)))
        hours = float(match.group(1)) * calendar.unit_hours(match.group(2) or "h")
    else:
        raise ValueError(_duration_expected().format(value=type(value).__name__))
    if math.isnan(hours) or math.isinf(hours):
        raise ValueError(_("expected a finite duration, got {value}").format(value=repr(value)))
    if hours < 0:
        raise ValueError(_("a duration cannot be negative, got {value}").format(value=repr(value)))
    return hours


def _duration_expected() -> str:
    # TRANSLATORS: keep the examples as written: units are English letters, the decimal
    # separator is a point ('1.5d')
    return _("expected a duration like '4h' or '1.5d', got {value}")


# i18n: unit spellings (machine tokens the loader recognizes, in English and Spanish)
_UNIT_WORDS = {unit: unit for unit in ("s", "sec", "m", "min", "h", "hr", "d", "w", "mo")} | {
    word: unit
    for unit, words in {
        "s": "secs second seconds seg segs segundo segundos",  # i18n: unit spellings
        "m": "mins minute minutes minuto minutos",  # i18n: unit spellings
        "h": "hrs hour hours hora horas",  # i18n: unit spellings
        "d": "day days dia dias día días",  # i18n: unit spellings
        "w": "wk wks week weeks semana semanas",  # i18n: unit spellings
        "mo": "mos month months mes meses",  # i18n: unit spellings
    }.items()
    for word in words.split()
}
"""Unit words people write (English and Spanish), by the unit clientchain reads."""
_WORDY_DURATION = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([^\W\d_]*)\.?\s*$")


def suggest_duration(text: str) -> str | None:
    """The duration ``text`` most likely means, when it is written in words or with a
    decimal comma, else ``None``.

    >>> suggest_duration("2 days"), suggest_duration("1,5h"), suggest_duration("2 días")
    ('2d', '1.5h', '2d')
    >>> suggest_duration("lots") is None
    True
    """
    match = _WORDY_DURATION.match(text)
    if not match:
        return None
    unit = _UNIT_WORDS.get(match.group(2).lower() or "h")
    if unit is None:
        return None
    suggestion = f"{match.group(1).replace(',', '.')}{unit}"
    return suggestion if suggestion != text else None


def suggest_percentage(value: object) -> str | None:
    """``'90%'`` for a bare number 90 that was refused as a fraction, else ``None``.

    >>> suggest_percentage(90), suggest_percentage(92.5), suggest_percentage(250)
    ('90%', '92.5%', None)
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 < value <= 100:
        return None
    return f"{value:g}%"


def parse_percentage(value: object) -> float:
    """A fraction in [0, 1] from ``'90%'``, ``90%`` or ``0.9``.

    A bare number above 1 is refused rather than guessed: ``90`` is ambiguous.
    """
    if isinstance(value, bool):
        raise ValueError(_percent_expected().format(value=repr(value)))
    if isinstance(value, str):
        text = value.strip()
        try:
            fraction = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise ValueError(_percent_expected().format(value=repr(value))) from None
    elif isinstance(value, int | float):
        fraction = float(value)
        if fraction > 1:
            # TRANSLATORS: keep '90%' as written (the file's syntax); {value} is the number given
            message = _("expected a percentage like '90%' or a fraction 0–1, got {value}")
            raise ValueError(message.format(value=f"{value:g}"))
    else:
        raise ValueError(_percent_expected().format(value=type(value).__name__))
    if math.isnan(fraction) or not 0 <= fraction <= 1:
        # TRANSLATORS: {value} is what the file says
        message = _("a percentage must lie between 0% and 100%, got {value}")
        raise ValueError(message.format(value=repr(value)))
    return fraction


def _percent_expected() -> str:
    # TRANSLATORS: keep '90%' and 0.9 as written: the file's syntax, with a decimal point
    return _("expected a percentage like '90%' or 0.9, got {value}")
