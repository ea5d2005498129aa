"""How numbers, percentages, durations, counts and names are written, in every command.

The one place that decides how a human reads a value: the text formatters, the
rule messages and ``diff`` all write through these functions, so ``map``,
``check`` and ``diff`` agree. Numbers follow the language in force
(:mod:`clientchain.i18n`) with the CLDR symbols Babel gives for it
(``locale/numbers.json``, written by ``make i18n``): ``66.7%`` and ``1,234.5`` in
English, ``66,7 %`` and ``1.234,5`` in Spanish. Plain text writes an infinite value
as ``∞``; JSON writes it as ``null`` (:func:`finite`), because ``Infinity`` is not
JSON. A value that is not known (``None``: a step's ``effort: unknown`` and all it
feeds) is written ``unknown`` (:func:`unknown_text`) and JSON ``null``, never as 0.

>>> pct(0.8), pct(1.125), pct(2 / 3), duration(6.5), duration(0.25), lead_time(30.5, 8)
('80%', '112.5%', '66.7%', '6.5 h', '15 min', '3.81 working days (30.5 h)')
>>> points(1 / 6), signed_pct(1.6 / 2.75), signed_duration(-0.5)
('+16.7 pts', '+58.2%', '−30 min')
>>> pct(None), duration(None), lead_time(None, 8), num(None), finite(None), hours(None)
('unknown', 'unknown', 'unknown', 'unknown', None, 'unknown')
>>> factor(1.25), factor(0.001), factor(float("inf")), num(-0.001)
('× 1.25', '× 0.001', '∞', '0')
>>> given(2.5), given(1 / 3), given(4.0), fixed(0.5), num(12345.678)
('2.5', '0.333333', '4', '0.50', '12,345.68')
>>> load_of(64, 80, "week"), load_of(0.5, 40)
('64 h of 80 h per week', '0.5 h of 40 h')
>>> load_of(None, 80, "week")
'unknown of 80 h per week'
>>> name_id("Taller", "taller"), name_id("x", "x")
('Taller (taller)', 'x')
>>> plural(1, "{n} client", "{n} clients"), plural(1500, "{n} client", "{n} clients")
('1 client', '1,500 clients')

The same values in Spanish:

>>> from clientchain.i18n import use
>>> with use("es"):
...     pct(0.8), lead_time(30.5, 8), num(12345.678), load_of(64, 80, "week")
('80\xa0%', '3,81 días laborables (30,5 h)', '12.345,68', '64 h de 80 h por semana')

A value of a billion or more is written with three significant digits and its power of
ten, so a what-if with a huge factor stays readable:

>>> pct(1.375e21), num(3.2e22), factor(1e300), num(999_999_999), duration(1e-300)
('1.38e+23%', '3.2e+22', '× 1e+300', '999,999,999', '6e-299 min')
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache

from clientchain.i18n import LOCALE_DIR, N_, _, current, ngettext

__all__ = [
    "HUGE",
    "PERIOD_WORDS",
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
    "per_period",
    "plural",
    "points",
    "rating",
    "signed_duration",
    "signed_pct",
    "unknown_text",
]


HUGE = 1e9
"""From this magnitude on a value is written as ``1.38e+23`` (three significant digits)."""

PERIOD_WORDS = {
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "quarter": N_("per quarter"),
}
"""How "per <period>" reads, for every period a file may count in."""


@cache
def _symbols(language: str) -> tuple[dict[int, str], str]:
    """The CLDR decimal and group symbols of ``language`` (as a ``str.translate`` table
    from Python's ``.`` and ``,``) and its percent pattern, ``'{}%'`` or ``'{}\xa0%'``."""
    table = json.loads((LOCALE_DIR / "numbers.json").read_text(encoding="utf-8"))[language]
    return {ord("."): table["decimal"], ord(","): table["group"]}, table["percent"]


def _local(text: str) -> str:
    """``text`` written with Python's ``.`` and ``,`` in the current language's symbols."""
    return text.translate(_symbols(current())[0])


def unknown_text() -> str:
    """How every text output writes a value that is not known (``None``)."""
    return _("unknown")


def finite(value: float | None) -> float | None:
    """``value``, or ``None`` (JSON ``null``) when it is unknown, infinite or NaN."""
    return value if value is not None and math.isfinite(value) else None


def _unbounded(value: float | None, infinite: str = "∞") -> str:
    """What to write for a value that is no number to round: ``unknown`` for None,
    ``infinite`` for an infinity."""
    return unknown_text() if value is None else infinite


def num(value: float | None) -> str:
    """At most two decimals, no trailing zeros, thousands grouped; ``∞`` for infinity
    (never ``-0``); ``unknown`` for None."""
    if value is None or math.isinf(value):
        return _unbounded(value)
    if abs(value) >= HUGE:
        return _local(f"{value:.3g}")
    text = _trim(f"{value:,.2f}")
    return "0" if text == "-0" else _local(text)


def factor(value: float) -> str:
    """A growth factor: ``'× 1.25'``, ``'∞'``; a tiny one keeps two significant digits."""
    if math.isinf(value):
        return "∞"
    if 0 < value < 0.005:
        return f"× {_local(f'{value:.2g}')}"
    return f"× {num(value)}"


def given(value: float) -> str:
    """A value as the file gives it (a demand, a headcount): up to six significant digits."""
    return _local(f"{value:g}")


def fixed(value: float) -> str:
    """A score with two fixed decimals, so a column of them aligns: ``'0.50'``."""
    return _local(f"{value:.2f}")


def pct(fraction: float | None) -> str:
    """``'80%'``, ``'112.5%'``, ``'∞%'`` (one decimal; ``80 %`` in Spanish); ``unknown``
    for None."""
    if fraction is None:
        return unknown_text()
    pattern = _symbols(current())[1]
    if math.isinf(fraction):
        return pattern.format("∞")
    return pattern.format(_one_decimal(fraction * 100))


def signed_pct(fraction: float) -> str:
    """A relative change: ``'+58.2%'``, ``'−10%'``, ``'+∞%'``."""
    return _sign(fraction) + pct(abs(fraction))


def points(delta: float) -> str:
    """A change of a percentage in percentage points: ``'+16.7 pts'``, ``'−5 pts'``."""
    value = "∞" if math.isinf(delta) else _one_decimal(abs(delta) * 100)
    # TRANSLATORS: percentage points, the difference between two percentages
    return _("{value} pts").format(value=_sign(delta) + value)


def duration(hours: float | None) -> str:
    """``'6.5 h'``; under an hour in minutes, ``'45 min'``; ``'∞'`` for an unbounded time;
    ``unknown`` for None."""
    if hours is None or math.isinf(hours):
        return _unbounded(hours)
    if 0 < hours < 1:
        minutes = num(hours * 60)
        if minutes == "0":  # under 0.005 minutes: two significant digits, never "0 min"
            return f"{_local(f'{hours * 60:.2g}')} min"  # i18n: unit symbol, as in Spanish
        if minutes != "60":  # 59.999 minutes would read as an hour in minutes
            return f"{minutes} min"  # i18n: unit symbol, as in Spanish
    return f"{num(hours)} h"


def hours(value: float | None) -> str:
    """Hours as a plain number, ``'25 h'`` (no minutes: loads and capacities); ``unknown``."""
    return unknown_text() if value is None else f"{num(value)} h"


def or_unknown(value: float | None, write: Callable[[float], str]) -> str:
    """``write(value)``, or ``unknown`` for None: for writers that show None otherwise.

    >>> or_unknown(None, str), or_unknown(2.5, str)
    ('unknown', '2.5')
    """
    return unknown_text() if value is None else write(value)


def signed_duration(hours: float) -> str:
    """A change of a duration: ``'+1.6 h'``, ``'−30 min'``."""
    return _sign(hours) + duration(abs(hours))


def lead_time(hours: float | None, hours_per_day: float) -> str:
    """Working days and hours: ``'3.81 working days (30.5 h)'``; ``unknown`` for None."""
    if hours is None or math.isinf(hours):
        return _unbounded(hours, _("∞ (an unbounded queue)"))
    days = hours / hours_per_day if hours_per_day else math.inf
    return ngettext("{days} working day ({hours})", "{days} working days ({hours})", days).format(
        days=num(days), hours=duration(hours)
    )


def per_period(period: str) -> str:
    """``'per week'``, in the current language."""
    return _(PERIOD_WORDS[period])  # i18n: N_ table


def load_of(load_hours: float | None, capacity_hours: float, period: str | None = None) -> str:
    """A department's load against its capacity: ``'64 h of 80 h per week'``; an unknown
    load reads ``'unknown of 80 h per week'``."""
    text = _("{load} of {capacity}").format(load=hours(load_hours), capacity=hours(capacity_hours))
    return f"{text} {per_period(period)}" if period else text


def rating(value: float, answers: int | None = None) -> str:
    """A 1–5 satisfaction rating, with the number of survey answers it rests on when known.

    >>> rating(2.9, 12), rating(2.9, 1), rating(3.5)
    ('2.9 (12 answers)', '2.9 (1 answer)', '3.5')
    """
    if answers is None:
        return num(value)
    # TRANSLATORS: a 1-5 satisfaction rating and the number of survey answers it rests on,
    # "2.9 (12 answers)"
    return ngettext("{rating} ({n} answer)", "{rating} ({n} answers)", answers).format(
        rating=num(value), n=num(answers)
    )


def name_id(name: str, key: str) -> str:
    """``'Name (id)'``, or just ``'id'`` when the name is the id."""
    return key if name == key else f"{name} ({key})"


def plural(count: float, singular: str, many: str) -> str:
    """``'1 client'``, ``'3 clients'``, ``'1.5 months'``: the catalog's form of
    ``singular``/``many`` (message templates with ``{n}``) for ``count``.

    >>> plural(1, "{n} client", "{n} clients"), plural(1.5, "{n} client", "{n} clients")
    ('1 client', '1.5 clients')
    """
    # i18n: the caller's literals are in the catalog (extracted as plural:2,3)
    return ngettext(singular, many, count).format(n=num(count))


def _trim(text: str) -> str:
    """``'3.50'`` → ``'3.5'``, ``'4.00'`` → ``'4'``."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def _one_decimal(value: float) -> str:
    if abs(value) >= HUGE:
        return _local(f"{value:.3g}")
    return _local(_trim(f"{value:,.1f}"))


def _sign(value: float) -> str:
    return "−" if value < 0 else "+"
