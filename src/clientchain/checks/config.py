"""Which rules run, at which severity, and which findings an entity suppresses.

Precedence, lowest first:

1. each rule's default severity; every registered rule is selected;
2. ``[tool.clientchain]`` in the nearest ``pyproject.toml`` (merged into the org
   by :func:`with_project`): the same keys as ``checks:``, applied the same way;
3. the org file's ``checks:`` section: ``select`` (when not empty) replaces the
   selection, ``ignore`` removes rules from it, ``severity`` overrides severities;
   a threshold written there wins over the pyproject's;
4. :class:`CheckOptions` from the command line: ``select`` (when not empty)
   replaces the whole selection made so far, file ``ignore`` included — it is
   the most explicit request —, ``ignore`` removes more rules, ``severity``
   overrides severities again.

A rule both selected and ignored at the same level is ignored. Independently of
the selection, ``ignore: [rule, …]`` on a department, client, supplier, handoff or
chain drops the findings of those rules whose subject is that entity
(:meth:`Plan.keeps`).
Unknown rule ids are errors: :class:`~clientchain.errors.InputError` at the
``checks:`` key for the org file, :class:`~clientchain.errors.UsageError` for
options.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from clientchain.checks.base import Finding, Rule, Severity
from clientchain.checks.registry import RULES
from clientchain.errors import InputError, Issue, UsageError
from clientchain.i18n import _
from clientchain.loading.fields import THRESHOLDS
from clientchain.loading.project import ProjectConfig
from clientchain.model import ChecksConfig, Location, Organization

__all__ = ["CheckOptions", "Plan", "plan_checks", "with_project"]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """Rule selection from the command line (``--select``, ``--ignore``, ``--severity``).

    ``severity`` values may be :class:`Severity` members or their names.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity | str] = field(default_factory=dict)


