"""Which rules run, and at which severity.

Precedence, lowest first:

1. each rule's default severity; every registered rule is selected;
2. the org file's ``checks:`` section: ``select`` (when not empty) replaces the
   selection, ``ignore`` removes rules from it, ``severity`` overrides severities;
3. :class:`CheckOptions` from the command line: ``select`` (when not empty)
   replaces the whole selection made so far, file ``ignore`` included — it is
   the most explicit request —, ``ignore`` removes more rules, ``severity``
   overrides severities again.

A rule both selected and ignored at the same level is ignored.
Unknown rule ids are errors: :class:`~clientchain.errors.InputError` at the
``checks:`` key for the org file, :class:`~clientchain.errors.UsageError` for
options. Rule ids named in the specification but not implemented yet are
accepted and do nothing, so that files written for the full rule set stay valid.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from clientchain.checks.base import Rule, Severity
from clientchain.checks.registry import RULES
from clientchain.errors import InputError, Issue, UsageError
from clientchain.model import Organization

__all__ = ["SPEC_RULE_IDS", "CheckOptions", "Plan", "plan_checks"]

SPEC_RULE_IDS: frozenset[str] = frozenset(
    {
        "overloaded",
        "near-capacity",
        "over-takt",
        "orphan-department",
        "unserved-client",
        "isolated",
        "work-cycle",
        "single-point-of-failure",
        "no-feedback",
        "low-satisfaction",
        "low-quality",
        "missing-deliverable",
    }
)
"""Every rule id SPEC §4 names, implemented or not."""


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Rule selection from the command line (``--select``, ``--ignore``, ``--severity``).

    ``severity`` values may be :class:`Severity` members or their names.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """The rules to run, in registry order, each with its effective severity."""

    rules: tuple[Rule, ...]
    severity: Mapping[str, Severity]


def plan_checks(org: Organization, options: CheckOptions | None = None) -> Plan:
    """Resolve defaults, ``org.checks`` and ``options`` into a :class:`Plan`.

    Raises
    ------
    InputError
        ``org.checks`` names an unknown rule or severity.
    UsageError
        ``options`` names an unknown rule or severity.
    """
    options = options or CheckOptions()
    file_severity = _file_severity(org)
    cli_severity = _options_severity(options)
    selected = _select(org.checks.select or tuple(RULES), org.checks.ignore)
    if options.select:
        selected = _select(options.select, ())
    selected = _select(selected, options.ignore)
    severity = {rule.id: rule.severity for rule in RULES.values()}
    severity.update(file_severity)
    severity.update(cli_severity)
    return Plan(tuple(r for r in RULES.values() if r.id in selected), severity)


def _select(chosen: Iterable[str], ignored: Iterable[str]) -> tuple[str, ...]:
    removed = set(ignored)
    return tuple(rule for rule in chosen if rule not in removed)


def _file_severity(org: Organization) -> dict[str, Severity]:
    """Validate ``org.checks`` and return its severity overrides; collect every issue."""
    config = org.checks
    where = config.location
    issues: list[Issue] = []

    def issue(path: str, message: str, hint: str) -> None:
        issues.append(Issue(org.source, where.line, where.column, message, path, hint))

    for key, ids in (("select", config.select), ("ignore", config.ignore)):
        for rule in _unknown(ids):
            issue(f"checks.{key}", f"unknown rule '{rule}'", _hint(rule))
    overrides: dict[str, Severity] = {}
    for rule, text in config.severity.items():
        if rule in _unknown([rule]):
            issue("checks.severity", f"unknown rule '{rule}'", _hint(rule))
        try:
            overrides[rule] = Severity.parse(str(text))
        except ValueError:
            issue(f"checks.severity.{rule}", f"unknown severity '{text}'", _SEVERITY_HINT)
    if issues:
        raise InputError(issues)
    return overrides


def _options_severity(options: CheckOptions) -> dict[str, Severity]:
    problems: list[str] = []
    for option, ids in (("--select", options.select), ("--ignore", options.ignore)):
        problems.extend(_described(rule, option) for rule in _unknown(ids))
    overrides: dict[str, Severity] = {}
    for rule, value in options.severity.items():
        if rule in _unknown([rule]):
            problems.append(_described(rule, "--severity"))
        try:
            overrides[rule] = value if isinstance(value, Severity) else Severity.parse(value)
        except ValueError as error:
            problems.append(f"{error} for rule '{rule}' in --severity")
    if problems:
        raise UsageError("; ".join(problems))
    return overrides


def _unknown(ids: Iterable[str]) -> list[str]:
    return [rule for rule in ids if rule not in RULES and rule not in SPEC_RULE_IDS]


def _hint(rule: str) -> str:
    close = difflib.get_close_matches(rule, sorted(SPEC_RULE_IDS), n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return "known rules: " + ", ".join(RULES)


def _described(rule: str, option: str) -> str:
    return f"unknown rule '{rule}' in {option} ({_hint(rule)})"


_SEVERITY_HINT = "expected error, warning or info"
