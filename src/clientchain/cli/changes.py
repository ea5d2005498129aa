"""``simulate --demand``, ``--headcount`` and ``--capacity``: option text → what-if changes.

The option syntax lives here, not in the analysis: ``--demand 1.3`` (also ``x1.3``,
``×1.3``, ``130%``, ``+30%``) or ``--demand CHAIN=…``; ``--headcount DEPT=+1`` (add) or
``DEPT=3`` (set); ``--capacity DEPT=60h`` (any duration of the org's calendar). Each
change is labelled with the option as typed (``--demand 1.3``), which is how the
report and later error messages name it. Bad text is a :class:`UsageError` naming
the option and the forms it accepts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable

from clientchain.analysis.change import Change, unknown_target
from clientchain.errors import UsageError
from clientchain.i18n import N_, _
from clientchain.model import Organization
from clientchain.units import parse_duration

__all__ = ["FACTOR_FORMS", "parse_changes", "parse_factor"]

FACTOR_FORMS = N_("1.3, x1.3, 130% or +30% (every chain), or CHAIN= one of these")
"""The ways of writing a demand factor, as the error message lists them (translated where shown)."""

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def parse_changes(
    org: Organization,
    *,
    demand: Iterable[str] = (),
    headcount: Iterable[str] = (),
    capacity: Iterable[str] = (),
) -> tuple[Change, ...]:
    """The changes the options ask for: all ``--demand``, then ``--headcount``, then ``--capacity``.

    Raises :class:`UsageError` for the first value that names an unknown chain or
    department or is not written in an accepted form.
    """
    parsed = [_demand(org, text) for text in demand]
    parsed += [_headcount(org, text) for text in headcount]
    parsed += [_capacity(org, text) for text in capacity]
    return tuple(parsed)


def parse_factor(text: str) -> float:
    """A demand factor as a person types it: ``1.3``, ``x1.3``, ``130%``, ``+30%``, ``-20%``.

    ``N%`` is N % *of* today's demand (``130%`` = × 1.3, ``50%`` = × 0.5); ``+N%`` /
    ``-N%`` are N % *more* / *less* (``+30%`` = × 1.3); ``x`` or ``×`` may precede a
    plain number. Raises :class:`ValueError` naming the accepted forms for anything
    else (``+30`` and ``1,3`` too), or for a factor that is negative or not finite.

    >>> [parse_factor(t) for t in ("1.3", "x1.3", "130%", "+30%", "-20%")]
    [1.3, 1.3, 1.3, 1.3, 0.8]
    """
    value = text.strip()
    if value.endswith("%"):
        body = value[:-1].rstrip()
        number = _plain_number(body, text)
        factor = 1 + number / 100 if body[:1] in ("+", "-") else number / 100
    else:
        if value[:1] in ("x", "X", "×"):
            value = value[1:].lstrip()
        elif value[:1] in ("+", "-"):  # "+30" is neither a factor nor a percentage
            raise ValueError(_expected(N_("expected a factor: {forms}; got {text}"), text))
        factor = _plain_number(value, text)
    if factor < 0:
        raise ValueError(
            _expected(N_("expected a factor that is not negative: {forms}; got {text}"), text)
        )
    return factor


def _expected(message: str, text: str) -> str:
    """``message`` (a catalog entry naming ``{forms}`` and ``{text}``) in the current language."""
    forms = _(FACTOR_FORMS)  # i18n: N_ table
    return _(message).format(forms=forms, text=repr(text))  # i18n: N_ table


def _plain_number(value: str, text: str) -> float:
    if not _NUMBER.fullmatch(value):
        raise ValueError(_expected(N_("expected a factor: {forms}; got {text}"), text))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(_expected(N_("expected a finite factor: {forms}; got {text}"), text))
    return number


def _demand(org: Organization, text: str) -> Change:
    target, value = _split(text)
    if target is not None:
        _known(target, org.chains, "chain", "--demand")
    try:
        factor = parse_factor(value)
    except ValueError as error:
        raise UsageError(f"--demand {text}: {error}") from None  # i18n: option as typed: reason
    return Change.demand(factor, target, label=f"--demand {text}")  # i18n: the option as typed


def _headcount(org: Organization, text: str) -> Change:
    target, value = _split(text)
    if target is None:
        raise UsageError(
            _("{option}: expected DEPT=+1 (add people) or DEPT=3 (set)").format(
                option=f"--headcount {text}"  # i18n: the option as typed
            )
        )
    _known(target, org.departments, "department", "--headcount")
    label = f"--headcount {text}"  # i18n: the option as typed
    if value.strip().startswith(("+", "-")):
        delta = _number(value, label, _("DEPT=+1 or DEPT=3"), signed=True)
        return Change.headcount(target, add=delta, label=label)
    return Change.headcount(target, to=_number(value, label, _("DEPT=+1 or DEPT=3")), label=label)


def _capacity(org: Organization, text: str) -> Change:
    target, value = _split(text)
    if target is None:
        raise UsageError(
            _("{option}: expected DEPT=DURATION such as creative=60h").format(
                option=f"--capacity {text}"  # i18n: the option as typed
            )
        )
    _known(target, org.departments, "department", "--capacity")
    label = f"--capacity {text}"  # i18n: the option as typed
    try:
        hours = parse_duration(value.strip(), org.calendar)
    except ValueError as error:
        raise UsageError(f"{label}: {error}") from None
    return Change.capacity(target, hours, label=label)


def _split(text: str) -> tuple[str | None, str]:
    target, sep, value = text.rpartition("=")
    return (target.strip(), value) if sep else (None, text)


def _number(value: str, option: str, expected: str, *, signed: bool = False) -> float:
    try:
        number = float(value)
    except ValueError:
        raise UsageError(
            _("{option}: expected {expected}, got {value}").format(
                option=option, expected=expected, value=repr(value)
            )
        ) from None
    if not math.isfinite(number) or (number < 0 and not signed):
        raise UsageError(
            _("{option}: expected a finite, non-negative number, got {value}").format(
                option=option, value=repr(value)
            )
        )
    return number


def _known(target: str, table: Collection[str], what: str, option: str) -> None:
    if target not in table:
        raise UsageError(f"{option}: {unknown_target(what, target, table)}")  # i18n: option: reason
