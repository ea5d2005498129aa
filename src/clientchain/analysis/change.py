"""A what-if change as values: demand × factor, headcount ± people or = N, capacity = hours.

:func:`~clientchain.analysis.whatif.simulate` takes these; reading them from
command-line text is the CLI's job (:mod:`clientchain.cli.changes`). :func:`check_changes`
refuses an unknown chain or department and a value no change can have.

>>> from clientchain.model import Department, Organization
>>> org = Organization(name="Tiny", departments={"a": Department("a", "A")})
>>> check_changes(org, [Change.headcount("aa", add=1)])
Traceback (most recent call last):
  ...
clientchain.errors.UsageError: headcount of aa +1: unknown department 'aa' (did you mean 'a'?)
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Literal

from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["Change", "Kind", "Operation", "check_changes", "unknown_target"]

Operation = Literal["scale", "add", "set"]
Kind = Literal["demand", "headcount", "capacity"]

_OPERATIONS: dict[Kind, tuple[Operation, ...]] = {
    "demand": ("scale",),
    "headcount": ("add", "set"),
    "capacity": ("set",),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One what-if change: ``kind`` of ``target`` (``None``: every chain) by ``operation``.

    Build one with :meth:`demand`, :meth:`headcount` or :meth:`capacity`. ``label``
    is how reports and error messages name the change (``str(change)``); by default
    it describes the values (``demand × 1.5``), and ``clientchain simulate`` sets it
    to the option as typed (``--demand 1.5``). It takes no part in equality.

    >>> Change.demand(1.5), Change.headcount("a", add=1), Change.capacity("a", 60)
    (Change('demand × 1.5'), Change('headcount of a +1'), Change('capacity of a = 60 h'))
    >>> Change.demand(2, "x") == Change.demand(2.0, "x", label="--demand x=2")
    True
    """

    kind: Kind
    target: str | None
    operation: Operation
    value: float
    label: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.operation not in _OPERATIONS.get(self.kind, ()):
            raise ValueError(f"a {self.kind!r} change cannot {self.operation!r}")  # i18n: a bug
        if not self.label:
            object.__setattr__(self, "label", _describe(self))

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Change({self.label!r})"

    @classmethod
    def demand(cls, factor: float, chain: str | None = None, *, label: str = "") -> Change:
        """Multiply the demand of ``chain`` (``None``: every chain) by ``factor`` (≥ 0)."""
        return cls("demand", chain, "scale", float(factor), label)

    @classmethod
    def headcount(
        cls,
        department: str,
        *,
        add: float | None = None,
        to: float | None = None,
        label: str = "",
    ) -> Change:
        """Add ``add`` people to ``department`` (negative: remove), or set its headcount ``to``."""
        if (add is None) == (to is None):
            raise TypeError("Change.headcount takes exactly one of add= and to=")  # i18n: a bug
        if add is not None:
            return cls("headcount", department, "add", float(add), label)
        return cls("headcount", department, "set", float(to or 0.0), label)

    @classmethod
    def capacity(cls, department: str, hours: float, *, label: str = "") -> Change:
        """Set ``department``'s capacity per period to ``hours`` (≥ 0)."""
        return cls("capacity", department, "set", float(hours), label)


def _describe(change: Change) -> str:
    """The default label: the change in words, without command-line syntax.

    Kept in English in every language: it is the change's ``repr`` and what ``simulate``'s
    JSON lists under ``changes`` (the command line labels a change with the option as typed).
    """
    # i18n: the label is the change's repr and a JSON value, the same in every language
    what = change.kind if change.target is None else f"{change.kind} of {change.target}"
    if change.kind == "demand":
        return f"{what} × {change.value:g}"
    if change.operation == "add":
        return f"{what} {change.value:+g}"
    return f"{what} = {change.value:g}" + (" h" if change.kind == "capacity" else "")


def check_changes(org: Organization, changes: Iterable[Change]) -> None:
    """Refuse a change that names an unknown target or holds a value no change can have.

    A demand factor, a headcount set with ``to=`` and a capacity must be finite and
    not negative; a headcount delta must be finite. Messages start with the
    change's label.

    Raises
    ------
    UsageError
        The first change that is not valid, with the closest ids for an unknown one.
    TypeError
        An item is not a :class:`Change` (for example a string from a command line).
    """
    for change in changes:
        if not isinstance(change, Change):
            raise TypeError(  # i18n: a programmer's error
                f"expected a Change (Change.demand, .headcount, .capacity), got {change!r}"
            )
        table: Collection[str] = org.chains if change.kind == "demand" else org.departments
        if change.target is not None and change.target not in table:
            what = "chain" if change.kind == "demand" else "department"
            raise UsageError(f"{change}: {unknown_target(what, change.target, table)}")
        if change.target is None and change.kind != "demand":
            # the library's own changes always name a department: a capacity or headcount
            # change without one is built by hand
            raise UsageError(
                _("{change}: a {kind} change needs a department").format(
                    change=change, kind=change.kind
                )
            )
        signed = change.operation == "add"
        if not math.isfinite(change.value) or (change.value < 0 and not signed):
            if signed:
                message = _("{change}: expected a finite number, got {value}")
            else:
                message = _("{change}: expected a finite number, 0 or more, got {value}")
            raise UsageError(message.format(change=change, value=repr(change.value)))


def unknown_target(what: str, target: str, known: Iterable[str]) -> str:
    """``unknown chain 'zz'``, with up to three close ids: ``(did you mean 'z'?)``.

    ``what`` is ``chain`` or ``department`` (another word is written as given, in English).
    """
    close = difflib.get_close_matches(target, list(known), n=3)
    candidates = ", ".join(repr(c) for c in close)
    if what == "chain":
        message = (
            _("unknown chain '{target}' (did you mean {candidates}?)")
            if close
            else _("unknown chain '{target}'")
        )
    elif what == "department":
        message = (
            _("unknown department '{target}' (did you mean {candidates}?)")
            if close
            else _("unknown department '{target}'")
        )
    else:
        hint = f" (did you mean {candidates}?)" if close else ""  # i18n: a caller's own word
        return f"unknown {what} '{target}'{hint}"  # i18n: a caller's own word
    return message.format(target=target, candidates=candidates)