Suppressions = Mapping[str, tuple[tuple[Location, frozenset[str]], ...]]
"""Subject (node id, ``from->to`` or chain id) → (where the entity is, rules it ignores)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """The rules to run, in registry order, each with its effective severity, and the
    per-entity ``ignore:`` lists."""

    rules: tuple[Rule, ...]
    severity: Mapping[str, Severity]
    suppressions: Suppressions = field(default_factory=dict)

    def keeps(self, finding: Finding) -> bool:
        """Whether ``finding`` survives the ``ignore:`` of the entity it is about.

        Its subject names the entity. A chain may share its id with a node; then
        the entity defined where the finding points wins, and when neither is
        there, the ignore lists of both apply.
        """
        entries = self.suppressions.get(finding.subject, ())
        if len(entries) > 1:
            here = [
                e for e in entries if (e[0].line, e[0].column) == (finding.line, finding.column)
            ]
            entries = tuple(here) or entries
        return not any(finding.rule in rules for _where, rules in entries)


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
    file_severity = _file_severity(org)  # also checks the per-entity ignore lists
    cli_severity = _options_severity(options)
    selected = _select(org.checks.select or tuple(RULES), org.checks.ignore)
    if options.select:
        selected = _select(options.select, ())
    selected = _select(selected, options.ignore)
    severity = {rule.id: rule.severity for rule in RULES.values()}
    severity.update(file_severity)
    severity.update(cli_severity)
    rules = tuple(r for r in RULES.values() if r.id in selected)
    return Plan(rules, severity, _suppressions(org))


def with_project(org: Organization, project: ProjectConfig | None) -> Organization:
    """``org`` with the ``[tool.clientchain]`` defaults of ``project`` under its ``checks:``.

    A threshold the file does not write comes from ``project``; ``select``
    comes from ``project`` when the file selects nothing (and then both
    ``ignore`` lists apply), ``severity`` overrides merge with the file's winning.
    The result's ``checks:`` keeps the file's location, so file-level problems
    still point at the org file.

    Raises
    ------
    InputError
        ``project`` names an unknown rule (at its line of ``pyproject.toml``).
    """
    if project is None:
        return org
    _check_project(project)
    mine = org.checks
    thresholds = {
        f.attr: getattr(project, f.attr)
        for f in THRESHOLDS
        if f.key not in mine.given and getattr(project, f.attr) is not None
    }
    select, ignore = (
        (mine.select, mine.ignore)
        if mine.select
        else (project.select, (*project.ignore, *mine.ignore))
    )
    merged: ChecksConfig = replace(
        mine,
        **thresholds,
        select=select,
        ignore=ignore,
        severity={**project.severity, **mine.severity},
    )
    return replace(org, checks=merged)


def _check_project(project: ProjectConfig) -> None:
    issues = [
        project.issue(key, _unknown_rule(rule), _hint(rule))
        for key, ids in (
            ("select", project.select),
            ("ignore", project.ignore),
            ("severity", tuple(project.severity)),
        )
        for rule in _unknown(ids)
    ]
    if issues:
        raise InputError(issues)


def _entities(
    org: Organization, every: bool = False
) -> Iterator[tuple[str, str, Location, tuple[str, ...]]]:
    """``(subject, key path, location, ignore list)`` of every entity with an ``ignore:``
    (of every entity when ``every``)."""
    for title, table in (
        ("departments", org.departments),
        ("clients", org.clients),
        ("suppliers", org.suppliers),
        ("chains", org.chains),
    ):
        for entity in table.values():
            if entity.ignore or every:
                yield entity.id, f"{title}.{entity.id}.ignore", entity.location, entity.ignore
    for index, handoff in enumerate(org.handoffs):
        if handoff.ignore or every:
            subject = f"{handoff.source}->{handoff.target}"
            yield subject, f"handoffs[{index}].ignore", handoff.location, handoff.ignore


def _suppressions(org: Organization) -> Suppressions:
    """Every entity under a subject that some entity's ``ignore:`` concerns (a chain and a
    department may share an id: both are kept so that :meth:`Plan.keeps` can tell them apart)."""
    wanted = {subject for subject, _path, _where, _rules in _entities(org)}
    table: dict[str, tuple[tuple[Location, frozenset[str]], ...]] = {}
    if not wanted:
        return table  # most files ignore nothing: no need to list every entity
    for subject, _path, where, rules in _entities(org, every=True):
        if subject in wanted:
            table[subject] = (*table.get(subject, ()), (where, frozenset(rules)))
    return table


def _select(chosen: Iterable[str], ignored: Iterable[str]) -> tuple[str, ...]:
    removed = set(ignored)
    return tuple(rule for rule in chosen if rule not in removed)


def _file_severity(org: Organization) -> dict[str, Severity]:
    """Validate ``org.checks`` and return its severity overrides; collect every issue."""
    config = org.checks
    where = config.location
    issues: list[Issue] = []

    def issue(path: str, message: str, hint: str, place: str = "") -> None:
        at = config.places.get(place, where)
        issues.append(Issue(org.source, at.line, at.column, message, path, hint))

    for key, ids in (("select", config.select), ("ignore", config.ignore)):
        for rule in _unknown(ids):
            issue(f"checks.{key}", _unknown_rule(rule), _hint(rule), f"{key}:{rule}")
    for _subject, path, place, ids in _entities(org):
        issues.extend(
            Issue(org.source, place.line, place.column, _unknown_rule(rule), path, _hint(rule))
            for rule in _unknown(ids)
        )
    overrides: dict[str, Severity] = {}
    for rule, text in config.severity.items():
        if rule in _unknown([rule]):
            issue("checks.severity", _unknown_rule(rule), _hint(rule), f"severity:{rule}")
        try:
            overrides[rule] = Severity.parse(str(text))
        except ValueError:
            at = f"severity:{rule}"
            message = _("unknown severity '{value}'").format(value=text)
            issue(f"checks.severity.{rule}", message, _("expected error, warning or info"), at)
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
            # TRANSLATORS: problem is "unknown severity 'x' (expected info, warning, error)"
            problem = _("{problem} for rule '{rule}' in --severity")
            problems.append(problem.format(problem=error, rule=rule))
    if problems:
        raise UsageError("; ".join(problems))
    return overrides


def _unknown(ids: Iterable[str]) -> list[str]:
    return [rule for rule in ids if rule not in RULES]


def _unknown_rule(rule: str) -> str:
    return _("unknown rule '{rule}'").format(rule=rule)


def _hint(rule: str) -> str:
    close = difflib.get_close_matches(rule, sorted(RULES), n=1)
    if close:
        return _("did you mean '{rule}'?").format(rule=close[0])
    return _("known rules: {rules}").format(rules=", ".join(RULES))


def _described(rule: str, option: str) -> str:
    # TRANSLATORS: option is --select, --ignore or --severity; hint is "did you mean 'x'?"
    return _("unknown rule '{rule}' in {option} ({hint})").format(
        rule=rule, option=option, hint=_hint(rule)
    )
