"""Result objects the formatters render: the ``map`` overview and a ``check`` run.

They gather what the library returns (the model, who-serves-whom, findings, input
issues) into one value per command, so that every formatter is a pure function
of one argument. The use cases of :mod:`clientchain.app` build them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clientchain.analysis.flow import FlowReport
from clientchain.analysis.structure import WhoServesWhom
from clientchain.checks import Finding, Severity
from clientchain.errors import Issue
from clientchain.model import Organization

__all__ = [
    "DEFAULT_FAIL_ON",
    "INPUT_ERROR",
    "CheckReport",
    "CheckRun",
    "FileCheck",
    "Overview",
    "input_finding",
]

INPUT_ERROR = "input-error"
"""Rule id given to the issues of a file that could not be loaded."""


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything ``clientchain map`` shows about one organization.

    ``handoffs`` counts the edges of the derived graph: each supplier → client
    pair once, whether declared in ``handoffs`` or implied by a chain. ``flow``
    holds utilization, the constraint and lead times (``None`` only when built
    by hand without it).
    """

    org: Organization
    handoffs: int
    departments: tuple[WhoServesWhom, ...]
    findings: tuple[Finding, ...]
    flow: FlowReport | None = None

    def top_bottlenecks(self, limit: int = 3) -> list[str]:
        """Ids of the ``limit`` departments with the highest utilization, highest first."""
        if self.flow is None:
            return []
        return [d.id for d in self.flow.by_utilization()[:limit]]

    @property
    def counts(self) -> dict[str, int]:
        """Departments, external clients and suppliers, handoffs and chains."""
        return {
            "departments": len(self.org.departments),
            "clients": len(self.org.clients),
            "suppliers": len(self.org.suppliers),
            "handoffs": self.handoffs,
            "chains": len(self.org.chains),
        }


@dataclass(frozen=True, slots=True)
class FileCheck:
    """The outcome for one file: its findings, or the issues that kept it from loading."""

    file: str
    findings: tuple[Finding, ...] = ()
    issues: tuple[Issue, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether the file loaded (then its rules ran)."""
        return not self.issues

    def reported(self) -> tuple[Finding, ...]:
        """Rule findings, or one ``input-error`` finding per issue for an unreadable file."""
        if self.readable:
            return self.findings
        return tuple(input_finding(issue) for issue in self.issues)


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A ``clientchain check`` over several files, in the order they were given."""

    files: tuple[FileCheck, ...]

    def reported(self) -> tuple[Finding, ...]:
        """Every finding to show, input errors included, file by file."""
        return tuple(f for result in self.files for f in result.reported())

    @property
    def unreadable(self) -> int:
        """How many files could not be loaded."""
        return sum(not result.readable for result in self.files)

    def counts(self) -> dict[str, int]:
        """The JSON ``summary``: files, findings by severity (input errors count as
        errors), unreadable files."""
        shown = self.reported()
        return {
            "files": len(self.files),
            "errors": _count(shown, Severity.ERROR),
            "warnings": _count(shown, Severity.WARNING),
            "infos": _count(shown, Severity.INFO),
            "unreadable": self.unreadable,
        }

    def failing(self, threshold: Severity) -> list[Finding]:
        """Rule findings at or above ``threshold`` (what makes ``check`` exit 1)."""
        return [f for r in self.files for f in r.findings if f.severity >= threshold]


DEFAULT_FAIL_ON = Severity.WARNING
"""``--fail-on`` when neither the command line nor ``[tool.clientchain]`` sets it."""


@dataclass(frozen=True, slots=True)
class CheckReport:
    """A :class:`CheckRun` plus, file by file, the rules that ran and the fail-on threshold.

    ``ran[i]`` and ``fail_on[i]`` belong to ``run.files[i]``; an unreadable file
    ran no rule.
    """

    run: CheckRun
    ran: tuple[tuple[str, ...], ...]
    fail_on: tuple[Severity, ...]

    def failing(self) -> list[Finding]:
        """Rule findings at or above their file's threshold (what makes ``check`` exit 1)."""
        return [
            finding
            for result, threshold in zip(self.run.files, self.fail_on, strict=True)
            for finding in result.findings
            if finding.severity >= threshold
        ]

    def exit_code(self) -> int:
        """2 when a file could not be read, else 1 when something fails, else 0."""
        if self.run.unreadable:
            return 2
        return 1 if self.failing() else 0


def input_finding(issue: Issue) -> Finding:
    """An input issue as an ``input-error`` finding; its subject is the key path."""
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.hint:
        message += f" ({issue.hint})"
    return Finding(
        INPUT_ERROR, Severity.ERROR, message, issue.file, issue.line, issue.column, issue.path
    )


def _count(findings: Iterable[Finding], severity: Severity) -> int:
    return sum(f.severity is severity for f in findings)
